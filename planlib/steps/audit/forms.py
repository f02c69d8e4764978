"""Step 1's forms: SWOT items, PESTEL factors, competitors, TOWS strategies, decisions on last year's actions.

Each edits a list of audit.yaml through the YAML form engine; labels come
from the catalogs (`field.<form>.<column>`), choices show words in the
form's language and store codes.
"""
from __future__ import annotations

from ...core.i18n import tr
from ...core.plan import Plan
from ...ui.forms import Field
from ...ui.yamlforms import YamlListForm, typed
from . import model as M
from .previous import previous_plan
from .schema import PESTEL_FACTORS


def _swot_label(item, index, path) -> str:
    quadrant = path[-1]
    if isinstance(item, dict):
        return f"{item.get('id') or M.LETTERS[quadrant] + str(index + 1)} – {item.get('text', '')}"
    return f"{M.LETTERS[quadrant]}{index + 1} – {item}"


def _swot_item(values: dict, old, index: int, path: tuple, plan: Plan):
    """A plain sentence while it has nothing else; a mapping (keeping its id) once it has importance or evidence."""
    quadrant = path[-1]
    importance = typed(Field("importance", "score"), values["importance"])
    if not importance and not values["evidence"] and not isinstance(old, dict):
        return values["text"]
    used = {i.id for i in M.swot_items(plan.audit)}
    given = old.get("id") if isinstance(old, dict) else None
    if not given:
        given = f"{M.LETTERS[quadrant]}{index + 1}"
        number = index + 1
        while old is None and given in used:  # a new item: the next free id of its quadrant
            number += 1
            given = f"{M.LETTERS[quadrant]}{number}"
    item = {"id": given, "text": values["text"]}
    if importance:
        item["importance"] = importance
    if values["evidence"]:
        item["evidence"] = values["evidence"]
    return item


def swot_form(plan: Plan, lang: str) -> YamlListForm:
    groups = [(tr(f"label.{q}", lang), ("swot", q)) for q in M.QUADRANTS]
    fields = [Field("text", "textarea", required=True), Field("importance", "score"), Field("evidence")]
    return YamlListForm(plan, "audit.yaml", "swot", fields, groups, lang, label_of=_swot_label, to_item=_swot_item)


def pestel_form(plan: Plan, lang: str) -> YamlListForm:
    fields = [
        Field("factor", "choice", [(tr(f"pestel.{d}", lang), d) for d in PESTEL_FACTORS]),
        Field("description", "textarea", required=True),
        Field("impact", "score"),
        Field("likelihood", "score"),
        Field("horizon", "choice", [("", "")] + [(tr(f"pestel.horizon.{h}", lang), h) for h in M.HORIZONS]),
        Field("evidence"),
        Field("nothing_material", "check"),
    ]
    label = lambda item, i, path: f"{tr('pestel.' + str(item.get('factor')), lang)} – {item.get('description', '')}" \
        if isinstance(item, dict) else str(item)  # noqa: E731
    return YamlListForm(plan, "audit.yaml", "pestel", fields, [("PESTEL", ("pestel",))], lang, label_of=label)


def competitor_form(plan: Plan, lang: str) -> YamlListForm:
    fields = [Field("name", required=True), Field("offer"), Field("price_level"), Field("positioning"),
              Field("channels", "list"), Field("strengths", "list"), Field("weaknesses", "list"),
              Field("scores.x", "number"), Field("scores.y", "number")]
    label = lambda item, i, path: str(item.get("name", "")) if isinstance(item, dict) else str(item)  # noqa: E731
    return YamlListForm(plan, "audit.yaml", "competitor", fields, [("", ("competitors",))], lang, label_of=label)


def _swot_choices(internal: bool):
    def options(plan: Plan) -> list[tuple[str, str]]:
        return [(f"{i.id} – {i.text}"[:60], i.id) for i in M.swot_items(plan.audit) if i.internal == internal]
    return options


def tows_form(plan: Plan, lang: str) -> YamlListForm:
    fields = [Field("pair.0", "choice", _swot_choices(True)), Field("pair.1", "choice", _swot_choices(False)),
              Field("strategy", "textarea", required=True), Field("objectives", "list")]
    label = lambda item, i, path: f"{'+'.join(map(str, item.get('pair') or []))} – {item.get('strategy', '')}" \
        if isinstance(item, dict) else str(item)  # noqa: E731
    return YamlListForm(plan, "audit.yaml", "tows", fields, [("TOWS", ("tows",))], lang, label_of=label)


def _previous_actions(plan: Plan) -> list[tuple[str, str]]:
    previous = previous_plan(plan)
    if previous is None:
        return []
    kept = previous.actions[previous.actions["status"] != "cancelled"]
    return [(f"{i} – {n}"[:60], i) for i, n in zip(kept["id"], kept["name"])]


def last_year_form(plan: Plan, lang: str) -> YamlListForm:
    fields = [Field("action_id", "choice", _previous_actions),
              Field("decision", "choice", [(tr(f"lastyear.decision.{d}", lang), d) for d in M.LAST_YEAR_DECISIONS]),
              Field("reason", "textarea", required=True), Field("change", "textarea")]
    label = lambda item, i, path: f"{item.get('action_id')} – {item.get('decision')}" \
        if isinstance(item, dict) else str(item)  # noqa: E731
    return YamlListForm(plan, "audit.yaml", "last_year", fields, [("", ("last_year_review", "decisions"))], lang,
                        label_of=label)
