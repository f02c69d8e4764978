"""The plan a report run is built from: its files copied once, and the plan loaded from that same moment.

A report takes minutes; meanwhile an analyst may save a form or import
actuals. Everything the run writes (summary.json, the pages, the report's
`plan/` copy, "what changed", the fingerprints) comes from this one reading,
never from the folder as it is later. The copy is taken under the plan's lock,
which every writer of the kit holds; a file changed by hand while it is taken
is caught by reading the folder again, and the copy is taken anew.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import PlanError, Problem
from ..core.io.plan_lock import plan_lock
from ..core.plan import Plan, file_order
from ..steps import load_plan
from .fingerprint import plan_hash

ATTEMPTS = 3  # copies taken before a plan that keeps changing is refused


@dataclass(frozen=True)
class PlanCopy:
    """A plan as one report run reads it."""

    plan_dir: Path  # the plan folder (or workbook) the user named
    folder: Path  # its files as they were when the run read them
    plan: Plan
    digest: str  # plan_hash of those files


def _files(plan_dir: Path) -> list[Path]:
    if plan_dir.is_file():
        return [plan_dir]
    return [plan_dir / name for name in file_order() if (plan_dir / name).is_file()]


def _same(files: list[Path], folder: Path) -> bool:
    """Whether the plan's files still hold what was copied (none added, none removed)."""
    try:
        return all((folder / file.name).read_bytes() == file.read_bytes() for file in files) and \
            sorted(p.name for p in folder.iterdir()) == sorted(file.name for file in files)
    except OSError:
        return False


def copy_plan(plan_dir: Path, into: Path) -> PlanCopy:
    """The plan's files copied into `into` and the plan loaded, both of one moment; PlanError when it
    cannot be read, or when it changed on every attempt."""
    plan_dir = Path(plan_dir)
    for _ in range(ATTEMPTS):
        shutil.rmtree(into, ignore_errors=True)
        into.mkdir(parents=True)
        with plan_lock(plan_dir if plan_dir.is_dir() else None):
            files = _files(plan_dir)
            for file in files:
                shutil.copy2(file, into / file.name)
            plan = load_plan(plan_dir)
            digest = plan_hash(plan_dir, plan)
            if _same(_files(plan_dir), into):
                return PlanCopy(plan_dir, into, plan, digest)
    raise PlanError([Problem(str(plan_dir), None, None, "plan_kept_changing", {"attempts": ATTEMPTS},
                             "plan_still")])
