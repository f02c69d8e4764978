"""The SMART linter on French and English sentences: each letter asserted."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_planlib

from planlib.steps.objectives.linter import smart

PLANLIB = Path(sys.executable).parent / "planlib"
CORPUS = Path(__file__).parent / "fixtures" / "smart"
LETTER_KEYS = ("specific", "measurable", "achievable", "realistic", "time_bound")
MARK = {"T": True, "F": False, "?": None}  # ?: needs a person's judgement


def corpus(lang: str) -> list[tuple[str, str, tuple]]:
    """The sentences of fixtures/smart/<lang>.txt with their expected letters ("TT??T | sentence")."""
    cases = []
    for line in (CORPUS / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([TF?]{5}) \| (.+)", line)
        if match:
            cases.append((match.group(2), lang, tuple(MARK[mark] for mark in match.group(1))))
    return cases


CASES = corpus("fr") + corpus("en")


@pytest.mark.parametrize("sentence,lang,expected", CASES, ids=[f"{c[1]}-{c[0][:50]}" for c in CASES])
def test_letters(sentence, lang, expected):
    result = smart(sentence, lang)
    got = tuple(result[k]["ok"] for k in LETTER_KEYS)
    assert got == expected, {k: result[k]["reason"] for k in ("specific", "measurable", "time_bound")}
    assert result["smart"] == (False not in got)


def test_the_corpus_is_large_and_covers_each_verdict():
    for lang in ("fr", "en"):
        cases = corpus(lang)
        assert len(cases) >= 150, lang
        for index, key in enumerate(LETTER_KEYS):
            marks = {expected[index] for _, _, expected in cases}
            assert marks >= ({True, False, None} if key in ("achievable", "realistic") else {True, False}), (lang, key)


def test_no_rule_lists_metric_nouns():
    """Measurable and Specific accept any noun: invented ones included."""
    for sentence in ("Planter 40 frobnicateurs d'ici juin", "Ship 40 flurbles by June",
                     "Augmenter de 12 % les zorglubs vendus au second semestre"):
        result = smart(sentence, "en")
        assert result["specific"]["ok"] and result["measurable"]["ok"] and result["time_bound"]["ok"], sentence


def test_reasons_say_what_to_add():
    vague = smart("Augmenter le trafic", "fr")
    assert vague["measurable"]["reason"].startswith("aucune quantité : de combien ?")
    assert vague["time_bound"]["reason"].startswith("aucune échéance : pour quand ?")
    assert smart("Gagner plus de clients", "fr")["measurable"]["reason"].startswith(
        "« plus de » est vague, pas un nombre : de combien exactement ?")
    assert smart("Improve the customer experience", "en")["specific"]["reason"].startswith(
        "'customer experience' is too broad to be counted")
    placeholder = smart("Increase traffic by X% by the end of the year", "en")
    assert placeholder["measurable"]["reason"] == "'X%' is a placeholder, not a number: by how much exactly?"
    assert smart("Be the best", "en")["specific"]["reason"].startswith("no metric: what exactly will be counted?")
    realistic = smart("Passer de 1 000 à 5 000 followers Instagram d'ici 3 mois", "fr")["realistic"]["reason"]
    assert realistic.startswith("133,3\u00a0% par mois, au-delà du repère de 8\u00a0%")


def test_cli_json_has_one_key_per_letter():
    result = subprocess.run([PLANLIB, "smart", "Générer 500 leads d'ici septembre", "--lang", "fr", "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert set(document) >= {"specific", "measurable", "achievable", "realistic", "time_bound", "smart"}
    assert document["specific"]["ok"] is True and document["achievable"]["ok"] is None
    assert document["smart"] is True


def test_cli_text_output():
    result = run_planlib("smart", "Be the best")
    assert result.returncode == 0
    assert "✗ Specific: no metric" in result.stdout and result.stdout.strip().endswith("not SMART yet")


def test_reasons_quote_the_deciding_words_and_the_kind_of_time_frame():
    result = smart("Publier trois articles de blog chaque semaine", "fr")
    assert result["specific"]["reason"] == "nomme ce qui est compté : articles de blog"
    assert result["measurable"]["reason"] == "donne une quantité : trois"
    assert result["time_bound"]["reason"] == "dit quand : chaque semaine (une fréquence)"
    kinds = {"Sign 15 new B2B accounts in the next six months": "says when: in the next six months (a duration)",
             "Sell 2,000 boxes before the summer sales": "says when: before the summer sales (a calendar event)",
             "Sell 2,000 boxes d'ici la rentrée": "says when: d'ici la rentrée (a season)",
             "Sell 2,000 boxes by the end of Q3": "says when: by the end of Q3 (a period of the year)",
             "Sell 2,000 boxes in H2 2026": "says when: H2 2026 (a quarter or half-year)"}
    for sentence, reason in kinds.items():
        assert smart(sentence, "en")["time_bound"]["reason"] == reason


def test_a_duration_sets_the_realistic_pace():
    words = smart("Passer de 1 000 à 1 100 abonnés dans les six prochains mois", "fr")["realistic"]
    assert (words["ok"], words["reason"]) == (True, "1,7\u00a0% par mois, sous le repère de 8\u00a0%")
    horizon = smart("Take sign-ups from 100 to 200 over a 12-month horizon", "en")["realistic"]
    assert (horizon["ok"], horizon["reason"]) == (False, "8.3% a month, over the 8% rule of thumb: lower the target "
                                                         "or give more time")


def test_the_plans_named_periods_are_time_frames():
    sentence = "Vendre 800 coffrets pendant la Semaine verte"
    assert smart(sentence, "fr")["time_bound"]["ok"] is False
    named = smart(sentence, "fr", ("Semaine Verte",))["time_bound"]
    assert (named["ok"], named["reason"]) == (True, "dit quand : Semaine verte (une période du plan)")
    assert smart("Vendre 800 coffrets pendant les soldes d'ete", "fr", ("Soldes d'été",))["time_bound"]["ok"]


def test_every_kind_of_time_frame_has_a_wording():
    from planlib.core.i18n import tr
    from planlib.steps.objectives.timeframes import PATTERNS

    for kind in {name for name, _ in PATTERNS} | {"plan_period"}:
        for lang in ("en", "fr"):
            assert tr(f"linter.time_kind.{kind}", lang) != f"linter.time_kind.{kind}", (kind, lang)


def test_cli_reads_the_plans_periods_and_language(plan_dir):
    import yaml

    settings = yaml.safe_load((plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    name = settings["high_activity_periods"][0]["name"]
    result = run_planlib("smart", f"Vendre 500 coffrets pendant les {name}", "--plan", plan_dir, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["lang"] == settings["language"]
    assert document["time_bound"]["ok"] is True and name in document["time_bound"]["reason"]
