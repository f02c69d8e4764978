"""How this process runs: interactively in JupyterLab, or as part of a report run.

`planlib report` sets these for the kernels it starts: forms are then neither
built nor shown, and notebooks reuse the plan the runner already validated.
"""
from __future__ import annotations

import os
from pathlib import Path

from . import resources

REPORT_ENV = "PLANLIB_REPORT"  # "1" in a report run
PLAN_CACHE_ENV = "PLANLIB_PLAN_CACHE"  # the folder where `planlib report` left the plans it loaded and validated
REPORTS_ENV = "PLANLIB_REPORTS"  # the report run's output folder: its plans' earlier reports are there
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


def reports_folder() -> str | None:
    """In a report run, the folder the reports go to (reports/ by default); None interactively."""
    return os.environ.get(REPORTS_ENV) or None


def interactive() -> bool:
    """False in a report run: forms are then neither built nor shown, only a line saying where they are."""
    return os.environ.get(REPORT_ENV) != "1"


def plan_cache_file(folder: str, plan_dir) -> str:
    """Where a report run leaves one plan for its kernels: one file per plan folder, many plans per run."""
    import hashlib

    key = hashlib.sha1(str(plan_dir).encode("utf-8")).hexdigest()[:16]
    return os.path.join(folder, f"plan-{key}.pickle")


def plan_copy_folder(folder: str, plan_dir) -> str:
    """Where a report run keeps the plan's files as it read them, beside the plan it loaded from them."""
    return plan_cache_file(folder, plan_dir).removesuffix(".pickle") + ".files"


def report_plan_copy(plan_dir) -> Path | None:
    """In a report run, the plan's files as the run read them (what the report stands for); None otherwise."""
    folder = os.environ.get(PLAN_CACHE_ENV)
    if not folder or interactive():
        return None
    copy = Path(plan_copy_folder(folder, Path(plan_dir).resolve()))
    return copy if copy.is_dir() else None
