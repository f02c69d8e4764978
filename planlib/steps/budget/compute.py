"""Step 6: budget lines as money in time, rolled up by period, category, action or result.

A budget line becomes "flows": amounts spread evenly over the days of a span.
Committed flows follow the line's period (a variable cost follows its
forecast's periods); cash flows follow the payment schedule, instalment by
instalment. Any rollup is then the flows' overlap with the periods asked for,
split to the cent. Envelopes (fixed, share of revenue, bottom-up) are
compared here too.
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from ...core.parse import parse_schedule
from .schema import DEFAULT_BUDGET_METHOD, BudgetSettings

# -- money in time: commitments and payments ------------------------------------------------------------
#
# A budget line becomes "flows": amounts spread evenly over the days of a span.
# Committed flows follow the line's period (a variable cost follows its
# forecast's periods); cash flows follow the payment schedule, instalment by
# instalment. Any rollup is then the flows' overlap with the periods asked for.

FLOW_COLUMNS = ["line_id", "start", "end", "amount"]


def split_cents(total: float, weights: list[float]) -> list[float]:
    """Split an amount into cents by weight so that the parts add up exactly (largest remainder)."""
    cents = round(total * 100)
    weight_sum = sum(weights)
    if not weights or weight_sum <= 0:
        return [0.0] * len(weights)
    raw = [cents * w / weight_sum for w in weights]
    floors = [int(r // 1) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - floors[i], reverse=True)
    for i in order[: cents - sum(floors)]:
        floors[i] += 1
    return [f / 100 for f in floors]


def variable_flows(plan) -> pd.DataFrame:
    """Variable costs: rate x the driver's forecast, per forecast period within the line's period.

    Each line's flows are in cents that add up to the line's amount rounded once.
    """
    forecasts = plan.forecasts
    rows = []
    for line in plan.budget[plan.budget["cost_type"] == "variable"].itertuples(index=False):
        span = plan.period(line.period)
        parts = []
        for forecast in forecasts[forecasts["driver"] == line.driver].itertuples(index=False):
            part = plan.period(forecast.period)
            shared = part.overlap_days(span.start, span.end)
            if shared:
                value = float(forecast.value) * shared / part.days
                parts.append((max(part.start, span.start), min(part.end, span.end), float(line.rate) / 100 * value))
        amounts = split_cents(round(sum(p[2] for p in parts), 2), [p[2] for p in parts])
        rows += [(line.id, start, end, amount) for (start, end, _), amount in zip(parts, amounts)]
    return pd.DataFrame(rows, columns=FLOW_COLUMNS)


def committed_flows(plan) -> pd.DataFrame:
    """What each line commits, spread over its period (variable lines: over their forecasts)."""
    fixed = plan.budget[(plan.budget["cost_type"] != "variable") & plan.budget["amount"].notna()]
    rows = [(line.id, plan.period(line.period).start, plan.period(line.period).end, round(float(line.amount), 2))
            for line in fixed.itertuples(index=False)]
    flows = pd.DataFrame(rows, columns=FLOW_COLUMNS)
    variable = variable_flows(plan)
    return pd.concat([flows, variable], ignore_index=True) if len(variable) else flows


def line_amounts(plan, flows: pd.DataFrame | None = None) -> pd.Series:
    """The amount of every line: as written for fixed lines, computed for variable ones (to the cent)."""
    flows = committed_flows(plan) if flows is None else flows
    totals = flows.groupby("line_id")["amount"].sum().round(2)
    return plan.budget["id"].map(totals).fillna(0.0).set_axis(plan.budget["id"])


def payment_flows(plan) -> pd.DataFrame:
    """When each line is paid: its schedule's instalments on their dates or action milestones, else as committed."""
    from ..actions.schedule import schedule

    committed = committed_flows(plan)
    scheduled_lines = plan.budget[plan.budget["schedule"] != ""]
    milestones = {}
    if len(scheduled_lines):
        dates = schedule(plan).set_index("id")
        milestones = {i: (r["planned_start"], r["planned_end"]) for i, r in dates.iterrows()}
    rows = []
    amounts = line_amounts(plan, committed)
    for line in scheduled_lines.itertuples(index=False):
        instalments = parse_schedule(line.schedule)
        parts = split_cents(amounts[line.id] * sum(i.share for i in instalments) / 100, [i.share for i in instalments])
        for instalment, amount in zip(instalments, parts):
            when = instalment.when
            if isinstance(when, str):
                start, end = milestones.get(line.action_id, (None, None))
                when = start if when == "start" else end
                if when is None:  # an action with no dates yet: pay at the end of the line's period
                    when = plan.period(line.period).end
            rows.append((line.id, when, when, amount))
    paid = pd.DataFrame(rows, columns=FLOW_COLUMNS)
    unscheduled = committed[~committed["line_id"].isin(scheduled_lines["id"])]
    return pd.concat([unscheduled, paid], ignore_index=True) if len(paid) else unscheduled


def allocate(flows: pd.DataFrame, periods: list) -> pd.DataFrame:
    """Each flow's share in each period by overlapping days, in cents.

    A flow of C cents over D days gives the days up to day k the amount
    round(C * k / D): a period's share is the difference at its two ends. So
    the parts of a flow add up to the flow exactly, and any period's share is
    the same whichever other periods are asked in the same call: four
    quarters add up to their year, and a summary and a notebook agree to the
    cent. Days of a flow outside every period are left out.
    """
    rows = []
    for flow in flows.itertuples(index=False):
        days = (flow.end - flow.start).days + 1
        cents = round(flow.amount * 100)
        for period in periods:
            first, last = max(period.start, flow.start), min(period.end, flow.end)
            if first > last:
                continue
            before, through = (first - flow.start).days, (last - flow.start).days + 1
            rows.append((flow.line_id, period.id, (_cents_to(cents, through, days) - _cents_to(cents, before, days)) / 100))
    return pd.DataFrame(rows, columns=["line_id", "period", "amount"])


