"""planlib report at scale: a year in one command, many plans with one broken, skips and --force, run.json."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, PREVIOUS, run_planlib, tree_bytes

from planlib import load_plan
from planlib.report.batch import BatchRun, period_ids, plans_under

pytestmark = [pytest.mark.kernel, pytest.mark.slow]



@pytest.fixture
def plans(tmp_path) -> Path:
    """Three plans under one folder, one of them broken (an unknown budget category)."""
    root = tmp_path / "plans"
    for name in ("acme", "bravo", "broken"):
        shutil.copytree(EXAMPLE, root / name, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, root / "example-2025", ignore=shutil.ignore_patterns(".history"))
    settings = root / "example-2025" / "plan.yaml"
    settings.rename(settings.with_name("plan.yaml.kept"))  # last year's plan is read, not reported
    for name in ("acme", "bravo", "broken"):  # ... so it is no longer "previous"
        path = root / name / "plan.yaml"
        path.write_text(re.sub(r"(?m)^previous:.*$", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    budget = root / "broken" / "budget.csv"
    budget.write_text(budget.read_text(encoding="utf-8").replace("media", "medya", 1), encoding="utf-8")
    return root


def planlib(*args):
    return run_planlib(*args)


def test_year_is_twelve_months_four_quarters_and_the_year():
    ids = period_ids(load_plan(EXAMPLE), year=True)
    assert ids == [f"2026-{m:02d}" for m in range(1, 13)] + [f"2026-Q{q}" for q in range(1, 5)] + ["2026"]


def test_plans_under_a_folder_leave_hidden_folders_and_the_output_out(plans, tmp_path):
    (plans / ".trash" / "old").mkdir(parents=True)
    shutil.copy(plans / "acme" / "plan.yaml", plans / ".trash" / "old" / "plan.yaml")
    out = plans / "reports" / "x"
    out.mkdir(parents=True)
    shutil.copy(plans / "acme" / "plan.yaml", out / "plan.yaml")
    assert [p.name for p in plans_under(plans, skip=plans / "reports")] == ["acme", "bravo", "broken"]


def test_the_year_in_one_command_makes_17_complete_periods(tmp_path, light_notebooks):
    out = tmp_path / "out"
    result = planlib("report", EXAMPLE, "--year", "--out", out, "--jobs", "2", "--notebooks", light_notebooks)
    assert result.returncode == 0, result.stderr
    folders = sorted(p.name for p in (out / "example").iterdir() if p.is_dir() and not p.name.startswith("."))
    assert len(folders) == 17 and folders[0] == "2026" and folders[-1] == "2026-Q4"
    index = (out / "example" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)/index.html">([^<]+)</a>', index)
    assert [folder for folder, _ in links] == ["2026", *[f"2026-Q{q}" for q in range(1, 5)],
                                                *[f"2026-{m:02d}" for m in range(1, 13)]]
    assert [name for _, name in links][:6] == ["year 2026", "Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026", "January 2026"]
    assert re.findall(r"<h2>([^<]+)</h2>", index) == ["Year", "Quarters", "Months"]
    march = re.search(r'<tr><td><a href="2026-03/index.html">March 2026</a></td>(.*?)</tr>', index).group(1)
    kept = json.loads((out / "example" / "2026-03" / "summary.json").read_text())
    assert f"{kept['kpi_review']['counts']['red']} behind" in march  # the key results by status, in words
    assert f"€{kept['budget']['period']:,.2f}" in march and "1 March 2026 – 31 March 2026" in march
    # in the reports' style: the one stylesheet, beside the plan's page
    assert '<link rel="stylesheet" href="report.css">' in index and "<style>" not in index
    assert ".status-red{color:#c62828" in (out / "example" / "report.css").read_text(encoding="utf-8")
    for period in folders:
        assert (out / "example" / period / "index.html").exists()
        assert json.loads((out / "example" / period / "summary.json").read_text())["period"]["id"] == period
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["ok"] and run["counts"] == {"ok": 17, "skipped": 0, "failed": 0}
    assert len(result.stdout.splitlines()) == 17 and result.stderr == ""  # not a terminal: no progress lines


def test_many_plans_one_broken_the_others_complete(plans, tmp_path, light_notebooks):
    out = tmp_path / "out"
    result = planlib("report", "--plans-root", plans, "--period", "2026-03,2026-Q1", "--out", out,
                     "--notebooks", light_notebooks)
    assert result.returncode == 1
    assert "broken" in result.stderr and "budget.csv:2:category: 'medya' is not allowed" in result.stderr
    for name in ("acme", "bravo"):
        for period in ("2026-03", "2026-Q1"):
            assert (out / name / period / "index.html").exists()
    assert not (out / "broken").exists()
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["ok"] is False and run["counts"] == {"ok": 4, "skipped": 0, "failed": 1}
    ok = [r for r in run["runs"] if r["status"] == "ok"]
    assert {(r["plan"], r["period"]) for r in ok} == {(p, q) for p in ("acme", "bravo") for q in ("2026-03", "2026-Q1")}
    assert all(r["seconds"] > 0 and Path(r["report"]).exists() for r in ok)
    [failed] = [r for r in run["runs"] if r["status"] == "failed"]
    assert failed["plan"] == "broken" and failed["report"] is None


def test_a_failing_notebook_names_plan_period_notebook_and_cell(plans, tmp_path, light_notebooks):
    import nbformat

    notebook = nbformat.read(light_notebooks / "00_light.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("if 'bravo' in plan_dir:\n    raise ValueError('no bravo')"))
    nbformat.write(notebook, light_notebooks / "00_light.ipynb")
    out = tmp_path / "out"
    document = BatchRun([plans / "acme", plans / "bravo"], "2026-03", out=out, jobs=2, notebooks=light_notebooks,
                        quiet=True).run()
    statuses = {r["plan"]: r["status"] for r in document["runs"]}
    assert statuses == {"acme": "ok", "bravo": "failed"}
    error = next(r["error"] for r in document["runs"] if r["plan"] == "bravo")
    assert "bravo 2026-03 not written" in error and "00_light.ipynb, cell" in error and "no bravo" in error


def test_unchanged_periods_are_skipped_changed_ones_rebuilt_and_force_rebuilds_all(plans, tmp_path,
                                                                                  light_notebooks):
    out = tmp_path / "out"
    common = ["--period", "2026-03", "--out", out, "--notebooks", light_notebooks]
    assert planlib("report", plans / "acme", plans / "bravo", *common).returncode == 0
    index = out / "acme" / "2026-03" / "index.html"
    built = index.stat().st_mtime_ns
    summary = json.loads((out / "acme" / "2026-03" / "summary.json").read_text())
    assert len(summary["plan_hash"]) == 64 and len(summary["inputs_hash"]) == 64
    settings = plans / "bravo" / "plan.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Verdure & Co", "Verdure et Cie"),
                        encoding="utf-8")
    again = planlib("report", plans / "acme", plans / "bravo", *common)
    assert again.returncode == 0, again.stderr
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {r["plan"]: r["status"] for r in run["runs"]} == {"acme": "skipped", "bravo": "ok"}
    assert index.stat().st_mtime_ns == built
    assert "acme 2026-03: unchanged since it was built, skipped" in again.stdout
    forced = planlib("report", plans / "acme", *common, "--force")
    assert forced.returncode == 0 and index.stat().st_mtime_ns != built
    assert json.loads((out / "run.json").read_text())["counts"] == {"ok": 1, "skipped": 0, "failed": 0}


def test_a_failed_period_is_redone_on_the_next_run(plans, tmp_path, light_notebooks):
    out = tmp_path / "out"
    budget = plans / "broken" / "budget.csv"
    assert planlib("report", plans / "broken", "--period", "2026-03", "--out", out,
                   "--notebooks", light_notebooks).returncode == 1
    budget.write_text(budget.read_text(encoding="utf-8").replace("medya", "media", 1), encoding="utf-8")
    result = planlib("report", plans / "broken", "--period", "2026-03", "--out", out, "--notebooks", light_notebooks)
    assert result.returncode == 0 and (out / "broken" / "2026-03" / "index.html").exists()


def test_progress_lines_go_to_a_given_log_and_quiet_silences_them(plans, tmp_path, light_notebooks):
    log = tmp_path / "log"
    with open(log, "w") as stream:
        BatchRun([plans / "acme"], "2026-03,2026-04", out=tmp_path / "out", notebooks=light_notebooks,
                 stream=stream).run()
    lines = log.read_text().splitlines()
    assert len(lines) == 2 and all(re.match(r"\[\d/2\] acme 2026-0[34] 00_light.ipynb ok \(", l) for l in lines)
    quiet = planlib("report", plans / "acme", "--period", "2026-05", "--out", tmp_path / "out", "--quiet",
                    "--notebooks", light_notebooks)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_progress_lines_speak_the_run_s_language(tmp_path):
    import io
    from types import SimpleNamespace

    from planlib.report.progress import Progress

    stream = io.StringIO()
    progress = Progress({("acme", "2026-03"): 2}, stream, lang="fr")
    for error in (None, "05_action_plan.ipynb, cellule 7 : KeyError"):
        progress.step(SimpleNamespace(plan="acme", period="2026-03", notebook=Path("05_action_plan.ipynb"),
                                      error=error, seconds=1.34))
    assert stream.getvalue().splitlines() == ["[1/2] acme 2026-03 05_action_plan.ipynb ok (1,3 s)",
                                              "[2/2] acme 2026-03 05_action_plan.ipynb ÉCHEC (1,3 s)"]
    assert progress._periods() == "périodes 1/1"


def test_an_empty_plans_root_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = planlib("report", "--plans-root", tmp_path / "empty", "--out", tmp_path / "out")
    assert result.returncode == 1 and "no plan folder under" in result.stderr
    missing = planlib("report", "--plans-root", tmp_path / "nowhere")
    assert missing.returncode == 1 and "no such folder" in missing.stderr


def test_run_json_lands_in_a_relative_output_folder(tmp_path, light_notebooks, monkeypatch):
    """Notebooks run in their own folder: a relative --out still means the caller's folder, before and after."""
    from planlib.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["report", str(EXAMPLE), "--period", "2026-03,2026-04", "--out", "relative",
                 "--notebooks", str(light_notebooks), "--jobs", "2", "--quiet"]) == 0
    assert Path.cwd() == tmp_path
    assert (tmp_path / "relative" / "run.json").exists() and (tmp_path / "relative" / "example" / "index.html").exists()
    assert not (light_notebooks / "relative").exists()


