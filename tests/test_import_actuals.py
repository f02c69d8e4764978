"""planlib import-actuals: what it says, what it refuses, and what it never does silently.

The corpus of real layouts is in test_export_corpus.py; here, the rules every source keeps.
"""
from __future__ import annotations

from pathlib import Path

from conftest import run_planlib

from planlib import load_plan

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
CORPUS = EXPORTS / "corpus"
ADS = CORPUS / "google_ads_campaigns_by_day_en.csv"


def test_a_dry_run_says_everything_and_writes_nothing(plan_dir):
    before = (plan_dir / "actuals.csv").read_bytes()
    ran = run_planlib("import-actuals", plan_dir, ADS, "--channel", "C03", "--dry-run")
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert lines[0] == "detected: Google Ads, campaign report (English)"
    assert "would import 28 values of ad_clicks, ad_conversions, ad_cost, ad_impressions from 1 March 2026 to " \
           "7 March 2026 into actuals.csv" in lines
    assert "rows skipped (totals): 3, lines 25, 26, 27" in lines
    assert "left out: “CTR” (a rate: the plan's KPI formulas compute it from its parts)" in lines
    assert "left out: “Avg. CPC” (an average: never summed)" in lines
    assert lines[-1] == "dry run: nothing written; run again without --dry-run to import"
    assert (plan_dir / "actuals.csv").read_bytes() == before


def test_the_story_is_told_in_the_language_asked(plan_dir):
    ran = run_planlib("--messages", "fr", "import-actuals", plan_dir, CORPUS / "search_console_dates_fr.csv",
                      "--channel", "C02", "--dry-run")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == "détecté : Search Console, Performances > Dates (français)"
    assert "écartée : « CTR » (un taux : les formules des KPI du plan le calculent à partir de ses composantes)" in ran.stdout
    assert "écartée : « Position » (une position : jamais additionnée)" in ran.stdout


