"""Step 3, personas: criteria by kind, shares, channels, fits, the warnings, cards, form and summary."""
from __future__ import annotations

import html
import json

import pytest
import yaml

from planlib import PlanError, load_plan
from planlib.cli import main
from planlib.steps.personas import forms, model, show
from planlib.steps.summary import summary
from conftest import set_cell


def edit_personas(plan_dir, change) -> None:
    path = plan_dir / "personas.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document["personas"])
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def errors_of(plan_dir) -> list[str]:
    with pytest.raises(PlanError) as caught:
        load_plan(plan_dir)
    return [str(p) for p in caught.value.problems]


def warnings_of(plan_dir, lang="en") -> list[str]:
    return [w.text(lang) for w in load_plan(plan_dir).warnings if w.file == "personas.yaml"]


B2B = {"id": "P4", "name": "Sophie, purchasing manager", "type": "B2B", "share": 10,
       "criteria": {"sector": "logistics", "company_size": "50-200", "region": "Rhône", "offer": "cleaning supplies",
                    "stage": "growth", "role": "decision-maker"},
       "needs": ["Fewer suppliers"], "pains": ["Late deliveries"], "objections": ["Price"],
       "triggers": ["A new site"], "channels": ["C06"]}


def test_example_personas_are_complete_and_clean(example):
    people = model.personas(example.yaml_data["personas.yaml"])
    assert [p.id for p in people] == ["P1", "P2", "P3"]
    assert all(p.kind == "B2C" and p.missing() == [] for p in people)
    assert sum(p.share for p in people) == 100
    assert [w for w in example.warnings if w.file == "personas.yaml"] == []


def test_unknown_kind_is_refused_with_the_allowed_kinds(plan_dir):
    edit_personas(plan_dir, lambda ps: ps[0].update(type="B2X"))
    [line] = errors_of(plan_dir)
    assert line.startswith("personas.yaml:") and "personas[0].type" in line and "B2B, B2C" in line


def test_a_b2b_criterion_in_a_b2c_persona_is_refused(plan_dir):
    edit_personas(plan_dir, lambda ps: ps[1]["criteria"].update({"company_size": "10-50"}))
    [line] = errors_of(plan_dir)
    assert "personas[1].criteria.company_size" in line and "criterion of the other kind" in line
    assert "gender, age, location, income, occupation, interests, habits" in line


def test_french_criteria_keys_are_understood(plan_dir):
    def french(ps):
        ps.append({**B2B, "criteria": {"Secteur": "logistique", "Taille d'entreprise": "50-200", "région": "Rhône",
                                       "offre": "fournitures", "cycle de vie": "croissance",
                                       "rôle dans la décision": "décideur"}})
        ps[0]["share"] = 35
    edit_personas(plan_dir, french)
    plan = load_plan(plan_dir)
    sophie = model.personas(plan.yaml_data["personas.yaml"])[-1]
    assert sophie.kind == "B2B" and sophie.missing() == []
    assert sophie.criteria["company_size"] == "50-200" and sophie.criteria["role"] == "décideur"


def test_an_unknown_criterion_is_kept_with_a_warning(plan_dir):
    edit_personas(plan_dir, lambda ps: ps[0]["criteria"].update({"incom": "high"}))
    lines = warnings_of(plan_dir)
    assert any("personas[0].criteria.incom" in line and "'incom' is not a B2C criterion" in line for line in lines)


def test_shares_over_100_are_refused_at_the_last_share(plan_dir):
    edit_personas(plan_dir, lambda ps: ps[2].update(share=30))
    [line] = errors_of(plan_dir)
    assert "personas[2].share" in line and "add up to 110 %" in line and "100 % at most" in line


@pytest.mark.parametrize("share, expected", [(-5, "out of range"), ("lots", "not a number")])
def test_a_share_must_be_a_percentage(plan_dir, share, expected):
    edit_personas(plan_dir, lambda ps: ps[0].update(share=share))
    assert any("personas[0].share" in line and expected in line for line in errors_of(plan_dir))


def test_fit_names_known_channels_with_scores_1_to_5(plan_dir):
    edit_personas(plan_dir, lambda ps: ps[0].update(fit={"C01": 7, "C99": 3}))
    lines = errors_of(plan_dir)
    assert any("personas[0].fit.C01" in line and "from 1 to 5" in line for line in lines)
    assert any("personas[0].fit.C99" in line and "unknown" in line for line in lines)


def test_a_plan_may_hold_both_kinds_and_each_is_checked_for_its_own(plan_dir):
    def add(ps):
        ps[0]["share"] = 35
        incomplete = {**B2B, "criteria": {"sector": "logistics"}}
        ps.append(incomplete)
    edit_personas(plan_dir, add)
    set_cell(plan_dir / "key_results.csv", "KR07", "persona_ids", "P1,P2,P4")
    set_cell(plan_dir / "messages.csv", "MS03", "persona_id", "P4")
    [line] = warnings_of(plan_dir)
    assert "persona P4 (B2B) leaves empty: company_size, region, offer, stage, role" in line


