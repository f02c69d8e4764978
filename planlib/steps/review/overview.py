"""Step 7 in the plan's overview and in `planlib summary` (`kpi_review`, `decisions`)."""
from __future__ import annotations

from .decisions import decision_counts
from .backtest import calibration
from .pacing import STATUSES, review, thresholds


def progress(plan) -> list[tuple[str, int]]:
    return [("kpis", len(plan.kpis)), ("actuals", len(plan.actuals)), ("spend", len(plan.spend))]


def summary(plan, period, as_of) -> dict:
    backtests = calibration(plan)
    pacings = review(plan, as_of, calibrated=backtests)
    counts = {status: sum(p.status == status for p in pacings) for status in STATUSES}
    return {"kpis": {"total": int(len(plan.kpis)), "metrics_measured": int(plan.actuals["metric"].nunique()),
                     "actuals_rows": int(len(plan.actuals))},
            "kpi_review": {"as_of": as_of.isoformat(), "thresholds": thresholds(plan.settings), "counts": counts,
                           "backtest": backtests.as_dict(), "key_results": [p.as_dict() for p in pacings]},
            "decisions": decision_counts(plan, as_of)}
