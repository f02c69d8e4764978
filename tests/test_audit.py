"""Step 1, the audit: its checks (errors and warnings), last year's review, charts, forms and summary."""
from __future__ import annotations

import json

import pytest
import yaml

from planlib import PlanError, load_plan
from planlib.cli import main
from planlib.steps import new_plan
from planlib.steps.audit import charts, forms, model
from planlib.steps.audit.heuristic import misplaced
from planlib.steps.audit.lastyear import review_last_year, suggest
from planlib.steps.audit.overview import last_year
from planlib.steps.audit.show import last_year_table, tows_matrix
from planlib.ui.charts import overlapping_labels


def edit_audit(plan_dir, change) -> None:
    audit = yaml.safe_load((plan_dir / "audit.yaml").read_text(encoding="utf-8"))
    change(audit)
    (plan_dir / "audit.yaml").write_text(yaml.safe_dump(audit, allow_unicode=True), encoding="utf-8")


def errors_of(plan_dir) -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_plan(plan_dir)
    return [str(p) for p in caught.value.problems]


def warnings_of(plan_dir) -> list[str]:
    return [str(w) for w in load_plan(plan_dir).warnings]


# -- the example ------------------------------------------------------------------------------

def test_example_audit_is_complete_and_clean(example):
    assert example.warnings == []
    ids = [i.id for i in model.swot_items(example.audit)]
    assert ids[:3] == ["S1", "S2", "S3"] and "T3" in ids and len(ids) == 12
    assert {s.kind for s in model.strategies(example.audit)} == {"SO", "WO", "ST", "WT"}


# -- errors ---------------------------------------------------------------------------------

def test_tows_pair_with_an_unknown_id_is_located(plan_dir):
    edit_audit(plan_dir, lambda a: a["tows"].append({"pair": ["S1", "O9"], "strategy": "x", "objectives": ["M1"]}))
    [line] = errors_of(plan_dir)
    assert line.startswith("audit.yaml:") and "tows[5].pair" in line and "unknown SWOT id 'O9'" in line


def test_tows_pair_of_two_strengths_is_refused(plan_dir):
    edit_audit(plan_dir, lambda a: a["tows"].append({"pair": ["S1", "S2"], "strategy": "x"}))
    [line] = errors_of(plan_dir)
    assert "S1 (strengths) and S2 (strengths) do not make a TOWS pair" in line


def test_tows_pair_in_any_order_and_unknown_objective(plan_dir):
    edit_audit(plan_dir, lambda a: a["tows"].append({"pair": ["T2", "W3"], "strategy": "x", "objectives": ["M99"]}))
    [line] = errors_of(plan_dir)
    assert "tows[5].objectives" in line and "unknown id 'M99'" in line
    edit_audit(plan_dir, lambda a: a["tows"][5].update(objectives=["M1"]))
    assert model.strategies(load_plan(plan_dir).audit)[5].kind == "WT"


@pytest.mark.parametrize("where, value, expected", [
    (lambda a, v: a["competitors"][0]["scores"].update(x=v), 11, "competitors[0].scores.x: 11 is out of range"),
    (lambda a, v: a["competitor_axes"]["ours"].update(y=v), -1, "competitor_axes.ours.y: -1 is out of range"),
    (lambda a, v: a["swot"]["strengths"][0].update(importance=v), 6, "swot.strengths[0].importance: 6 is out of range"),
    (lambda a, v: a["pestel"][0].update(impact=v), 0, "pestel[0].impact: 0 is out of range"),
])
def test_scores_out_of_range(plan_dir, where, value, expected):
    edit_audit(plan_dir, lambda a: where(a, value))
    assert any(expected in line for line in errors_of(plan_dir))


def test_tam_smaller_than_sam_is_refused(plan_dir):
    edit_audit(plan_dir, lambda a: a["market"]["tam"].update(value=1000))
    [line] = errors_of(plan_dir)
    assert "market.sam.value" in line and "TAM (1000) is smaller than SAM" in line


def test_tam_sam_som_in_other_units_are_not_compared(plan_dir):
    edit_audit(plan_dir, lambda a: a["market"].update(tam={"value": 5, "unit": "million households"}))
    load_plan(plan_dir)


def test_swot_mapping_needs_text_and_its_own_letter(plan_dir):
    edit_audit(plan_dir, lambda a: a["swot"]["weaknesses"].append({"id": "S9", "text": ""}))
    lines = errors_of(plan_dir)
    assert any("swot.weaknesses[3].text: a SWOT item without text" in line for line in lines)
    assert any("SWOT id 'S9' does not start with W" in line for line in lines)


