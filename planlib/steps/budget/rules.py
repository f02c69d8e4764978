"""Step 6's rules: why a budget line or the budget settings of plan.yaml are refused.

Registered with the validator through the step registry. Cell types (amounts,
periods, payment schedules) are checked by the core from the schema; what
only makes sense for a budget (a variable cost needs a rate and a forecast to
apply it to, a milestone instalment needs an action) is checked here.
"""
from __future__ import annotations

import re

import pandas as pd

from ...core.settings import block
from ...core.validate.context import Context
from .schema import BUDGET_METHODS


def check_budget_settings(ctx: Context) -> None:
    """plan.yaml's budget: method, envelope, revenue share, the plan's own categories."""
    check = ctx.checker("plan.yaml")
    budget = block(ctx.settings, "budget")
    if budget.get("method") is not None:
        check.choice(budget["method"], BUDGET_METHODS, ("budget", "method"))
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


_FORM_NEEDS = {"hill": ("top", "half", "shape"), "michaelis_menten": ("top", "half"), "logistic": ("top", "shape")}


def check_curves(ctx: Context) -> None:
    """A curve is sampled points (a spend and a response each, two at least) or one row of a form with its
    parameters; a channel's curve for a metric is not both, nor two forms."""
    frame = ctx.tables.get("curves")
    if frame is None or frame.empty:
        return
    family = frame["family"].replace("", "points")
    points = family == "points"
    for where, row in ctx.for_rows("curves", points & (frame["spend"].isna() | frame["response"].isna())):
        column = "spend" if pd.isna(row.spend) else "response"
        ctx.cell_problem("curves", where, column, "curve_point_needs_value", "curve_point")
    for name, needs in _FORM_NEEDS.items():
        rows = family == name
        for column in needs:
            missing = rows & (frame[column].isna() | (frame[column] <= 0))
            for where, _ in ctx.for_rows("curves", missing):
                ctx.cell_problem("curves", where, column, "curve_form_needs_value", "curve_form",
                                 family=name, needs=", ".join(needs))
    keys = frame["channel_id"] + "\x1f" + frame["metric"]
    mixed = keys.map(family.groupby(keys).agg(lambda f: (f != "points").any() and len(f) > 1))
    for where, row in ctx.for_rows("curves", mixed.astype(bool)):
        ctx.cell_problem("curves", where, "family", "curve_mixed", "curve_one_kind",
                         channel=row.channel_id, metric=row.metric)
    lonely = points & keys.map(points.groupby(keys).sum()).eq(1)
    for where, row in ctx.for_rows("curves", lonely):
        ctx.cell_problem("curves", where, "spend", "curve_one_point", "curve_point",
                         channel=row.channel_id, metric=row.metric)
    days = keys.map(frame.groupby(keys)["period_days"].nunique()).gt(1)
    for where, row in ctx.for_rows("curves", days):
        ctx.cell_problem("curves", where, "period_days", "curve_period_days", "curve_one_kind",
                         channel=row.channel_id, metric=row.metric)
    backwards = frame["fitted_from"].notna() & frame["fitted_to"].notna() & (frame["fitted_from"] > frame["fitted_to"])
    for where, _ in ctx.for_rows("curves", backwards):
        ctx.cell_problem("curves", where, "fitted_to", "curve_range_backwards", "curve_range")


RULES = (check_budget_settings, check_budget_lines, check_drivers, check_curves)
