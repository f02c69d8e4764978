"""Step 1's findings: what is incomplete or doubtful in the audit. Warnings: they never block a save.

- a SWOT quadrant with no item;
- a PESTEL dimension not considered (an entry with `nothing_material: true` counts);
- an item on the wrong side of the SWOT (heuristic.py);
- a competitor not scored on both axes of the positioning map, or axes not named;
- a marketing objective that no TOWS strategy explains;
- our market share times the market size far from last year's revenue;
- a channel dropped last year that this year's actions use again with no stated change;
- a text cut at an unquoted comma inside `{...}` (YAML then reads the rest as a key).
"""
from __future__ import annotations

from ...core.validate.context import Context
from ...core.validate.yamlcheck import YamlChecker
from . import model as M
from .heuristic import misplaced
from .schema import PESTEL_FACTORS

SHARE_TOLERANCE = 0.25  # share x size may differ from last year's revenue by 25 % before a warning


def empty_quadrants(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    filled = {item.quadrant for item in M.swot_items(audit) if item.text.strip()}
    for quadrant in M.QUADRANTS:
        if quadrant not in filled:
            check.warn(("swot", quadrant), f"swot_empty_{quadrant}", "swot_quadrant")


def pestel_dimensions(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    considered = {f.get("factor") for f in M.pestel_factors(audit)}
    missing = [d for d in PESTEL_FACTORS if d not in considered]
    if missing:
        check.warn(("pestel",), "pestel_missing", "pestel_considered", missing=", ".join(missing))


def wrong_side(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    for item in M.swot_items(audit):
        cues = misplaced(item)
        if cues:
            check.warn(("swot", item.quadrant, item.index), "swot_side_internal" if item.internal
                       else "swot_side_external", None, id=item.id, cues=", ".join(cues))


def unscored(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    competitors = M.competitors(audit)
    axes = M.axes(audit)
    if competitors and not (axes.get("x") and axes.get("y")):
        check.warn(("competitor_axes",), "axes_unnamed", "axes")
    for i, competitor in enumerate(audit.get("competitors") or []):
        if not isinstance(competitor, dict) or not competitor.get("name"):
            continue
        scores = competitor.get("scores") if isinstance(competitor.get("scores"), dict) else {}
        if scores.get("x") is None or scores.get("y") is None:
            check.warn(("competitors", i), "competitor_not_scored", "both_scores", name=competitor["name"])


def unexplained_objectives(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    objectives = ctx.tables["objectives"]
    marketing = objectives[objectives["level"] == "marketing"]["id"].tolist()
    explained = {o for s in M.strategies(audit) for o in s.objectives}
    missing = [o for o in marketing if o not in explained]
    if missing:
        check.warn(("tows",), "objectives_unexplained", "tows_objectives", ids=", ".join(missing),
                   count=len(missing), n=len(missing))


def market_consistency(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    market = audit.get("market") if isinstance(audit.get("market"), dict) else {}
    revenue = M.last_year(audit).get("revenue")
    size, share = market.get("size"), market.get("share")
    numbers = (size, share, revenue)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers) or not revenue or revenue < 0:
        return
    implied = size * share / 100
    if abs(implied - revenue) > SHARE_TOLERANCE * revenue:
        check.warn(("market", "share"), "share_mismatch", None, share=share, size=size, implied=round(implied),
                   revenue=revenue, tolerance=round(100 * SHARE_TOLERANCE))


def dropped_channels(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    """A channel whose last-year action was dropped, used again by this year's actions with no stated change.

    The change is stated on the decision (`change:` in audit.yaml) or on the
    channel itself (channels.csv's `change` column).
    """
    if previous is None:
        return
    from .lastyear import review_last_year

    channels = ctx.tables["channels"]
    names_now = dict(zip(channels["id"], channels["name"].str.lower()))
    changed = set(channels.loc[channels["change"].str.strip() != "", "id"])
    actions = ctx.tables["actions"]
    used = actions[(actions["channel_id"] != "") & (actions["status"] != "cancelled") &
                   ~actions["channel_id"].isin(list(changed))]
    decided = M.analyst_decisions(audit)
    for judged in review_last_year(previous, audit):
        if judged.final != "drop" or not judged.channel_id or judged.change.strip():
            continue
        again = used[(used["channel_id"] == judged.channel_id) |
                     (used["channel_id"].map(names_now) == judged.channel.lower())]["id"].tolist()
        if again:
            entry = decided.get(judged.action_id)
            path = ("last_year_review", "decisions", entry["index"]) if entry else ("last_year_review",)
            check.warn(path, "dropped_channel_reused", "stated_change", action=judged.action_id,
                       channel=judged.channel or judged.channel_id, actions=", ".join(again),
                       channel_ids=", ".join(sorted(set(used.loc[used["id"].isin(again), "channel_id"]))))


def cut_texts(ctx: Context, check: YamlChecker, audit: dict, previous) -> None:
    """`{text: Survey, October 2025}` reads as a key `October 2025` with no value: a text cut at a comma."""
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if value is None and isinstance(key, str) and " " in key.strip():
                    check.warn(path, "cut_text", "quoted_text", words=key)
                walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + (i,))
    walk(audit, ())


FINDINGS = (cut_texts, empty_quadrants, pestel_dimensions, wrong_side, unscored, unexplained_objectives, market_consistency,
            dropped_channels)
