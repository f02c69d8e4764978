"""Step 6 on small hand-computed plans: instalments, commissions, envelopes, spend, rounding, formats, form."""
from __future__ import annotations

from datetime import date

from conftest import problems_of

from planlib import load_plan, new_plan, summary
from planlib.steps.budget import forms
from planlib.steps.budget.compute import (committed_flows, envelopes, line_amounts, outside_the_year, payment_flows,
                                          rollup, split_cents, total_in)
from planlib.steps.budget.show import money_table
from planlib.steps.budget.spend import cost_of_results, spend_vs_plan
from planlib.core.i18n import format_money

PLAN_YAML_BUDGET = """budget:
  method: revenue_share
  envelope: 12000
  revenue_share: 5
  revenue_forecast: 0
  categories: [{id: sponsorship, en: Sponsorship, fr: Parrainage}]
"""


def money_plan(tmp_path, budget_rows: list[str], spend_rows: list[str] = (), forecasts: list[str] = ()):
    folder = tmp_path / "money"
    new_plan(folder, company="Money", year=2026)
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    head, tail = text.split("budget:\n")
    tail = tail.split("high_activity_periods")[1]
    (folder / "plan.yaml").write_text(head + PLAN_YAML_BUDGET + "high_activity_periods" + tail, encoding="utf-8")
    (folder / "objectives.csv").write_text("id,level,title,parent_id\nB1,business,Grow,\nM1,marketing,Leads,B1\n",
                                           encoding="utf-8")
    (folder / "kpis.csv").write_text("id,name,formula,unit,aggregation,direction\nK1,Leads,leads,leads,sum,up\n",
                                     encoding="utf-8")
    (folder / "key_results.csv").write_text(
        "id,objective_id,title,kpi_id,baseline,target,unit,deadline\nKR1,M1,500 leads,K1,0,500,leads,2026-12-31\n",
        encoding="utf-8")
    (folder / "actions.csv").write_text(
        "id,workstream,name,key_result_id,start,end,status\n"
        "A1,Web,New website,KR1,2026-03-02,2026-05-29,planned\n"
        "A2,Events,Trade fair,KR1,2026-06-01,2026-06-05,planned\n"
        "A3,Social,Unbudgeted posts,,2026-02-01,2026-02-28,planned\n", encoding="utf-8")
    (folder / "actuals.csv").write_text("id,date,metric,value\nL1,2026-01-20,leads,40\nL2,2026-02-20,leads,60\n"
                                        "L3,2026-03-20,leads,100\n", encoding="utf-8")
    (folder / "forecasts.csv").write_text("id,driver,period,value\n" + "\n".join(forecasts) + "\n", encoding="utf-8")
    (folder / "budget.csv").write_text(
        "id,label,action_id,category,period,amount,cost_type,rate,driver,schedule\n" + "\n".join(budget_rows) + "\n",
        encoding="utf-8")
    (folder / "spend.csv").write_text("id,date,amount,budget_line_id,action_id\n" + "\n".join(spend_rows) + "\n",
                                      encoding="utf-8")
    return load_plan(folder)


WEBSITE = "B1,Website,A1,agencies,2026,10000,fixed,,,25% start; 75% end"


def test_instalments_land_in_their_quarter(tmp_path):
    plan = money_plan(tmp_path, [WEBSITE, "B2,Fair stand,A2,events,2026-06,3000,fixed,,,40% 2026-01-20; 60% end"])
    quarters = plan.calendar.periods("quarters")
    cash = rollup(plan, quarters, "line_id", "cash")
    assert cash.loc["B1", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]].tolist() == [2500.0, 7500.0, 0.0, 0.0]
    assert cash.loc["B2", ["2026-Q1", "2026-Q2"]].tolist() == [1200.0, 1800.0]  # end of A2: 5 June
    committed = rollup(plan, quarters, "line_id", "committed")
    assert committed.loc["B1", "2026-Q1"] == 2465.75  # 10,000 x 90/365 days
    assert committed.loc["B1", "total"] == 10000.0 and committed.loc["B2", "2026-Q2"] == 3000.0


