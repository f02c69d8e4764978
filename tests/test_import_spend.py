"""planlib import-spend: an ad platform's cost and the accounting FEC into spend.csv, each entry counted once."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import yaml
from conftest import run_planlib

from planlib import load_plan
from planlib.steps.budget.spend import spend_vs_plan

CORPUS = Path(__file__).resolve().parent / "fixtures" / "exports" / "corpus"
SPEND = yaml.safe_load((CORPUS / "expected_spend.yaml").read_text(encoding="utf-8"))
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
FEC = CORPUS / "123456789FEC20261231.txt"
ADS = CORPUS / "google_ads_campaigns_by_day_en.csv"


def _new_spend(plan_dir, before):
    return load_plan(plan_dir).spend.iloc[before:]


def test_a_fec_goes_in_by_entry_and_account_and_a_second_import_counts_it_once(plan_dir, tmp_path):
    shutil.copytree(plan_dir, tmp_path / "other")
    for name, plan_dir in (("fec_pipe_montant_sens.txt", tmp_path / "other"), (FEC.name, plan_dir)):
        before = len(load_plan(plan_dir).spend)
        ran = run_planlib("import-spend", plan_dir, CORPUS / name)
        assert ran.returncode == 0, ran.stderr
        expected = SPEND[name]
        new = _new_spend(plan_dir, before)
        assert len(new) == expected["rows"] and round(new["amount"].sum(), 2) == expected["total"]
        assert set(new["category"]) <= {"media", "events", "production"}
        assert all(s.startswith("fec:AC/") for s in new["source"])
        for account, amount in expected["unmapped"].items():
            assert f"left out: account {account}, €{amount:,.2f} (no budget category" in ran.stdout
        assert f"not spend: {expected['other_lines']}" in ran.stdout
        assert (new["amount"] < 0).sum() == 1  # the credit note lowers the spend it corrects
    after = (plan_dir / "spend.csv").read_bytes()
    again = run_planlib("import-spend", plan_dir, FEC)
    assert again.returncode == 0
    assert "nothing new: spend.csv already holds every row of this file" in again.stdout
    assert f"already in spend.csv, counted once: {SPEND[FEC.name]['rows']} rows" in again.stdout
    assert (plan_dir / "spend.csv").read_bytes() == after


def test_the_plan_maps_its_own_accounts_to_a_category_and_a_line(plan_dir):
    (plan_dir / "sources").mkdir()
    (plan_dir / "sources" / "accounts.yaml").write_text('accounts:\n  "6226": {category: agencies, line: B032}\n',
                                                         encoding="utf-8")
    before = len(load_plan(plan_dir).spend)
    ran = run_planlib("import-spend", plan_dir, FEC)
    assert ran.returncode == 0, ran.stderr
    new = _new_spend(plan_dir, before)
    fees = new[new["budget_line_id"] == "B032"]
    assert round(fees["amount"].sum(), 2) == SPEND[FEC.name]["unmapped"]["6226"]
    assert set(fees["category"]) == {"agencies"} and "account 6226" not in ran.stdout


def test_ad_cost_goes_on_the_channels_line_for_the_day_and_feeds_spend_against_plan(plan_dir):
    plan = load_plan(plan_dir)
    spent_before = spend_vs_plan(plan, date(2026, 12, 31))["lines"].set_index("line_id")["spent_to_date"]["B001"]
    ran = run_planlib("import-spend", plan_dir, ADS, "--channel", "C03")
    assert ran.returncode == 0, ran.stderr
    cost = EXPECTED[ADS.name]["metrics"]["ad_cost"]["sum"]
    assert ran.stdout.splitlines()[0] == "source: Google Ads, campaign report"
    assert f"  B001 (Search ads 2026-Q1): €{cost:,.2f}" in ran.stdout
    plan = load_plan(plan_dir)
    spent = spend_vs_plan(plan, date(2026, 12, 31))["lines"].set_index("line_id")["spent_to_date"]["B001"]
    assert round(spent - spent_before, 2) == cost
    assert run_planlib("import-spend", plan_dir, ADS, "--channel", "C03").stdout.count("counted once: 7 rows") == 1


def test_a_changed_amount_is_refused_unless_replaced(plan_dir, tmp_path):
    assert run_planlib("import-spend", plan_dir, ADS, "--channel", "C03").returncode == 0
    changed = tmp_path / ADS.name
    lines = ADS.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[4] = f"{float(cells[4]) + 10:.2f}"
    lines[3] = ",".join(cells)
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = (plan_dir / "spend.csv").read_bytes()
    refused = run_planlib("import-spend", plan_dir, changed, "--channel", "C03")
    assert refused.returncode == 1 and f"{ADS.name}:4: spend.csv holds" in refused.stderr
    assert (plan_dir / "spend.csv").read_bytes() == before
    replaced = run_planlib("import-spend", plan_dir, changed, "--channel", "C03", "--replace")
    assert replaced.returncode == 0 and "replaced 1 rows whose amount changed" in replaced.stdout
    spend = load_plan(plan_dir).spend
    assert round(spend[spend["source"] == "google_ads"]["amount"].sum(), 2) == \
        round(EXPECTED[ADS.name]["metrics"]["ad_cost"]["sum"] + 10, 2)


def test_ad_spend_needs_its_line_and_a_bad_fec_cell_is_located(plan_dir, tmp_path):
    ran = run_planlib("import-spend", plan_dir, ADS)
    assert ran.returncode == 1 and "which budget line does this spend go on? (expected --channel ID" in ran.stderr
    bad = tmp_path / "FEC.txt"
    text = FEC.read_text(encoding="utf-8").splitlines()
    cells = text[1].split("\t")
    cells[11] = "douze"
    text[1] = "\t".join(cells)
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    before = (plan_dir / "spend.csv").read_bytes()
    refused = run_planlib("import-spend", plan_dir, bad)
    assert refused.returncode == 1 and "FEC.txt:2:Debit: not a number: 'douze'" in refused.stderr
    assert (plan_dir / "spend.csv").read_bytes() == before
