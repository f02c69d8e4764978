"""Step 4, channels and messages: catalogue, checks, ranking and its weights, formats, heat map, forms, summary."""
from __future__ import annotations

import html
import json

import pytest
import yaml

from planlib import PlanError, load_plan
from planlib.cli import main
from planlib.steps.channels import catalogue, charts, formats, forms, ranking, show
from planlib.steps.summary import summary
from conftest import set_cell


def errors_of(plan_dir) -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_plan(plan_dir)
    return [str(p) for p in caught.value.problems]


def warnings_of(plan_dir, lang="en") -> list[str]:
    return [w.text(lang) for w in load_plan(plan_dir).warnings]


def edit_yaml(path, change) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_rows(path, lines: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


# -- message formats -----------------------------------------------------------------------------

def test_every_format_has_a_source_when_it_has_a_limit():
    known = formats.formats()
    assert known["search_ad_headline"].limit == 30 and known["search_ad_description"].limit == 90
    assert known["sms"].limit == 160 and known["sms"].counting == "gsm7"
    assert all(f.source for f in known.values() if f.limit)


@pytest.mark.parametrize("text, length, limit, encoding", [
    ("a" * 160, 160, 160, "gsm7"),
    ("é" * 160, 160, 160, "gsm7"),  # é, è, à, ù are in the GSM-7 alphabet
    ("a" * 159 + "€", 161, 160, "gsm7"),  # € is an extension character: two septets
    ("Noël" + "a" * 66, 70, 70, "ucs2"),  # ë is not: the whole SMS becomes UCS-2
    ("Fête" + "a" * 67, 71, 70, "ucs2"),
    ("Hi 🌱", 5, 70, "ucs2"),  # an emoji is two UTF-16 units
])
def test_sms_length_counts_gsm7_and_ucs2(text, length, limit, encoding):
    measured = formats.measure(text, "sms")
    assert (measured.length, measured.limit, measured.encoding) == (length, limit, encoding)


def test_message_over_its_limit_is_a_located_warning(plan_dir):
    set_cell(plan_dir / "messages.csv", "MS11", "message", "Garden tools built to last twenty years")  # 39 > 30
    [line] = warnings_of(plan_dir)
    assert line.startswith("messages.csv:12:message:") and "39 characters for a search_ad_headline" in line
    assert "limit of 30" in line


def test_accented_sms_is_held_to_70_characters(plan_dir):
    add_rows(plan_dir / "messages.csv", [
        'MS90,P1,C06,sms,"Ventes privées: -20% sur les kits écolos, code VERT, ce week-end seulement!!",,Go,A',
        'MS91,P1,C06,sms,"Fête des mères: -20% sur les kits écolos avec le code VERT, ce week-end",,Go,B'])
    lines = [line for line in warnings_of(plan_dir) if "sms" in line.lower() or "SMS" in line]
    assert len(lines) == 1  # 76 GSM-7 characters pass; ê in "Fête" makes the second UCS-2: 71 > 70
    assert lines[0].startswith("messages.csv:25:message:") and "71 characters for an SMS holding a character" in lines[0]
    assert "limit of 70" in lines[0]


def test_unknown_format_is_refused_with_the_list(plan_dir):
    set_cell(plan_dir / "messages.csv", "MS01", "format", "tweet")
    [line] = errors_of(plan_dir)
    assert line.startswith("messages.csv:2:format") and "'tweet' is not a message format" in line
    assert "search_ad_headline" in line


def test_message_for_an_unknown_persona_or_channel_is_refused(plan_dir):
    set_cell(plan_dir / "messages.csv", "MS01", "persona_id", "P9")
    set_cell(plan_dir / "messages.csv", "MS02", "channel_id", "C99")
    lines = errors_of(plan_dir)
    assert any(line.startswith("messages.csv:2:persona_id") and "'P9'" in line for line in lines)
    assert any(line.startswith("messages.csv:3:channel_id") and "'C99'" in line for line in lines)


def test_a_single_variant_is_flagged(plan_dir):
    set_cell(plan_dir / "messages.csv", "MS02", "format", "social_ad_headline")
    lines = [line for line in warnings_of(plan_dir) if "single variant" in line]
    assert len(lines) == 2 and all("a single variant for persona P1 on channel C04" in line for line in lines)
    assert lines[0].startswith("messages.csv:2:variant")


# -- channels ----------------------------------------------------------------------------------

def test_unknown_kind_of_channel_is_refused(plan_dir):
    set_cell(plan_dir / "channels.csv", "C05", "kind", "tiktok")
    [line] = errors_of(plan_dir)
    assert line.startswith("channels.csv:6:kind") and "'tiktok'" in line and "social_organic" in line


def test_chosen_channel_without_the_team_skills_is_flagged(plan_dir):
    edit_yaml(plan_dir / "plan.yaml", lambda d: d["team"][1].update(skills=["analytics", "marketplace", "catalogue"]))
    lines = warnings_of(plan_dir)
    assert any(line.startswith("channels.csv:4:skills") and "channel C03 needs skills the team does not list: "
               "paid_search" in line for line in lines)
    assert any("channel C04 needs skills" in line and "paid_social" in line for line in lines)
    set_cell(plan_dir / "channels.csv", "C03", "chosen", "no")  # a candidate is not flagged
    assert not any("channel C03" in line for line in warnings_of(plan_dir))


def test_stated_skills_replace_the_catalogue_and_no_team_skills_means_no_judgement(plan_dir):
    set_cell(plan_dir / "channels.csv", "C08", "skills", "Press, Crisis communication")
    [line] = warnings_of(plan_dir)
    assert "channel C08 needs skills the team does not list: crisis_communication" in line
    edit_yaml(plan_dir / "plan.yaml", lambda d: [m.pop("skills") for m in d["team"]])
    assert warnings_of(plan_dir) == []
    assert ranking.rank(load_plan(plan_dir))["skills"].isna().all()


def test_channel_with_budget_but_no_action_is_flagged(plan_dir):
    set_cell(plan_dir / "budget.csv", "B001", "channel_id", "C12")
    [line] = warnings_of(plan_dir)
    assert line.startswith("channels.csv:12:id") and "channel C12 has budget lines but no action uses it" in line


def test_dropped_channel_change_may_be_stated_on_the_channel(plan_dir):
    edit_yaml(plan_dir / "audit.yaml", lambda a: a["last_year_review"]["decisions"][0].pop("change"))
    [line] = warnings_of(plan_dir)
    assert "Trade fairs and events was dropped last year" in line
    set_cell(plan_dir / "channels.csv", "C10", "change", "One fair only, with a lead-capture app")
    assert warnings_of(plan_dir) == []


# -- ranking and weights -------------------------------------------------------------------------

def test_ranking_scores_follow_the_documented_formula(example):
    table = ranking.rank(example).set_index("id")
    c06 = table.loc["C06"]
    # reach 3, cost 6-1=5, fit (4*45 + 5*35) / 80, results 1 + 4 * progress, skills all there = 5
    fit = (4 * 45 + 5 * 35) / 80
    assert c06["fit"] == round(fit, 2) and c06["skills"] == 5.0 and c06["cost"] == 5.0
    mean = (3 + 5 + 2 * fit + c06["results"] + 5) / 6
    assert c06["score"] == pytest.approx(round((mean - 1) / 4 * 100, 1), abs=0.05)
    podcast = table.loc["C12"]
    assert not podcast["chosen"] and podcast["skills_missing"] == "audio" and podcast["results"] != podcast["results"]
    assert list(ranking.rank(example)["rank"]) == list(range(1, len(table) + 1))


def test_changed_weights_change_the_order(example):
    by_reach = ranking.rank(example, {"reach": 5, "cost": 0, "fit": 0, "results": 0, "skills": 0})
    assert set(by_reach["id"][:3]) == {"C03", "C04", "C09"}  # the three channels of reach 5
    by_cost = ranking.rank(example, {"reach": 0, "cost": 5, "fit": 0, "results": 0, "skills": 0})
    assert by_cost["id"].iloc[0] == "C06" and by_cost["id"].iloc[-1] == "C10"  # cost 1 first, cost 5 last


@pytest.mark.parametrize("weights, expected", [
    ({"reach": -1}, "the weight -1 is negative"),
    ({"reach": 0, "cost": 0, "fit": 0, "results": 0, "skills": 0}, "every weight of the channel ranking is 0"),
    ({"price": 2}, "'price' is not allowed"),
    ({"fit": "high"}, "not a number"),
])
def test_bad_weights_are_refused_in_plan_yaml(plan_dir, weights, expected):
    edit_yaml(plan_dir / "plan.yaml", lambda d: d.update(channel_weights=weights))
    [line] = errors_of(plan_dir)
    assert line.startswith("plan.yaml:") and "channel_weights" in line and expected in line


def test_weights_form_saves_plan_yaml_and_refuses_all_zero(plan_dir):
    form = forms.WeightsForm(load_plan(plan_dir), "en")
    for slider in form.sliders.values():
        slider.value = 0
    before = (plan_dir / "plan.yaml").read_bytes()
    assert not form.save() and "every weight of the channel ranking is 0" in form.message.value
    assert (plan_dir / "plan.yaml").read_bytes() == before
    form.sliders["reach"].value = 3
    assert form.save(), form.message.value
    plan = load_plan(plan_dir)
    assert plan.settings["channel_weights"] == {"reach": 3, "cost": 0, "fit": 0, "results": 0, "skills": 0}
    assert "# Example plan" in (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    assert set(ranking.rank(plan)["id"][:3]) == {"C03", "C04", "C09"}


def test_weights_are_shown_beside_the_ranking_in_the_language_asked(example):
    table = show.weights_table(ranking.weights(example.settings), "fr")
    assert list(table["Critère"]) == ["Portée", "Coût (bon marché = note haute)", "Adéquation aux personas",
                                      "Résultats de l'an dernier", "Compétences de l'équipe"]
    assert [v.replace("\xa0", " ") for v in table["Part du score"]] == ["17 %", "17 %", "33 %", "17 %", "17 %"]


# -- heat map and matrix -------------------------------------------------------------------------

def test_fit_matrix_and_heat_map(example):
    matrix = ranking.fit_matrix(example)
    assert matrix.loc["P1", "C05"] == 5 and matrix.loc["P2", "C01"] == 5  # P2 uses C01 without a fit: C01's own
    assert matrix.loc["P3", "C02"] != matrix.loc["P3", "C02"]  # not used: empty
    figure = charts.fit_heat_map(matrix, {"P1": "Claire"}, {"C01": "Shop"}, "Fit", "not used")
    assert figure.axes[0].get_title() == "Fit" and len(figure.axes[0].texts) == matrix.size


def test_message_matrix_is_escaped_and_shows_lengths(plan_dir):
    set_cell(plan_dir / "messages.csv", "MS11", "message", "<b>Tools</b> that last & last")
    plan = load_plan(plan_dir)
    page = show.matrix_html(plan, "fr")
    assert "&lt;b&gt;Tools&lt;/b&gt; that last &amp; last" in page and "<b>Tools</b>" not in page
    assert "(29/30)" in page and "titre d&#x27;annonce Search : " in page
    assert "planlib-positioning" in show.positioning_html(plan, "en") and "tested by parents" in \
        show.positioning_html(plan, "en")


# -- forms ---------------------------------------------------------------------------------------

def test_message_form_writes_one_row_per_variant_and_updates_them(plan_dir):
    form = forms.MessageForm(load_plan(plan_dir), "en")
    form.widgets["variant_A"].value = "Spring is here"
    assert not form.save() and "Choose the persona" in form.message.value
    form.widgets["persona_id"].value = "P2"
    form.widgets["channel_id"].value = "C03"
    form.widgets["format"].value = "search_ad_description"
    form.widgets["variant_B"].value = "Sow now: seeds and tools delivered in 48 h"
    form.widgets["call_to_action"].value = "Shop spring"
    assert form.save(), form.message.value
    assert "Saved MS23, MS24" in form.message.value
    rows = load_plan(plan_dir).messages.set_index("id")
    assert rows.loc["MS24", "variant"] == "B" and rows.loc["MS23", "call_to_action"] == "Shop spring"
    assert form.pick.value == "P2|C03|search_ad_description"
    form.widgets["variant_B"].value = ""
    form.widgets["proof"].value = "Delivered in 48 h"
    assert form.save() and "Updated MS23" in form.message.value
    rows = load_plan(plan_dir).messages.set_index("id")
    assert "MS24" not in rows.index and rows.loc["MS23", "proof"] == "Delivered in 48 h"


def test_message_form_edits_a_group_in_place_keeping_its_ids(plan_dir):
    plan = load_plan(plan_dir)
    form = forms.MessageForm(plan, "fr")
    form.pick.value = "P2|C03|search_ad_headline"
    assert form.widgets["variant_A"].value == "Tools built to last 20 years"
    form.widgets["variant_A"].value = "Des outils garantis 20 ans, réparables et testés par nos jardiniers"
    assert form.save()
    assert list(load_plan(plan_dir).messages["id"])[10:12] == ["MS11", "MS12"]  # edited in place
    assert any(w.text("en").startswith("messages.csv:12:message") and "limit of 30" in w.text("en")
               for w in form.plan.warnings)


def test_channel_form_round_trip(plan_dir):
    form = forms.channel_form(load_plan(plan_dir), "fr")
    form.widgets["kind"].value = "sms"
    assert not form.save() and "Donnez un nom au canal" in html.unescape(form.message.value)
    form.widgets["name"].value = "SMS promotions"
    form.widgets["reach"].value = "3"
    form.widgets["chosen"].value = "false"
    assert form.save(), form.message.value
    row = load_plan(plan_dir).channels.set_index("id").loc["C13"]
    assert row["kind"] == "sms" and row["reach"] == 3 and not row["chosen"]


# -- summary and CLI -----------------------------------------------------------------------------

def test_summary_ranking_best_first_and_flags(plan_dir):
    set_cell(plan_dir / "budget.csv", "B001", "channel_id", "C12")
    document = summary(load_plan(plan_dir), "2026-Q2", "2026-06-30")["channels"]
    scores = [r["score"] for r in document["ranking"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 11
    assert set(document["ranking"][0]) == {"id", "score"}
    assert document["flags"] == {"message_too_long": 0, "single_variant": 0, "skills_missing": 0,
                                 "budget_without_action": 1, "dropped_channel_reused": 0}
    assert document["chosen"] == 10


def test_summary_json_carries_the_channel_ranking(capsys):
    assert main(["summary", "--period", "2026-Q2", "--as-of", "2026-06-30", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    ranked = ranking.rank(load_plan("data/example"))
    assert [r["id"] for r in document["channels"]["ranking"]] == list(ranked["id"])


def test_catalogue_gives_what_a_channel_leaves_empty():
    assert catalogue.needed_skills("search_ads", "") == ("paid_search", "analytics")
    assert catalogue.needed_skills("search_ads", "Paid-Search; copy writing") == ("paid_search", "copy_writing")
    assert catalogue.cost_model("marketplace", "") == "commission"
