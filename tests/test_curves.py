"""Response curves and reallocation: the optimum on known curves, bounds, ranges, the fit, every import format,
the record button, and what the commands say."""
from __future__ import annotations

import json
import re
from datetime import date

import numpy as np
import pandas as pd
import pytest

from planlib.steps import load_plan
from planlib.steps.budget.curve_fit import fit_channel
from planlib.steps.budget.curves import form_response
from planlib.steps.budget.reallocation import reallocate

from conftest import problems_of, run_planlib

HEADER = ("id,channel_id,metric,period_days,family,spend,response,low,high,top,top_low,top_high,half,shape,"
          "spend_scale,fitted_from,fitted_to,r2,source\n")


def write_curves(plan_dir, rows: list[str]) -> None:
    (plan_dir / "curves.csv").write_text(HEADER + "".join(f"{r}\n" for r in rows), encoding="utf-8")


def mm_row(n, channel, top, half, fitted=("", "")):
    return f"RC{n:02d},{channel},revenue,7,michaelis_menten,,,,,{top},,,{half},,1,{fitted[0]},{fitted[1]},,csv"


def closed_form(curves: list[tuple[float, float]], envelope: float, ratio: float) -> list[float]:
    """The period spends where every Michaelis-Menten curve's marginal return is equal, summing to the envelope."""
    def spends(level):
        return [max(0.0, (np.sqrt(top * half / level) - half)) / ratio for top, half in curves]
    low, high = 1e-12, 1e6
    for _ in range(200):
        middle = np.sqrt(low * high)
        low, high = (middle, high) if sum(spends(middle)) > envelope else (low, middle)
    return spends(np.sqrt(low * high))


def test_concave_curves_reach_the_closed_form_optimum_within_half_a_percent(plan_dir):
    curves = {"C03": (9000.0, 900.0), "C04": (6000.0, 500.0), "C07": (3000.0, 400.0)}
    write_curves(plan_dir, [mm_row(n, c, *p) for n, (c, p) in enumerate(curves.items(), 1)])
    plan = load_plan(plan_dir)
    period = plan.period("2026-Q3")
    result = reallocate(plan, period, date(2026, 6, 15), bounds=5.0)
    optimum = closed_form(list(curves.values()), result.envelope, 7 / period.days)
    for move, best in zip(result.moves, optimum):
        assert move.suggested == pytest.approx(best, rel=0.005, abs=0.005 * result.envelope)
        assert move.bound == ""
    free = [m.marginal for m in result.moves]
    assert (max(free) - min(free)) / max(free) < 0.01  # equal marginal returns
    assert sum(m.suggested for m in result.moves) == pytest.approx(result.envelope, abs=0.05)
    assert result.gain > 0 and result.gain_low <= result.gain <= result.gain_high


def test_binding_bounds_are_named_and_the_command_says_them(plan_dir):
    write_curves(plan_dir, [mm_row(1, "C03", 90000, 900), mm_row(2, "C04", 600, 5000), mm_row(3, "C07", 300, 5000)])
    plan = load_plan(plan_dir)
    result = reallocate(plan, plan.period("2026-Q3"), date(2026, 6, 15))
    by = {m.channel_id: m for m in result.moves}
    assert by["C03"].bound == "upper" and by["C03"].suggested == pytest.approx(by["C03"].planned * 1.3, abs=0.01)
    assert by["C07"].bound == "lower" and by["C07"].suggested == pytest.approx(by["C07"].planned * 0.7, abs=0.01)
    assert by["C04"].bound == "" and by["C04"].lower < by["C04"].suggested < by["C04"].planned
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15", "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "bound: C03 stops at its upper bound €14,300" in ran.stdout
    assert "bound: C07 stops at its lower bound €2,800" in ran.stdout and "C04 stops" not in ran.stdout
    document = json.loads(run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15",
                                      "--json").stdout)
    assert {"channel_id": "C03", "bound": "upper"} in document["binding"]
    assert document["moves"][0]["move"] == pytest.approx(3300.0)


