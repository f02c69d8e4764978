"""Step 1's rules: what makes audit.yaml (and plan.yaml's `previous:`) wrong.

Errors only: a load or a save with one of these is refused. Located by line
and YAML path (`audit.yaml:12:pestel[2].impact`). What is merely incomplete
or doubtful (an empty quadrant, an item on the wrong side) is in findings.py.
"""
from __future__ import annotations

from ...core.errors import PlanError
from ...core.freetext import colon_text
from ...core.validate.context import Context
from ...core.validate.yamlcheck import YamlChecker
from . import model as M
from .findings import FINDINGS
from .previous import PreviousCycle, load_previous, previous_path
from .schema import PESTEL_FACTORS

MARKET_LEVELS = ("tam", "sam", "som")  # each contains the next: total, serviceable, obtainable
SCORE_RANGE = (0, 10)  # positioning scores of competitors and of the company
LAST_YEAR_FIGURES = ("revenue", "marketing_spend")  # last year's amounts: the market check compares with them
LAST_YEAR_LISTS = ("what_worked", "what_did_not", "lessons")


def check_swot(ctx: Context, check: YamlChecker, audit: dict) -> None:
    swot = check.mapping(audit.get("swot"), ("swot",))
    for key in swot:
        if key not in M.QUADRANTS:
            check.problem(("swot", key), "unknown_swot_part", "one_of", value=key, allowed=", ".join(M.QUADRANTS))
        elif swot[key] is not None and not isinstance(swot[key], list):
            check.problem(("swot", key), "not_list", "list")
    for quadrant in M.QUADRANTS:
        check.colon_texts(swot.get(quadrant), ("swot", quadrant), M.SWOT_FIELDS)
    seen = set()
    for item in M.swot_items(audit):
        path = ("swot", item.quadrant, item.index)
        entry = swot[item.quadrant][item.index]
        if isinstance(entry, dict) and colon_text(entry, M.SWOT_FIELDS) is None:  # a record, not a split sentence
            if not item.text.strip():
                check.problem(path + ("text",), "swot_item_needs_text", "swot_text")
            if entry.get("importance") is not None:
                check.number(entry["importance"], path + ("importance",), 1, 5)
            if entry.get("id") is not None and not str(entry["id"]).startswith(M.LETTERS[item.quadrant]):
                check.problem(path + ("id",), "swot_id_letter", "swot_id", value=entry["id"],
                              letter=M.LETTERS[item.quadrant])
        elif not item.text.strip():
            check.problem(path, "swot_item_needs_text", "swot_text")
        if item.id in seen:
            check.problem(path, "duplicate_id", "unique_swot_id", value=item.id)
        seen.add(item.id)


def check_pestel(check: YamlChecker, audit: dict) -> None:
    for i, factor in enumerate(check.items(audit, "pestel")):
        path = ("pestel", i)
        if not isinstance(factor, dict):
            check.problem(path, "not_factor", "factor")
            continue
        check.choice(factor.get("factor"), PESTEL_FACTORS, path + ("factor",))
        for key in ("impact", "likelihood"):
            if factor.get(key) is not None:
                check.number(factor[key], path + (key,), 1, 5)
        if factor.get("horizon") is not None and M.code(factor["horizon"]) not in M.HORIZONS:
            check.problem(path + ("horizon",), "not_allowed", "one_of", value=factor["horizon"],
                          allowed=", ".join(M.HORIZONS))


def _market_value(entry):
    return entry.get("value") if isinstance(entry, dict) else entry


def check_market(check: YamlChecker, audit: dict) -> None:
    market = check.mapping(audit.get("market"), ("market",))
    for key in ("size", "growth"):
        if market.get(key) is not None:
            check.number(market[key], ("market", key))
    if market.get("share") is not None:
        check.number(market["share"], ("market", "share"), 0, 100)
    if market.get("maturity") is not None and M.code(market["maturity"]) not in M.MATURITIES:
        check.problem(("market", "maturity"), "not_allowed", "one_of", value=market["maturity"],
                      allowed=", ".join(M.MATURITIES))
    values, units = {}, {}
    for key in MARKET_LEVELS:
        entry = market.get(key)
        if entry is None:
            continue
        path = ("market", key) + (("value",) if isinstance(entry, dict) else ())
        value = _market_value(entry)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            check.problem(path, "yaml_not_number", "positive_number", value=value)
            continue
        values[key], units[key] = value, str(entry.get("unit") or "") if isinstance(entry, dict) else ""
    for wider, narrower in zip(MARKET_LEVELS, MARKET_LEVELS[1:]):
        if wider in values and narrower in values and units[wider] == units[narrower] \
                and values[wider] < values[narrower]:
            path = ("market", narrower) + (("value",) if isinstance(market[narrower], dict) else ())
            check.problem(path, "market_levels", "market_levels", wider=wider.upper(), narrower=narrower.upper(),
                          low=values[wider], high=values[narrower])