def test_two_workspaces_report_side_by_side_and_a_namesake_is_refused(tmp_path, light_notebooks):
    for name in ("acme", "lumen", "elsewhere/acme"):
        assert planlib("new", tmp_path / name, "--example").returncode == 0
    out = tmp_path / "reports"
    common = ("--period", "2026-03", "--out", out, "--notebooks", light_notebooks, "--quiet")
    assert planlib("report", tmp_path / "acme", tmp_path / "lumen", *common).returncode == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["acme", "lumen"]
    front = (out / "lumen" / "2026-03" / "index.html").read_text(encoding="utf-8")
    assert "Verdure &amp; Co (lumen)" in front
    before = tree_bytes(out / "acme")
    refused = planlib("report", tmp_path / "elsewhere" / "acme", *common)
    assert refused.returncode == 1
    assert (f"{out / 'acme'} holds the reports of another plan of the same name, {tmp_path / 'acme' / 'plan'}; "
            f"this plan is {tmp_path / 'elsewhere' / 'acme' / 'plan'}") in refused.stderr
    assert tree_bytes(out / "acme") == before
    shutil.rmtree(tmp_path / "acme")  # the first plan is gone (moved, renamed): its name is free again
    assert planlib("report", tmp_path / "elsewhere" / "acme", *common).returncode == 0


def test_pdf_asked_of_an_unchanged_report_is_written_then_skipped(tmp_path, light_notebooks):
    common = ("report", EXAMPLE, "--period", "2026-03", "--out", tmp_path / "out", "--notebooks", light_notebooks)
    assert planlib(*common).returncode == 0
    pdf = tmp_path / "out" / "example" / "2026-03" / "report-2026-03.pdf"
    assert not pdf.exists()
    asked = planlib(*common, "--pdf")
    assert asked.returncode == 0 and "skipped" not in asked.stdout and pdf.is_file()
    again = planlib(*common, "--pdf")
    assert "unchanged since it was built, skipped" in again.stdout and pdf.is_file()


def test_a_relative_notebooks_folder_is_found(tmp_path, light_notebooks):
    result = run_planlib("report", EXAMPLE, "--period", "2026-03", "--out", "out", "--notebooks",
                         light_notebooks.relative_to(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "example" / "2026-03" / "00_light.html").is_file()
