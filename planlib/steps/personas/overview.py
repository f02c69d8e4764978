"""Step 3 in the plan's overview and in `planlib summary`."""
from __future__ import annotations


def progress(plan) -> list[tuple[str, int]]:
    return [("personas", len(plan.personas))]


def summary(plan, period, as_of) -> dict:
    return {"personas": {"total": len(plan.personas)}}
