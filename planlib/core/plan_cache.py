"""A validated plan kept between commands, by the content of its files.

Last year's plan (plan.yaml's `previous:`) is read by every `planlib check`,
summary and report of this year's plan, and it does not change: it is
validated once per version of its files (and of the kit) and kept in the
user's cache folder ($XDG_CACHE_HOME/planlib, else ~/.cache/planlib). Only
valid plans are kept; a cache that cannot be read or written is skipped, as
if empty. The key hashes every byte of the plan's files, so an edit that
keeps a file's size and time still counts.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

FORMAT = 1  # bump when what is pickled changes shape
KEPT = 50  # plans kept at most: the newest, a folder that stays small whatever the history


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "planlib" / "plans"


@lru_cache(maxsize=1)
def _kit_version() -> str:
    """What changes when the kit's code, wording or pandas changes: a plan validated by another kit is not reused."""
    import pandas

    root = str(Path(__file__).resolve().parents[1])
    files, folders = [], [root]
    while folders:  # os.scandir: a tenth of pathlib's time over the kit's few hundred files
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__" and not entry.name.startswith("."):
                        folders.append(entry.path)
                elif entry.name.endswith((".py", ".mo")):
                    stat = entry.stat()
                    files.append(f"{entry.path[len(root):]}:{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.sha256("\n".join([f"{FORMAT}:{pandas.__version__}", *sorted(files)]).encode()).hexdigest()


def _plan_files(folder: Path) -> list[Path]:
    """The folder's files and those of its sub-folders, hidden ones (.history, .git) left out."""
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            found.extend(_plan_files(path))
        elif path.is_file():
            found.append(path)
    return found


def content_key(folders: list[Path], rules: tuple) -> str:
    """One key for plan folders as they are now (every byte), the rules they are validated with, and the kit."""
    digest = hashlib.sha256(_kit_version().encode())
    digest.update(",".join(f"{rule.__module__}.{rule.__qualname__}" for rule in rules).encode())
    for folder in folders:
        digest.update(str(folder.resolve()).encode())
        for path in _plan_files(folder):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cached_plan(key: str):
    """The plan kept under this key, or None."""
    try:
        with open(cache_folder() / f"{key}.pickle", "rb") as file:
            return pickle.load(file)
    except Exception:  # noqa: BLE001 - missing, half-written or from another kit: a cache miss, never an error
        return None


def keep_plan(key: str, plan) -> None:
    """Keep a validated plan under its key (written whole, then renamed: a reader never sees half a file)."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".part", delete=False) as file:
            pickle.dump(plan, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, folder / f"{key}.pickle")
        kept = sorted(folder.glob("*.pickle"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in kept[KEPT:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
