"""The bad-input corpus: one folder per case under tests/fixtures/bad/.

A case folder holds the files that replace the example plan's (or a `plan.xlsx`
checked on its own) and `expected.txt`: the exit code of the command, then
the lines it must print (file:row[:column]: what, expected what). The command is
`planlib check {plan}` unless the case holds `command.txt`: one line of arguments
where `{plan}` is the case's plan, `{case}` the case folder and `{out}` a scratch
folder outside it (`import-actuals {plan} {case}/export.csv --source ga4`); the
files under `input/` are given to the command, not copied into the plan. Add a
case by adding a folder; every case must end in a message, never a traceback,
and a refused command leaves every plan file as it was.
"""
from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from conftest import plan_with

from planlib.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def test_the_corpus_holds_at_least_160_cases():
    assert len(CASES) >= 160


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_input_gets_its_located_message(case, tmp_path, shared_plans, capsys):
    exit_line, *lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    files = [f for f in case.iterdir() if f.name not in ("expected.txt", "command.txt", "input")]
    if [f.name for f in files] == ["plan.xlsx"]:
        target = tmp_path / "plan.xlsx"
        shutil.copy(files[0], target)
    else:  # the case's files beside links to the one shared copy of the example and its previous plan
        target = plan_with(shared_plans, case.name, files)
    before = {f.name: f.read_bytes() for f in target.iterdir() if f.is_file()} if target.is_dir() else None
    command = (case / "command.txt").read_text(encoding="utf-8").strip() if (case / "command.txt").exists() \
        else "check {plan}"
    (tmp_path / "out").mkdir(exist_ok=True)
    places = {"plan": str(target), "case": str(case / "input"), "out": str(tmp_path / "out")}
    code = main([arg.format(**places) for arg in shlex.split(command)])
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert f"exit {code}" == exit_line, output
    for line in lines:
        assert line in output, output
    assert "Traceback" not in output and "internal error" not in output
    if before is not None and (command.startswith("check") or code != 0):
        # checking never rewrites a file, not even to repair it; a refused command leaves the plan as it was
        assert {f.name: f.read_bytes() for f in target.iterdir() if f.is_file()} == before
