"""Step 6's rules: why a budget line or the budget settings of plan.yaml are refused.

Registered with the validator through the step registry. Cell types (amounts,
periods, payment schedules) are checked by the core from the schema; what
only makes sense for a budget (a variable cost needs a rate and a forecast to
apply it to, a milestone instalment needs an action) is checked here.
"""
from __future__ import annotations

import re

import pandas as pd

from ...core import schema as S
from ...core.validate.context import Context


def check_budget_settings(ctx: Context) -> None:
    """plan.yaml's budget: method, envelope, revenue share, the plan's own categories."""
    check = ctx.checker("plan.yaml")
    budget = ctx.settings.get("budget") if isinstance(ctx.settings.get("budget"), dict) else {}
    if budget.get("method") is not None:
        check.choice(budget["method"], S.BUDGET_METHODS, ("budget", "method"))
    for key in ("envelope", "revenue_forecast"):
        if budget.get(key) is not None:
            check.number(budget[key], ("budget", key), 0)
    if budget.get("revenue_share") is not None:
        check.number(budget["revenue_share"], ("budget", "revenue_share"), 0, 100)
    for i, extra in enumerate(check.items(budget, "categories", ("budget",))):
        if not isinstance(extra, dict) or not extra.get("id"):
            check.problem(("budget", "categories", i), "category_needs_id", "category")


def check_budget_lines(ctx: Context) -> None:
    """A fixed cost needs an amount; a variable one a rate and a driver; a milestone instalment an action."""
    frame = ctx.tables["budget"]
    variable = frame["cost_type"] == "variable"
    suspect = (variable & (frame["rate"].isna() | (frame["driver"] == ""))) | (~variable & frame["amount"].isna()) \
        | ((frame["schedule"] != "") & (frame["action_id"] == ""))
    for where, row in ctx.for_rows("budget", suspect):
        if row.cost_type == "variable":
            if pd.isna(row.rate):
                ctx.cell_problem("budget", where, "rate", "variable_needs_rate", "rate")
            if not row.driver:
                ctx.cell_problem("budget", where, "driver", "variable_needs_driver", "driver")
        elif pd.isna(row.amount):
            ctx.cell_problem("budget", where, "amount", "fixed_needs_amount", "amount")
        if row.schedule and not row.action_id and re.search(r"\b(start|end)\b", row.schedule, re.I):
            ctx.cell_problem("budget", where, "schedule", "milestone_needs_action", "milestone_action")


def check_drivers(ctx: Context) -> None:
    """A variable cost applies its rate to a forecast: that forecast must exist."""
    frame = ctx.tables["budget"]
    drivers = set(ctx.tables["forecasts"]["driver"])
    known = f" ({', '.join(sorted(drivers))})" if drivers else ""
    missing = (frame["cost_type"] == "variable") & (frame["driver"] != "") & ~frame["driver"].isin(list(drivers))
    for where, row in ctx.for_rows("budget", missing):
        ctx.cell_problem("budget", where, "driver", "no_forecast", "forecast_driver", value=row.driver, known=known)


RULES = (check_budget_settings, check_budget_lines, check_drivers)
