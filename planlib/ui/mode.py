"""Whether this kernel shows widgets: yes in JupyterLab, no in a report run.

A report run says so itself: the runner passes its context to each notebook
as a papermill parameter (`report`), and the notebook session switches this
kernel to report mode when it starts with one. Forms are then neither built
nor shown, only a line saying where they are.
"""
from __future__ import annotations

from contextlib import contextmanager

_in_report_run = False


def interactive() -> bool:
    """False while this kernel runs a notebook for a report."""
    return not _in_report_run


def set_report_run(on: bool) -> None:
    """Switch this kernel to report mode (on) or back to JupyterLab's (off); the session's start does it."""
    global _in_report_run
    _in_report_run = bool(on)


@contextmanager
def report_mode():
    """Draw as a report run does for a while (a page rendered without widgets), then as before."""
    before = _in_report_run
    set_report_run(True)
    try:
        yield
    finally:
        set_report_run(before)