def test_money_already_spent_stays_and_is_said(plan_dir):
    write_curves(plan_dir, [mm_row(1, "C03", 100, 50000), mm_row(2, "C04", 90000, 900)])
    plan = load_plan(plan_dir)
    result = reallocate(plan, plan.period("2026-Q2"), date(2026, 6, 15))
    search = next(m for m in result.moves if m.channel_id == "C03")
    in_q2 = (plan.spend["date"] >= "2026-04-01") & (plan.spend["date"] <= "2026-06-15")
    spent = float(plan.spend.loc[in_q2 & (plan.spend["budget_line_id"] == "B002"), "amount"].sum())
    assert search.fixed == pytest.approx(spent, abs=0.01) and search.lower == pytest.approx(max(spent, 8400.0))


def test_a_suggestion_outside_the_fitted_range_is_warned(plan_dir):
    write_curves(plan_dir, [mm_row(1, "C03", 90000, 900, (100, 400)), mm_row(2, "C04", 6000, 500, (300, 2000))])
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15", "--lang", "fr")
    assert "attention : la suggestion pour C03 sort de la plage de dépense sur laquelle sa courbe a été ajustée" \
        in ran.stdout
    assert "pour C04 sort" not in ran.stdout


def test_the_plan_unchanged_says_why(plan_dir):
    write_curves(plan_dir, [mm_row(1, "C03", 9000, 900)])
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15", "--lang", "en")
    assert "only one channel has a curve" in ran.stdout
    write_curves(plan_dir, [mm_row(1, "C03", 9000, 900), mm_row(2, "C04", 9000, 900)])
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15", "--bounds", "0")
    assert "leave no room to move" in ran.stdout


def test_a_period_already_over_is_said(plan_dir):
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q1", "--as-of", "2026-06-15", "--lang", "fr")
    assert "La période 2026-Q1 est terminée à la date d'arrêté : voici ce que les courbes auraient suggéré" in ran.stdout
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15", "--lang", "en")
    assert "is over" not in ran.stdout


def test_cost_per_result_keeps_the_plan_s_response_for_less(plan_dir):
    write_curves(plan_dir, [mm_row(1, "C03", 90000, 900), mm_row(2, "C04", 6000, 5000)])
    plan = load_plan(plan_dir)
    result = reallocate(plan, plan.period("2026-Q3"), date(2026, 6, 15), goal="cost_per_result")
    planned = sum(m.response_planned for m in result.moves)
    assert sum(m.response_suggested for m in result.moves) == pytest.approx(planned, rel=1e-3)
    assert result.unspent > 100


def test_envelope_below_the_bounds_is_refused_with_its_figures(plan_dir):
    write_curves(plan_dir, [mm_row(1, "C03", 9000, 900), mm_row(2, "C04", 6000, 500)])
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--as-of", "2026-06-15", "--envelope", "100",
                      "--lang", "en")
    assert ran.returncode == 1 and "envelope of 100.0 is below what the channels' lower bounds keep" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_no_curves_says_how_to_get_them(plan_dir):
    (plan_dir / "curves.csv").unlink()
    ran = run_planlib("reallocate", plan_dir, "--period", "2026-Q3", "--lang", "en")
    assert ran.returncode == 1 and "planlib curves import" in ran.stderr and "planlib curves fit" in ran.stderr


def test_a_form_without_its_parameters_is_refused_where_it_is(plan_dir):
    write_curves(plan_dir, ["RC01,C03,revenue,7,hill,,,,,9000,,,,1.2,1,,,,csv",
                            "RC02,C04,revenue,7,points,100,50,,,,,,,,,,,,csv"])
    problems = "\n".join(problems_of(plan_dir))
    assert "curves.csv:2:half: a hill curve without a positive value here" in problems
    assert "a single point" in problems


def test_fit_recovers_known_parameters_and_refuses_five_points():
    rng = np.random.default_rng(7)
    spend = rng.uniform(200, 2500, 104)
    response = form_response("hill", spend, 5000, 900, 1.4) * (1 + rng.normal(0, 0.03, 104))
    fitted = fit_channel("C03", spend, response)
    assert fitted.family == "hill"
    for found, true in ((fitted.top, 5000), (fitted.half, 900), (fitted.shape, 1.4)):
        assert found == pytest.approx(true, rel=0.1)
    assert fitted.r2 > 0.9 and fitted.top_low < fitted.top < fitted.top_high
    assert fit_channel("C03", spend[:5], response[:5]).refused == "too_few_points"
    assert fit_channel("C03", np.full(20, 800.0), response[:20]).refused == "no_spread"