def test_commission_computed_from_the_forecast(tmp_path):
    plan = money_plan(tmp_path, ["B1,Marketplace commission,,media,2026-Q2,,variable,3.5,marketplace,"],
                      forecasts=["F1,marketplace,2026-04,10000", "F2,marketplace,2026-05,20000",
                                 "F3,marketplace,2026-06,30000", "F4,marketplace,2026-07,40000"])
    assert line_amounts(plan)["B1"] == 2100.0  # 3.5% of the three Q2 months; July is outside the line
    months = [plan.period(f"2026-0{m}") for m in (4, 5, 6, 7)]
    assert rollup(plan, months, "line_id").loc["B1", ["2026-04", "2026-05", "2026-06", "2026-07"]].tolist() == \
        [350.0, 700.0, 1050.0, 0.0]


def test_three_envelope_methods_and_the_gap(tmp_path):
    plan = money_plan(tmp_path, [WEBSITE, "B2,Ads,,media,2026-Q4,6000,fixed,,,"],
                      forecasts=["F1,revenue,2026-Q1,100000", "F2,revenue,2026-Q2,100000",
                                 "F3,revenue,2026-Q3,50000", "F4,revenue,2026-Q4,150000"])
    table = envelopes(plan, plan.calendar.periods("quarters") + [plan.period("2026")]).set_index("period")
    assert table["revenue_share"].tolist() == [5000.0, 5000.0, 2500.0, 7500.0, 20000.0]
    assert table.loc["2026-Q1", "fixed"] == 2958.9  # 12,000 x 90/365
    assert table.loc["2026", ["fixed", "bottom_up", "gap_to_fixed", "gap_to_revenue_share"]].tolist() == \
        [12000.0, 16000.0, 4000.0, -4000.0]
    assert table.loc["2026-Q4", "bottom_up"] == round(10000 * 92 / 365, 2) + 6000
    document = summary(plan, "2026", "2026-12-31")["budget"]
    assert (document["envelope_method"], document["envelope"], document["envelope_gap"]) == ("revenue_share", 20000.0, -4000.0)


def test_variance_projection_and_flags(tmp_path):
    plan = money_plan(tmp_path, [WEBSITE, "B2,Fair stand,A2,events,2026-06,3000,fixed,,,"],
                      spend_rows=["S1,2026-02-10,1500,B1,A1", "S2,2026-03-20,1501,B1,A1",
                                  "S3,2026-03-25,400,,A3", "S4,2026-03-26,99,,", "S5,2026-01-15,3200,B2,A2"])
    versus = spend_vs_plan(plan, date(2026, 3, 31))
    lines = versus["lines"].set_index("line_id")
    assert lines.loc["B1", ["budget", "committed_to_date", "spent_to_date", "variance"]].tolist() == \
        [10000.0, 2465.75, 3001.0, 535.25]
    assert lines.loc["B1", "consumption"] == 0.3001
    assert versus["over_budget"]["line_id"].tolist() == ["B2"]  # 3,200 spent of 3,000
    assert versus["no_budget_line"]["id"].tolist() == ["S3"]  # A3 has no budget line
    assert versus["unlinked"]["id"].tolist() == ["S4"]
    totals = versus["totals"]
    assert totals["spent_to_date"] == 6700.0
    assert totals["projection_year_end"] == round(6700.0 * 365 / 90, 2)


def test_rounding_to_cents_adds_up():
    assert split_cents(100, [1, 1, 1]) == [33.34, 33.33, 33.33]
    assert split_cents(0.05, [1, 1]) == [0.03, 0.02]
    assert sum(split_cents(1000, [31, 28, 31])) == 1000


