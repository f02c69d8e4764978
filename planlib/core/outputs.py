"""Where a command's output may go: never over a plan's own files, never into a plan folder.

Plan files are written by imports and forms, which take the plan's lock and
keep the version they replace; a page, a workbook or a report folder named by
an option (--html, --to, --out) is refused, naming the option, before anything
is written, when it would land on or among them.
"""
from __future__ import annotations

from pathlib import Path

from .errors import PlanError, Problem
from .runtime import WORKSPACE_FILE
from .plan import file_order


def _is_plan_folder(folder: Path) -> bool:
    return (folder / "plan.yaml").is_file() or (folder / WORKSPACE_FILE).is_file()


def refuse_output_over_plan(target: Path, option: str, suffixes: tuple[str, ...] = (".html", ".htm")) -> None:
    """An output file (a page, a workbook) never lands on a plan's own file nor on another kind of file (a
    notebook, a table), nor on a folder."""
    target = Path(target)
    over_plan = _is_plan_folder(target.parent.resolve()) and target.name in (*file_order(), WORKSPACE_FILE)
    other_kind = target.is_file() and target.suffix.lower() not in suffixes
    if over_plan or other_kind:
        code = "output_over_plan" if over_plan else "output_over_file"
        raise PlanError([Problem(option, None, None, code, {"file": str(target)}, "output_outside_plan")])
    if target.is_dir():
        raise PlanError([Problem(option, None, None, "output_is_folder", {"file": str(target)}, "output_file")])


def refuse_folder_in_plan(target: Path, option: str) -> None:
    """An output folder (a report, a CSV export) is neither a plan folder nor inside one: its files would
    mix with the plan's, or replace them. (A workspace's own reports/ folder is beside its plan, not in it.)"""
    target = Path(target).resolve()
    for folder in (target, *target.parents):
        if (folder / "plan.yaml").is_file():
            raise PlanError([Problem(option, None, None, "output_in_plan", {"folder": str(target),
                                                                              "plan": str(folder)},
                                     "output_folder")])
