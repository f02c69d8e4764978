"""Step 2: tree flags, each SMART letter passing and failing, ranking, forms saving through planlib."""
from __future__ import annotations

from datetime import date

import pandas as pd

from planlib import load_plan, new_plan, summary
from planlib.steps.objectives import forms
from planlib.steps.objectives.compute import check_key_result, flags, ranked_key_results, smart_table, tree_lines

KR_HEADER = "id,objective_id,title,kpi_id,baseline,target,unit,deadline,priority,impact,effort"


def tiny_plan(tmp_path, key_results: list[str], actuals: dict[str, list[float]] | None = None, actions: str = ""):
    """A 2026 plan with one business and one marketing objective, two KPIs, and the given key results.

    `actuals` maps a metric to its value on the 15th of each month from January.
    """
    folder = tmp_path / "tiny"
    new_plan(folder, company="Tiny", year=2026)
    (folder / "objectives.csv").write_text(
        "id,level,title,parent_id\nB1,business,Grow revenue,\nM1,marketing,More orders,B1\n", encoding="utf-8")
    (folder / "kpis.csv").write_text(
        "id,name,formula,unit,aggregation,direction\nK1,Orders,orders,orders,sum,up\nK2,Cost per order,cost / orders,€,sum,down\n",
        encoding="utf-8")
    (folder / "key_results.csv").write_text(KR_HEADER + "\n" + "\n".join(key_results) + "\n", encoding="utf-8")
    rows = ["id,date,metric,value"]
    for metric, values in (actuals or {}).items():
        for month, value in enumerate(values, 1):
            rows.append(f"{metric}{month},2026-{month:02d}-15,{metric},{value}")
    (folder / "actuals.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if actions:
        (folder / "actions.csv").write_text("id,workstream,name,key_result_id\n" + actions, encoding="utf-8")
    return load_plan(folder)


def letters_of(plan, kr_id, lang="en", as_of=date(2026, 12, 31)):
    kr = plan.key_results.set_index("id", drop=False).loc[kr_id]
    return check_key_result(plan, kr, lang, as_of)


def test_example_tree_has_no_flags_and_lists_every_key_result(example):
    assert flags(example, "en").empty
    lines = tree_lines(example)
    assert lines[0] == "B1 [business] Reach 3 M€ of revenue in 2026 (+20%)"
    assert "        - KR02 Raise the conversion rate from 1.6% to 2.1%" in lines
    assert sum(line.strip().startswith("- KR") for line in lines) == 12


def test_tree_flags(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Orders up,K1,100,120,orders,2026-12-31,high,4,2",
                                "KR2,M1,Cost down,K2,10,8,€,2026-12-31,low,2,4"], actions="A1,Web,Launch,KR1\n")
    objectives = pd.concat([plan.objectives, pd.DataFrame([
        {"id": "M2", "level": "marketing", "title": "Orphan", "parent_id": "", "owner": "", "description": ""},
        {"id": "B2", "level": "business", "title": "Alone", "parent_id": "", "owner": "", "description": ""}])],
        ignore_index=True)
    plan = plan.save_table("objectives", objectives)
    found = flags(plan, "en")
    assert found[["flag", "id"]].values.tolist() == [
        ["no_business_parent", "M2"], ["no_key_result", "M2"], ["business_unserved", "B2"], ["no_action", "KR2"]]
    assert found.set_index("id").loc["B2", "reason"].startswith("business objective that nothing serves")
    french = flags(plan, "fr").set_index("flag")
    assert french.loc["no_action", "reason"].startswith("résultat clé sans action")