def test_previous_plan_that_does_not_exist_is_a_warning_and_the_plan_works(plan_dir):
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8").replace("../example-2025", "../acme-2024")
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    [line] = [w for w in warnings_of(plan_dir) if ":previous:" in w]
    assert line.startswith("plan.yaml:") and "'../acme-2024' does not exist" in line
    assert "last year's review stays empty, the rest of the plan works" in line
    plan = load_plan(plan_dir)
    assert len(plan.actions) == 40 and last_year(plan) == []


def test_previous_plan_that_is_not_valid(plan_dir):
    (plan_dir.parent / "example-2025" / "plan.yaml").write_text("company: x\n", encoding="utf-8")
    [line] = errors_of(plan_dir)
    assert ":previous:" in line and "is not valid" in line and "plan.yaml" in line


def test_previous_plans_in_a_loop(plan_dir):
    with open(plan_dir.parent / "example-2025" / "plan.yaml", "a", encoding="utf-8") as out:
        out.write("previous: ../plan\n")
    [line] = errors_of(plan_dir)  # last year's plan names this one as its previous: a loop
    assert ":previous:" in line and "previous_cycle" in line


def test_cli_check_exits_1_and_writes_nothing(plan_dir, capsys):
    edit_audit(plan_dir, lambda a: a["tows"].append({"pair": ["S1", "S2"], "strategy": "x"}))
    before = {p.name: p.read_bytes() for p in plan_dir.iterdir() if p.is_file()}
    assert main(["check", str(plan_dir)]) == 1
    assert "do not make a TOWS pair" in capsys.readouterr().err
    assert main(["--messages", "fr", "check", str(plan_dir)]) == 1
    assert "ne forment pas une paire TOWS" in capsys.readouterr().err
    assert before == {p.name: p.read_bytes() for p in plan_dir.iterdir() if p.is_file()}


# -- warnings ---------------------------------------------------------------------------------

def test_empty_quadrant_and_missing_dimension_warn_but_load(plan_dir):
    def change(a):
        a["swot"]["threats"] = []
        a["tows"] = [s for s in a["tows"] if not s["pair"][1].startswith("T")]
        a["pestel"] = [f for f in a["pestel"] if f["factor"] != "legal"]
    edit_audit(plan_dir, change)
    lines = warnings_of(plan_dir)
    assert any("swot.threats: no threat in the SWOT yet" in line for line in lines)
    assert any("M5, M6" in line for line in lines)  # their strategy went with the threats
    assert any("PESTEL dimensions not considered: legal" in line for line in lines)


def test_nothing_material_counts_as_considered(plan_dir):
    def change(a):
        a["pestel"] = [f for f in a["pestel"] if f["factor"] != "legal"] + [{"factor": "legal", "nothing_material": True}]
    edit_audit(plan_dir, change)
    assert not any("PESTEL" in line for line in warnings_of(plan_dir))


@pytest.mark.parametrize("quadrant, text, flagged", [
    ("strengths", "The market grows 9% a year", ["market"]),
    ("strengths", "Our team knows the market well", []),  # cues of both sides: no opinion
    ("weaknesses", "Competitors spend more on ads", ["competitors"]),
    ("opportunities", "Our team masters SEO", ["our", "team"]),
    ("opportunities", "Notre équipe maîtrise le SEO", ["notre", "équipe"]),
    ("threats", "La concurrence baisse ses prix", []),
    ("threats", "Nos stocks sont trop bas", ["nos"]),
    ("opportunities", "Spring is the garden season", []),  # no cue: no opinion
])
def test_internal_external_heuristic(quadrant, text, flagged):
    item = model.SwotItem("X1", quadrant, text, None, "", 0)
    assert misplaced(item) == flagged


def test_misplaced_item_is_a_located_warning(plan_dir):
    edit_audit(plan_dir, lambda a: a["swot"]["strengths"].append("The market grows 9% a year"))
    [line] = warnings_of(plan_dir)
    assert line.startswith("audit.yaml:") and "swot.strengths[3]" in line and "S4 reads like an external factor" in line


def test_competitor_not_scored_and_objective_unexplained(plan_dir):
    def change(a):
        del a["competitors"][1]["scores"]["y"]
        a["tows"] = [s for s in a["tows"] if "M8" not in s["objectives"]]
    edit_audit(plan_dir, change)
    lines = warnings_of(plan_dir)
    assert any("Jardin Zen is not scored on both axes" in line for line in lines)
    assert any("marketing objective M8 is explained by no TOWS strategy" in line for line in lines)


