"""The plan a report run is built from: its files read once, copied, and the plan loaded from that copy.

A report takes minutes; meanwhile an analyst may save a form or import
actuals. Everything the run writes (summary.json, the pages, the report's
`plan/` copy, "what changed", the fingerprints) comes from this one reading,
never from the folder as it is later. The files are read under the plan's
lock, which every writer of the kit holds; a file changed by hand while they
are read is caught by comparing the folder with what was read, and the files
are read anew.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import PlanError, Problem
from ..core.io.plan_lock import plan_lock
from ..core.io.staging import settle
from ..core.plan import Plan, build_plan, folder_files, open_source, refuse_no_plan
from ..steps.registry import rules
from .fingerprint import plan_hash

ATTEMPTS = 3  # readings taken before a plan that keeps changing is refused


@dataclass(frozen=True)
class PlanCopy:
    """A plan as one report run reads it."""

    plan_dir: Path  # the plan folder (or workbook) the user named
    folder: Path  # its files as they were when the run read them
    plan: Plan
    digest: str  # plan_hash of those files


def _read(plan_dir: Path) -> dict[str, bytes]:
    """The plan's files as bytes (file name -> bytes): a folder's, or the workbook alone."""
    return {plan_dir.name: plan_dir.read_bytes()} if plan_dir.is_file() else folder_files(plan_dir)


def _unchanged(plan_dir: Path, read: dict[str, bytes]) -> bool:
    """Whether the plan's files still hold what was read (none added, none removed)."""
    try:
        return _read(plan_dir) == read
    except OSError:
        return False


def copy_plan(plan_dir: Path, into: Path) -> PlanCopy:
    """The plan's files read once and copied into `into`, the plan loaded from the copy (named and placed as
    the user's: its name, last year's plan beside it); PlanError when it cannot be read, or when it changed
    on every attempt."""
    plan_dir = Path(plan_dir)
    refuse_no_plan(plan_dir)
    for _ in range(ATTEMPTS):
        shutil.rmtree(into, ignore_errors=True)
        into.mkdir(parents=True)
        with plan_lock(plan_dir if plan_dir.is_dir() else None):
            if plan_dir.is_dir():
                settle(plan_dir)  # an import a killed run left behind, completed or discarded first
            read = _read(plan_dir)
            folder = plan_dir.parent if plan_dir.is_file() else plan_dir
            for name, data in read.items():
                (into / name).write_bytes(data)
                shutil.copystat(folder / name, into / name)
            copied = into / plan_dir.name if plan_dir.is_file() else into
            plan = build_plan(open_source(copied), plan_dir if plan_dir.is_dir() else None, rules())
            if _unchanged(plan_dir, read):
                return PlanCopy(plan_dir, into, plan, plan_hash(plan_dir, plan, read))
    raise PlanError([Problem(str(plan_dir), None, None, "plan_kept_changing", {"attempts": ATTEMPTS},
                             "plan_still")])
