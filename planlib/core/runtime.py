"""How this process runs: interactively in JupyterLab, or as part of a report run.

`planlib report` sets these for the kernels it starts: forms are then neither
built nor shown, and notebooks reuse the plan the runner already validated.
"""
from __future__ import annotations

import os

REPORT_ENV = "PLANLIB_REPORT"  # "1" in a report run
PLAN_CACHE_ENV = "PLANLIB_PLAN_CACHE"  # where `planlib report` left the plan it loaded and validated


def interactive() -> bool:
    """False in a report run: forms are then neither built nor shown, only a line saying where they are."""
    return os.environ.get(REPORT_ENV) != "1"
