"""Key figures of a plan for one period, as one JSON-ready document.

Schedulers and dashboards read this instead of the notebooks; each step adds
its own figures through the registry, so `planlib summary --json` stays the
one place to look.
"""
from __future__ import annotations

from datetime import date

from .. import __version__
from ..core.periods import parse_as_of
from .registry import STEPS


def summary(plan, period_id: str, as_of: str | date | None = None) -> dict:
    """The plan's headline figures for a period (pure: same inputs, same document)."""
    period = plan.period(period_id)
    as_of = as_of if isinstance(as_of, date) else parse_as_of(as_of, period)
    document = {
        "planlib_version": __version__,
        "plan": plan.name,
        "company": plan.config.company or None,
        "currency": plan.currency,
        "period": {"id": period.id, "kind": period.kind, "start": period.start.isoformat(),
                   "end": period.end.isoformat(),
                   "working_days": plan.calendar.count_working_days(period.start, period.end)},
        "as_of": as_of.isoformat(),
    }
    for step in STEPS:
        document.update(step.summary(plan, period, as_of))
    return document
