"""Last year's plan is validated once per version of its files, across commands (core/plan_cache.py)."""
from __future__ import annotations

import pytest

from planlib.cli import main
from planlib.core import plan_cache
from planlib.steps.audit import previous


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of its own, and no plan kept in this process: each call is a new command."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    previous._loaded.clear()
    yield tmp_path / "cache" / "planlib" / "plans"
    previous._loaded.clear()


def _new_command():
    previous._loaded.clear()


def test_a_second_check_reuses_last_year_s_validated_plan(plan_dir, cache, monkeypatch, capsys):
    assert main(["check", str(plan_dir)]) == 0
    first = capsys.readouterr().out
    [kept] = list(cache.glob("*.pickle"))
    _new_command()

    def must_not_validate(*args, **kwargs):
        raise AssertionError("last year's plan validated again")

    monkeypatch.setattr(previous, "load_plan", must_not_validate)
    assert main(["check", str(plan_dir)]) == 0
    assert capsys.readouterr().out == first
    assert list(cache.glob("*.pickle")) == [kept]


def test_an_edit_of_the_same_size_and_time_is_seen(plan_dir, cache, capsys):
    """The key is every byte: a file edited within the same clock tick, its size unchanged, is read again."""
    import os

    assert main(["check", str(plan_dir)]) == 0
    last_year = plan_dir.parent / "example-2025" / "actions.csv"
    stat = last_year.stat()
    text = last_year.read_text(encoding="utf-8")
    first_row = text.splitlines()[1]
    broken = first_row.replace(first_row.split(",")[0], "A 1"[: len(first_row.split(",")[0])], 1)
    assert len(broken) == len(first_row) and broken != first_row
    last_year.write_text(text.replace(first_row, broken, 1), encoding="utf-8")
    os.utime(last_year, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    _new_command()
    capsys.readouterr()
    assert main(["check", str(plan_dir)]) == 1
    assert "is not valid" in capsys.readouterr().err


def test_a_change_two_years_back_is_a_new_version(plan_dir, cache):
    folders = previous._folders_of_chain(plan_dir.parent / "example-2025")
    before = plan_cache.content_key(folders, ())
    older = plan_dir.parent / "example-2024"
    older.mkdir()
    (older / "plan.yaml").write_text("company: x\nyear: 2024\n", encoding="utf-8")
    with open(plan_dir.parent / "example-2025" / "plan.yaml", "a", encoding="utf-8") as out:
        out.write("previous: ../example-2024\n")
    folders = previous._folders_of_chain(plan_dir.parent / "example-2025")
    assert [f.name for f in folders] == ["example-2025", "example-2024"]
    key = plan_cache.content_key(folders, ())
    (older / "plan.yaml").write_text("company: y\nyear: 2024\n", encoding="utf-8")
    assert len({before, key, plan_cache.content_key(folders, ())}) == 3


def test_a_damaged_or_unwritable_cache_is_a_cache_miss(plan_dir, cache, capsys):
    assert main(["check", str(plan_dir)]) == 0
    [kept] = list(cache.glob("*.pickle"))
    kept.write_bytes(b"not a pickle")
    _new_command()
    assert main(["check", str(plan_dir)]) == 0
    assert kept.read_bytes() != b"not a pickle"  # validated again, and kept again
    for path in cache.glob("*"):
        path.unlink()
    cache.rmdir()
    cache.write_text("a file where the folder should be", encoding="utf-8")
    _new_command()
    capsys.readouterr()
    assert main(["check", str(plan_dir)]) == 0
    assert capsys.readouterr().out.startswith(f"{plan_dir}: valid")


def test_the_cache_keeps_only_the_newest_plans(cache, monkeypatch):
    import time

    monkeypatch.setattr(plan_cache, "KEPT", 3)
    for n in range(5):
        plan_cache.keep_plan(f"key{n}", {"plan": n})
        time.sleep(0.02)  # beyond the file system's clock tick: each one newer than the one before
    assert sorted(p.stem for p in cache.glob("*.pickle")) == ["key2", "key3", "key4"]
    assert plan_cache.cached_plan("key4") == {"plan": 4} and plan_cache.cached_plan("key0") is None