def test_persona_without_channel_key_result_or_message_is_flagged(plan_dir):
    edit_personas(plan_dir, lambda ps: (ps[0].update(share=35), ps.append({**B2B, "channels": []})))
    lines = warnings_of(plan_dir)
    assert any("personas[3].channels" in line and "no channel reaches persona P4" in line for line in lines)
    assert any("no key result serves persona P4" in line and "persona_ids" in line for line in lines)
    assert any("persona P4 is given no message" in line for line in lines)
    french = warnings_of(plan_dir, "fr")
    assert any("aucun résultat clé ne sert le persona P4" in line for line in french)


def test_a_key_result_naming_an_unknown_persona_is_refused(plan_dir):
    set_cell(plan_dir / "key_results.csv", "KR01", "persona_ids", "P1,P9")
    [line] = errors_of(plan_dir)
    assert line.startswith("key_results.csv:2:persona_ids") and "'P9'" in line and "personas.yaml" in line


def test_card_and_side_by_side_are_escaped_and_in_one_language(plan_dir):
    edit_personas(plan_dir, lambda ps: ps[0].update(name="<script>alert(1)</script>"))
    plan = load_plan(plan_dir)
    claire = model.personas(plan.yaml_data["personas.yaml"])[0]
    card = show.card_html(claire, plan, "fr")
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "Tranche d&#x27;âge" in card and "Déclencheurs d&#x27;achat" in card and "Online shop (adéquation 5)" in card
    table = show.side_by_side(plan, "en")
    assert list(table["Criterion"])[:4] == ["Kind", "Share of the target", "Gender", "Age range"]
    assert table.iloc[1, 1] == "45%"


def test_persona_form_round_trip(plan_dir):
    form = forms.persona_form(load_plan(plan_dir), "en")
    form.widgets["share"].value = "5"
    assert not form.save() and "Give the persona a name" in form.message.value
    form.widgets["name"].value = "Jules, new gardener"
    form.widgets["criteria.age"].value = "25-35"
    form.widgets["needs"].value = "Simple kits, Advice"
    form.widgets["channels"].value = "C02, C06"
    form.widgets["fit"].value = "C02: 4, C06: 5"
    assert not form.save() and "add up to 105" in form.message.value  # 45 + 35 + 20 + 5
    form.widgets["share"].value = "250"
    assert not form.save() and "Share of the target (%): 250 is out of range" in form.message.value  # its label
    assert form.widgets["name"].description.endswith(" *")  # required, and marked
    form.widgets["share"].value = "0"
    assert form.save(), form.message.value
    assert "Saved P4" in form.message.value
    form.widgets["pains"].value = "No garden experience"
    assert form.save() and "Updated P4" in form.message.value
    saved = load_plan(plan_dir).yaml_data["personas.yaml"]["personas"][-1]
    assert saved == {"id": "P4", "name": "Jules, new gardener", "share": 0, "criteria": {"age": "25-35"},
                     "needs": ["Simple kits", "Advice"], "pains": ["No garden experience"], "channels": ["C02", "C06"],
                     "fit": {"C02": 4, "C06": 5}, "type": "B2C"}
    assert "# The three people Verdure & Co speaks to" in (plan_dir / "personas.yaml").read_text(encoding="utf-8")


def test_persona_form_refuses_a_badly_written_fit_and_writes_nothing(plan_dir):
    before = (plan_dir / "personas.yaml").read_bytes()
    form = forms.persona_form(load_plan(plan_dir), "fr", kind="B2B")
    assert "criteria.sector" in form.widgets and "criteria.age" not in form.widgets
    form.widgets["name"].value = "Sophie"
    form.widgets["fit"].value = "C02 quatre"
    assert not form.save() and "« C02 quatre » n'est pas un identifiant avec sa note" in html.unescape(form.message.value)
    assert (plan_dir / "personas.yaml").read_bytes() == before


def test_summary_counts_personas_and_their_flags(plan_dir):
    edit_personas(plan_dir, lambda ps: (ps[0].update(share=30), ps.append({**B2B, "channels": []})))
    document = summary(load_plan(plan_dir), "2026-Q2", "2026-06-30")["personas"]
    assert document == {"total": 4, "by_kind": {"B2C": 3, "B2B": 1}, "share_total": 95.0,
                        "flags": {"incomplete": 0, "no_channel": 1, "no_key_result": 1, "no_message": 1}}


def test_check_prints_persona_errors_located_and_exits_1(plan_dir, capsys):
    edit_personas(plan_dir, lambda ps: ps[0].update(type="B2Z"))
    before = {p.name: p.read_bytes() for p in plan_dir.iterdir() if p.is_file()}
    assert main(["check", str(plan_dir)]) == 1
    assert "personas.yaml:" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in plan_dir.iterdir() if p.is_file()} == before


def test_summary_json_has_personas(capsys):
    assert main(["summary", "--period", "2026-Q2", "--as-of", "2026-06-30", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["personas"]["total"] == 3 and document["personas"]["share_total"] == 100.0
