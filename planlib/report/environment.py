"""What every report of one process shares: warm kernels, and the plans they read.

One `planlib report` call may build many plans' reports at once (a year of
periods, a folder of plans): they share one pool of warm kernels, bounded by
`jobs` slots so that no more notebooks run at once than asked, and one folder
where each plan, loaded and validated once, waits for the kernels to read it;
each notebook is told where by its `report` parameter (context.py).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path

from .context import ReportContext, write_context
from .kernels import KernelPool
from .plan_copy import PlanCopy, copy_plan


def _plan_folder(cache: Path, plan_dir: Path) -> Path:
    """Where a run keeps one plan for its kernels: one folder per plan folder, many plans per run."""
    import hashlib

    return cache / f"plan-{hashlib.sha1(str(plan_dir).encode('utf-8')).hexdigest()[:16]}"


class ReportEnvironment:
    """Use as a context: a folder for the plans the run reads, and kernels started on demand."""

    def __init__(self, notebooks: Path, out: Path, jobs: int):
        self.notebooks, self.out, self.jobs = Path(notebooks), Path(out), max(1, jobs)
        self.slots = threading.Semaphore(self.jobs)  # notebooks running at once, over every plan
        self.kernels: KernelPool | None = None
        self.cache: Path | None = None

    def __enter__(self) -> "ReportEnvironment":
        # papermill changes the process's folder around each notebook; run in threads, the last one to
        # restore it may not restore the first: the folder is put back when the run ends.
        self.cwd = os.getcwd()
        self.cache = Path(tempfile.mkdtemp(prefix="planlib-plans-"))
        os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")  # the venv's python3 kernel, not a user one
        self.kernels = KernelPool(cwd=str(self.notebooks.resolve()))
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.kernels.close()
        finally:
            os.chdir(self.cwd)
            shutil.rmtree(self.cache, ignore_errors=True)

    def read_plan(self, plan_dir: Path) -> PlanCopy:
        """The plan read once for this run (its files copied beside it), left where kernels find it:
        they recognise it by its absolute folder."""
        folder = _plan_folder(self.cache, plan_dir)
        copy = copy_plan(plan_dir, folder / "files")
        copy.plan.calendar.is_working_day(copy.plan.calendar.fiscal_year_start(copy.plan.calendar.year))  # holidays, once
        return copy

    def context_for(self, copy: PlanCopy, since) -> ReportContext:
        """What the notebooks of this plan's reports are told: the plan as read, what changed, the output folder."""
        plan = copy.plan
        shared = replace(plan, path=copy.plan_dir) if plan.path is not None else plan
        return write_context(_plan_folder(self.cache, copy.plan_dir), copy.plan_dir, shared, copy.folder, self.out,
                             since)
