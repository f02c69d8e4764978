"""Write several files of a plan folder as one change: all of them, or none.

An import replaces up to a dozen files that must agree with each other. Each
new file is first written and flushed into `.import/` inside the plan folder;
a marker file listing them then records the decision (the commit point), and
only after it are the files renamed over their targets. A run killed before
the marker leaves the old plan (the staging folder is discarded on the next
read); a run killed after it is finished by the next read, so the plan is the
new one. Either way no reader ever sees a mix.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .atomic import keep_previous, write_synced

STAGING_DIR = ".import"
COMMITTED = "COMMITTED"


def _sync_folder(folder: Path) -> None:
    """Make renames and new entries in a folder durable (no-op where folders cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_all(folder: Path, files: dict[str, bytes]) -> None:
    """Replace these files of `folder` together; the versions they replace go to .history/."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    settle(folder)
    staging = folder / STAGING_DIR
    staging.mkdir()
    for name, data in files.items():
        write_synced(staging / name, data)
        target = folder / name
        if target.exists():
            os.chmod(staging / name, target.stat().st_mode & 0o777)
    _sync_folder(staging)
    for name in files:
        keep_previous(folder / name)
    marker = staging / f".{COMMITTED}.tmp"
    write_synced(marker, "\n".join(files).encode("utf-8"))
    os.replace(marker, staging / COMMITTED)  # the commit point
    _sync_folder(staging)
    _finish(folder)


def settle(folder: Path) -> None:
    """Complete or discard an import a killed run left behind in this folder."""
    staging = Path(folder) / STAGING_DIR
    if not staging.is_dir():
        return
    if (staging / COMMITTED).exists():
        _finish(Path(folder))
    else:
        shutil.rmtree(staging, ignore_errors=True)


def _finish(folder: Path) -> None:
    staging = folder / STAGING_DIR
    for name in (staging / COMMITTED).read_text(encoding="utf-8").splitlines():
        staged = staging / name
        if staged.exists():  # a previous attempt may have moved it already
            os.replace(staged, folder / name)
    _sync_folder(folder)
    shutil.rmtree(staging, ignore_errors=True)
