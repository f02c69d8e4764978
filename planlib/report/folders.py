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