def _score(check: YamlChecker, scores, path: tuple) -> None:
    if scores is None:
        return
    if not isinstance(scores, dict):
        check.problem(path, "not_mapping", "scores")
        return
    for axis in ("x", "y"):
        if scores.get(axis) is not None:
            check.number(scores[axis], path + (axis,), *SCORE_RANGE)


def check_competitors(check: YamlChecker, audit: dict) -> None:
    for i, competitor in enumerate(check.items(audit, "competitors")):
        if not isinstance(competitor, dict) or not competitor.get("name"):
            check.problem(("competitors", i), "competitor_needs_name", "competitor")
            continue
        for key in ("channels", "strengths", "weaknesses"):
            check.list_of(competitor, key, ("competitors", i))
        _score(check, competitor.get("scores"), ("competitors", i, "scores"))
    axes = check.mapping(audit.get("competitor_axes"), ("competitor_axes",))
    _score(check, axes.get("ours"), ("competitor_axes", "ours"))


def check_tows(ctx: Context, check: YamlChecker, audit: dict) -> None:
    by_id = M.swot_by_id(audit)
    objectives = set(ctx.tables["objectives"]["id"])
    for i, entry in enumerate(check.items(audit, "tows")):
        path = ("tows", i)
        if not isinstance(entry, dict):
            check.problem(path, "not_mapping", "strategy")
            continue
        pair = entry.get("pair")
        if not isinstance(pair, list) or len(pair) != 2:
            check.problem(path + ("pair",), "tows_pair", "tows_pair", value=pair)
        else:
            unknown = [str(p) for p in pair if str(p) not in by_id]
            for ref in unknown:
                check.problem(path + ("pair",), "unknown_swot_id", "swot_ids", value=ref,
                              known=", ".join(by_id) or "-")
            if not unknown and M.pair_kind(by_id[str(pair[0])], by_id[str(pair[1])]) is None:
                check.problem(path + ("pair",), "tows_kinds", "tows_kinds", first=pair[0], second=pair[1],
                              kind_first=by_id[str(pair[0])].quadrant, kind_second=by_id[str(pair[1])].quadrant)
        if not str(entry.get("strategy") or "").strip():
            check.problem(path + ("strategy",), "tows_needs_text", "strategy_text")
        named = entry.get("objectives")
        for ref in ([named] if isinstance(named, str) else named if isinstance(named, list) else []):
            if str(ref) not in objectives:
                check.problem(path + ("objectives",), "unknown_id", "id_from", value=ref, target="objectives.csv")


def check_last_year_decisions(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    review = check.mapping(audit.get("last_year_review"), ("last_year_review",))
    for key in LAST_YEAR_FIGURES:
        if review.get(key) is not None:
            check.number(review[key], ("last_year_review", key), 0)
    for key in LAST_YEAR_LISTS:
        check.list_of(review, key, ("last_year_review",))
        check.colon_texts(review.get(key), ("last_year_review", key))
    known = set(previous.actions["id"]) if previous is not None else None
    for i, entry in enumerate(check.items(review, "decisions", ("last_year_review",))):
        path = ("last_year_review", "decisions", i)
        if not isinstance(entry, dict) or not entry.get("action_id"):
            check.problem(path, "decision_needs_action", "last_year_decision")
            continue
        if M.code(entry.get("decision")) not in M.LAST_YEAR_DECISIONS:
            check.problem(path + ("decision",), "not_allowed", "one_of", value=entry.get("decision"),
                          allowed=", ".join(M.LAST_YEAR_DECISIONS))
        if known is not None and str(entry["action_id"]) not in known:
            check.problem(path + ("action_id",), "unknown_id", "id_from", value=entry["action_id"],
                          target=f"{ctx.settings.get('previous')}/actions.csv")


def check_previous(ctx: Context):
    """plan.yaml's `previous:` names a valid plan folder; return that plan (or None)."""
    if ctx.path is None:  # a workbook: the previous plan is a folder beside a plan folder, checked there
        return None
    path = previous_path(ctx.settings, ctx.path)
    if path is None:
        return None
    check = ctx.checker("plan.yaml")
    named = ctx.settings["previous"]
    if not path.is_dir():  # a copy made without last year's folder still works: said, not refused
        check.warn(("previous",), "previous_missing", "previous_folder", value=named, folder=str(path))
        return None
    try:
        return load_previous(path, ctx.rules, ctx.path)
    except PreviousCycle:
        check.problem(("previous",), "previous_cycle", "previous_folder", value=named)
    except PlanError as error:
        first = error.problems[0]
        check.problem(("previous",), "previous_invalid", "previous_folder", value=named,
                      count=len(error.problems), n=len(error.problems), where=first.where, first_code=first.code)
    return None


def check_audit(ctx: Context) -> None:
    check = ctx.checker("audit.yaml")
    audit = check.mapping(ctx.yaml.get("audit.yaml"))
    previous = check_previous(ctx)
    check_swot(ctx, check, audit)
    check_pestel(check, audit)
    check_market(check, audit)
    check_competitors(check, audit)
    check_tows(ctx, check, audit)
    check_last_year_decisions(ctx, check, audit, previous)
    for finding in FINDINGS:
        finding(ctx, check, audit, previous)


RULES = (check_audit,)
