"""Step 5's rules: the team, high-activity periods and other projects' deadlines in plan.yaml.

Registered with the validator through the step registry; the dates and
dependencies of actions.csv itself are checked by the core from the schema.
"""
from __future__ import annotations

from ...core.errors import Problem
from ...core.parse import to_date
from ...core.validate.context import Context


def check_calendar_settings(ctx: Context) -> None:
    """high_activity_periods, team and other_deadlines: shapes, dates and known actions."""
    check = ctx.checker("plan.yaml")
    settings = ctx.settings
    action_ids = set(ctx.tables["actions"]["id"])
    for i, item in enumerate(check.items(settings, "high_activity_periods")):
        path = ("high_activity_periods", i)
        if not isinstance(item, dict) or not item.get("name"):
            check.problem(path, "busy_period_fields", "busy_period")
            continue
        check.span(item, path)
        check.list_of(item, "avoid", path, "avoid")
        check.list_of(item, "prepare", path, "prepare")
        for j, action in enumerate(item.get("prepare") if isinstance(item.get("prepare"), list) else []):
            if str(action) not in action_ids:
                check.problem(path + ("prepare", j), "unknown_action", "id_from", value=action, target="actions.csv")
    for i, member in enumerate(check.items(settings, "team")):
        path = ("team", i)
        if not isinstance(member, dict) or not member.get("owner"):
            check.problem(path, "member_needs_owner", "member")
            continue
        if member.get("days_per_week") is not None:
            check.number(member["days_per_week"], path + ("days_per_week",), 0, 7)
        if member.get("share") is not None:
            check.number(member["share"], path + ("share",), 0, 1)
        for j, absence in enumerate(check.items(member, "absences", path)):
            if isinstance(absence, dict):
                check.span(absence, path + ("absences", j))
            else:
                check.problem(path + ("absences", j), "not_span", "span")
    for i, item in enumerate(check.items(settings, "other_deadlines")):
        if not isinstance(item, dict) or not item.get("name") or to_date(item.get("date")) is None:
            check.problem(("other_deadlines", i), "deadline_fields", "deadline")


def check_baselines(ctx: Context) -> None:
    """Each baselines/<name>.csv: its dates readable (located errors); an action it names that the plan no
    longer holds is a warning (it was cancelled out of the file, or renamed): its slip is not measured."""
    from .baseline import baseline_names, read_baseline

    actions = set(ctx.tables["actions"]["id"])
    for name in baseline_names(ctx.path):
        baseline = read_baseline(ctx.path, name)
        ctx.problems.extend(baseline.problems)
        for row in baseline.rows.itertuples(index=False):
            if row.id not in actions:
                ctx.problems.append(Problem(baseline.file, int(row.row), "id", "baseline_unknown_action",
                                            {"value": row.id}, "baseline_actions", severity="warning"))


RULES = (check_calendar_settings, check_baselines)
