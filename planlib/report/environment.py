"""What every report of one process shares: warm kernels, the plans they read, the report run's settings.

One `planlib report` call may build many plans' reports at once (a year of
periods, a folder of plans): they share one pool of warm kernels, bounded by
`jobs` slots so that no more notebooks run at once than asked, and one folder
where each plan, loaded and validated once, waits for the kernels to read it.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path

from ..core.runtime import PLAN_CACHE_ENV, REPORT_ENV, REPORTS_ENV, plan_cache_file, plan_copy_folder
from .kernels import KernelPool
from .plan_copy import PlanCopy, copy_plan


class ReportEnvironment:
    """Use as a context: sets the report run's environment, then starts kernels on demand."""

    def __init__(self, notebooks: Path, out: Path, jobs: int):
        self.notebooks, self.out, self.jobs = Path(notebooks), Path(out), max(1, jobs)
        self.slots = threading.Semaphore(self.jobs)  # notebooks running at once, over every plan
        self.kernels: KernelPool | None = None
        self.cache: Path | None = None
        self.saved: dict[str, str | None] = {}

    def __enter__(self) -> "ReportEnvironment":
        # papermill changes the process's folder around each notebook; run in threads, the last one to
        # restore it may not restore the first: the folder is put back when the run ends.
        self.cwd = os.getcwd()
        self.cache = Path(tempfile.mkdtemp(prefix="planlib-plans-"))
        settings = {REPORT_ENV: "1", PLAN_CACHE_ENV: str(self.cache), REPORTS_ENV: str(self.out.resolve())}
        self.saved = {name: os.environ.get(name) for name in settings}
        os.environ.update(settings)
        os.environ.setdefault("JUPYTER_PREFER_ENV_PATH", "1")  # the venv's python3 kernel, not a user one
        self.kernels = KernelPool(cwd=str(self.notebooks.resolve()))
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.kernels.close()
        finally:
            os.chdir(self.cwd)
            for name, value in self.saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            shutil.rmtree(self.cache, ignore_errors=True)

    def read_plan(self, plan_dir: Path) -> PlanCopy:
        """The plan read once for this run (its files copied beside it), left where kernels find it:
        they recognise it by its absolute folder."""
        copy = copy_plan(plan_dir, Path(plan_copy_folder(str(self.cache), plan_dir)))
        plan = copy.plan
        plan.calendar.is_working_day(plan.calendar.fiscal_year_start(plan.calendar.year))  # holidays, computed once
        shared = replace(plan, path=plan_dir) if plan.path is not None else plan
        Path(plan_cache_file(str(self.cache), plan_dir)).write_bytes(pickle.dumps(shared))
        return copy
