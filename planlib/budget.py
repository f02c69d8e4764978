"""Budget lines: payment schedules.

A schedule says when a budget line is paid: instalments, each a share and a
date or a milestone of the line's action, e.g. ``25% 2026-02-01; 75% end``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .periods import parse_date_text

SCHEDULE_FORM = "instalments such as '25% 2026-02-01; 75% end' (share, then a date, 'start' or 'end'), shares summing to 100%"
MILESTONES = ("start", "end")
_INSTALMENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s+(\S+)\s*$")


@dataclass(frozen=True)
class Instalment:
    share: float  # percent of the line's amount
    when: date | str  # a date, or a milestone of the action: "start" / "end"


def parse_schedule(text: str) -> list[Instalment]:
    """Instalments of a schedule; ValueError says what is wrong."""
    instalments = []
    for part in [p for p in str(text).split(";") if p.strip()]:
        match = _INSTALMENT.match(part)
        if not match:
            raise ValueError(f"cannot read instalment '{part.strip()}'")
        share = float(match.group(1).replace(",", "."))
        when_text = match.group(2).lower()
        when = when_text if when_text in MILESTONES else parse_date_text(when_text)
        if when is None:
            raise ValueError(f"'{match.group(2)}' is neither a date nor a milestone")
        instalments.append(Instalment(share, when))
    total = sum(i.share for i in instalments)
    if instalments and abs(total - 100) > 0.01:
        raise ValueError(f"shares sum to {total:g}%, not 100%")
    return instalments


# -- money in time: commitments and payments ------------------------------------------------------------
#
# A budget line becomes "flows": amounts spread evenly over the days of a span.
# Committed flows follow the line's period (a variable cost follows its
# forecast's periods); cash flows follow the payment schedule, instalment by
# instalment. Any rollup is then the flows' overlap with the periods asked for.

import pandas as pd  # noqa: E402

from . import schema as S  # noqa: E402

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
    """Variable costs: rate x the driver's forecast, per forecast period within the line's period."""
    forecasts = plan.forecasts
    rows = []
    for line in plan.budget[plan.budget["cost_type"] == "variable"].itertuples(index=False):
        span = plan.period(line.period)
        for forecast in forecasts[forecasts["driver"] == line.driver].itertuples(index=False):
            part = plan.period(forecast.period)
            shared = part.overlap_days(span.start, span.end)
            if shared:
                value = float(forecast.value) * shared / part.days
                rows.append((line.id, max(part.start, span.start), min(part.end, span.end),
                             float(line.rate) / 100 * value))
    return pd.DataFrame(rows, columns=FLOW_COLUMNS)


def committed_flows(plan) -> pd.DataFrame:
    """What each line commits, spread over its period (variable lines: over their forecasts)."""
    fixed = plan.budget[(plan.budget["cost_type"] != "variable") & plan.budget["amount"].notna()]
    rows = [(line.id, plan.period(line.period).start, plan.period(line.period).end, float(line.amount))
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
    from .schedule import schedule

    committed = committed_flows(plan)
    scheduled_lines = plan.budget[plan.budget["schedule"] != ""]
    milestones = {}
    if len(scheduled_lines):
        dates = schedule(plan).set_index("id")
        milestones = {i: (r["planned_start"], r["planned_end"]) for i, r in dates.iterrows()}
    rows = []
    amounts = line_amounts(plan, committed)
    for line in scheduled_lines.itertuples(index=False):
        for instalment in parse_schedule(line.schedule):
            when = instalment.when
            if isinstance(when, str):
                start, end = milestones.get(line.action_id, (None, None))
                when = start if when == "start" else end
                if when is None:  # an action with no dates yet: pay at the end of the line's period
                    when = plan.period(line.period).end
            rows.append((line.id, when, when, amounts[line.id] * instalment.share / 100))
    paid = pd.DataFrame(rows, columns=FLOW_COLUMNS)
    unscheduled = committed[~committed["line_id"].isin(scheduled_lines["id"])]
    return pd.concat([unscheduled, paid], ignore_index=True) if len(paid) else unscheduled


def allocate(flows: pd.DataFrame, periods: list) -> pd.DataFrame:
    """Each flow's share in each period by overlapping days, in cents that add up to the flow exactly.

    When periods overlap one another (a quarter and its year), each is computed
    on its own; the days of a flow outside every period are left out.
    """
    ordered = sorted(periods, key=lambda p: p.start)
    disjoint = all(a.end < b.start for a, b in zip(ordered, ordered[1:]))
    rows = []
    for flow in flows.itertuples(index=False):
        days = (flow.end - flow.start).days + 1
        shared = [period.overlap_days(flow.start, flow.end) for period in periods]
        if not any(shared):
            continue
        if disjoint:
            parts = split_cents(flow.amount, shared + [days - sum(shared)])
        else:
            parts = [split_cents(flow.amount, [n, days - n])[0] for n in shared]
        rows += [(flow.line_id, period.id, part) for period, part, n in zip(periods, parts, shared) if n]
    return pd.DataFrame(rows, columns=["line_id", "period", "amount"])


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
    yearly = float((plan.settings.get("budget") or {}).get("revenue_forecast") or 0)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    return yearly * period.overlap_days(year.start, year.end) / year.days


def envelopes(plan, periods: list, flows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The three envelope methods side by side, per period, with each gap to the bottom-up total.

    fixed: plan.yaml's envelope, prorated by days; revenue_share: the share of the
    revenue forecast; bottom_up: the sum of the budget lines (variable ones computed).
    A positive gap means the lines cost more than the envelope.
    """
    settings = plan.settings.get("budget") or {}
    year = plan.calendar.fiscal_year(plan.calendar.year)
    share = float(settings.get("revenue_share") or 0) / 100
    flows = committed_flows(plan) if flows is None else flows
    rows = []
    for period in periods:
        fraction = period.overlap_days(year.start, year.end) / year.days
        bottom_up = total_in(plan, period, flows=flows)
        fixed = round(float(settings.get("envelope") or 0) * fraction, 2)
        revenue_share = round(share * revenue_forecast(plan, period), 2)
        rows.append({"period": period.id, "fixed": fixed, "revenue_share": revenue_share, "bottom_up": bottom_up,
                     "gap_to_fixed": round(bottom_up - fixed, 2),
                     "gap_to_revenue_share": round(bottom_up - revenue_share, 2)})
    frame = pd.DataFrame(rows)
    frame.attrs["method"] = settings.get("method", "bottom_up")
    return frame


