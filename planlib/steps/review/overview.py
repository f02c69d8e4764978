"""Step 7 in the plan's overview and in `planlib summary`."""
from __future__ import annotations


def progress(plan) -> list[tuple[str, int]]:
    return [("kpis", len(plan.kpis)), ("actuals", len(plan.actuals)), ("spend", len(plan.spend))]


def summary(plan, period, as_of) -> dict:
    return {"kpis": {"total": int(len(plan.kpis)), "metrics_measured": int(plan.actuals["metric"].nunique()),
                     "actuals_rows": int(len(plan.actuals))}}
