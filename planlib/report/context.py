"""What a report run tells each notebook it runs: one papermill parameter, `report`.

The runner reads and validates the plan once, and computes once what changed
since the plan's previous report (the front page shows it); each notebook
receives where both wait, and the run's output folder, in its `report`
parameter, next to `plan_dir`, `period`, `as_of` and `lang`. A notebook
opened in JupyterLab has `report = None`.
"""
from __future__ import annotations

import pickle
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReportContext:
    """A report run as its notebooks see it; plain paths, so papermill can pass it as a parameter."""

    plan_dir: str  # the plan folder (or workbook) the run reports on, absolute
    plan: str  # the plan the runner loaded and validated, pickled
    copy: str  # the plan's files as the run read them (what the report stands for)
    reports: str  # the run's output folder: the plan's earlier reports are under it
    since: str  # what changed since the plan's previous report, pickled (None inside when it is a first report)

    def as_parameter(self) -> dict:
        return asdict(self)

    @classmethod
    def from_parameter(cls, value) -> "ReportContext | None":
        """The context a notebook received, or None in JupyterLab (a parameter left at None)."""
        return cls(**value) if isinstance(value, dict) else None

    def read_plan(self, plan_dir) -> object | None:
        """The plan the runner validated, when the notebook asks for the same folder; else None."""
        from ..core.plan_path import resolve_plan_path

        if resolve_plan_path(plan_dir).resolve() != Path(self.plan_dir):
            return None
        with open(self.plan, "rb") as stream:
            return pickle.load(stream)

    def read_since(self):
        """What changed since the previous report, as the front page shows it; None for a first report."""
        with open(self.since, "rb") as stream:
            return pickle.load(stream)


def write_context(folder: Path, plan_dir: Path, plan, copy_folder: Path, reports: Path, since) -> ReportContext:
    """Leave a plan and its changes in a run's folder and say where, for the notebooks."""
    plan_file, since_file = folder / "plan.pickle", folder / "since.pickle"
    plan_file.write_bytes(pickle.dumps(plan))
    since_file.write_bytes(pickle.dumps(since))
    return ReportContext(str(plan_dir), str(plan_file), str(copy_folder), str(reports.resolve()), str(since_file))