# -- spend against plan --------------------------------------------------------------------------------------

def spend_vs_plan(plan, as_of) -> dict[str, pd.DataFrame]:
    """Consumed to date against plan, per line, category and month; projection; flags.

    committed_to_date: the committed flows up to `as_of`; consumption: spent /
    line amount; projection: spend to date at the same daily pace to the end of
    the year. Flags: lines over budget, spend on actions with no budget line,
    spend linked to no line at all.
    """

    from .periods import Period

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
    monthly = pd.DataFrame({
        "period": [m.id for m in months],
        "committed": [round(float(allocate(flows, [m])["amount"].sum()), 2) for m in months],
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
    from the baseline, achieved = the latest month's change from it.
    """
    from .kpis import formula_metrics, monthly_values

    versus = versus or spend_vs_plan(plan, as_of)  # pass it when already computed
    by_key_result = versus["lines"].groupby("key_result_id")  # each line's budget and spend, with its key result
    per_kr, spent = by_key_result["budget"].sum(), by_key_result["spent_to_date"].sum()
    kpis = plan.kpis.set_index("id")
    rows = []
    for kr in plan.key_results.itertuples(index=False):
        budget = round(float(per_kr.get(kr.id, 0.0)), 2)
        flow = False
        if kr.kpi_id in kpis.index:
            kpi = kpis.loc[kr.kpi_id]
            flow = kpi["aggregation"] == "sum" and formula_metrics(kpi["formula"]) == [kpi["formula"].strip()]
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
                     "cost_per_planned_unit": round(budget / planned, 2) if planned else None,
                     "spent_to_date": round(float(spent.get(kr.id, 0.0)), 2),
                     "achieved_units": round(achieved, 2) if achieved is not None else None,
                     "cost_per_achieved_unit": round(float(spent.get(kr.id, 0.0)) / achieved, 2)
                     if achieved and achieved > 0 else None})
    return pd.DataFrame(rows, columns=["id", "key_result", "budget", "planned_units", "cost_per_planned_unit",
                                       "spent_to_date", "achieved_units", "cost_per_achieved_unit"])


def category_label(plan, code: str, lang: str = "en") -> str:
    labels = S.plan_categories(plan.settings)
    return labels.get(code, (code, code))[1 if lang == "fr" else 0]


def budget_counts(plan, period, as_of) -> dict:
    """Figures of step 6 for `planlib summary`."""
    flows = committed_flows(plan)  # computed once, shared by every figure below
    envelope = envelopes(plan, [period], flows).iloc[0]
    versus = spend_vs_plan(plan, as_of)
    committed_by_category = rollup(plan, [period], "category", flows=flows)["total"]
    in_period = plan.spend[(plan.spend["date"] >= pd.Timestamp(period.start)) &
                           (plan.spend["date"] <= pd.Timestamp(min(as_of, period.end)))]
    committed_to_date = total_in(plan, type(period)("to_date", "span", period.start, min(as_of, period.end)), flows=flows)
    spent = round(float(in_period["amount"].sum()), 2)
    method = (plan.settings.get("budget") or {}).get("method", "bottom_up")
    chosen = envelope[method]  # the envelope table has a column named after each method
    return {"total_year": round(float(flows["amount"].sum()), 2),
            "period": total_in(plan, period, flows=flows), "cash_period": total_in(plan, period, "cash"),
            "by_category": {k: float(v) for k, v in committed_by_category.items() if v},
            "spent_in_period_to_date": spent, "variance_to_date": round(spent - committed_to_date, 2),
            "envelope_method": method, "envelope": float(chosen),
            "envelope_gap": round(float(envelope["bottom_up"] - chosen), 2),
            "lines_over_budget": int(len(versus["over_budget"])),
            "spend_without_budget_line": int(len(versus["no_budget_line"]))}


def money_table(frame: pd.DataFrame, plan, lang: str = "en", columns: list[str] | None = None) -> pd.DataFrame:
    """Amount columns written in the plan's currency and the reader's language (1 250,00 € in French)."""
    from .i18n import format_money

    shown = frame.copy()
    for column in columns or [c for c in shown.columns if pd.api.types.is_float_dtype(shown[c])]:
        shown[column] = [format_money(v, plan.currency, lang) if pd.notna(v) else "" for v in shown[column]]
    return shown