def test_months_of_a_quarter_add_up_to_the_line(tmp_path):
    plan = money_plan(tmp_path, ["B1,Odd amount,,media,2026-Q1,1000,fixed,,,"])
    months = plan.calendar.periods("months")[:3]
    row = rollup(plan, months, "line_id").loc["B1"]
    # cents spent by day k: round(100,000 x k / 90), so each month is within a cent of its share of days
    assert row[["2026-01", "2026-02", "2026-03"]].tolist() == [344.44, 311.12, 344.44]
    assert row["total"] == 1000.0


def test_any_split_of_the_year_adds_up_to_the_year_in_every_view(tmp_path):
    """Annual lines of odd amounts: quarters, months and sprints each add up to the year, asked alone or together."""
    from planlib.steps.summary import summary

    plan = money_plan(tmp_path, ["B1,Licence,,tools,2026,1000,fixed,,,", "B2,Agency,,media,2026,12345.67,fixed,,,",
                                 "B3,Print,A1,media,2026-H1,333.33,fixed,,,50% 2026-02-15; 50% end"])
    year = plan.period("2026")
    for kind in ("quarters", "months", "sprints"):
        parts = plan.calendar.periods(kind)
        for view in ("committed", "cash"):
            alone = [total_in(plan, part, view) for part in parts]
            together = rollup(plan, parts, "category", view).loc[:, [p.id for p in parts]].sum()
            assert round(sum(alone), 2) == total_in(plan, year, view) == 13679.0, (kind, view)
            assert [round(v, 2) for v in together.tolist()] == alone, (kind, view)
    for quarter in plan.calendar.periods("quarters"):  # the summary and the notebook's rollup agree to the cent
        budget = summary(plan, quarter.id, str(quarter.end))["budget"]
        assert budget["period"] == rollup(plan, [quarter], "category")["total"].sum().round(2)
        assert budget["cash_period"] == rollup(plan, [quarter], "category", "cash")["total"].sum().round(2)


def test_instalments_outside_the_year_are_shown_not_dropped(tmp_path):
    from planlib.steps.summary import summary

    plan = money_plan(tmp_path, ["B1,Trade fair stand,A2,events,2026-Q2,9000,fixed,,,30% 2025-10-15; 50% 2026-06-01; "
                                 "20% 2027-01-20"])
    paid = payment_flows(plan)
    outside = outside_the_year(plan, paid)
    assert [span.id for span in outside] == ["before", "after"]
    table = rollup(plan, plan.calendar.periods("quarters") + outside, "category", flows=paid).loc["events"]
    assert table[["before", "2026-Q2", "after", "total"]].tolist() == [2700.0, 4500.0, 1800.0, 9000.0]
    budget = summary(plan, "2026", "2026-12-31")["budget"]
    assert (budget["cash_before_year"], budget["cash_period"], budget["cash_after_year"]) == (2700.0, 4500.0, 1800.0)
    assert outside_the_year(plan, committed_flows(plan)) == []


def test_french_and_english_money_formats(tmp_path):
    assert format_money(1250, "EUR", "fr") == "1\u202f250,00\u00a0€"
    assert format_money(1250.5, "EUR", "en") == "€1,250.50"
    plan = money_plan(tmp_path, [WEBSITE])
    shown = money_table(rollup(plan, [plan.period("2026")], "category").reset_index(), plan, "fr")
    assert shown["total"].tolist() == ["10\u202f000,00\u00a0€"]


def test_cost_of_results(tmp_path):
    plan = money_plan(tmp_path, [WEBSITE, "B2,Fair stand,A2,events,2026-06,3000,fixed,,,"],
                      spend_rows=["S1,2026-03-10,2000,B1,A1"])
    row = cost_of_results(plan, date(2026, 3, 31)).set_index("id").loc["KR1"]
    assert (row["budget"], row["planned_units"], row["cost_per_planned_unit"]) == (13000.0, 500, 26.0)
    assert (row["spent_to_date"], row["achieved_units"], row["cost_per_achieved_unit"]) == (2000.0, 200.0, 10.0)


