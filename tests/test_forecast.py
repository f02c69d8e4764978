"""Honest forecasts: intervals within what a KPI can be, the chance of reaching the target, a status that never
contradicts the forecast, the level's window said, and last year's backtests measuring the band."""
from __future__ import annotations

import random
from datetime import date

import pytest
from test_review import days, make_plan

from planlib import load_plan, summary
from planlib.steps.review.backtest import FACTORS, calibration
from planlib.steps.review.forecast import Spread, band, bounds, chance
from planlib.steps.review.pacing import review

pytestmark = pytest.mark.unit


def test_what_each_kpi_can_be():
    assert bounds({"unit": "%", "formula": "orders / sessions * 100"}) == (0.0, 100.0)
    assert bounds({"unit": "%", "formula": "(revenue - cost) / cost * 100"}) == (None, None)  # a margin may fall
    assert bounds({"unit": "€", "formula": "cost / leads"}) == (0.0, None)
    assert bounds({"unit": "leads", "formula": "leads"}) == (0.0, None)


def test_a_band_near_a_bound_is_cut_there_and_says_so():
    forecast, low, high, cut = band(Spread(1.0, 2.0), (0.0, 100.0))
    assert cut and low >= 0.0 and 0.0 < forecast < high  # the plain band would have gone to -1.56
    forecast, low, high, cut = band(Spread(99.5, 2.0), (0.0, 100.0))
    assert cut and high <= 100.0
    forecast, low, high, cut = band(Spread(50.0, 2.0), (0.0, 100.0))
    assert not cut and (low, forecast, high) == pytest.approx((50 - 1.2816 * 2, 50.0, 50 + 1.2816 * 2), abs=1e-3)
    _, low_wide, high_wide, _ = band(Spread(50.0, 2.0), (0.0, 100.0), widen=2.0)
    assert (low_wide, high_wide) == pytest.approx((50 - 1.2816 * 4, 50 + 1.2816 * 4), abs=1e-3)


def test_the_chance_of_reaching_a_target_reads_the_distribution():
    assert chance(Spread(100.0, 10.0), 100.0, False, (0.0, None)) == pytest.approx(0.5)
    assert chance(Spread(100.0, 10.0), 87.184, False, (0.0, None)) == pytest.approx(0.9, abs=1e-3)
    assert chance(Spread(100.0, 10.0), 87.184, True, (0.0, None)) == pytest.approx(0.1, abs=1e-3)  # a ceiling
    assert chance(Spread(2.0, 3.0), 0.0, False, (0.0, 100.0)) == pytest.approx(1.0)  # all it can be is >= 0


def test_a_rate_near_zero_never_gets_a_negative_interval(tmp_path):
    """A conversion rate falling towards 0 %: the plain trend's band would go below 0 %."""
    rows = []
    for n, d in enumerate(days(date(2026, 1, 1), date(2026, 6, 30))):
        rows += [(d.isoformat(), "sessions", 1000), (d.isoformat(), "orders", max(0, 12 - n // 15 + (n % 3)))]
    plan = make_plan(tmp_path, rows, ["KR1,M1,Conversion,K2,1.2,2,%,2026-12-31"])
    [p] = review(plan, date(2026, 6, 30))
    assert p.forecast_low is not None and p.forecast_low >= 0.0 and p.interval_cut
    assert p.probability == pytest.approx(0.0, abs=1e-3) and p.status == "red"


def test_on_pace_but_forecast_to_miss_is_not_green(tmp_path):
    rows = [(d.isoformat(), "leads", n % 3) for n, d in enumerate(days(date(2026, 1, 1), date(2026, 6, 30)))]
    plan = make_plan(tmp_path, rows, ["KR1,M1,Leads,K1,,378,leads,2026-12-31"])  # 180 so far, 363 forecast
    [p] = review(plan, date(2026, 6, 30))
    assert p.pace >= 0.95  # the pace alone would say green
    assert p.probability < 0.2 and (p.status, p.status_reason) == ("amber", "forecast")


def test_a_level_is_read_over_the_year_to_date_unless_the_plan_asks_for_its_last_weeks(tmp_path):
    """A red first half and a good last month: year to date it stays red; over the last 28 days it is green,
    and the window says so."""
    rows = []
    for d in days(date(2026, 1, 1), date(2026, 6, 30)):
        rows += [(d.isoformat(), "sessions", 1000), (d.isoformat(), "orders", 25 if d.month == 6 else 10)]
    plan = make_plan(tmp_path, rows, ["KR1,M1,Conversion,K2,1,2.5,%,2026-12-31"])
    [year_to_date] = review(plan, date(2026, 6, 30))
    assert (year_to_date.window, year_to_date.window_days) == ("year_to_date", None)
    assert year_to_date.actual == pytest.approx((151 * 10 + 30 * 25) / (181 * 1000) * 100)
    assert year_to_date.status == "red"
    settings = plan.path / "plan.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "review:\n  level_window_days: 28\n", encoding="utf-8")
    [recent] = review(load_plan(plan.path), date(2026, 6, 30))
    assert (recent.window, recent.window_days, recent.actual) == ("last_days", 28, pytest.approx(2.5))
    assert recent.status == "green"


def _last_year(tmp_path, daily):
    """A plan of 2026 with daily leads of 2025 (its backtests) and of the first half of 2026."""
    rows = [(d.isoformat(), "leads", daily(d)) for d in days(date(2025, 1, 1), date(2026, 6, 30))]
    return make_plan(tmp_path, rows, ["KR1,M1,Leads,K1,,700,leads,2026-12-31"])


def test_backtests_on_a_steady_year_find_the_band_about_right(tmp_path):
    rng = random.Random(7)
    plan = _last_year(tmp_path, lambda d: max(0, round(rng.gauss(2, 1.5))))
    backtests = calibration(plan)
    assert backtests.flow.outcomes == 10  # one origin at each month's end, mid-February to mid-December
    assert backtests.flow.coverage >= 0.7 and backtests.flow.widen == 1.0
    assert backtests.level.flag == "too_few"


def test_backtests_on_a_year_that_doubled_widen_the_band_and_say_by_how_much(tmp_path):
    """2025 doubled in its second half: forecasts made in the first half missed; this year's band is widened."""
    rng = random.Random(11)
    plan = _last_year(tmp_path, lambda d: max(0, round(rng.gauss(2 if d < date(2025, 7, 1) else 4, 0.5))))
    backtests = calibration(plan)
    assert backtests.flow.coverage < 0.7 and backtests.flow.widen in FACTORS
    assert backtests.flow.coverage_widened >= 0.8 or backtests.flow.flag == "too_narrow"
    [widened] = review(plan, date(2026, 6, 30), calibrated=backtests)
    [plain] = review(plan, date(2026, 6, 30), calibrated=type(backtests)())
    assert widened.widened == backtests.flow.widen
    assert widened.forecast_high - widened.forecast_low > plain.forecast_high - plain.forecast_low
    document = summary(plan, "2026-Q2", "2026-06-30")["kpi_review"]
    assert document["backtest"]["flow"]["widen"] == backtests.flow.widen
    assert document["key_results"][0]["widened"] == backtests.flow.widen
