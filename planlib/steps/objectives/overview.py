"""Step 2 in the plan's overview and in `planlib summary`."""
from __future__ import annotations

from .compute import objective_counts


def progress(plan) -> list[tuple[str, int]]:
    objectives = plan.objectives
    return [
        ("business_objective", int((objectives["level"] == "business").sum())),
        ("marketing_objective", int((objectives["level"] == "marketing").sum())),
        ("key_results", len(plan.key_results)),
    ]


def summary(plan, period, as_of) -> dict:
    objectives = plan.objectives
    return {"objectives": {"total": int(len(objectives)),
                           "business": int((objectives["level"] == "business").sum()),
                           "marketing": int((objectives["level"] == "marketing").sum())},
            "key_results": {"total": int(len(plan.key_results)), **objective_counts(plan, as_of)}}
