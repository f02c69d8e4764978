"""Atomic writes that keep the previous version of a file.

A plan folder is the analyst's only copy of their work: a crash, a full disk
or a bad save must never leave a half-written file or lose the last good one.
Each write goes to a temporary file beside the target, is flushed to disk and
renamed over it; the version it replaces is first copied to `.history/`.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

HISTORY_DIR = ".history"


def history_path(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return path.parent / HISTORY_DIR / f"{path.stem}.{stamp}{path.suffix}"


def keep_previous(path: Path) -> Path | None:
    """Copy the current version of a file into .history/, if there is one."""
    if not path.exists():
        return None
    target = history_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    return target


def _default_mode(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual umask ones."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_synced(path: Path, data: bytes) -> None:
    """Write a file and flush it to disk before anything is renamed over it."""
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def atomic_write_bytes(path: Path, data: bytes, keep_history: bool = True) -> None:
    """Replace a file's content all at once, or not at all."""
    atomic_write_with(path, lambda temp: write_synced(temp, data), keep_history, suffix=".tmp")


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8", keep_history: bool = True) -> None:
    atomic_write_bytes(path, text.encode(encoding), keep_history)


def atomic_write_with(path: Path, write, keep_history: bool = True, suffix: str | None = None) -> None:
    """Let `write(temp_path)` produce the file (e.g. openpyxl), then swap it in: all of it, or nothing."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or path.suffix, dir=path.parent)
    os.close(handle)
    try:
        write(Path(temp_name))
        os.chmod(temp_name, _default_mode(path))
        if keep_history:
            keep_previous(path)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
