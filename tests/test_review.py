"""Step 7 on small hand-computed plans: KPI windows, pacing, profiles, statuses, forecasts, decisions."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import problems_of

from planlib import load_plan, new_plan, summary
from planlib.core.metrics import MetricIndex, kpi_value
from planlib.steps.review.decisions import overdue
from planlib.steps.review.pacing import DEFAULTS, review, status_of

KPIS = ("id,name,formula,unit,aggregation,direction\n"
        "K1,Leads,leads,leads,sum,up\n"
        "K2,Conversion rate,orders / sessions * 100,%,sum,up\n"
        "K3,Cost per lead,cost / leads,€,sum,down\n"
        "K4,Followers,followers,followers,last,up\n")


def make_plan(tmp_path, actuals: list[tuple[str, str, float]], key_results: list[str], decisions: str = ""):
    folder = new_plan(tmp_path / "plan", company="Test", year=2026)
    (folder / "objectives.csv").write_text("id,level,title,parent_id\nB1,business,Grow,\nM1,marketing,More leads,B1\n",
                                           encoding="utf-8")
    (folder / "kpis.csv").write_text(KPIS, encoding="utf-8")
    lines = ["id,date,metric,value"] + [f"M{n},{d},{m},{v}" for n, (d, m, v) in enumerate(actuals, 1)]
    (folder / "actuals.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    header = "id,objective_id,title,kpi_id,baseline,target,unit,deadline"
    (folder / "key_results.csv").write_text("\n".join([header] + key_results) + "\n", encoding="utf-8")
    if decisions:
        (folder / "decisions.csv").write_text(decisions, encoding="utf-8")
    return load_plan(folder)


def days(first: date, last: date):
    while first <= last:
        yield first
        first += timedelta(days=1)


def test_a_ratio_is_a_ratio_of_sums_not_a_mean_of_daily_ratios(tmp_path):
    plan = make_plan(tmp_path, [("2026-01-01", "sessions", 100), ("2026-01-01", "orders", 10),
                                ("2026-01-02", "sessions", 300), ("2026-01-02", "orders", 3)], [])
    kpi = plan.kpis.set_index("id").loc["K2"]
    value = kpi_value(kpi, MetricIndex(plan.actuals), date(2026, 1, 1), date(2026, 1, 2)).value
    assert value == pytest.approx(13 / 400 * 100)  # 3.25, where the mean of daily ratios would be 5.5


def test_sum_mean_and_last_over_a_window(tmp_path):
    plan = make_plan(tmp_path, [("2026-01-01", "followers", 100), ("2026-01-05", "followers", 120),
                                ("2026-01-02", "leads", 4), ("2026-01-03", "leads", 6)], [])
    index = MetricIndex(plan.actuals)
    assert index.aggregate("leads", date(2026, 1, 1), date(2026, 1, 31), "sum") == 10
    assert index.aggregate("leads", date(2026, 1, 1), date(2026, 1, 31), "mean") == 5
    assert index.aggregate("followers", date(2026, 1, 1), date(2026, 1, 4), "last") == 100  # on or before the date
    assert index.aggregate("followers", date(2026, 1, 1), date(2026, 2, 1), "last") == 120


def test_unmeasured_metric_and_zero_denominator_give_no_data_with_the_reason(tmp_path):
    plan = make_plan(tmp_path, [("2026-01-01", "sessions", 0), ("2026-01-01", "orders", 0)],
                     ["KR1,M1,Leads,K1,,100,leads,2026-12-31", "KR2,M1,Conversion,K2,1,2,%,2026-12-31"])
    kpis, index = plan.kpis.set_index("id"), MetricIndex(plan.actuals)
    assert kpi_value(kpis.loc["K2"], index, date(2026, 1, 1), date(2026, 1, 1)).reason == "zero_denominator"
    first, second = review(plan, date(2026, 1, 20))  # the level window (28 days) holds the one day of data
    assert (first.status, first.no_data_reason, first.no_data_detail) == ("no_data", "unmeasured", "leads")
    assert (second.status, second.no_data_reason, second.actual) == ("no_data", "zero_denominator", None)


def test_linear_pacing_of_a_flow(tmp_path):
    plan = make_plan(tmp_path, [(d.isoformat(), "leads", 1) for d in days(date(2026, 1, 1), date(2026, 1, 31))],
                     ["KR1,M1,Leads,K1,,365,leads,2026-12-31"])
    [p] = review(plan, date(2026, 1, 31))
    assert (p.kind, p.profile, p.actual, p.target) == ("flow", "linear", 31, 365)
    assert p.expected_progress == pytest.approx(31 / 365)
    assert p.expected_to_date == pytest.approx(31)
    assert p.pace == pytest.approx(1.0) and p.status == "green"
    assert p.forecast == pytest.approx(365)
    assert p.required_rate == pytest.approx((365 - 31) / 334)
    assert p.forecast_low < p.forecast < p.forecast_high or p.forecast_low == p.forecast_high


def test_last_years_profile_when_last_year_was_measured(tmp_path):
    last_year = [(d.isoformat(), "leads", 2 if d.month == 1 else 1) for d in days(date(2025, 1, 1), date(2025, 12, 31))]
    this_year = [(d.isoformat(), "leads", 1) for d in days(date(2026, 1, 1), date(2026, 1, 31))]
    plan = make_plan(tmp_path, last_year + this_year, ["KR1,M1,Leads,K1,,365,leads,2026-12-31"])
    [p] = review(plan, date(2026, 1, 31))
    assert p.profile == "last_year"
    assert p.expected_progress == pytest.approx(62 / 396)  # January held 62 of last year's 396 leads
    assert p.pace == pytest.approx((31 / 365) / (62 / 396))
    assert p.status == "red"
    assert p.forecast == pytest.approx(31 / (62 / 396))


def test_a_lower_is_better_level(tmp_path):
    rows = []
    for d in days(date(2026, 1, 1), date(2026, 7, 2)):
        rows += [(d.isoformat(), "cost", 80), (d.isoformat(), "leads", 10)]
    plan = make_plan(tmp_path, rows, ["KR1,M1,Cost per lead,K3,10,6,€,2026-12-31"])
    [p] = review(plan, date(2026, 7, 2))
    share = 183 / 365
    assert (p.kind, p.actual) == ("level", pytest.approx(8.0))
    assert p.progress == pytest.approx(0.5)  # from 10 to 8 on the way to 6
    assert p.expected_to_date == pytest.approx(10 - 4 * share)
    assert p.pace == pytest.approx(0.5 / share)  # ahead of its pace, but
    assert p.forecast == pytest.approx(8.0)  # a flat trend stays where it is: it will not reach 6
    assert p.probability == pytest.approx(0.0) and (p.status, p.status_reason) == ("amber", "forecast")
    assert p.required_rate == pytest.approx((6 - 8) / 182)


@pytest.mark.parametrize("pace,elapsed,expected", [
    (0.95, 30, "green"), (0.9499, 30, "amber"), (0.85, 30, "amber"), (0.8499, 30, "red"),
    (1.2, 13, "too_early"), (1.2, 14, "green"), (None, 30, "no_data"),
])
def test_status_boundaries(pace, elapsed, expected):
    assert status_of(pace, elapsed, DEFAULTS) == expected


def test_thresholds_come_from_plan_yaml_and_are_checked(tmp_path):
    """Twelve days measured: too few for a forecast's interval, so the status is the pace's alone."""
    plan = make_plan(tmp_path, [(d.isoformat(), "leads", 1) for d in days(date(2026, 1, 1), date(2026, 1, 12))],
                     ["KR1,M1,Leads,K1,,400,leads,2026-12-31"])
    settings = plan.path / "plan.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "review:\n  green: 0.9\n  amber: 0.8\n"
                        "  min_elapsed_days: 10\n", encoding="utf-8")
    [p] = review(load_plan(plan.path), date(2026, 1, 12))
    assert p.pace == pytest.approx(365 / 400) and p.status == "green"  # 0.9125: amber by default, green here
    assert p.probability is None and p.forecast_low is None
    settings.write_text(settings.read_text(encoding="utf-8").replace("amber: 0.8", "amber: 0.99"), encoding="utf-8")
    assert any("review.amber: the amber threshold 0.99 is above the green one 0.9" in line
               for line in problems_of(plan.path))


def test_decisions_are_validated_and_overdue_ones_flagged(tmp_path):
    header = "id,date,key_result_id,decision,reason,action_ids,owner,due,status\n"
    plan = make_plan(tmp_path, [], ["KR1,M1,Leads,K1,,365,leads,2026-12-31"],
                     header + "D1,2026-03-01,KR1,ajuster,Too slow,,Ana,2026-03-15,ouverte\n"
                              "D2,2026-03-01,KR1,continue,Fine,,Ana,2026-03-15,done\n")
    assert plan.decisions["decision"].tolist() == ["adjust", "continue"]
    assert overdue(plan, date(2026, 3, 20))["id"].tolist() == ["D1"]
    assert overdue(plan, date(2026, 3, 10)).empty
    document = summary(plan, "2026-Q1", "2026-03-20")
    assert document["decisions"] == {"total": 2, "open": 1, "overdue": 1, "overdue_ids": ["D1"]}
    (plan.path / "decisions.csv").write_text(header + "D1,2026-03-01,KR9,pause,,A1,Ana,someday,open\n", encoding="utf-8")
    lines = problems_of(plan.path)
    assert "decisions.csv:2:decision: 'pause' is not allowed (expected one of continue, adjust, stop)" in lines
    assert "decisions.csv:2:reason: missing value (expected a value)" in lines
    assert "decisions.csv:2:due: not a date: 'someday' (expected a date such as 2026-03-15 or 15/03/2026)" in lines
    assert "decisions.csv:2:key_result_id: unknown id 'KR9' (expected an id from key_results.csv)" in lines
    assert "decisions.csv:2:action_ids: unknown id 'A1' (expected an id from actions.csv)" in lines


def test_decision_form_round_trip(tmp_path):
    from planlib.steps.review.forms import decision_form

    plan = make_plan(tmp_path, [], ["KR1,M1,Leads,K1,,365,leads,2026-12-31"])
    form = decision_form(plan, "fr")
    form.widgets["reason"].value = ""
    form.save_button.click()
    assert "Une décision doit avoir sa raison" in form.message.value
    form.widgets["reason"].value = "Trop lent : doubler les relances"
    form.widgets["decision"].value = "adjust"
    form.widgets["date"].value = date(2026, 5, 2)
    form.widgets["due"].value = date(2026, 4, 30)
    form.save_button.click()  # due before the day it was taken: refused, nothing written
    assert "2026-04-30" in form.message.value and "Non enregistré" in form.message.value
    assert load_plan(plan.path).decisions.empty
    form.widgets["date"].value = date(2026, 3, 31)
    form.save_button.click()
    assert "D01 enregistré dans decisions.csv" in form.message.value
    saved = load_plan(plan.path).decisions.set_index("id").loc["D01"]
    assert (saved["key_result_id"], saved["decision"], saved["status"]) == ("KR1", "adjust", "open")
    assert saved["due"].date() == date(2026, 4, 30)


def test_summary_kpi_review_keys(example):
    document = summary(example, "2026-Q2", "2026-06-15")
    review_doc = document["kpi_review"]
    assert set(review_doc) >= {"thresholds", "counts", "key_results"}
    assert review_doc["thresholds"] == {"green": 0.95, "amber": 0.85, "min_elapsed_days": 14, "level_window_days": None}
    assert sum(review_doc["counts"].values()) == len(example.key_results)
    first = review_doc["key_results"][0]
    for key in ("id", "kpi_id", "kind", "actual", "target", "baseline", "expected_to_date", "progress",
                "expected_progress", "pace", "status", "profile", "forecast", "forecast_low", "forecast_high",
                "required_rate"):
        assert key in first
    assert document["decisions"]["overdue_ids"] == ["D02"]


def test_edge_cases_give_a_reason_not_a_crash(tmp_path):
    rows = [(d.isoformat(), "leads", 2) for d in days(date(2026, 1, 1), date(2026, 3, 31))]
    rows += [(d.isoformat(), "cost", 10) for d in days(date(2026, 1, 1), date(2026, 3, 31))]
    plan = make_plan(tmp_path, rows, ["KR1,M1,Cost per lead,K3,5,5,€,2026-12-31",
                                      "KR2,M1,Leads before the year,K1,,100,leads,2025-12-31",
                                      "KR3,M1,No target,K1,,,leads,2026-12-31"])
    first, second, third = review(plan, date(2026, 3, 31))
    assert (first.status, first.no_data_reason) == ("no_data", "no_change")
    assert (second.status, second.no_data_reason) == ("no_data", "deadline_before_year")
    assert (third.status, third.no_data_reason) == ("no_data", "no_target")


def test_a_flow_that_should_go_down_is_a_ceiling(tmp_path):
    plan = make_plan(tmp_path, [(d.isoformat(), "complaints", 1) for d in days(date(2026, 1, 1), date(2026, 1, 31))], [])
    (plan.path / "kpis.csv").write_text(KPIS + "K5,Complaints,complaints,complaints,sum,down\n", encoding="utf-8")
    (plan.path / "key_results.csv").write_text("id,objective_id,title,kpi_id,baseline,target,unit,deadline\n"
                                               "KR1,M1,At most 730 complaints,K5,,730,complaints,2026-12-31\n"
                                               "KR2,M1,At most 200 complaints,K5,,200,complaints,2026-12-31\n",
                                               encoding="utf-8")
    under, over = review(load_plan(plan.path), date(2026, 1, 31))
    assert under.pace == pytest.approx((31 / 365) / (31 / 730)) and under.status == "green"  # half the allowed pace
    assert over.pace == pytest.approx((31 / 365) / (31 / 200)) and over.status == "red"


def test_a_past_report_plots_no_actual_after_its_as_of_date(example):
    """The example holds actuals to December; a trend drawn on 30 June stops there and forecasts from there."""
    import matplotlib.dates as mdates
    from matplotlib import pyplot

    from planlib.steps.review.charts import trend

    as_of = date(2026, 6, 30)
    index = MetricIndex(example.actuals)
    drawn = [p for p in review(example, as_of, index) if p.kpi_id and p.forecast is not None
             and p.deadline > as_of.isoformat()]
    assert drawn, "the example has a key result running past June with a forecast"
    for pacing in drawn:
        figure = trend(example, pacing, index, as_of, pacing.id, ("actual", "expected", "forecast", "as of"), lang="en")
        lines = {line.get_label(): line for line in figure.axes[0].get_lines()}
        actual_days = [mdates.num2date(x).date() if isinstance(x, float) else x for x in lines["actual"].get_xdata()]
        assert actual_days and max(actual_days) == as_of, pacing.id
        forecast_start = lines["forecast"].get_xdata()[0]
        assert forecast_start == as_of and list(lines["as of"].get_xdata()) == [as_of, as_of]
        pyplot.close(figure)
