"""The plan as it is on disk now, under its lock: what every writer edits.

A form opened an hour ago, or an import that read its file first, applies its
edit to what another writer saved since, never to its own stale copy. Kept apart
from io/plan_lock.py, which knows no plan, so that plan.py takes the lock without a cycle.
"""
from __future__ import annotations

from contextlib import contextmanager

from .io.plan_lock import plan_lock
from .plan import load_plan


def reread(plan):
    """The plan as it is on disk now (another writer may have saved since it was loaded), with the same rules."""
    return load_plan(plan.path, plan.rules)


@contextmanager
def fresh_under_lock(plan):
    """Hold the plan's lock and give the plan as it is on disk now (a plan with no folder as it is)."""
    with plan_lock(plan.path):
        yield reread(plan) if plan.path is not None else plan