def test_bad_budget_lines_are_refused_with_their_place(tmp_path):
    plan = money_plan(tmp_path, [WEBSITE])
    path = plan.path / "budget.csv"
    path.write_text(path.read_text(encoding="utf-8") +
                    "B2,Shares off,A1,media,2026-Q1,500,fixed,,,30% start; 60% end\n"
                    "B3,Ghost action,A9,media,2026-Q1,500,fixed,,,\n"
                    "B4,Refund?,,media,2026-Q1,-20,fixed,,,\n"
                    "B5,Commission,,media,2026-Q1,,variable,3,sales,\n"
                    "B6,Sponsoring,,sponsorship,2026-Q1,100,fixed,,,\n"
                    "B7,Bribes,,lobbying,2026-Q1,100,fixed,,,\n", encoding="utf-8")
    assert problems_of(plan.path) == [
        "budget.csv:3:schedule: shares sum to 90%, not 100% (expected instalments such as '25% 2026-02-01; 75% end' "
        "(share, then a date, 'start' or 'end'), shares summing to 100%)",
        "budget.csv:4:action_id: unknown id 'A9' (expected an id from actions.csv)",
        "budget.csv:5:amount: negative value: '-20' (expected zero or more)",
        "budget.csv:6:driver: no forecast for driver 'sales' (expected a driver of forecasts.csv)",
        "budget.csv:8:category: 'lobbying' is not allowed (expected one of studies, media, production, agencies, "
        "events, tools, other, sponsorship)",
    ]


def test_budget_form_adds_a_line(tmp_path):
    plan = money_plan(tmp_path, [WEBSITE])
    form = forms.budget_form(plan, "fr")
    assert ("Parrainage", "sponsorship") in form.widgets["category"].options
    form.widgets["label"].value = "Salon régional"
    form.widgets["category"].value = "events"
    form.widgets["action_id"].value = "A2"
    form.widgets["period"].value = "2026-06"
    form.widgets["amount"].value = "2 500,50"
    form.widgets["schedule"].value = "50% 01/05/2026; 50% end"
    form.save_button.click()
    assert "B2 enregistré dans budget.csv" in form.message.value
    line = load_plan(plan.path).budget.set_index("id").loc["B2"]
    assert (line["amount"], line["period"], line["schedule"]) == (2500.5, "2026-06", "50% 01/05/2026; 50% end")
    form.pick.value = ""
    form.widgets["label"].value = "Sans période"
    form.widgets["period"].value = "T2"
    form.widgets["amount"].value = "10"
    form.save_button.click()
    assert "Période : « T2 » n&#x27;est pas un identifiant de période (attendu : 2026 (année)" in form.message.value


def test_the_s_curve_draws_committed_paid_and_spent_against_the_envelope():
    """Paid follows the payment schedule (instalments on their days), within the year; the envelope is a line."""
    import matplotlib

    matplotlib.use("Agg")
    from planlib.steps.budget import charts
    from planlib.steps.budget.compute import allocate, chosen_envelope

    plan = load_plan("data/example")
    year = plan.calendar.fiscal_year(plan.calendar.year)
    monthly = spend_vs_plan(plan, date(2026, 6, 15))["monthly"]
    paid_in_year = float(allocate(payment_flows(plan), [year])["amount"].sum())
    assert round(monthly["paid"].sum(), 2) == round(paid_in_year, 2)
    assert monthly["paid"].tolist() != monthly["committed"].tolist()  # instalments move money between months
    envelope = float(chosen_envelope(envelopes(plan, [year])).iloc[0])
    figure = charts.cumulative_plan_vs_spend(monthly, date(2026, 6, 15), "S", ("committed", "spent", "paid",
                                                                                "envelope"), lang="fr",
                                             envelope=envelope, currency="EUR")
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.get_lines()}
    assert list(lines["paid"].get_ydata()) == list(monthly["paid"].cumsum())
    assert len(lines["spent"].get_ydata()) == 6  # January to June: nothing drawn past the as-of date
    label = next(name for name in lines if name.startswith("envelope"))
    assert label == f"envelope ({format_money(envelope, 'EUR', 'fr', 0)})"
    assert lines[label].get_ydata()[0] == envelope
