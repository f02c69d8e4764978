"""Every export of the corpus, as its tool downloads it, detected and imported with exact sums, or refused.

tests/fixtures/exports/corpus/ is written by scripts/make_export_corpus.py from the tools' layouts; its
expected.yaml holds what each file really contains (sums and day counts per metric, the columns to leave
out), computed from the values written, never from the importer.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE, run_planlib

from planlib import load_plan
from planlib.core.errors import PlanError
from planlib.core.exports.reader import read_export

CORPUS = Path(__file__).resolve().parent / "fixtures" / "exports" / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def _options(args):
    options = dict(zip(args[::2], args[1::2]))
    return {"dates": options.get("--dates"), "channel_column": options.get("--channel-column")}


def test_the_corpus_covers_every_source_in_both_languages_where_the_tool_has_two():
    assert len(EXPECTED) >= 40
    sources = {(e["source"], e["language"]) for e in EXPECTED.values() if e["source"]}
    for name in ("ga4", "search_console", "matomo", "google_ads", "meta_ads", "linkedin_ads", "brevo", "hubspot"):
        assert (name, "en") in sources and (name, "fr") in sources, name
    for name in ("bing_webmaster", "microsoft_ads", "mailchimp", "klaviyo", "generic"):
        assert any(source == name for source, _ in sources), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_export_is_detected_and_read_exactly(name):
    expected = EXPECTED[name]
    options = _options(expected.get("args", []))
    if expected.get("refused"):
        with pytest.raises(PlanError) as caught:
            read_export(CORPUS / name, **options)
        assert [p.code for p in caught.value.problems] == [expected["refused"]]
        assert all(p.file == name for p in caught.value.problems)
        return
    reading = read_export(CORPUS / name, **options)
    assert (reading.source, reading.language.split("_")[0]) == (expected["source"], expected["language"])
    found = {metric: {"sum": round(float(group["value"].sum()), 4), "days": int(group["date"].nunique())}
             for metric, group in reading.rows.groupby("metric")}
    assert found == expected["metrics"]
    assert sorted(column for column, _ in reading.left_out) == expected["left_out"]
    assert len(reading.skipped.get("totals", [])) == expected["totals_rows"]
    assert len(reading.other_sections) == expected["sections_skipped"]


IMPORTED = sorted(name for name, e in EXPECTED.items() if not e.get("refused"))


@pytest.fixture(scope="session")
def small_template(tmp_path_factory):
    """A new plan holding the example's channels and one day of actuals: imports into it load in milliseconds."""
    target = tmp_path_factory.mktemp("small") / "plan"
    assert run_planlib("new", target.parent / "ws").returncode == 0
    shutil.copytree(target.parent / "ws" / "plan", target)
    shutil.copy(EXAMPLE / "channels.csv", target / "channels.csv")
    lines = (EXAMPLE / "actuals.csv").read_text(encoding="utf-8").splitlines()
    (target / "actuals.csv").write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    return target


@pytest.fixture
def small_plan(small_template, tmp_path):
    return Path(shutil.copytree(small_template, tmp_path / "plan"))


@pytest.mark.parametrize("name", IMPORTED)
def test_an_import_adds_exactly_the_files_values_and_keeps_the_rest(name, small_plan):
    plan_dir = small_plan
    expected = EXPECTED[name]
    before = load_plan(plan_dir).actuals
    args = expected.get("args", [])
    ran = run_planlib("import-actuals", plan_dir, CORPUS / name, *(args or ["--channel", "C12"]))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("detected: "), ran.stdout
    after = load_plan(plan_dir).actuals
    assert after.iloc[:len(before)][list(before.columns)].equals(before)  # nothing already there moved
    new = after.iloc[len(before):]
    assert set(new["source"]) == {expected["source"]}
    found = {metric: {"sum": round(float(group["value"].sum()), 4), "days": int(group["date"].nunique())}
             for metric, group in new.groupby("metric")}
    assert found == expected["metrics"]
    for column in expected["left_out"]:
        assert f"left out: “{column}” (" in ran.stdout


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("refused")))
def test_a_refused_export_changes_nothing_and_says_why(name, small_plan):
    plan_dir = small_plan
    before = (plan_dir / "actuals.csv").read_bytes()
    ran = run_planlib("import-actuals", plan_dir, CORPUS / name, "--channel", "C12")
    assert ran.returncode == 1 and ran.stderr.splitlines()[1].startswith(f"  {name}:")
    assert "Traceback" not in ran.stderr
    assert (plan_dir / "actuals.csv").read_bytes() == before