def test_curves_fit_writes_per_channel_curves_labelled_as_correlation(plan_dir):
    actuals = pd.read_csv(plan_dir / "actuals.csv", dtype=str, keep_default_na=False)
    spend = pd.read_csv(plan_dir / "spend.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(3)
    days = pd.date_range("2026-01-05", periods=20, freq="7D")
    weekly = rng.uniform(300, 1500, len(days))
    spend_rows = [{"id": f"D9{n:03d}", "date": d.date().isoformat(), "amount": f"{v:.2f}", "budget_line_id": "",
                   "action_id": "A04", "category": "media", "supplier": "", "label": "", "source": ""}
                  for n, (d, v) in enumerate(zip(days, weekly))]
    spend = spend[spend["action_id"] != "A04"]
    pd.concat([spend, pd.DataFrame(spend_rows)]).to_csv(plan_dir / "spend.csv", index=False)
    result_rows = [{"id": f"M9{n:05d}", "date": d.date().isoformat(), "metric": "conversions",
                    "value": f"{form_response('michaelis_menten', v, 400, 700, 1):.3f}", "channel_id": "C03",
                    "source": "google_ads"} for n, (d, v) in enumerate(zip(days, weekly))]
    pd.concat([actuals, pd.DataFrame(result_rows)]).to_csv(plan_dir / "actuals.csv", index=False)
    (plan_dir / "curves.csv").unlink()
    ran = run_planlib("curves", "fit", plan_dir, "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "Metric: conversions (the first of revenue, conversions" in ran.stdout
    assert re.search(r"C03 \(Search ads\): (hill|michaelis_menten) on 20 periods, R² 1\.00, spend per period from "
                     r"€\d{3} to €1,\d{3}", ran.stdout)
    assert "C04 (Social ads): no curve, no conversions in actuals.csv with this channel_id" in ran.stdout
    assert "a correlation, not a measured causal effect" in ran.stdout
    curves = pd.read_csv(plan_dir / "curves.csv")
    assert list(curves["channel_id"]) == ["C03"] and curves["source"].iloc[0].startswith("fit:conversions:week:")
    assert curves["top"].iloc[0] == pytest.approx(400, rel=0.05)


MERIDIAN_LONG = """spend_multiplier,channel,metric,spend,incremental_outcome
0.0,Search ads,mean,0.0,0.0
0.0,Search ads,ci_lo,0.0,0.0
0.0,Search ads,ci_hi,0.0,0.0
1.0,Search ads,mean,100000.0,400000.0
1.0,Search ads,ci_lo,100000.0,300000.0
1.0,Search ads,ci_hi,100000.0,500000.0
2.0,Search ads,mean,200000.0,600000.0
2.0,Search ads,ci_lo,200000.0,450000.0
2.0,Search ads,ci_hi,200000.0,750000.0
0.0,tv,mean,0.0,0.0
1.0,tv,mean,50000.0,90000.0
"""


def test_meridian_response_curves_import_with_their_window(plan_dir, tmp_path):
    export = tmp_path / "response_curves.csv"
    export.write_text(MERIDIAN_LONG, encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "meridian", "--metric", "revenue",
                      "--lang", "en")
    assert ran.returncode == 1 and "--period-days N" in ran.stderr
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "meridian", "--metric", "revenue",
                      "--period-days", "728", "--channel", "tv=C10", "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "Search ads -> C03" in ran.stdout and "tv -> C10" in ran.stdout
    curves = pd.read_csv(plan_dir / "curves.csv")
    search = curves[(curves["channel_id"] == "C03") & (curves["metric"] == "revenue")].sort_values("spend")
    assert list(search["response"]) == [0.0, 400000.0, 600000.0] and list(search["high"]) == [0.0, 500000.0, 750000.0]
    assert set(search["period_days"]) == {728}
    assert "2 row(s) of the same channels and metric replaced" not in ran.stdout
    assert "row(s) of the same channels and metric replaced" in ran.stdout  # the example's C03 curve


def test_meridian_hill_curves_need_a_unit_cost_and_say_they_are_a_share(plan_dir, tmp_path):
    export = tmp_path / "hill.csv"
    export.write_text("channel,media_units,distribution,ci_hi,ci_lo,mean,channel_type\n"
                      "Search ads,0,prior,0,0,0,media\nSearch ads,0,posterior,0,0,0,media\n"
                      "Search ads,100,posterior,0.6,0.4,0.5,media\nSearch ads,300,posterior,0.9,0.7,0.8,media\n",
                      encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "meridian", "--metric", "revenue")
    assert ran.returncode == 1 and "--unit-cost" in ran.stderr
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "meridian", "--metric", "revenue",
                      "--unit-cost", "2.5", "--lang", "en")
    assert ran.returncode == 0, ran.stderr and "_share" in ran.stdout
    curves = pd.read_csv(plan_dir / "curves.csv")
    share = curves[curves["metric"] == "revenue_share"]
    assert list(share["spend"]) == [0.0, 250.0, 750.0]  # the prior row left out


PYMC_SUMMARY = """,mean,sd,hdi_3%,hdi_97%,mcse_mean,mcse_sd,ess_bulk,ess_tail,r_hat
saturation_beta[search],0.35,0.05,0.26,0.44,0.001,0.001,3000.0,2500.0,1.0
saturation_beta[social],0.2,0.04,0.13,0.27,0.001,0.001,3000.0,2500.0,1.0
saturation_lam[search],2.5,0.5,1.6,3.4,0.01,0.01,3000.0,2500.0,1.0
saturation_lam[social],4.0,0.7,2.7,5.3,0.01,0.01,3000.0,2500.0,1.0
channel_scale[search],5000.0,0,5000.0,5000.0,0,0,0,0,
channel_scale[social],3000.0,0,3000.0,3000.0,0,0,0,0,
target_scale,80000.0,0,80000.0,80000.0,0,0,0,0,
"""


def test_pymc_marketing_summary_imports_logistic_curves_in_money(plan_dir, tmp_path):
    export = tmp_path / "summary.csv"
    export.write_text(PYMC_SUMMARY, encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "pymc-marketing", "--metric", "revenue",
                      "--channel", "search=C03", "--channel", "social=C04", "--lang", "fr")
    assert ran.returncode == 0, ran.stderr
    assert "Durée de période prise à 7 jours" in ran.stdout
    plan = load_plan(plan_dir)
    from planlib.steps.budget.curves import curves_of
    search = curves_of(plan, "revenue")["C03"]
    assert search.family == "logistic" and search.top == pytest.approx(28000.0)
    assert search.top_low == pytest.approx(0.26 * 80000) and search.spend_scale == pytest.approx(1 / 5000)
    x = 5000.0
    assert float(search.response(x)) == pytest.approx(28000 * (1 - np.exp(-2.5)) / (1 + np.exp(-2.5)))
    export.write_text(PYMC_SUMMARY.replace("channel_scale[search],5000.0", "channel_scale[search],0"), encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "pymc-marketing", "--metric", "revenue",
                      "--channel", "search=C03", "--lang", "en")
    assert ran.returncode == 1 and "summary.csv:6:mean: a channel scale of 0.0" in ran.stderr
    export.write_text("\n".join(PYMC_SUMMARY.splitlines()[:5]) + "\n", encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "pymc-marketing", "--metric", "revenue",
                      "--lang", "en")
    assert ran.returncode == 1 and "channel_scale[<channel>] and target_scale" in ran.stderr


ROBYN_HYPER = ('"","search_S_alphas","search_S_gammas","search_S_thetas","tv_S_alphas","tv_S_gammas","tv_S_thetas",'
               '"search_S_inflexion","tv_S_inflexion","search_S_inflation","tv_S_inflation","rsq_train","nrmse",'
               '"decomp.rssd","mape","lambda","solID","trial","iterNG","iterPar"\n'
               '"1",2.1,0.6,0.2,1.5,0.8,0.5,1800.5,40000,1,1,0.9,0.05,0.1,0,120,"1_23_4",1,23,4\n'
               '"2",1.2,0.4,0.1,2.5,0.3,0.6,900.2,20000,1,1,0.88,0.06,0.12,0,130,"2_10_1",2,10,1\n')
ROBYN_AGGREGATED = ('"","solID","rn","coef","xDecompAgg","mean_spend","total_spend","roi_total"\n'
                    '"1","1_23_4","search_S",52000.5,1200000,1500,156000,2.1\n'
                    '"2","1_23_4","tv_S",0,0,8000,832000,0\n'
                    '"3","2_10_1","search_S",41000,1100000,1500,156000,1.9\n'
                    '"4","2_10_1","tv_S",98000,900000,8000,832000,1.1\n')


def test_robyn_outputs_import_the_chosen_solution(plan_dir, tmp_path):
    (tmp_path / "pareto_hyperparameters.csv").write_text(ROBYN_HYPER, encoding="utf-8")
    (tmp_path / "pareto_aggregated.csv").write_text(ROBYN_AGGREGATED, encoding="utf-8")
    hyper = tmp_path / "pareto_hyperparameters.csv"
    ran = run_planlib("curves", "import", plan_dir, hyper, "--from", "robyn", "--metric", "revenue", "--lang", "en")
    assert ran.returncode == 1 and "holds 2 solutions (1_23_4, 2_10_1)" in ran.stderr
    ran = run_planlib("curves", "import", plan_dir, hyper, "--from", "robyn", "--metric", "revenue", "--model",
                      "1_23_4", "--channel", "search_S=C03", "--channel", "tv_S=C10", "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "left out: tv_S (its coefficient is zero" in ran.stdout
    from planlib.steps.budget.curves import curves_of
    search = curves_of(load_plan(plan_dir), "revenue")["C03"]
    assert (search.family, search.top, search.half, search.shape) == ("hill", 52000.5, 1800.5, 2.1)
    assert search.spend_scale == pytest.approx(1 / 0.8) and search.source == "robyn:1_23_4"


def test_a_neutral_csv_matches_channels_by_name_and_names_what_it_leaves_out(plan_dir, tmp_path):
    export = tmp_path / "curves.csv"
    export.write_text("channel;metric;period_days;spend;response\nSocial ads;orders;7;0;0\nSocial ads;orders;7;500;40\n"
                      "Radio;orders;7;0;0\n", encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "csv", "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "Social ads -> C04" in ran.stdout and 'left out: Radio' in ran.stdout and '--channel "Radio=ID"' in ran.stdout
    export.write_text("channel,metric,period_days,spend,response\nSocial ads,orders,7,abc,0\n", encoding="utf-8")
    ran = run_planlib("curves", "import", plan_dir, export, "--from", "csv", "--lang", "en")
    assert ran.returncode == 1 and "curves.csv:2:spend: 'abc' is not a number" in ran.stderr


def test_the_record_panel_saves_an_adjust_decision_with_the_moves(plan_dir):
    from planlib.steps.budget.reallocation_view import RecordPanel

    plan = load_plan(plan_dir)
    result = reallocate(plan, plan.period("2026-Q2"), date(2026, 6, 15))
    panel = RecordPanel(plan, result, "fr")
    panel.button.click()
    decisions = pd.read_csv(plan_dir / "decisions.csv", dtype=str, keep_default_na=False)
    saved = decisions.iloc[-1]
    assert saved["decision"] == "adjust" and saved["id"] == "D04"
    assert saved["reason"].startswith("Réallocation pour 2026-Q2 d'après les courbes de réponse (revenue) : C03 +3")
    assert "(lignes B002)" in saved["reason"] and "Gain attendu" in saved["reason"]
    assert set(saved["action_ids"].split(",")) >= {"A04", "A06"}
    budget_before = (plan_dir / "budget.csv").read_bytes()
    assert (plan_dir / "budget.csv").read_bytes() == budget_before  # the budget lines stay as they were


def test_summary_json_carries_the_reallocation(example):
    from planlib.steps.summary import summary

    document = summary(example, "2026-Q2", "2026-06-15")
    moves = {m["channel_id"]: m for m in document["reallocation"]["moves"]}
    assert set(moves) == {"C03", "C04", "C07", "C09"} and moves["C09"]["bound"] == "fixed"
    assert sum(m["suggested"] for m in moves.values()) == pytest.approx(document["reallocation"]["envelope"], abs=1)
