"""The reading tier: every page, notebook, form and message of both samples, read in one language.

Each test_reading_<lang>.py runs these tests for its language (two files, so
the two languages run on two workers). What is read is held to
reading.faults_in_page / faults_in_text / notebook_faults: no catalog key, no
code of the kit, no Python literal or repr, no word of the other language
outside the plan's own content, French spacing, worded headers, the right
lang attribute.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml
from conftest import PAPERMILL_KERNEL, ROOT, run_planlib
from reading import faults_in_page, faults_in_text, notebook_faults, plan_words

from planlib.cli import main

pytestmark = [pytest.mark.kernel, pytest.mark.slow]

SAMPLES = ("example", "exemple-fr")
PERIOD, AS_OF = "2026-Q2", "2026-05-15"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXPORTS = ROOT / "tests" / "fixtures" / "exports" / "corpus"


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> dict[str, Path]:
    """Copies of both samples (and the example's last year), so that no run touches the kit's own."""
    root = tmp_path_factory.mktemp("samples")
    for name in (*SAMPLES, "example-2025"):
        shutil.copytree(ROOT / "data" / name, root / name, ignore=shutil.ignore_patterns(".history", ".lock"))
    return {name: root / name for name in SAMPLES}


@pytest.fixture(scope="module")
def reports(plans, lang, tmp_path_factory) -> Path:
    """One quarter's report of each sample, in the tier's language."""
    out = tmp_path_factory.mktemp("reports")
    for plan in plans.values():
        assert main(["report", str(plan), "--period", PERIOD, "--as-of", AS_OF, "--out", str(out), "--lang", lang]) == 0
    return out


def plan_metrics() -> frozenset[str]:
    """The metric names of actuals.csv that imports write (ad_clicks, sessions): what KPI formulas are written
    with, so an import names them as they are."""
    table = yaml.safe_load((ROOT / "planlib" / "core" / "exports" / "metrics.yaml").read_text(encoding="utf-8"))
    return frozenset(name for kind in table["metrics"].values() for name in kind.values())


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_report_page_reads_right(reports, plans, lang, sample):
    """The plan index, the period's front page, every step page and the appendix."""
    pages = sorted(p for p in (reports / sample).rglob("*.html") if "plan" not in p.relative_to(reports / sample).parts)
    names = {str(p.relative_to(reports / sample)) for p in pages}
    assert {"index.html", f"{PERIOD}/index.html"} | {f"{PERIOD}/{n.stem}.html" for n in NOTEBOOKS} <= names
    faults = {str(p.relative_to(reports)): faults_in_page(p.read_text(encoding="utf-8"), lang, plan_words(plans[sample]))
              for p in pages}
    faulty = {page: found for page, found in faults.items() if found}
    assert not faulty, "\n".join(f"{where}: {found}" for where, found in faulty.items())


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_notebook_and_form_reads_right(plans, lang, sample, tmp_path, monkeypatch):
    """Each step notebook as an analyst runs it (forms built): its outputs and its forms' labels and choices."""
    faults = {}
    for notebook in NOTEBOOKS:
        target = tmp_path / notebook.name
        papermill.execute_notebook(str(notebook), str(target), cwd=str(ROOT / "notebooks"), log_output=False,
                                   parameters={"plan_dir": str(plans[sample]), "lang": lang, "period": PERIOD,
                                               "as_of": AS_OF}, **PAPERMILL_KERNEL)
        executed = nbformat.read(target, as_version=4)
        forms = executed.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        assert forms.get("state") or notebook.name.startswith("00"), f"{notebook.name} stored no form"
        faults[notebook.name] = notebook_faults(executed, lang, plan_words(plans[sample]))
    faulty = {name: found for name, found in faults.items() if found}
    assert not faulty, "\n".join(f"{where}: {found}" for where, found in faulty.items())


def test_every_command_speaks_one_language(plans, lang, tmp_path):
    """What each command prints, for both samples, asked in the tier's language: results, stories and refusals."""
    said = {}
    for sample, plan in plans.items():
        changed = tmp_path / f"{sample}-changed"
        shutil.copytree(plan, changed)
        text = (changed / "plan.yaml").read_text(encoding="utf-8")
        (changed / "plan.yaml").write_text(text.replace("envelope: ", "envelope: 1", 1), encoding="utf-8")
        runs = {
            "check": ("check", plan),
            "summary": ("summary", plan, "--period", PERIOD, "--as-of", AS_OF),
            "summary outside the year": ("summary", plan, "--period", "2031-Q2"),
            "diff": ("diff", plan, changed),
            "export": ("export", plan, "--to", tmp_path / f"{sample}.xlsx"),
            "import": ("import", tmp_path / f"{sample}.xlsx", "--into", tmp_path / f"{sample}-imported"),
            "import-actuals": ("import-actuals", plan, EXPORTS / "google_ads_campaigns_by_day_fr.csv",
                               "--channel", "C03", "--dry-run"),
            "import-actuals of an English export": ("import-actuals", changed, EXPORTS / "ga4_traffic_acquisition_en.csv"),
            "import-spend": ("import-spend", plan, EXPORTS / "google_ads_campaigns_by_day_en.csv",
                             "--channel", "C03", "--dry-run"),
            "import-actuals of a missing file": ("import-actuals", plan, tmp_path / "nothing.csv", "--channel", "C03"),
            "report of a bad period": ("report", plan, "--period", "2026-Q9", "--out", tmp_path / "out"),
            "smart": ("smart", "Augmenter les ventes de 10 % d'ici fin 2026" if lang == "fr"
                      else "Raise sales by 10% by the end of 2026", "--plan", plan),
            "new": ("new", tmp_path / f"ws-{sample}", "--from", plan),
            "calendar": ("calendar", plan, "--ics", tmp_path / f"{sample}.ics"),
            "calendar of an owner the plan does not hold": ("calendar", plan, "--owner", "Nobody"),
            "baseline": ("baseline", changed, "--name", "v1"),
            "baseline again": ("baseline", changed, "--name", "v1"),
            "diff against the baseline": ("diff", changed, "--baseline"),
            "diff against a missing baseline": ("diff", changed, "--baseline", "nope"),
        }
        for name, args in runs.items():
            ran = run_planlib(*args, "--lang", lang)
            said[f"{sample}: {name}"] = (ran.returncode, ran.stdout + ran.stderr)
    allowed = plan_words(plans["example"]) | plan_words(plans["exemple-fr"]) | plan_metrics()
    assert all(output.strip() for _, output in said.values())
    assert "Traceback" not in "".join(output for _, output in said.values())
    faults = {name: faults_in_text(output, lang, allowed) for name, (_, output) in said.items()}
    faulty = {name: found for name, found in faults.items() if found}
    assert not faulty, "\n".join(f"{where}: {found}" for where, found in faulty.items())


def test_workshop_pages_and_messages_read_right(lang, tmp_path):
    """A workshop made in the tier's language: its creation message, the progress text and the projector page."""
    created = run_planlib("workshop", "new", "w1", "--case", "b2c-shop", "--participants", "2", "--lang", lang,
                          "--out", tmp_path)
    progress = run_planlib("workshop", "progress", tmp_path / "w1", "--html", tmp_path / "progress.html")
    assert created.returncode == 0 and progress.returncode == 0, created.stderr + progress.stderr
    case = plan_words(ROOT / "data" / "cases" / "b2c-shop" / "blank" / lang)
    assert faults_in_text(created.stdout + progress.stdout + progress.stderr, lang, case) == []
    assert faults_in_page((tmp_path / "progress.html").read_text(encoding="utf-8"), lang, case) == []
