"""Step 6: spend against plan and the cost of results.

What was spent to date against what was committed, per line, category and
month, with the projection to the year's end and the flags a manager acts
on; then what each key result costs per unit planned and per unit achieved.
"""
from __future__ import annotations

import pandas as pd

from ...core.metrics import is_flow, monthly_values
from ...core.periods import Period
from .compute import allocate, committed_flows, line_amounts, line_attributes, payment_flows

# -- spend against plan --------------------------------------------------------------------------------------

def spend_vs_plan(plan, as_of) -> dict[str, pd.DataFrame]:
    """Consumed to date against plan, per line, category and month; projection; flags.

    committed_to_date: the committed flows up to `as_of`; consumption: spent /
    line amount; projection: spend to date at the same daily pace to the end of
    the year. Flags: lines over budget, spend on actions with no budget line,
    spend linked to no line at all.
    """

    year = plan.calendar.fiscal_year(plan.calendar.year)
    as_of = min(as_of, year.end)
    to_date = Period("to_date", "span", year.start, as_of)
    spend = plan.spend[(plan.spend["date"] >= pd.Timestamp(year.start)) & (plan.spend["date"] <= pd.Timestamp(as_of))]
    flows = committed_flows(plan)
    amounts = line_amounts(plan, flows)
    committed = allocate(flows, [to_date]).groupby("line_id")["amount"].sum()
    spent = spend.groupby("budget_line_id")["amount"].sum()
    lines = line_attributes(plan)
    lines["budget"] = lines["line_id"].map(amounts).round(2)
    lines["committed_to_date"] = lines["line_id"].map(committed).fillna(0.0).round(2)
    lines["spent_to_date"] = lines["line_id"].map(spent).fillna(0.0).round(2)
    lines["variance"] = (lines["spent_to_date"] - lines["committed_to_date"]).round(2)
    lines["consumption"] = (lines["spent_to_date"] / lines["budget"].where(lines["budget"] > 0)).round(4)
    lines["over_budget"] = lines["spent_to_date"] > lines["budget"] + 0.005
    by_category = lines.groupby("category")[["budget", "committed_to_date", "spent_to_date", "variance"]].sum().round(2)
    unlinked = spend[spend["budget_line_id"] == ""]
    budgeted_actions = set(plan.budget["action_id"]) - {""}
    no_line = unlinked[(unlinked["action_id"] != "") & ~unlinked["action_id"].isin(list(budgeted_actions))]
    months = plan.calendar.periods("months")
    paid = payment_flows(plan)
    monthly = pd.DataFrame({
        "period": [m.id for m in months],
        "committed": [round(float(allocate(flows, [m])["amount"].sum()), 2) for m in months],
        "paid": [round(float(allocate(paid, [m])["amount"].sum()), 2) for m in months],
        "spent": [round(float(spend[(spend["date"] >= pd.Timestamp(m.start)) &
                                    (spend["date"] <= pd.Timestamp(m.end))]["amount"].sum()), 2) for m in months],
    })
    elapsed = (as_of - year.start).days + 1
    spent_total = round(float(spend["amount"].sum()), 2)
    projection = round(spent_total * year.days / elapsed, 2) if elapsed > 0 else 0.0
    totals = {"budget": round(float(amounts.sum()), 2), "committed_to_date": round(float(committed.sum()), 2),
              "spent_to_date": spent_total, "variance": round(spent_total - float(committed.sum()), 2),
              "consumption": round(spent_total / float(amounts.sum()), 4) if float(amounts.sum()) else None,
              "projection_year_end": projection, "as_of": as_of.isoformat()}
    return {"lines": lines, "by_category": by_category, "monthly": monthly, "totals": totals,
            "over_budget": lines[lines["over_budget"]], "no_budget_line": no_line,
            "unlinked": unlinked[~unlinked.index.isin(no_line.index)]}


# -- cost of results --------------------------------------------------------------------------------------------

def cost_of_results(plan, as_of, versus: dict | None = None) -> pd.DataFrame:
    """Budget per key result, per unit of its target and, from actuals, per unit achieved so far.

    A KPI that counts something (one metric, summed: leads, customers) is a
    flow: planned units = the target, achieved = the total so far this year. A
    rate or a level (conversion rate, followers): planned units = the change
    from the baseline, achieved = the latest month's change from it, and no
    cost per unit (a euro amount per point of a rate means nothing to a reader).
    """
    versus = versus or spend_vs_plan(plan, as_of)  # pass it when already computed
    by_key_result = versus["lines"].groupby("key_result_id")  # each line's budget and spend, with its key result
    per_kr, spent = by_key_result["budget"].sum(), by_key_result["spent_to_date"].sum()
    kpis = plan.kpis.set_index("id")
    rows = []
    for kr in plan.key_results.itertuples(index=False):
        budget = round(float(per_kr.get(kr.id, 0.0)), 2)
        flow = kr.kpi_id in kpis.index and is_flow(kpis.loc[kr.kpi_id])
        planned = kr.target if flow else (abs(kr.target - kr.baseline) if pd.notna(kr.baseline) else None)
        achieved = None
        if kr.kpi_id:
            history = monthly_values(plan, kr.kpi_id, as_of)
            year_start = pd.Period(plan.calendar.fiscal_year(plan.calendar.year).start, "M")
            history = history[history.index >= year_start]
            if len(history):
                achieved = float(history.sum()) if flow else (
                    float(history.iloc[-1] - kr.baseline) * (1 if kpis.loc[kr.kpi_id, "direction"] == "up" else -1)
                    if pd.notna(kr.baseline) else None)
        rows.append({"id": kr.id, "key_result": kr.title, "budget": budget, "planned_units": planned,
                     "cost_per_planned_unit": round(budget / planned, 2) if planned and flow else None,
                     "spent_to_date": round(float(spent.get(kr.id, 0.0)), 2),
                     "achieved_units": round(achieved, 2) if achieved is not None else None,
                     "cost_per_achieved_unit": round(float(spent.get(kr.id, 0.0)) / achieved, 2)
                     if flow and achieved and achieved > 0 else None})
    return pd.DataFrame(rows, columns=["id", "key_result", "budget", "planned_units", "cost_per_planned_unit",
                                       "spent_to_date", "achieved_units", "cost_per_achieved_unit"])
