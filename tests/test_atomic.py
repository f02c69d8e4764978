"""A write that fails midway leaves the old file intact; saves keep the previous version."""
from __future__ import annotations

import os

import pandas as pd
import pytest

from planlib import PlanError, load_plan
from planlib.core.io import atomic
from planlib.core.io.atomic import atomic_write_text


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_failed_rename_keeps_old_content(tmp_path, monkeypatch):
    target = tmp_path / "actions.csv"
    target.write_text("old content", encoding="utf-8")

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, "new content")
    assert target.read_text(encoding="utf-8") == "old content"
    assert leftovers(tmp_path) == []


def test_failure_while_writing_keeps_old_content(tmp_path, monkeypatch):
    target = tmp_path / "budget.csv"
    target.write_text("old", encoding="utf-8")
    real_fsync = os.fsync

    def crash(fd):
        real_fsync(fd)
        raise OSError("power cut")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError, match="power cut"):
        atomic_write_text(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def test_failed_xlsx_export_keeps_old_workbook(tmp_path, example, monkeypatch):
    from planlib import export_plan

    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(b"previous workbook")

    def broken_save(self, filename):
        with open(filename, "wb") as stream:
            stream.write(b"half a zip")
        raise RuntimeError("crash during save")

    monkeypatch.setattr("openpyxl.Workbook.save", broken_save)
    with pytest.raises(RuntimeError):
        export_plan(example, workbook)
    assert workbook.read_bytes() == b"previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]


def test_each_write_keeps_the_previous_version(tmp_path):
    target = tmp_path / "plan.yaml"
    atomic_write_text(target, "v1")
    atomic_write_text(target, "v2")
    atomic_write_text(target, "v3")
    history = sorted((tmp_path / ".history").iterdir())
    assert [p.read_text() for p in history] == ["v1", "v2"]
    assert all(p.name.startswith("plan.") and p.suffix == ".yaml" for p in history)
    assert target.read_text() == "v3"


def test_new_files_get_normal_permissions(tmp_path):
    target = tmp_path / "new.csv"
    atomic_write_text(target, "x")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_save_table_validates_before_writing(plan_dir):
    plan = load_plan(plan_dir)
    before = (plan_dir / "actions.csv").read_bytes()
    bad = plan.actions.copy()
    bad.loc[0, "depends_on"] = "A99"
    with pytest.raises(PlanError) as caught:
        plan.save_table("actions", bad)
    assert str(caught.value.problems[0]) == "actions.csv:2:depends_on: unknown id 'A99' (expected an id from actions.csv)"
    assert (plan_dir / "actions.csv").read_bytes() == before
    assert not (plan_dir / ".history").exists()


def test_save_table_writes_and_keeps_history(plan_dir):
    plan = load_plan(plan_dir)
    before = (plan_dir / "channels.csv").read_bytes()
    edited = plan.channels.copy()
    edited.loc[0, "notes"] = "Rewritten note, with a comma"
    new_row = pd.DataFrame([{"id": "C11", "name": "Podcast ads", "type": "paid", "reach": 2, "cost": 2, "fit": 3,
                             "notes": ""}])
    saved = plan.save_table("channels", pd.concat([edited, new_row], ignore_index=True))
    assert saved.channels["id"].tolist()[-1] == "C11"
    reloaded = load_plan(plan_dir)
    assert reloaded.channels.loc[0, "notes"] == "Rewritten note, with a comma"
    assert reloaded.channels["reach"].tolist()[-1] == 2
    [previous] = list((plan_dir / ".history").iterdir())
    assert previous.read_bytes() == before


def test_save_yaml_refuses_invalid_settings(plan_dir):
    plan = load_plan(plan_dir)
    before = (plan_dir / "plan.yaml").read_bytes()
    with pytest.raises(PlanError, match="plan.yaml:.*language: 'klingon' is not allowed"):
        plan.save_yaml("plan.yaml", {**plan.settings, "language": "klingon"})
    assert (plan_dir / "plan.yaml").read_bytes() == before
    saved = plan.save_yaml("plan.yaml", {**plan.settings, "sector": "garden"})
    assert load_plan(plan_dir).settings["sector"] == "garden" == saved.settings["sector"]