def test_no_action_flag_waits_for_actions(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Orders up,K1,100,120,orders,2026-12-31,high,4,2"])
    assert flags(plan, "en").empty


def test_specific_and_measurable(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Orders up,K1,100,120,orders,2026-12-31,high,4,2",
                                "KR2,M1,Something vague,,,120,,2026-12-31,high,4,2"])
    good, vague = letters_of(plan, "KR1"), letters_of(plan, "KR2")
    assert (good["S"].ok, good["S"].reason) == (True, "measures KPI K1 (Orders)")
    assert (good["M"].ok, good["M"].reason) == (True, "from 100 to 120 orders")
    assert vague["S"].ok is False and vague["S"].reason.startswith("names no KPI")
    assert (vague["M"].ok, vague["M"].reason) == (False, "missing baseline, unit: from how much, to how much, in what unit?")
    assert vague["A"].ok is None and vague["R"].ok is None


def test_achievable_follows_the_kpi_direction(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Orders down,K1,100,90,orders,2026-12-31,,,",
                                "KR2,M1,Cost down,K2,10,8,€,2026-12-31,,,",
                                "KR3,M1,Cost up,K2,10,12,€,2026-12-31,,,"])
    assert letters_of(plan, "KR1")["A"].reason == "target 90 does not improve on the baseline 100 (the KPI should go up)"
    assert letters_of(plan, "KR1")["A"].ok is False
    assert letters_of(plan, "KR2")["A"].ok is True
    assert letters_of(plan, "KR2")["A"].reason == "target 8 is lower than the baseline 10, as the KPI should go down"
    assert letters_of(plan, "KR3")["A"].ok is False


def test_realistic_against_the_best_month_observed(tmp_path):
    orders = [100, 102, 105, 106, 110, 112]  # best month: +3.8% (March)
    plan = tiny_plan(tmp_path, ["KR1,M1,Modest,K1,100,150,orders,2026-12-31,,,",   # 50% over ~12 months: 4.2%/month
                                "KR2,M1,Heroic,K1,100,300,orders,2026-12-31,,,"],  # 200%: 16.7%/month
                     actuals={"orders": orders})
    as_of = date(2026, 6, 30)
    modest, heroic = letters_of(plan, "KR1", as_of=as_of)["R"], letters_of(plan, "KR2", as_of=as_of)["R"]
    assert modest.ok is True and modest.reason == "needs 4.2% a month; the best month so far did 3.8%"
    assert heroic.ok is False
    assert heroic.reason.startswith("needs 16.7% a month, over 4x the best month so far (3.8%)")
    assert letters_of(plan, "KR2", "fr", as_of)["R"].reason.startswith("demande 16,7\u00a0% par mois")