def test_share_times_size_far_from_revenue(plan_dir):
    edit_audit(plan_dir, lambda a: a["market"].update(share=1.5))
    [line] = warnings_of(plan_dir)
    assert "market.share" in line and "27000000" in line and "2500000" in line


def test_text_cut_at_a_comma(plan_dir):
    text = (plan_dir / "audit.yaml").read_text(encoding="utf-8")
    (plan_dir / "audit.yaml").write_text(text.replace('"Brand survey, October 2025"', "Brand survey, October 2025"),
                                         encoding="utf-8")
    [line] = warnings_of(plan_dir)
    assert "'October 2025' reads as a key with no value" in line


def test_channel_dropped_last_year_and_used_again(plan_dir):
    edit_audit(plan_dir, lambda a: a["last_year_review"]["decisions"][0].pop("change"))
    [line] = warnings_of(plan_dir)
    assert "decisions[0]" in line and "Trade fairs and events was dropped last year (P05)" in line
    assert "A33" in line and "A35" in line


# -- last year's review ---------------------------------------------------------------------

@pytest.mark.parametrize("progress, cost, budget, expected", [
    (None, 100, 100, ("fix", "not_measured")),
    (1.0, 105, 100, ("keep", "reached_within_budget")),
    (1.2, 0, 0, ("keep", "reached_within_budget")),
    (1.0, 130, 100, ("fix", "reached_over_budget")),
    (0.9, 50, 100, ("fix", "close")),
    (0.5, 50, 100, ("drop", "far")),
])
def test_suggestion_rules(progress, cost, budget, expected):
    assert suggest(progress, cost, budget, 0.85)[:2] == expected


