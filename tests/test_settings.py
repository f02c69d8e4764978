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