def _cents_to(cents: int, day: int, days: int) -> int:
    """Cents of a flow spent by its `day`-th day, rounded half away from zero (integers: no float drift)."""
    whole = (abs(cents) * day * 2 + days) // (2 * days)
    return whole if cents >= 0 else -whole


def outside_the_year(plan, flows: pd.DataFrame) -> list:
    """'before' and 'after' the plan's year, each only when some of these flows falls there.

    A deposit paid last autumn or a balance due next January belongs to no
    period of the year; added to the periods of a rollup, it is shown with its
    amount instead of being left out.
    """
    from ...core.periods import Period

    year = plan.calendar.fiscal_year(plan.calendar.year)
    spans = [Period("before", "span", date.min, year.start - timedelta(days=1)),
             Period("after", "span", year.end + timedelta(days=1), date.max)]
    return [span for span in spans if len(flows) and ((flows["start"] <= span.end) & (flows["end"] >= span.start)).any()]


def line_attributes(plan) -> pd.DataFrame:
    """Each line with what it rolls up to: category, action, workstream, key result, objective, channel."""
    lines = plan.budget[["id", "label", "category", "action_id", "channel_id", "period", "cost_type"]].copy()
    actions = plan.actions.set_index("id")
    krs = plan.key_results.set_index("id")
    lines["workstream"] = lines["action_id"].map(actions["workstream"]).fillna("")
    lines["key_result_id"] = lines["action_id"].map(actions["key_result_id"]).fillna("")
    lines["objective_id"] = lines["key_result_id"].map(krs["objective_id"]).fillna("")
    return lines.rename(columns={"id": "line_id", "period": "line_period"})


ROLLUPS = ("category", "action_id", "workstream", "key_result_id", "objective_id", "channel_id", "line_id")


def rollup(plan, periods: list, by: str = "category", view: str = "committed",
           flows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Amounts per `by` (rows) and period (columns), committed or cash, to the cent, with totals."""
    if by not in ROLLUPS:
        raise ValueError(f"cannot roll up by '{by}' (expected one of {', '.join(ROLLUPS)})")
    if flows is None:
        flows = committed_flows(plan) if view == "committed" else payment_flows(plan)
    shares = allocate(flows, periods).merge(line_attributes(plan), on="line_id", how="left")
    table = shares.pivot_table(index=by, columns="period", values="amount", aggfunc="sum", fill_value=0.0)
    table = table.reindex(columns=[p.id for p in periods], fill_value=0.0).round(2)
    table["total"] = table.sum(axis=1).round(2)
    return table.rename(index={"": "—"}).sort_values("total", ascending=False)  # — : lines not tied to one


def total_in(plan, period, view: str = "committed", flows: pd.DataFrame | None = None) -> float:
    if flows is None:
        flows = committed_flows(plan) if view == "committed" else payment_flows(plan)
    return round(float(allocate(flows, [period])["amount"].sum()), 2)


# -- envelopes ---------------------------------------------------------------------------------------------

def revenue_forecast(plan, period) -> float:
    """The revenue forecast of a period: forecasts.csv's 'revenue' driver, else plan.yaml's yearly figure prorated."""
    revenue = plan.forecasts[plan.forecasts["driver"] == "revenue"]
    if len(revenue):
        flows = pd.DataFrame([(f.id, plan.period(f.period).start, plan.period(f.period).end, float(f.value))
                              for f in revenue.itertuples(index=False)], columns=FLOW_COLUMNS)
        return float(allocate(flows, [period])["amount"].sum())
    yearly = BudgetSettings.of(plan.settings).revenue_forecast
    year = plan.calendar.fiscal_year(plan.calendar.year)
    return yearly * period.overlap_days(year.start, year.end) / year.days


def envelopes(plan, periods: list, flows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The three envelope methods side by side, per period, with each gap to the bottom-up total.

    fixed: plan.yaml's envelope, prorated by days; revenue_share: the share of the
    revenue forecast; bottom_up: the sum of the budget lines (variable ones computed).
    A positive gap means the lines cost more than the envelope.
    """
    settings = BudgetSettings.of(plan.settings)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    share = settings.revenue_share / 100
    flows = committed_flows(plan) if flows is None else flows
    rows = []
    for period in periods:
        fraction = period.overlap_days(year.start, year.end) / year.days
        bottom_up = total_in(plan, period, flows=flows)
        fixed = round(settings.envelope * fraction, 2)
        revenue_share = round(share * revenue_forecast(plan, period), 2)
        rows.append({"period": period.id, "fixed": fixed, "revenue_share": revenue_share, "bottom_up": bottom_up,
                     "gap_to_fixed": round(bottom_up - fixed, 2),
                     "gap_to_revenue_share": round(bottom_up - revenue_share, 2)})
    frame = pd.DataFrame(rows)
    frame.attrs["method"] = settings.method
    return frame


def chosen_envelope(frame: pd.DataFrame) -> pd.Series:
    """The envelope the plan follows (budget.method), per period, from an `envelopes` table."""
    return frame.set_index("period")[frame.attrs.get("method", DEFAULT_BUDGET_METHOD)]


def months_of(plan, period) -> list:
    """The calendar months that start within a period (the period itself when none does, e.g. a sprint)."""
    return [m for m in plan.calendar.periods("months") if period.start <= m.start <= period.end] or [period]
