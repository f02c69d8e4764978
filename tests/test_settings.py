"""plan.yaml read through one typed view: each setting's type and default given once."""
from __future__ import annotations

from planlib.core.settings import PlanSettings
from planlib.steps import load_plan
from planlib.steps.budget.schema import BudgetSettings


def test_the_example_s_settings_typed():
    plan = load_plan("data/example")
    config = plan.config
    assert (config.year, config.currency, config.language, config.market) == (2026, "EUR", "en", "B2C")
    assert config.owners and all(isinstance(owner, str) for owner in config.owners)
    assert config.owners == [m["owner"] for m in plan.settings["team"]]
    assert plan.currency == "EUR" and plan.calendar.year == config.year


def test_defaults_and_entries_that_are_not_records():
    config = PlanSettings.of({"year": "2027", "market": "b2b", "team": [{"owner": "Léa"}, "not a member", {}]})
    assert (config.year, config.market, config.currency, config.fiscal_start_month, config.sprint_length_days) \
        == (2027, "B2B", "EUR", 1, 10)
    assert config.owners == ["Léa"] and config.previous == "" and config.high_activity_periods == ()


def test_the_budget_block_typed_with_its_default_method():
    assert BudgetSettings.of({}) == BudgetSettings("bottom_up", False, 0.0, 0.0, 0.0)
    stated = BudgetSettings.of({"budget": {"method": "fixed", "envelope": 120000, "revenue_share": "4.5"}})
    assert (stated.method, stated.stated, stated.envelope, stated.revenue_share) == ("fixed", True, 120000.0, 4.5)


def test_a_block_that_is_not_a_mapping_reads_as_empty_and_its_rule_says_why(tmp_path):
    import shutil

    from planlib import PlanError
    from planlib.core.settings import block
    from planlib.steps.channels.ranking import weights
    from planlib.steps.review.pacing import thresholds

    assert block({"review": {"green": 0.9}}, "review") == {"green": 0.9}
    assert block({"review": [0.9]}, "review") == {} and block({}, "budget") == {} and block(None, "budget") == {}
    assert thresholds({"review": "strict"}) == thresholds({})
    assert weights({"channel_weights": ["reach"]}) == weights({})
    plan = shutil.copytree("data/example", tmp_path / "plan", ignore=shutil.ignore_patterns(".history"))
    shutil.copytree("data/example-2025", tmp_path / "example-2025", ignore=shutil.ignore_patterns(".history"))
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text + "review: strict\n", encoding="utf-8")
    try:
        load_plan(plan)
    except PlanError as refused:
        texts = [p.text("en") for p in refused.problems]
        assert any(t.startswith("plan.yaml:") and ":review: wrong type: 'strict'" in t for t in texts), texts
    else:
        raise AssertionError("a review block that is no mapping was accepted")


def test_a_day_reads_alike_from_plan_yaml_and_from_a_typed_table():
    """to_date is the one reading of a day: plan.yaml's (a date, ISO or French text) and a table's (a Timestamp,
    an empty cell as NaT or NaN)."""
    from datetime import date

    import pandas as pd

    from planlib.core.parse import to_date

    assert to_date(date(2026, 3, 1)) == to_date("2026-03-01") == to_date(pd.Timestamp("2026-03-01")) == date(2026, 3, 1)
    assert to_date(pd.NaT) is None and to_date(float("nan")) is None and to_date(None) is None and to_date("") is None
