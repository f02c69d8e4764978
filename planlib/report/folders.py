"""A period's report folder: one run writes it at a time, and it is replaced whole.

A lock per period makes a second run on the same period wait instead of
racing the first. A new report is built in `.build-<period>-*` beside its
target and swapped in with two renames; a run killed in between leaves the
previous report as `.old-<period>-<pid>`, which the next run of that period
puts back (or deletes, if the new one made it in) before it starts.
"""
from __future__ import annotations

import fcntl
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import CodedError


OWNER_FILE = ".plan-folder"  # in <out>/<plan name>/: the plan folder whose reports these are


def claim_root(root: Path, plan_dir: Path) -> None:
    """Make root the reports of plan_dir, or refuse: two plans of one name must not overwrite each other.

    A root whose recorded plan folder no longer exists (moved or renamed) is taken over."""
    root.mkdir(parents=True, exist_ok=True)
    owner_file = root / OWNER_FILE
    mine = str(Path(plan_dir).resolve())
    owner = owner_file.read_text(encoding="utf-8").strip() if owner_file.is_file() else ""
    if owner and owner != mine and Path(owner).is_dir():
        raise CodedError("report_folder_taken", "report_folder_free", folder=str(root), owner=owner, plan=mine)
    if owner != mine:
        owner_file.write_text(mine + "\n", encoding="utf-8")


@contextmanager
def period_lock(folder: Path, period: str, announce):
    """Hold the period's lock; a second run waits for the first, then goes on."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f".{period}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            announce(f"another report run is writing {folder / period}; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def swap_in(built: Path, target: Path) -> None:
    """Replace a report folder by a complete new one: rename aside, rename in, delete the old."""
    old = None
    if target.exists():
        old = target.with_name(f".old-{target.name}-{os.getpid()}")
        os.replace(target, old)
    os.replace(built, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def clear_leftovers(root: Path, period: str) -> None:
    """Remove what a killed run of this period left in root; call it holding the period's lock."""
    built = re.compile(rf"\.build-{re.escape(period)}-[a-z0-9_]{{8}}")
    aside = re.compile(rf"\.old-{re.escape(period)}-\d+")
    target = root / period
    for entry in sorted(root.iterdir()):
        if built.fullmatch(entry.name):
            shutil.rmtree(entry, ignore_errors=True)
        elif aside.fullmatch(entry.name):
            if target.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:  # killed between the two renames: the previous report is the complete one
                os.replace(entry, target)
