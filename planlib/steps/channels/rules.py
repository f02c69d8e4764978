"""Step 4's rules: channel kinds, message formats, the ranking's weights and the team's skills.

Errors block a save; the findings (findings.py) only warn. Table problems
are located by file, row and column; plan.yaml's by line and key path.
"""
from __future__ import annotations

from ...core.validate.context import Context
from . import catalogue, formats
from .findings import FINDINGS
from .ranking import CRITERIA


def check_kinds(ctx: Context) -> None:
    known = catalogue.kinds()
    frame = ctx.tables["channels"]
    for row, channel in ctx.for_rows("channels", (frame["kind"] != "") & ~frame["kind"].isin(list(known))):
        ctx.cell_problem("channels", row, "kind", "not_allowed", "one_of", value=channel["kind"],
                         allowed=", ".join(known))


def check_formats(ctx: Context) -> None:
    known = formats.formats()
    frame = ctx.tables["messages"]
    for row, message in ctx.for_rows("messages", (frame["format"] != "") & ~frame["format"].isin(list(known))):
        ctx.cell_problem("messages", row, "format", "unknown_format", "one_of", value=message["format"],
                         allowed=", ".join(known))


def check_weights(ctx: Context) -> None:
    """plan.yaml's channel_weights: known criteria, each a number of at least 0, not all 0."""
    weights = ctx.settings.get("channel_weights") if isinstance(ctx.settings, dict) else None
    if not isinstance(weights, dict):
        return
    check = ctx.checker("plan.yaml")
    total, valid = 0.0, True
    for key, value in weights.items():
        path = ("channel_weights", key)
        if key not in CRITERIA:
            check.problem(path, "not_allowed", "one_of", value=key, allowed=", ".join(CRITERIA))
            valid = False
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            check.problem(path, "yaml_not_number", "number", value=value)
            valid = False
        elif value < 0:
            check.problem(path, "weight_negative", "weight", value=value)
            valid = False
        else:
            total += value
    if valid and weights and total == 0:
        check.problem(("channel_weights",), "weights_all_zero", "weight_total")


def check_team_skills(ctx: Context) -> None:
    team = ctx.settings.get("team") if isinstance(ctx.settings, dict) else None
    check = ctx.checker("plan.yaml")
    for i, member in enumerate(team if isinstance(team, list) else []):
        if isinstance(member, dict):
            check.list_of(member, "skills", ("team", i))


def check_findings(ctx: Context) -> None:
    for finding in FINDINGS:
        finding(ctx)


RULES = (check_kinds, check_formats, check_weights, check_team_skills, check_findings)
