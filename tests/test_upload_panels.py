"""Notebook 07's and 06's upload panels, driven as a person does: a file chosen, the dry run read, Import clicked."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import yaml

from planlib import load_plan
from planlib.steps.budget.upload import spend_upload
from planlib.steps.review.upload import actuals_upload

CORPUS = Path(__file__).resolve().parent / "fixtures" / "exports" / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def choose(panel, path: Path) -> None:
    """What the browser sends when a file is picked: ipywidgets 8's value, a tuple of one dict."""
    data = path.read_bytes()
    panel.upload.value = ({"name": path.name, "type": "text/csv", "size": len(data), "content": memoryview(data),
                           "last_modified": datetime(2026, 3, 20, tzinfo=timezone.utc)},)


def test_an_export_is_checked_then_imported_from_the_panel(plan_dir):
    name = "ga4_traffic_acquisition_en.csv"
    panel = actuals_upload(load_plan(plan_dir), "en")
    assert panel.button.disabled
    before = (plan_dir / "actuals.csv").read_bytes()
    panel.options[1][1].value = "C12"  # the example's own actuals are for all channels on those days
    choose(panel, CORPUS / name)
    assert "detected: GA4 report download (English)" in panel.story.value
    assert "left out: “Engagement rate” (a rate" in panel.story.value
    assert "<th>Metric</th>" in panel.story.value and "<td>sessions</td>" in panel.story.value
    assert not panel.button.disabled
    assert (plan_dir / "actuals.csv").read_bytes() == before  # the dry run wrote nothing
    panel.button.click()
    assert "imported 84 values of" in panel.message.value and panel.button.disabled
    actuals = load_plan(plan_dir).actuals
    ga4 = actuals[actuals["source"] == "ga4"]
    assert round(ga4[ga4["metric"] == "sessions"]["value"].sum(), 4) == EXPECTED[name]["metrics"]["sessions"]["sum"]


def test_a_refused_export_shows_its_problems_and_cannot_be_imported(plan_dir):
    panel = actuals_upload(load_plan(plan_dir), "fr")
    before = (plan_dir / "actuals.csv").read_bytes()
    choose(panel, CORPUS / "generic_ambiguous_dates.csv")
    assert "chaque date se lit jour en premier comme mois en premier" in panel.message.value
    assert panel.button.disabled and panel.story.value == ""
    panel.button.click()
    assert (plan_dir / "actuals.csv").read_bytes() == before


def test_the_channel_picked_goes_with_the_values(plan_dir):
    panel = actuals_upload(load_plan(plan_dir), "en")
    choose(panel, CORPUS / "search_console_dates_en.csv")
    panel.options[1][1].value = "C02"
    assert "detected: Search Console" in panel.story.value
    panel.button.click()
    actuals = load_plan(plan_dir).actuals
    assert set(actuals[actuals["source"] == "search_console"]["channel_id"]) == {"C02"}


def test_ad_spend_from_the_budget_panel_goes_on_the_channels_line(plan_dir):
    name = "google_ads_campaigns_by_day_en.csv"
    panel = spend_upload(load_plan(plan_dir), "en")
    choose(panel, CORPUS / name)
    assert "which budget line does this spend go on?" in panel.message.value and panel.button.disabled
    panel.options[0][1].value = "C03"
    cost = EXPECTED[name]["metrics"]["ad_cost"]["sum"]
    assert "<td>B001</td>" in panel.story.value and f"€{cost:,.2f}" in panel.story.value
    panel.button.click()
    spend = load_plan(plan_dir).spend
    assert round(spend[spend["source"] == "google_ads"]["amount"].sum(), 2) == cost
    assert "imported 7 spend rows" in panel.message.value
