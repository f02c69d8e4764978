"""Which folders the kit never writes (its sample plans and workshop cases), and the mark of a workspace.

A report run tells its notebooks what they need through their `report`
parameter (planlib/report/context.py), never through this process's state.
"""
from __future__ import annotations

from pathlib import Path

from . import resources

WORKSPACE_FILE = "workspace.json"  # marks a folder made by `planlib new`; its plan is in plan/
# The kit's own sample plans: read, copied into workspaces, never written (`planlib new NAME --example`).
PACKAGED_PLANS = tuple(p.resolve() for p in resources.sample_plans())
PACKAGED_CASES = resources.cases_dir().resolve()  # workshop cases: copied, never written


def is_packaged_plan(folder) -> bool:
    """True for the kit's sample plans and workshop cases as shipped (not for copies of them)."""
    try:
        resolved = Path(folder).resolve()
    except OSError:
        return False
    return any(resolved == packaged for packaged in PACKAGED_PLANS) or PACKAGED_CASES in resolved.parents
