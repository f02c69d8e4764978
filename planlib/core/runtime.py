"""How this process runs: interactively in JupyterLab, or as part of a report run.

`planlib report` sets these for the kernels it starts: forms are then neither
built nor shown, and notebooks reuse the plan the runner already validated.
"""
from __future__ import annotations

import os

REPORT_ENV = "PLANLIB_REPORT"  # "1" in a report run
PLAN_CACHE_ENV = "PLANLIB_PLAN_CACHE"  # the folder where `planlib report` left the plans it loaded and validated
REPORTS_ENV = "PLANLIB_REPORTS"  # the report run's output folder: its plans' earlier reports are there


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
