"""Step 3's form: a persona with the criteria of its kind, its profile, channels, fit and share.

Edits personas.yaml through the YAML form engine; labels come from the
catalogs (`field.persona.<column>`). The form shows the criteria of one kind
(the plan's market by default); a plan holding both kinds shows both forms.
"""
from __future__ import annotations

from ...core.i18n import tr
from ...core.plan import Plan
from ...ui.forms import Field
from ...ui.yamlforms import YamlListForm
from . import model as M


def default_kind(plan: Plan) -> str:
    return "B2B" if plan.config.market == "B2B" else "B2C"


def _label(item, index, path) -> str:
    if not isinstance(item, dict):
        return str(item)
    return f"{item.get('id', '')} – {item.get('name', '')} ({item.get('type', '')})"


def persona_form(plan: Plan, lang: str, kind: str | None = None) -> YamlListForm:
    kind = kind or default_kind(plan)
    fields = [Field("name", required=True), Field("share", "number")]
    fields += [Field(f"criteria.{code}") for code in M.CRITERIA[kind]]
    fields += [Field(key, "list") for key in M.PROFILE]
    fields += [Field("channels", "list"), Field("fit", "pairs")]

    def to_item(values: dict, old, index: int, path: tuple, plan: Plan) -> dict:
        item = form.default_item(values, old, index, path, plan)
        item["type"] = kind if not isinstance(old, dict) or not old.get("type") else old["type"]
        if not item.get("id"):
            used = {p.id for p in M.personas(plan.yaml_data.get("personas.yaml"))}
            number = len(used) + 1
            while f"P{number}" in used:
                number += 1
            item = {"id": f"P{number}", **item}
        return item

    form = YamlListForm(plan, "personas.yaml", "persona", fields, [(tr(f"persona.kind.{kind}", lang), ("personas",))],
                        lang, label_of=_label, to_item=to_item)
    return form