def test_the_same_span_twice_is_refused_unless_replaced(plan_dir):
    assert run_planlib("import-actuals", plan_dir, ADS, "--channel", "C03").returncode == 0
    after_first = (plan_dir / "actuals.csv").read_bytes()
    again = run_planlib("import-actuals", plan_dir, ADS, "--channel", "C03")
    assert again.returncode == 1
    assert "google_ads_campaigns_by_day_en.csv:4: actuals.csv already holds values from google_ads over " \
           "2026-03-01 to 2026-03-07 (expected a file over new days, or --replace to replace that span's values)" \
           in again.stderr
    assert (plan_dir / "actuals.csv").read_bytes() == after_first
    replaced = run_planlib("import-actuals", plan_dir, ADS, "--channel", "C03", "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert "replaced 28 values google_ads had written over the same span" in replaced.stdout
    actuals = load_plan(plan_dir).actuals
    mine = actuals[(actuals["source"] == "google_ads")]
    assert len(mine) == 28 and round(mine[mine["metric"] == "ad_cost"]["value"].sum(), 2) == \
        round(sum(float(line.split(",")[4]) for line in ADS.read_text().splitlines()[3:24]), 2)


def test_a_value_another_source_gave_is_refused_with_its_row(plan_dir):
    existing = load_plan(plan_dir).actuals
    day = existing["date"].max().date()
    export = plan_dir.parent / "wide.csv"
    export.write_text(f"date,sessions\n{day.isoformat()},12\n", encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export)
    assert ran.returncode == 1
    assert f"wide.csv:2: actuals.csv already holds sessions on {day.isoformat()}" in ran.stderr


def test_bad_values_and_second_values_are_located_and_nothing_is_written(plan_dir):
    before = (plan_dir / "actuals.csv").read_bytes()
    ran = run_planlib("import-actuals", plan_dir, EXPORTS / "generic_bad.csv", "--source", "generic")
    assert ran.returncode == 1
    assert "generic_bad.csv:4:sessions: not a number: 'abc'" in ran.stderr
    assert (plan_dir / "actuals.csv").read_bytes() == before


def test_dates_that_read_both_ways_are_refused_until_the_order_is_given(plan_dir):
    name = CORPUS / "generic_ambiguous_dates.csv"
    ran = run_planlib("import-actuals", plan_dir, name, "--dry-run")
    assert ran.returncode == 1
    assert "generic_ambiguous_dates.csv:2:date: every date reads both day-first and month-first (e.g. " in ran.stderr
    assert "(expected --dates dmy, mdy or ymd to say which)" in ran.stderr
    ordered = run_planlib("import-actuals", plan_dir, name, "--dates", "mdy", "--dry-run")
    assert ordered.returncode == 0 and "from 2 January 2026 to 11 January 2026" in ordered.stdout
    mixed = run_planlib("import-actuals", plan_dir, CORPUS / "generic_mixed_dates.csv", "--dry-run")
    assert mixed.returncode == 1 and "day-first and month-first dates in one column" in mixed.stderr


def test_a_period_total_is_refused_naming_what_is_missing(plan_dir):
    ran = run_planlib("import-actuals", plan_dir, CORPUS / "google_ads_campaigns_total_en.csv")
    assert ran.returncode == 1
    assert "no day column: each row is a total over a period (March 1, 2026 - March 7, 2026)" in ran.stderr
    assert "(expected the report downloaded by day (a Day or Date column), so each value has its day)" in ran.stderr


def test_a_channel_column_takes_ids_and_names_and_refuses_the_unknown(plan_dir, tmp_path):
    export = tmp_path / "leads.csv"
    export.write_text("date,canal,leads\n2027-01-05,Search ads,3\n2027-01-05,c06,4\n2027-01-06,Radio,1\n",
                      encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export, "--channel-column", "canal")
    assert ran.returncode == 1
    assert "leads.csv:4:canal: unknown channel 'Radio'" in ran.stderr
    export.write_text("date,canal,leads\n2027-01-05,Search ads,3\n2027-01-05,c06,4\n", encoding="utf-8")
    assert run_planlib("import-actuals", plan_dir, export, "--channel-column", "canal").returncode == 0
    actuals = load_plan(plan_dir).actuals
    new = actuals[actuals["metric"] == "leads"]
    assert sorted(zip(new["channel_id"], new["value"])) == [("C03", 3.0), ("C06", 4.0)]


def test_a_file_no_source_fits_is_refused_with_the_list(plan_dir, tmp_path):
    export = tmp_path / "odd.csv"
    export.write_text("when,how many\nyesterday,3\n", encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export)
    assert ran.returncode == 1
    assert "odd.csv:1: no known export layout fits this file (expected --source NAME, one of bing_webmaster, " \
           "brevo, ga4," in ran.stderr


def test_a_source_of_ones_own_needs_no_code(plan_dir, tmp_path):
    (plan_dir / "sources").mkdir()
    (plan_dir / "sources" / "crm.yaml").write_text(
        "title: {en: CRM weekly export, fr: Export hebdomadaire du CRM}\nkind: crm\n"
        "interfaces:\n  fr:\n    date: [Jour]\n    metrics: {Leads qualifiés: leads, Devis: quotes}\n"
        "    detect: {all: [Leads qualifiés, Devis]}\n", encoding="utf-8")
    (plan_dir / "sources" / "metrics.yaml").write_text("metrics:\n  crm: {leads: leads, quotes: quotes}\n",
                                                       encoding="utf-8")
    export = tmp_path / "crm.csv"
    export.write_text("Jour;Leads qualifiés;Devis;Taux de devis\n05/01/2027;12;3;25 %\n13/01/2027;9;1;11 %\n",
                      encoding="cp1252")
    ran = run_planlib("import-actuals", plan_dir, export)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == "detected: CRM weekly export (French)"
    assert "left out: “Taux de devis” (a rate" in ran.stdout
    actuals = load_plan(plan_dir).actuals
    new = actuals[actuals["source"] == "crm"]
    assert sorted(zip(new["date"].dt.date.astype(str), new["metric"], new["value"])) == [
        ("2027-01-05", "leads", 12.0), ("2027-01-05", "quotes", 3.0), ("2027-01-13", "leads", 9.0),
        ("2027-01-13", "quotes", 1.0)]


def test_a_broken_source_file_is_a_located_message(plan_dir, tmp_path):
    mapping = tmp_path / "mine.yaml"
    mapping.write_text("interfaces: {en: {date: [Jour]\nmetrics: [", encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, ADS, "--mapping", mapping)
    assert ran.returncode == 1
    assert "mine.yaml:2: not valid YAML: did not find expected ',' or '}'" in ran.stderr
    assert "internal error" not in ran.stderr
    mapping.write_text("title: {en: x}\ninterfaces: [en, fr]\n", encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, ADS, "--mapping", mapping)
    assert "mine.yaml:interfaces: not a source file (expected title, kind and interfaces with a date column" in \
        ran.stderr
    (plan_dir / "sources").mkdir()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    (plan_dir / "sources" / "bomb.yaml").write_text(bomb, encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, ADS, "--channel", "C03")
    assert ran.returncode == 1 and "bomb.yaml: its aliases (*name) expand to more than 100,000 values" in ran.stderr


def test_without_messages_the_story_is_in_the_plans_language(tmp_path):
    import shutil

    from conftest import ROOT

    plan_dir = tmp_path / "plan"
    shutil.copytree(ROOT / "data" / "cases" / "b2c-shop" / "solution" / "fr", plan_dir)
    ran = run_planlib("import-actuals", plan_dir, CORPUS / "search_console_dates_en.csv", "--dry-run")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == "détecté : Search Console, Performances > Dates (anglais)"
    asked = run_planlib("--messages", "en", "import-actuals", plan_dir, CORPUS / "search_console_dates_en.csv",
                        "--dry-run")
    assert asked.stdout.splitlines()[0] == "detected: Search Console, Performance > Dates (English)"


def test_a_file_two_sources_fit_is_refused_naming_both(plan_dir):
    (plan_dir / "sources").mkdir()
    (plan_dir / "sources" / "seo_tool.yaml").write_text(
        "title: {en: Our SEO tool}\nkind: search\ninterfaces:\n  en:\n    date: [Date]\n"
        "    metrics: {Clicks: clicks, Impressions: impressions}\n    detect: {all: [Clicks, Impressions]}\n",
        encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, CORPUS / "search_console_dates_en.csv")
    assert ran.returncode == 1
    assert "search_console_dates_en.csv:1: this file fits several sources: search_console, seo_tool" in ran.stderr
    chosen = run_planlib("import-actuals", plan_dir, CORPUS / "search_console_dates_en.csv", "--source", "seo_tool",
                         "--dry-run")
    assert chosen.returncode == 0 and chosen.stdout.startswith("source: Our SEO tool (English)")


def test_hostile_files_get_a_located_message_and_change_nothing(plan_dir, tmp_path):
    cases = {
        "empty.csv": (b"", "empty.csv: no table in this file"),
        "picture.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                        "picture.csv: this file is not a table but a PNG file"),
        "fake.xlsx": (b"PK\x03\x04not really a workbook", "fake.xlsx: not a readable xlsx workbook"),
        "ragged.csv": (b"date,sessions\n2027-01-05,12\n2027-01-06,3,4,5\n", "ragged.csv:3: 4 cells where the header has 2"),
        "header.csv": (b"date,sessions\n", "header.csv:1: no value to import"),
    }
    before = (plan_dir / "actuals.csv").read_bytes()
    for name, (content, expected) in cases.items():
        (tmp_path / name).write_bytes(content)
        ran = run_planlib("import-actuals", plan_dir, tmp_path / name, "--source", "generic")
        assert ran.returncode == 1 and expected in ran.stderr, (name, ran.stderr)
        assert "Traceback" not in ran.stderr and "internal error" not in ran.stderr
    unknown = run_planlib("import-actuals", plan_dir, CORPUS / "search_console_dates_en.csv", "--channel", "C99")
    assert unknown.returncode == 1 and "--channel: unknown channel 'C99'" in unknown.stderr
    assert (plan_dir / "actuals.csv").read_bytes() == before


def test_a_wide_table_never_sums_an_identifier_nor_a_rate(plan_dir, tmp_path):
    export = tmp_path / "crm.csv"
    export.write_text('date,campaign_id,Code postal,leads,Taux de rdv,Average deal,"=HYPERLINK(""x"")",@SUM(1+1)\n'
                      "2027-02-01,1234567,75011,4,25%,1200,1,2\n2027-02-02,1234567,69003,6,17%,900,3,4\n",
                      encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export, "--dry-run")
    assert ran.returncode == 0, ran.stderr
    assert "would import 2 values of leads from 1 February 2027 to 2 February 2027" in ran.stdout
    for column, reason in (("campaign_id", "an identifier"), ("Code postal", "an identifier"),
                           ("Taux de rdv", "a rate"), ("Average deal", "an average"),
                           ('=HYPERLINK("x")', "a header written as a spreadsheet formula"),
                           ("@SUM(1+1)", "a header written as a spreadsheet formula")):
        assert f"left out: “{column}” ({reason}" in ran.stdout


def test_french_decimal_commas_are_read_per_column_and_two_readings_refused(plan_dir, tmp_path):
    export = tmp_path / "crm.csv"
    export.write_text("date;leads;cost\n2027-02-01;0,125;1,250\n2027-02-02;2;3\n2027-02-03;1 250,5;0,5\n",
                      encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export, "--source", "generic")
    assert ran.returncode == 0, ran.stderr
    actuals = load_plan(plan_dir).actuals
    mine = actuals[actuals["source"] == "generic"].set_index(["metric", "date"])["value"]
    assert mine[("leads", "2027-02-01")] == 0.125 and mine[("leads", "2027-02-03")] == 1250.5
    assert mine[("cost", "2027-02-01")] == 1.25
    before = (plan_dir / "actuals.csv").read_bytes()
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("date;leads\n2027-03-01;0,125\n2027-03-02;4\n2027-03-03;1.5\n", encoding="utf-8")
    refused = run_planlib("import-actuals", plan_dir, mixed, "--source", "generic")
    assert refused.returncode == 1
    assert "mixed.csv:4:leads: this column reads two ways: '0,125' has a decimal comma and '1.5' a decimal " \
           "point; the cell here is '1.5' (expected one decimal mark in the whole column (export" in refused.stderr
    huge = tmp_path / "huge.csv"
    huge.write_text("date,leads\n2027-03-01,3\n2027-03-02,1e308\n", encoding="utf-8")
    too_big = run_planlib("import-actuals", plan_dir, huge, "--source", "generic")
    assert too_big.returncode == 1 and "huge.csv:3:leads: the number '1e308' is over 1,000,000,000,000,000" \
        in too_big.stderr
    assert (plan_dir / "actuals.csv").read_bytes() == before


def test_one_date_order_per_column_decided_from_all_its_cells(plan_dir, tmp_path):
    export = tmp_path / "us.csv"
    export.write_text("date,leads\n01/12/2027,3\n01/13/2027,4\n", encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export, "--source", "generic")
    assert ran.returncode == 0, ran.stderr
    actuals = load_plan(plan_dir).actuals
    days = sorted(actuals[actuals["source"] == "generic"]["date"].astype(str))
    assert days == ["2027-01-12", "2027-01-13"]
