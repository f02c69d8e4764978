"""Imports and reports killed at any point: the old version or the new one, never a mix; leftovers cleared."""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, set_cell

from planlib import load_plan
from planlib.core.io import staging
from planlib.core.plan import import_plan
from planlib.report.folders import clear_leftovers

pytestmark = [pytest.mark.kernel, pytest.mark.slow]

PLANLIB = Path(sys.executable).parent / "planlib"
PLAN_FILES = ("plan.yaml", "objectives.csv", "key_results.csv", "actions.csv", "budget.csv")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def old_and_new(plan_dir, tmp_path):
    """A plan and an edited copy whose files only agree with each other (a renamed action id)."""
    new = tmp_path / "new"
    shutil.copytree(plan_dir, new)
    actions = (new / "actions.csv").read_text(encoding="utf-8")
    first = actions.splitlines()[1].split(",")[0]
    for path in new.glob("*.csv"):  # other tables refer to actions by id
        path.write_text(re.sub(rf"\b{first}\b", f"{first}X", path.read_text(encoding="utf-8")), encoding="utf-8")
    set_cell(new / "key_results.csv", "KR01", "target", "777")
    load_plan(new)
    import_plan(new, tmp_path / "expected")  # the new version as an import writes it
    return plan_dir, _files(plan_dir), _files(tmp_path / "expected")


def _is_old_or_new(folder: Path, old: dict, new: dict) -> str:
    load_plan(folder)  # settles a pending import, and the result validates
    now = {name: data for name, data in _files(folder).items() if name in new}
    assert not (folder / staging.STAGING_DIR).exists()
    if now == {name: old[name] for name in new if name in old}:
        return "old"
    assert now == new, "the plan mixes files of both versions"
    return "new"


def test_an_import_failing_at_every_step_leaves_old_or_new(old_and_new, monkeypatch, tmp_path):
    plan, old, new = old_and_new
    outcomes = set()
    for failing_call in range(1, 40):
        shutil.rmtree(plan)
        plan.mkdir()
        for name, data in old.items():
            (plan / name).write_bytes(data)
        calls = {"n": 0}
        real_replace, real_write = os.replace, staging.write_synced

        def counted(real, calls=calls, failing_call=failing_call):
            def call(*args, **kwargs):
                calls["n"] += 1
                if calls["n"] == failing_call:
                    raise KeyboardInterrupt  # the process dies here
                return real(*args, **kwargs)
            return call

        monkeypatch.setattr(staging.os, "replace", counted(real_replace))
        monkeypatch.setattr(staging, "write_synced", counted(real_write))
        try:
            import_plan(tmp_path / "new", plan)
            finished = True
        except KeyboardInterrupt:
            finished = False
        monkeypatch.undo()
        outcomes.add(_is_old_or_new(plan, old, new))
        if finished:
            break
    assert outcomes == {"old", "new"} and finished


def test_a_killed_import_process_leaves_old_or_new(old_and_new, tmp_path):
    plan, old, new = old_and_new
    started = time.monotonic()
    subprocess.run([str(PLANLIB), "import", str(tmp_path / "new"), "--into", str(tmp_path / "whole")], check=True,
                   capture_output=True)
    duration = time.monotonic() - started
    rng = random.Random(19)
    outcomes = []
    for _ in range(12):
        shutil.rmtree(plan)
        plan.mkdir()
        for name, data in old.items():
            (plan / name).write_bytes(data)
        process = subprocess.Popen([str(PLANLIB), "import", str(tmp_path / "new"), "--into", str(plan)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        outcomes.append(_is_old_or_new(plan, old, new))
    assert set(outcomes) <= {"old", "new"}


def test_an_uncommitted_staging_folder_is_discarded(plan_dir):
    before = _files(plan_dir)
    (plan_dir / staging.STAGING_DIR).mkdir()
    (plan_dir / staging.STAGING_DIR / "actions.csv").write_text("id\nhalf", encoding="utf-8")
    load_plan(plan_dir)
    assert _files(plan_dir) == before and not (plan_dir / staging.STAGING_DIR).exists()


def test_leftovers_of_a_killed_report_run(tmp_path):
    root = tmp_path / "reports"
    (root / ".build-2026-Q1-ab12cd_e").mkdir(parents=True)
    (root / ".build-2026-a1b2c3d4").mkdir()  # the year's build: another period, left alone
    (root / ".old-2026-Q1-4242").mkdir()
    (root / ".old-2026-Q1-4242" / "summary.json").write_text("{}", encoding="utf-8")
    clear_leftovers(root, "2026-Q1")  # killed between the two renames: the previous report comes back
    assert sorted(p.name for p in root.iterdir()) == [".build-2026-a1b2c3d4", "2026-Q1"]
    assert (root / "2026-Q1" / "summary.json").exists()
    (root / ".old-2026-Q1-77").mkdir()
    clear_leftovers(root, "2026-Q1")  # the new report made it in: the old one is deleted
    assert sorted(p.name for p in root.iterdir()) == [".build-2026-a1b2c3d4", "2026-Q1"]


def test_a_killed_report_run_leaves_the_previous_report_or_the_new_one(tmp_path, light_notebooks):
    out = tmp_path / "reports"
    command = [str(PLANLIB), "report", str(ROOT / "data" / "example"), "--period", "2026-Q1", "--out", str(out),
               "--notebooks", str(light_notebooks), "--quiet", "--jobs", "1"]
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.monotonic() - started
    folder = out / "example" / "2026-Q1"
    expected = {p.name for p in folder.iterdir()}
    rng = random.Random(7)
    for _ in range(4):  # each killed run starts after the leftovers of the one before
        process = subprocess.Popen(command + ["--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if folder.exists():
            assert {p.name for p in folder.iterdir()} == expected  # a whole report, never half
    subprocess.run(command + ["--force"], check=True, capture_output=True)
    assert {p.name for p in folder.iterdir()} == expected
    assert not [p for p in folder.parent.iterdir() if p.name.startswith((".build-", ".old-"))]

