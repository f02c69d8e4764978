"""planlib import-actuals: real exports (analytics, ads, e-mailing, French Excel) into actuals.csv, or nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from planlib import load_plan
from planlib.cli import main

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"


def new_rows(plan_dir: Path, before: int) -> list[tuple]:
    actuals = load_plan(plan_dir).actuals.iloc[before:]
    return sorted((d.date().isoformat(), m, v, c) for d, m, v, c in
                  zip(actuals["date"], actuals["metric"], actuals["value"], actuals["channel_id"]))


@pytest.mark.parametrize("export,source,expected", [
    ("web_analytics.csv", "web_analytics", {("2027-01-01", "sessions", 1234.0), ("2027-01-01", "revenue", 1250.5),
                                            ("2027-01-04", "orders", 9.0)}),
    ("ad_platform_fr.csv", "ad_platform", {("2027-01-01", "ad_impressions", 12500.0), ("2027-01-01", "ad_cost", 152.4),
                                           ("2027-01-02", "ad_clicks", 290.0)}),
    ("ad_platform_en.csv", "ad_platform", {("2027-01-01", "ad_impressions", 12500.0), ("2027-01-01", "ad_cost", 152.4),
                                           ("2027-01-02", "ad_clicks", 290.0)}),
    ("emailing.csv", "emailing", {("2027-01-05", "emails_sent", 28000.0), ("2027-01-05", "emails_opened", 7100.0),
                                  ("2027-01-12", "emails_clicked", 580.0)}),
])
def test_each_source_appends_long_rows(plan_dir, capsys, export, source, expected):
    before = len(load_plan(plan_dir).actuals)
    assert main(["import-actuals", str(plan_dir), str(EXPORTS / export), "--source", source, "--channel", "C03"]) == 0
    rows = new_rows(plan_dir, before)
    assert {(d, m, v) for d, m, v, _ in rows} >= expected
    assert {c for *_, c in rows} == {"C03"}
    assert not any("total" in str(r).lower() for r in rows)  # the totals row is not a day
    assert "imported" in capsys.readouterr().out


def test_web_analytics_gaps_are_reported_not_filled(plan_dir, capsys):
    before = len(load_plan(plan_dir).actuals)
    assert main(["import-actuals", str(plan_dir), str(EXPORTS / "web_analytics.csv"), "--source", "web_analytics"]) == 0
    assert "gap: sessions has no value from 2027-01-03 to 2027-01-03" in capsys.readouterr().out
    assert not [r for r in new_rows(plan_dir, before) if r[0] == "2027-01-03"]


def test_bad_values_and_duplicates_are_located_and_nothing_is_written(plan_dir, capsys):
    before = (plan_dir / "actuals.csv").read_bytes()
    assert main(["import-actuals", str(plan_dir), str(EXPORTS / "generic_bad.csv"), "--source", "generic"]) == 1
    err = capsys.readouterr().err
    assert "generic_bad.csv:4:sessions: not a number: 'abc'" in err
    assert "generic_bad.csv:3: a second value for sessions on 2027-01-01 (expected one value per metric, day and channel)" in err
    assert (plan_dir / "actuals.csv").read_bytes() == before


def test_importing_twice_is_refused_and_leaves_actuals_untouched(plan_dir, capsys):
    arguments = ["import-actuals", str(plan_dir), str(EXPORTS / "ad_platform_fr.csv"), "--source", "ad_platform"]
    assert main(arguments) == 0
    after_first = (plan_dir / "actuals.csv").read_bytes()
    assert main(arguments) == 1
    assert "ad_platform_fr.csv:3: actuals.csv already holds ad_impressions on 2027-01-01" in capsys.readouterr().err
    assert (plan_dir / "actuals.csv").read_bytes() == after_first


def test_a_source_of_ones_own_needs_no_code(plan_dir, tmp_path):
    (plan_dir / "sources").mkdir()
    (plan_dir / "sources" / "crm.yaml").write_text(
        "date: {column: Jour, formats: ['%d/%m/%Y']}\nmetrics: {Leads qualifiés: leads, Devis: quotes}\n", encoding="utf-8")
    export = tmp_path / "crm.csv"
    export.write_text("Jour;Leads qualifiés;Devis\n05/01/2027;12;3\n06/01/2027;9;1\n", encoding="cp1252")
    before = len(load_plan(plan_dir).actuals)
    assert main(["import-actuals", str(plan_dir), str(export), "--source", "crm"]) == 0
    assert [(d, m, v) for d, m, v, _ in new_rows(plan_dir, before)] == [
        ("2027-01-05", "leads", 12.0), ("2027-01-05", "quotes", 3.0), ("2027-01-06", "leads", 9.0),
        ("2027-01-06", "quotes", 1.0)]


def test_unknown_source_and_unreadable_dates(plan_dir, tmp_path, capsys):
    assert main(["import-actuals", str(plan_dir), str(EXPORTS / "emailing.csv"), "--source", "nope"]) == 1
    assert "--source: no source named 'nope' (expected one of ad_platform, emailing, generic, web_analytics" in \
        capsys.readouterr().err
    export = tmp_path / "wide.csv"
    export.write_text("date,sessions\nsoon,12\n", encoding="utf-8")
    assert main(["import-actuals", str(plan_dir), str(export), "--source", "generic"]) == 1
    assert "wide.csv:2:date: not a date: 'soon' (expected a date in one of these forms: %Y-%m-%d" in capsys.readouterr().err


def test_a_broken_mapping_file_is_a_located_message(plan_dir, tmp_path, capsys):
    mapping = tmp_path / "mine.yaml"
    mapping.write_text("date: {column: Jour\nmetrics: [", encoding="utf-8")
    assert main(["import-actuals", str(plan_dir), str(EXPORTS / "emailing.csv"), "--source", "mine",
                 "--mapping", str(mapping)]) == 1
    err = capsys.readouterr().err
    assert "mine.yaml:" in err and "not a source mapping (expected a YAML mapping with date: and metrics:)" in err
    assert "internal error" not in err
