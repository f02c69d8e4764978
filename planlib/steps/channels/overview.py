"""Step 4 in the plan's overview and in `planlib summary`."""
from __future__ import annotations


def progress(plan) -> list[tuple[str, int]]:
    return [("channels", len(plan.channels)), ("messages", len(plan.messages))]


def summary(plan, period, as_of) -> dict:
    return {"channels": {"total": int(len(plan.channels)), "messages": int(len(plan.messages))}}
