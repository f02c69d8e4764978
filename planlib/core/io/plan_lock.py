"""One writer at a time on a plan folder: two imports started together both land, neither loses the other's rows.

The lock is taken on the folder itself (flock on its descriptor), so nothing is
left in the plan; it is released when the writer ends, even killed. A writer
re-reads the plan under the lock before it computes what to write
(planlib.core.fresh).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def plan_lock(folder: Path | None):
    """Hold the plan folder's exclusive lock for the block (a no-op where flock does not exist)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: writers are not serialised there
        yield
        return
    if folder is None or not Path(folder).is_dir():
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
