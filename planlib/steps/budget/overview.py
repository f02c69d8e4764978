"""Step 6 in the plan's overview and in `planlib summary`."""
from __future__ import annotations

import pandas as pd

from ...core.periods import Period
from .compute import (
    committed_flows,
    envelopes,
    outside_the_year,
    payment_flows,
    rollup,
    total_in,
)
from .curves import curve_metrics
from .reallocation import reallocate
from .schema import BudgetSettings
from .spend import spend_vs_plan

CHECKS_NOT_ENTRIES = ("envelope",)


def progress(plan) -> list[tuple[str, int]]:
    return [("budget", len(plan.budget)),
            ("envelope", int(BudgetSettings.of(plan.settings).stated))]


def summary(plan, period, as_of) -> dict:
    flows = committed_flows(plan)  # computed once, shared by every figure below
    envelope = envelopes(plan, [period], flows).iloc[0]
    versus = spend_vs_plan(plan, as_of)
    committed_by_category = rollup(plan, [period], "category", flows=flows)["total"]
    in_period = plan.spend[(plan.spend["date"] >= pd.Timestamp(period.start)) &
                           (plan.spend["date"] <= pd.Timestamp(min(as_of, period.end)))]
    committed_to_date = total_in(plan, Period("to_date", "span", period.start, min(as_of, period.end)), flows=flows)
    spent = round(float(in_period["amount"].sum()), 2)
    method = BudgetSettings.of(plan.settings).method
    chosen = envelope[method]  # the envelope table has a column named after each method
    paid = payment_flows(plan)
    outside = {span.id: total_in(plan, span, flows=paid) for span in outside_the_year(plan, paid)}
    figures = {"budget": {
        "lines": int(len(plan.budget)),
        "variable_lines": int((plan.budget["cost_type"] == "variable").sum()),
        "total_year": round(float(flows["amount"].sum()), 2),
        "period": total_in(plan, period, flows=flows), "cash_period": total_in(plan, period, flows=paid),
        "cash_before_year": outside.get("before", 0.0), "cash_after_year": outside.get("after", 0.0),
        "by_category": {k: float(v) for k, v in committed_by_category.items() if v},
        "spent_in_period_to_date": spent, "variance_to_date": round(spent - committed_to_date, 2),
        "envelope_method": method, "envelope": float(chosen),
        "envelope_gap": round(float(envelope["bottom_up"] - chosen), 2),
        "lines_over_budget": int(len(versus["over_budget"])),
        "spend_without_budget_line": int(len(versus["no_budget_line"]))}}
    if curve_metrics(plan):  # a suggestion only where curves exist: summary --json's "reallocation"
        figures["reallocation"] = reallocate(plan, period, as_of, flows=flows, paid=paid).as_dict()
    return figures
