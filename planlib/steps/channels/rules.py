"""Step 4's rules: channel kinds, message formats, the ranking's weights and the team's skills.

Errors block a save; the findings (findings.py) only warn. Table problems
are located by file, row and column; plan.yaml's by line and key path.
"""
from __future__ import annotations

from ...core.validate.context import Context
from . import catalogue, formats
from .findings import FINDINGS
from .ranking import CRITERIA


def _in_table(ctx: Context, table: str, column: str, known: dict, code: str) -> None:
    """A cell, when filled, must name an entry of one of the step's tables (the catalogue, the formats)."""
    frame = ctx.tables[table]
    for row, record in ctx.for_rows(table, (frame[column] != "") & ~frame[column].isin(list(known))):
        ctx.cell_problem(table, row, column, code, "one_of", value=record[column], allowed=", ".join(known))


def check_kinds(ctx: Context) -> None:
    _in_table(ctx, "channels", "kind", catalogue.kinds(), "not_allowed")


def check_formats(ctx: Context) -> None:
    _in_table(ctx, "messages", "format", formats.formats(), "unknown_format")


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