def test_realistic_when_no_month_improved(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Up,K1,100,120,orders,2026-12-31,,,"], actuals={"orders": [120, 110, 100]})
    letter = letters_of(plan, "KR1", as_of=date(2026, 3, 31))["R"]
    assert (letter.ok, letter.reason) == (False, "needs 1.7% a month, but no month so far improved this KPI")


def test_realistic_without_actuals_uses_the_rule_of_thumb(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Calm,K1,100,150,orders,2026-12-31,,,", "KR2,M1,Wild,K1,100,400,orders,2026-12-31,,,"])
    assert letters_of(plan, "KR1")["R"].reason == "needs 4.2% a month, within the 8% rule of thumb (no actuals yet)"
    assert letters_of(plan, "KR1")["R"].ok is True
    assert letters_of(plan, "KR2")["R"].ok is False


def test_time_bound(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,In year,K1,100,120,orders,2026-09-30,,,",
                                "KR2,M1,Next year,K1,100,120,orders,2027-03-31,,,",
                                "KR3,M1,Whenever,K1,100,120,orders,,,,"])
    assert letters_of(plan, "KR1")["T"].ok is True
    assert letters_of(plan, "KR2")["T"].reason == "deadline 31 March 2027 is outside the plan's year (1 January 2026 to 31 December 2026)"
    assert letters_of(plan, "KR3")["T"].reason == "no deadline: by when? Set a date within the plan's year"


def test_smart_table_and_summary_count(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,Good,K1,100,120,orders,2026-09-30,,,", "KR2,M1,Bad,K1,100,90,orders,,,,"])
    table = smart_table(plan, "en")
    assert table[["S", "M", "A", "R", "T", "smart"]].values.tolist() == [
        ["✓", "✓", "✓", "✓", "✓", True], ["✓", "✓", "✗", "?", "✗", False]]
    assert table.loc[1, "to_fix"].startswith("A: target 90 does not improve")
    document = summary(plan, "2026", "2026-12-31")
    assert document["key_results"]["smart_key_results"] == 1
    assert document["key_results"]["flags"]["no_key_result"] == 0


def test_ranking(tmp_path):
    plan = tiny_plan(tmp_path, ["KR1,M1,A,K1,1,2,x,2026-12-31,low,3,3",     # 6 + 3 + 0 = 9
                                "KR2,M1,B,K1,1,2,x,2026-12-31,high,5,4",    # 10 + 2 + 2 = 14
                                "KR3,M1,C,K1,1,2,x,2026-12-31,medium,4,1"])  # 8 + 5 + 1 = 14
    ranked = ranked_key_results(plan)
    assert ranked[["rank", "id", "score"]].values.tolist() == [[1, "KR2", 14], [2, "KR3", 14], [3, "KR1", 9]]


# -- forms, driven by setting widget values and clicking ------------------------------------

def test_objective_form_adds_and_edits(plan_dir):
    form = forms.objective_form(load_plan(plan_dir), "en")
    form.widgets["level"].value = "marketing"
    form.widgets["title"].value = "Open a B2B offer for offices"
    form.widgets["parent_id"].value = "B1"
    form.widgets["owner"].value = "Camille"
    form.save_button.click()
    assert form.message.value.count("Saved M9 in objectives.csv") == 1
    assert form.pick.value == "M9" and form.widgets["title"].value == "Open a B2B offer for offices"  # shown saved
    saved = load_plan(plan_dir).objectives.set_index("id").loc["M9"]
    assert (saved["title"], saved["parent_id"], saved["owner"]) == ("Open a B2B offer for offices", "B1", "Camille")
    form.pick.value = "B2"
    assert form.widgets["title"].value == "Keep marketing spend under 6% of revenue"
    form.widgets["title"].value = "Keep marketing spend under 8% of revenue"
    form.save_button.click()
    assert "Updated B2 in objectives.csv" in form.message.value and form.pick.value == "B2"
    form.save_button.click()  # saved again: still an update of the record the picker shows
    assert "Updated B2 in objectives.csv" in form.message.value
    reloaded = load_plan(plan_dir).objectives.set_index("id")
    assert reloaded.loc["B2", "title"] == "Keep marketing spend under 8% of revenue"
    assert len(reloaded) == 13
    assert len(list((plan_dir / ".history").iterdir())) == 3


def test_objective_form_marks_and_enforces_its_required_fields(plan_dir):
    """The form asks for what the objectives' columns ask for; a hand-edited file without them still loads,
    and the objective tree flags it (see test_a_file_may_leave_empty_what_the_form_asks_for)."""
    before = (plan_dir / "objectives.csv").read_bytes()
    form = forms.objective_form(load_plan(plan_dir), "fr")
    labels = {column: widget.description for column, widget in form.widgets.items()}
    assert labels["level"].endswith(" *") and labels["owner"].endswith(" *") and labels["title"].endswith(" *")
    assert not labels["description"].endswith("*")
    form.widgets["level"].value = "marketing"
    form.widgets["title"].value = "Ouvrir une offre bureaux"
    form.save_button.click()  # a marketing objective without its business objective, and nobody owns it
    assert "Un objectif marketing sert un objectif business : choisissez-le" in form.message.value
    assert "Nommez le responsable de l&#x27;objectif" in form.message.value
    form.widgets["level"].value = "business"
    form.widgets["owner"].value = "Camille"
    form.save_button.click()  # a business objective has no parent: saved
    assert "B5 enregistré dans objectives.csv" in form.message.value  # B1 to B4 exist
    assert (plan_dir / "objectives.csv").read_bytes() != before


def test_a_file_may_leave_empty_what_the_form_asks_for(plan_dir):
    """Owner, business parent and target are asked by the forms, not required by `planlib check`: a drafted
    file with them empty loads, the tree and the SMART letters flag the gaps, and editing such a row in the
    form asks for them before saving anything."""
    from conftest import set_cell

    from planlib.cli import main

    set_cell(plan_dir / "objectives.csv", "M1", "owner", "")
    set_cell(plan_dir / "objectives.csv", "M1", "parent_id", "")
    set_cell(plan_dir / "key_results.csv", "KR01", "target", "")
    assert main(["check", str(plan_dir)]) == 0
    plan = load_plan(plan_dir)
    assert "no_business_parent" in flags(plan, "en").query("id == 'M1'")["flag"].tolist()
    assert letters_of(plan, "KR01")["M"].ok is False
    before = (plan_dir / "objectives.csv").read_bytes()
    form = forms.objective_form(plan, "en")
    form.pick.value = "M1"
    form.save_button.click()
    assert "Name the objective&#x27;s owner" in form.message.value
    assert "A marketing objective serves a business objective: choose it" in form.message.value
    assert (plan_dir / "objectives.csv").read_bytes() == before
    form.widgets["level"].value = "business"
    form.widgets["owner"].value = "Camille"
    form.save_button.click()  # a business objective serves none: only the owner was missing
    assert "Updated M1 in objectives.csv" in form.message.value


def test_key_result_without_target_is_refused_and_nothing_saved(plan_dir):
    before = (plan_dir / "key_results.csv").read_bytes()
    form = forms.key_result_form(load_plan(plan_dir), "fr")
    form.widgets["objective_id"].value = "M1"
    form.widgets["title"].value = "Plus de visites"
    form.save_button.click()
    assert "Un résultat clé doit avoir une cible : le nombre à atteindre" in form.message.value
    assert (plan_dir / "key_results.csv").read_bytes() == before


def test_key_result_form_reports_bad_numbers_and_takes_decimal_commas(plan_dir):
    before = (plan_dir / "key_results.csv").read_bytes()
    form = forms.key_result_form(load_plan(plan_dir), "en")
    form.widgets["objective_id"].value = "M2"
    form.widgets["title"].value = "Raise the add-to-cart rate"
    form.widgets["kpi_id"].value = "K02"
    form.widgets["baseline"].value = "about six"
    form.widgets["target"].value = "8,5"
    form.save_button.click()
    assert "Baseline: not a number: &#x27;about six&#x27;" in form.message.value  # the field's label, not file:row
    assert (plan_dir / "key_results.csv").read_bytes() == before
    form.widgets["baseline"].value = "6,2"
    form.widgets["unit"].value = "%"
    form.widgets["deadline"].value = date(2026, 12, 31)
    form.widgets["impact"].value = "4"
    form.save_button.click()
    assert "Saved KR13" in form.message.value
    saved = load_plan(plan_dir).key_results.set_index("id").loc["KR13"]
    assert (saved["baseline"], saved["target"], saved["impact"]) == (6.2, 8.5, 4)
    assert saved["deadline"] == pd.Timestamp("2026-12-31")


def test_views_below_a_form_are_drawn_again_after_each_save(plan_dir):
    from planlib.ui import live

    drawn = []

    def count_view(plan):
        drawn.append(len(plan.objectives))

    live.live(count_view, load_plan(plan_dir))
    form = forms.objective_form(load_plan(plan_dir), "en")
    form.widgets["level"].value = "business"
    form.widgets["title"].value = "Open a second shop"
    form.widgets["owner"].value = "Camille"
    form.save_button.click()
    form.widgets["title"].value = ""
    form.save_button.click()  # refused: nothing saved, nothing drawn again
    assert drawn == [12, 13]
