"""Shared fixtures: fresh copies of the example plan and ways to corrupt them."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from planlib import PlanError, load_plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "example"
PREVIOUS = ROOT / "data" / "example-2025"  # the example's last year's plan (plan.yaml: previous: ../example-2025)


@pytest.fixture
def plan_dir(tmp_path) -> Path:
    """A writable copy of data/example, beside a copy of its previous plan."""
    target = tmp_path / "plan"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, tmp_path / "example-2025", ignore=shutil.ignore_patterns(".history"))
    return target


@pytest.fixture
def light_notebooks(tmp_path) -> Path:
    """The start notebook alone: a real report run that takes seconds, where each step's pages are not the point."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", folder)
    return folder


@pytest.fixture(scope="session")
def example():
    return load_plan(EXAMPLE)


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
