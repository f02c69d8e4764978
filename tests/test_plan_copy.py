"""The plan a report run reads: the user's files read once (and compared once more to catch a hand edit made
meanwhile), the plan built from the copy, the fingerprint from the bytes read."""
from __future__ import annotations

from pathlib import Path

import pytest

from planlib import PlanError, load_plan
from planlib.report import plan_copy
from planlib.report.fingerprint import plan_hash


def _count_reads(monkeypatch) -> dict[Path, int]:
    reads: dict[Path, int] = {}
    real = Path.read_bytes

    def counted(self):
        reads[self.resolve()] = reads.get(self.resolve(), 0) + 1
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return reads


def test_the_users_files_are_read_once_and_the_plan_built_from_the_copy(plan_dir, tmp_path, monkeypatch):
    reads = _count_reads(monkeypatch)
    copy = plan_copy.copy_plan(plan_dir, tmp_path / "copy")
    own = {path: n for path, n in reads.items() if path.parent == plan_dir.resolve()}
    copied = {path: n for path, n in reads.items() if path.parent == (tmp_path / "copy").resolve()}
    assert set(own) == {p.resolve() for p in plan_dir.iterdir() if p.is_file()}
    assert set(own.values()) == {2}  # read, then compared once to catch an edit made meanwhile
    assert len(copied) == len(own) and set(copied.values()) == {1}  # the loader reads the copy
    assert copy.plan.path == plan_dir and copy.plan.name == "plan"  # named and placed as the user's
    assert copy.digest == plan_hash(plan_dir, load_plan(plan_dir))
    assert copy.plan.budget.equals(load_plan(plan_dir).budget)
    for file in plan_dir.iterdir():
        if file.is_file():
            assert (tmp_path / "copy" / file.name).read_bytes() == file.read_bytes()
            assert (tmp_path / "copy" / file.name).stat().st_mtime == file.stat().st_mtime


def test_a_file_edited_by_hand_while_it_is_read_is_read_again(plan_dir, tmp_path, monkeypatch):
    real = plan_copy.build_plan
    calls = []

    def edited_during_the_first_reading(*args):
        if not calls:
            with open(plan_dir / "budget.csv", "a", encoding="utf-8") as budget:
                budget.write("B999,Added by hand,A04,media,2026-Q2,100,fixed,,,,C03\n")
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(plan_copy, "build_plan", edited_during_the_first_reading)
    copy = plan_copy.copy_plan(plan_dir, tmp_path / "copy")
    assert len(calls) == 2
    assert "B999" in copy.plan.budget["id"].tolist()
    assert (tmp_path / "copy" / "budget.csv").read_bytes() == (plan_dir / "budget.csv").read_bytes()
    assert copy.digest == plan_hash(plan_dir, load_plan(plan_dir))


def test_a_plan_that_keeps_changing_is_refused_with_a_message(plan_dir, tmp_path, monkeypatch):
    real = plan_copy.build_plan

    def always_edited(*args):
        with open(plan_dir / "budget.csv", "a", encoding="utf-8") as budget:
            budget.write("\n")
        return real(*args)

    monkeypatch.setattr(plan_copy, "build_plan", always_edited)
    with pytest.raises(PlanError) as refused:
        plan_copy.copy_plan(plan_dir, tmp_path / "copy")
    assert "the plan's files changed while the report read them, 3 times in a row" in str(refused.value)


def test_a_missing_plan_is_named_as_missing(tmp_path):
    with pytest.raises(PlanError) as refused:
        plan_copy.copy_plan(tmp_path / "nowhere", tmp_path / "copy")
    assert refused.value.problems[0].code == "no_plan"
    assert not (tmp_path / "copy").exists()


def test_a_workbook_is_copied_and_loaded_from_its_copy(plan_dir, tmp_path):
    from planlib.core.plan import export_plan

    workbook = export_plan(load_plan(plan_dir), tmp_path / "plan.xlsx")
    copy = plan_copy.copy_plan(workbook, tmp_path / "copy")
    assert (tmp_path / "copy" / "plan.xlsx").read_bytes() == workbook.read_bytes()
    assert copy.plan.path is None and len(copy.plan.actions) == len(load_plan(plan_dir).actions)
    assert copy.digest == plan_hash(workbook, copy.plan)
