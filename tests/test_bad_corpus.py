"""The bad-input corpus: one folder per case under tests/fixtures/bad/.

A case folder holds the files that replace the example plan's (or a `plan.xlsx`
checked on its own) and `expected.txt`: the exit code of `planlib check`, then
the line it must print (file:row[:column]: what, expected what). Add a case by
adding a folder; every case must end in a message, never a traceback.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import plan_with

from planlib.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def test_the_corpus_holds_at_least_100_cases():
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_input_gets_its_located_message(case, tmp_path, shared_plans, capsys):
    exit_line, *lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    files = [f for f in case.iterdir() if f.name != "expected.txt"]
    if [f.name for f in files] == ["plan.xlsx"]:
        target = tmp_path / "plan.xlsx"
        shutil.copy(files[0], target)
    else:  # the case's files beside links to the one shared copy of the example and its previous plan
        target = plan_with(shared_plans, case.name, files)
    before = {f.name: f.read_bytes() for f in target.iterdir() if f.is_file()} if target.is_dir() else None
    code = main(["check", str(target)])
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert f"exit {code}" == exit_line, output
    for line in lines:
        assert line in output, output
    assert "Traceback" not in output and "internal error" not in output
    if before is not None:  # checking never rewrites a file, not even to repair it
        assert {f.name: f.read_bytes() for f in target.iterdir() if f.is_file()} == before