@pytest.fixture
def small_previous(tmp_path):
    """A tiny 2025 plan: four actions, costs from spend or budget, two key results measured."""
    folder = tmp_path / "acme-2025"
    new_plan(folder, company="Acme", year=2025)
    files = {
        "objectives.csv": "id,level,title,parent_id,owner,description\nB1,business,Grow,,Ann,\nM1,marketing,Leads,B1,Ann,\n",
        "kpis.csv": "id,name,formula,unit,aggregation,direction,description\nK1,Leads,leads,leads,sum,up,\n",
        "key_results.csv": "id,objective_id,title,kpi_id,baseline,target,unit,deadline,priority,impact,effort,levers,owner\n"
                           "R1,M1,100 leads,K1,,100,leads,2025-06-30,high,3,3,,Ann\n"
                           "R2,M1,1000 leads,K1,,1000,leads,2025-12-31,high,3,3,,Ann\n",
        "channels.csv": "id,name,type,reach,cost,fit,notes\nC1,Fairs,paid,2,4,3,\nC2,Ads,paid,4,3,4,\n",
        "actions.csv": "id,workstream,name,description,key_result_id,kpi_id,channel_id,owner,priority,impact,difficulty,"
                       "status,start,end,duration_days,deadline,person_days,recurrence,depends_on\n"
                       "X1,Ads,Ads,,R1,,C2,Ann,high,3,3,done,,,,,,none,\n"
                       "X2,Fairs,Fair,,R2,,C1,Ann,high,3,3,done,,,,,,none,\n"
                       "X3,Site,Site,,,,,Ann,high,3,3,done,,,,,,none,\n"
                       "X4,Ads,Podcast,,R1,,C2,Ann,high,3,3,cancelled,,,,,,none,\n",
        "budget.csv": "id,label,action_id,category,period,amount,cost_type,rate,driver,schedule,channel_id\n"
                      "L1,Ads,X1,media,2025,1000,fixed,,,,\nL2,Fair,X2,events,2025,5000,fixed,,,,\n"
                      "L3,Site,X3,tools,2025,800,fixed,,,,\n",
        "spend.csv": "id,date,amount,budget_line_id,action_id,category,supplier,label\n"
                     "S1,2025-03-01,600,L1,,media,,\nS2,2025-05-01,450.5,,X1,media,,\n",
        "actuals.csv": "id,date,metric,value,channel_id\nA1,2025-03-31,leads,60,\nA2,2025-06-30,leads,50,\n"
                       "A3,2025-09-30,leads,100,\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_plan(folder)


def test_review_of_a_small_previous_plan(small_previous):
    judged = {a.action_id: a for a in review_last_year(small_previous, {})}
    assert set(judged) == {"X1", "X2", "X3"}  # the cancelled action is left aside
    ads, fair, site = judged["X1"], judged["X2"], judged["X3"]
    assert (ads.cost, ads.cost_source, ads.budget) == (1050.5, "spend", 1000.0)  # through its line, and directly
    assert ads.progress == pytest.approx(1.1)  # 110 leads by R1's deadline (30 June)
    assert ads.cost_per_result == pytest.approx(1050.5 / 110)
    assert (ads.suggestion, ads.reason) == ("keep", "reached_within_budget")
    assert (fair.cost, fair.cost_source) == (5000.0, "budget")
    assert fair.progress == pytest.approx(0.21) and fair.suggestion == "drop"
    assert site.progress is None and (site.suggestion, site.reason) == ("fix", "not_measured")


def test_analysts_decision_wins(small_previous):
    audit = {"last_year_review": {"decisions": [{"action_id": "X2", "decision": "Garder", "reason": "brand"}]}}
    fair = {a.action_id: a for a in review_last_year(small_previous, audit)}["X2"]
    assert (fair.suggestion, fair.decision, fair.final, fair.decision_reason) == ("drop", "keep", "keep", "brand")


def test_decision_on_an_unknown_action_of_last_year(plan_dir):
    edit_audit(plan_dir, lambda a: a["last_year_review"]["decisions"].append({"action_id": "P99", "decision": "drop"}))
    [line] = errors_of(plan_dir)
    assert "decisions[2].action_id" in line and "unknown id 'P99'" in line


def test_last_year_table_in_french(example):
    frame = last_year_table(last_year(example), "EUR", "fr")
    row = frame[frame["Action"].str.startswith("P05")].iloc[0]
    assert "15 000" in row["Coût"].replace("\u202f", " ") and "d'après ses lignes de budget" in row["Coût"]
    assert row["Suggestion"].startswith("abandonner : loin de son objectif (30 %)") or \
        row["Suggestion"].startswith("abandonner: loin de son objectif (30 %)")
    assert row["Votre décision"].startswith("abandonner")


def test_without_previous_plan_the_review_is_empty(plan_dir):
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8").replace("previous: ../example-2025", "")
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    edit_audit(plan_dir, lambda a: a["last_year_review"].pop("decisions"))
    assert last_year(load_plan(plan_dir)) == []


# -- summary --------------------------------------------------------------------------------

def test_summary_json_has_the_audit(capsys):
    assert main(["summary", "--json", "--period", "2026-Q2", "--as-of", "2026-05-15"]) == 0
    audit = json.loads(capsys.readouterr().out)["audit"]
    assert audit["swot"] == {"strengths": 3, "weaknesses": 3, "opportunities": 3, "threats": 3}
    assert audit["pestel"]["count"] == 6 and audit["pestel"]["top"][0]["factor"] == "social"
    assert [f["score"] for f in audit["pestel"]["top"]] == [20, 16, 16]
    assert audit["tows"] == {"count": 5}
    rows = {r["action_id"]: r for r in audit["last_year"]}
    assert set(rows) == {"P01", "P02", "P03", "P04", "P05", "P06", "P08"}
    assert set(rows["P01"]) >= {"action_id", "name", "cost", "progress", "suggestion", "reason", "decision"}
    assert rows["P04"]["suggestion"] == "fix" and rows["P04"]["decision"] == "keep"
    assert rows["P02"]["decision"] is None and rows["P02"]["final"] == "drop"


# -- charts ---------------------------------------------------------------------------------

def test_swot_grid_shows_ten_items_per_quadrant_by_importance():
    items = [model.SwotItem(f"{model.LETTERS[q]}{n + 1}", q, f"Item {n} of {q} with some words", n % 5 + 1, "", n)
             for q in model.QUADRANTS for n in range(10)]
    figure = charts.swot_grid(items, {})
    for axes, quadrant in zip(figure.axes, model.QUADRANTS):
        texts = [t.get_text() for t in axes.texts]
        assert len(texts) == 10
        importances = [t.split()[1].count("●") for t in texts]
        assert importances == sorted(importances, reverse=True)


def test_pestel_map_labels_every_factor_without_overlap():
    factors = [{"factor": d, "description": f"{d} factor number {n}", "impact": 1 + (n % 5), "likelihood": 1 + (n * 3 % 5)}
               for n, d in enumerate(list(charts.DIMENSION_COLOURS) * 3)]
    figure = charts.pestel_map(factors, {})
    assert len(figure.planlib_labels) == 18
    assert overlapping_labels(figure, figure.planlib_labels) == 0


def test_positioning_map_highlights_the_company(example):
    axes = model.axes(example.audit)
    figure = charts.positioning_map(model.competitors(example.audit), axes, "Verdure & Co", axes["ours"])
    labels = figure.planlib_labels
    assert [t.get_text() for t in labels][-1] == "Verdure & Co" and labels[-1].get_fontweight() == "bold"
    assert len(labels) == 4 and overlapping_labels(figure, labels) == 0
    assert figure.axes[0].get_xlabel().startswith("Price level")


def test_last_year_chart_colours_by_decision(example):
    judged = last_year(example)
    figure = charts.last_year_chart(judged, {})
    measured = [a for a in judged if a.progress is not None]
    assert len(figure.planlib_labels) == len(measured) == 6
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["keep", "fix", "drop"]


def test_tows_matrix_in_english(example):
    frame = tows_matrix(example.audit, "en")
    assert list(frame.columns) == ["Internal factors", "Opportunities", "Threats"]
    assert frame.iloc[0]["Opportunities"].startswith("S1+O1: Make the made-in-France")
    assert "W1+T2" in frame.iloc[1]["Threats"]
    french = tows_matrix(example.audit, "fr")  # French spacing before the colon and between strategies
    assert list(french.columns) == ["Facteurs internes", "Opportunités", "Menaces"]
    assert french.iloc[0]["Opportunités"].startswith("S1+O1 : Make the made-in-France")
    assert " ; S3+O2 : " in french.iloc[0]["Opportunités"] and "; S3+O2: " in frame.iloc[0]["Opportunities"]


# -- forms ----------------------------------------------------------------------------------

def test_swot_form_round_trip_keeps_comments(plan_dir):
    form = forms.swot_form(load_plan(plan_dir), "en")
    form.group.value = 3  # threats
    form.widgets["text"].value = "A new low-cost entrant"
    form.widgets["importance"].value = "3"
    assert form.save(), form.message.value
    assert "Saved T4" in form.message.value
    form.widgets["evidence"].value = "Trade press"
    assert form.save() and "Updated T4" in form.message.value
    text = (plan_dir / "audit.yaml").read_text(encoding="utf-8")
    assert "# Audit of Verdure & Co before the 2026 plan." in text  # the analyst's comments stay
    saved = load_plan(plan_dir).audit["swot"]["threats"][-1]
    assert saved == {"id": "T4", "text": "A new low-cost entrant", "importance": 3, "evidence": "Trade press"}


def test_tows_form_refuses_an_unknown_objective_and_writes_nothing(plan_dir):
    before = (plan_dir / "audit.yaml").read_bytes()
    form = forms.tows_form(load_plan(plan_dir), "fr")
    form.widgets["pair.0"].value = "W3"
    form.widgets["pair.1"].value = "O3"
    form.widgets["strategy"].value = "Réparer le mobile"
    form.widgets["objectives"].value = "M2, M42"
    assert not form.save()
    assert "identifiant inconnu" in form.message.value or "M42" in form.message.value
    assert (plan_dir / "audit.yaml").read_bytes() == before
    form.widgets["objectives"].value = "M2"
    assert form.save()
    assert load_plan(plan_dir).audit["tows"][-1] == {"pair": ["W3", "O3"], "strategy": "Réparer le mobile",
                                                      "objectives": ["M2"]}


def test_competitor_form_scores_and_required_name(plan_dir):
    form = forms.competitor_form(load_plan(plan_dir), "en")
    form.widgets["scores.x"].value = "4"
    assert not form.save() and "Give the competitor" in form.message.value
    form.widgets["name"].value = "BricoVert"
    form.widgets["channels"].value = "search ads, shops"
    form.widgets["scores.y"].value = "6,5"
    assert form.save(), form.message.value
    assert load_plan(plan_dir).audit["competitors"][-1] == {"name": "BricoVert", "channels": ["search ads", "shops"],
                                                             "scores": {"x": 4, "y": 6.5}}


def test_last_year_form_offers_last_years_actions(plan_dir):
    form = forms.last_year_form(load_plan(plan_dir), "en")
    assert [v for _, v in form.widgets["action_id"].options] == ["P01", "P02", "P03", "P04", "P05", "P06", "P08"]
    form.widgets["action_id"].value = "P02"
    form.widgets["decision"].value = "drop"
    form.widgets["reason"].value = "48 EUR per order"
    assert form.save()
    assert {"action_id": "P02", "decision": "drop", "reason": "48 EUR per order"} in \
        load_plan(plan_dir).audit["last_year_review"]["decisions"]
