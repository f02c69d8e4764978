"""Shared fixtures: fresh copies of the example plan and ways to corrupt them."""
from __future__ import annotations

import csv
import io
import os
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.register_assert_rewrite("reading_tier")  # its tests run from test_reading_<lang>.py: show what failed

from planlib import PlanError, load_plan  # noqa: E402
from planlib.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "example"
LIGHT_NOTEBOOK = ROOT / "tests" / "fixtures" / "notebooks" / "00_light.ipynb"
PREVIOUS = ROOT / "data" / "example-2025"  # the example's last year's plan (plan.yaml: previous: ../example-2025)


@pytest.fixture
def plan_dir(tmp_path) -> Path:
    """A writable copy of data/example, beside a copy of its previous plan."""
    target = tmp_path / "plan"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, tmp_path / "example-2025", ignore=shutil.ignore_patterns(".history"))
    return target


@pytest.fixture(scope="session")
def shared_plans(tmp_path_factory) -> Path:
    """One copy of data/example and of its previous plan per test process, for cases that only read a plan."""
    root = tmp_path_factory.mktemp("shared")
    shutil.copytree(EXAMPLE, root / "example", ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, root / PREVIOUS.name, ignore=shutil.ignore_patterns(".history"))
    return root


def plan_with(shared: Path, name: str, files: list[Path]) -> Path:
    """A plan folder beside the shared copies: these files, and links to the example's for every other one.

    Costs a few links instead of a copy of two plans; a command that wrote would replace a link, not the shared
    file, and the corpus asserts that checking writes nothing anyway."""
    target = shared / name
    target.mkdir()
    for file in files:
        shutil.copy(file, target / file.name)
    for file in (shared / "example").iterdir():
        if not (target / file.name).exists():
            (target / file.name).symlink_to(file)
    return target


@pytest.fixture
def light_notebooks(tmp_path) -> Path:
    """A purpose-built notebook that loads the plan and prints one line (tests/fixtures/notebooks): a report run
    that takes a kernel's start-up, for the runner's behaviour (failures, swaps, skips, progress, locks)."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(LIGHT_NOTEBOOK, folder)
    return folder


@pytest.fixture(scope="session")
def example():
    return load_plan(EXAMPLE)


@dataclass
class Ran:
    """What a command printed and returned, shaped like subprocess.CompletedProcess."""
    returncode: int
    stdout: str
    stderr: str


def ctrl_c_reaches_it() -> None:
    """preexec_fn of a child the test stops with Ctrl+C (SIGINT): a test run started as a background job of a
    non-interactive shell inherits SIGINT ignored, and Python never turns an ignored SIGINT into
    KeyboardInterrupt; a person's terminal delivers it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_planlib(*args, cwd=None) -> Ran:
    """`planlib ARGS` in this process (a console script costs a second and a half of start-up per call);
    each command keeps one real subprocess smoke test (tests/test_cli.py)."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as stop:  # argparse's own refusals and --help
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    finally:
        os.chdir(here)
    return Ran(code, out.getvalue(), err.getvalue())


# Papermill run by a test: on the kit's local IPC kernels with a cell timeout. Over TCP, a kernel started while
# another worker starts one can sit idle forever (seen on a fresh clone's make test).
# Every cell runs in seconds: with two workers running kernels side by side, a run now and then waits for a
# reply until its cell timeout, then goes on (measured: 245 s with 240, 34 s with 30), so the timeout is short.
PAPERMILL_KERNEL = {"kernel_name": "python3", "progress_bar": False, "execution_timeout": 60,
                    "kernel_manager_class": "planlib.report.kernels.AsyncIPCKernelManager"}


def problems_of(path) -> list[str]:
    """The problem lines of a plan that must not load."""
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    return [str(p) for p in caught.value.problems]


def set_cell(path: Path, row_id: str, column: str, value: str) -> None:
    """Change one cell of a UTF-8 plan CSV, leaving everything else as it was."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == row_id:
            row[header.index(column)] = value
            break
    else:
        raise KeyError(row_id)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def drop_column(path: Path, column: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    index = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:index] + r[index + 1:] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a folder (outside .history) and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".history" not in p.parts}


# -- tiers -------------------------------------------------------------------------

HEAVY_TIERS = ("kernel", "browser")


def pytest_collection_modifyitems(config, items):
    """Every test gets its tier: notebooks run by nbval start kernels; what is neither kernel nor browser is unit.

    (`make test` keeps a notebook's cells together with `--dist loadfile`, and runs the browser tier alone.)"""
    for item in items:
        if str(item.fspath).endswith(".ipynb"):
            item.add_marker(pytest.mark.kernel)
        if not any(item.get_closest_marker(tier) for tier in HEAVY_TIERS):
            item.add_marker(pytest.mark.unit)
