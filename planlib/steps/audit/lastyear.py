"""The review of last year's plan: what each action cost, what its key result reached, keep / fix / drop.

For each of last year's actions (cancelled ones aside):
- cost: the sum of its spend (spend.csv rows naming the action, or naming one
  of its budget lines), else the sum of its budget lines (cost_source says
  which);
- progress: what its key result reached at that key result's deadline (the
  year's end without one), computed by the KPI review's engine on last
  year's actuals;
- cost per result: the cost over the key result's measured value, for a
  count that goes up (leads, orders, revenue), when that value is above zero;
- a suggested decision, from these documented rules, in this order:
  1. no key result, or none measured: **fix** (link it to a measured key result);
  2. target reached (progress >= 100 %) within budget (cost <= its budget
     lines + 10 %, or no budget lines): **keep**;
  3. target reached, over budget: **fix** (same result for less);
  4. close to target (progress >= last year's amber threshold, 85 % by default): **fix**;
  5. otherwise: **drop**.
The analyst's decision, stored in audit.yaml (`last_year_review.decisions`),
wins over the suggestion.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

from ...core.metrics import MetricIndex, is_flow
from ..budget.compute import line_amounts
from ..review.pacing import pace_key_result, thresholds
from .model import analyst_decisions

BUDGET_TOLERANCE = 0.10  # a cost up to 10 % over its budget lines is still "within budget"


@dataclass
class LastYearAction:
    """One of last year's actions as the review judges it; the field names are those of `planlib summary`."""

    action_id: str
    name: str
    channel_id: str
    channel: str
    key_result_id: str
    cost: float
    cost_source: str  # spend, budget or none
    budget: float
    progress: float | None
    actual: float | None
    unit: str
    cost_per_result: float | None
    suggestion: str  # keep, fix or drop
    reason: str  # the rule's code: reached_within_budget, reached_over_budget, close, far, not_measured
    reason_params: dict = field(default_factory=dict)
    decision: str | None = None  # the analyst's, when stored
    decision_reason: str = ""
    change: str = ""

    @property
    def final(self) -> str:
        """The decision that counts: the analyst's, else the suggestion."""
        return self.decision or self.suggestion

    def as_dict(self) -> dict:
        out = asdict(self)
        for key in ("cost", "budget", "progress", "actual", "cost_per_result"):
            if isinstance(out[key], float):
                out[key] = round(out[key], 6)
        return out


def action_costs(plan) -> pd.DataFrame:
    """Per action: spend (direct or through its budget lines), budget lines' total."""
    lines = plan.budget.assign(amount=line_amounts(plan).to_numpy())
    line_action = dict(zip(lines["id"], lines["action_id"]))
    spend = plan.spend.copy()
    spend["owner"] = spend["action_id"].where(spend["action_id"].fillna("") != "",
                                              spend["budget_line_id"].map(line_action))
    spent = spend.groupby("owner")["amount"].sum()
    budgeted = lines.groupby("action_id")["amount"].sum()
    return pd.DataFrame({"spend": spent, "budget": budgeted}).fillna(0.0)


def suggest(progress: float | None, cost: float, budget: float, amber: float) -> tuple[str, str, dict]:
    """(suggestion, reason code, reason parameters) from the rules in this module's docstring."""
    if progress is None:
        return "fix", "not_measured", {}
    params = {"progress": round(100 * progress), "cost": round(cost, 2), "budget": round(budget, 2)}
    if progress >= 1:
        if budget <= 0 or cost <= budget * (1 + BUDGET_TOLERANCE):
            return "keep", "reached_within_budget", params
        return "fix", "reached_over_budget", {**params, "over": round(100 * (cost / budget - 1))}
    if progress >= amber:
        return "fix", "close", params
    return "drop", "far", params


def review_last_year(previous, audit: dict) -> list[LastYearAction]:
    """Every action of last year's plan but the cancelled ones, judged; in actions.csv order."""
    costs = action_costs(previous)
    limits = thresholds(previous.settings)
    index = MetricIndex(previous.actuals)
    year_end = previous.calendar.fiscal_year(previous.calendar.year).end
    key_results = {kr["id"]: kr for kr in previous.key_results.to_dict("records")}
    kpis = previous.kpis.set_index("id")
    channels = dict(zip(previous.channels["id"], previous.channels["name"]))
    decided = analyst_decisions(audit)
    judged = []
    for action in previous.actions.to_dict("records"):
        if action["status"] == "cancelled":
            continue
        spend = float(costs["spend"].get(action["id"], 0.0))
        budget = float(costs["budget"].get(action["id"], 0.0))
        spend, budget = round(spend, 2), round(budget, 2)
        cost, source = (spend, "spend") if spend else (budget, "budget") if budget else (0.0, "none")
        kr = key_results.get(action.get("key_result_id") or "")
        progress = actual = per_result = None
        unit = ""
        if kr is not None:
            deadline = kr["deadline"].date() if pd.notna(kr.get("deadline")) else year_end
            pacing = pace_key_result(previous, kr, min(deadline, year_end), index, limits, forecast=False)
            progress, actual, unit = pacing.progress, pacing.actual, str(kr.get("unit") or "")
            kpi = kpis.loc[kr["kpi_id"]] if kr.get("kpi_id") in kpis.index else None
            if kpi is not None and is_flow(kpi) and kpi["direction"] == "up" and actual and actual > 0 and cost:
                per_result = cost / actual
        suggestion, reason, params = suggest(progress, cost, budget, float(limits["amber"]))
        own = decided.get(action["id"], {})
        judged.append(LastYearAction(
            action_id=action["id"], name=action["name"], channel_id=action.get("channel_id") or "",
            channel=channels.get(action.get("channel_id") or "", ""), key_result_id=kr["id"] if kr else "",
            cost=cost, cost_source=source, budget=budget, progress=progress, actual=actual, unit=unit,
            cost_per_result=per_result, suggestion=suggestion, reason=reason, reason_params=params,
            decision=own.get("decision") or None, decision_reason=str(own.get("reason") or ""),
            change=str(own.get("change") or "")))
    return judged
