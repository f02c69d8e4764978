"""The SMART linter on French and English sentences: each letter asserted."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planlib.steps.objectives.linter import smart

PLANLIB = Path(sys.executable).parent / "planlib"
T, F, J = True, False, None  # J: needs a person's judgement

# sentence, lang, specific, measurable, achievable, realistic, time_bound
CASES = [
    # French, vague
    ("Améliorer notre image de marque", "fr", F, F, J, J, F),
    ("Être plus présents sur les réseaux sociaux", "fr", F, F, J, J, F),
    ("Augmenter les ventes", "fr", T, F, J, J, F),
    ("Augmenter le trafic du site de X % d'ici la fin de l'année", "fr", T, F, J, J, T),
    ("Gagner XX nouveaux clients au cours du prochain trimestre", "fr", T, F, J, J, T),
    ("Développer la notoriété rapidement", "fr", T, F, J, J, F),
    ("Augmenter le chiffre d'affaires de 15 %", "fr", T, T, J, J, F),
    # French, SMART, dates in several forms
    ("Augmenter le chiffre d'affaires en ligne de 20 % d'ici le 31/12/2026", "fr", T, T, J, J, T),
    ("Générer 500 leads qualifiés d'ici septembre", "fr", T, T, J, J, T),
    ("Atteindre 12 000 abonnés à la newsletter d'ici 6 mois", "fr", T, T, J, J, T),
    ("Faire passer le taux de conversion de 1,6 % à 2,1 % d'ici 12 mois", "fr", T, T, T, T, T),
    ("Passer de 1 000 à 5 000 followers Instagram d'ici 3 mois", "fr", T, T, T, F, T),
    ("Obtenir 30 avis clients par mois", "fr", T, T, J, J, T),
    ("Réduire le coût par lead de 10 % au cours du prochain trimestre", "fr", T, T, J, J, T),
    ("Doubler le nombre de demandes de devis avant fin 2026", "fr", T, T, J, J, T),
    ("Atteindre 50 000 € de ventes sur la marketplace en T3 2026", "fr", T, T, J, J, T),
    ("Porter le panier moyen de 62 € à 70 € d'ici le 30 juin 2026", "fr", T, T, T, J, T),
    ("Maintenir le taux d'ouverture de 25 % à 25 % cette année", "fr", T, T, F, J, T),
    ("Recruter 200 participants pour le salon du 15 mars 2026", "fr", T, T, J, J, T),
    ("Augmenter les visites de 8 % chaque mois", "fr", T, T, J, J, T),
    # English, vague
    ("Improve our brand", "en", F, F, J, J, F),
    ("Grow sales", "en", T, F, J, J, F),
    ("Increase traffic by X% by the end of the year", "en", T, F, J, J, T),
    ("Get more customers next quarter", "en", T, F, J, J, T),
    ("Boost engagement on social media", "en", T, F, J, J, F),
    # English, SMART
    ("Increase online revenue by 20% by December 31, 2026", "en", T, T, J, J, T),
    ("Generate 500 qualified leads by the end of Q3", "en", T, T, J, J, T),
    ("Reach 40,000 Instagram followers within 9 months", "en", T, T, J, J, T),
    ("Raise the conversion rate from 1.6% to 2.1% within 12 months", "en", T, T, T, T, T),
    ("Grow newsletter subscribers from 8,000 to 12,000 over the next 9 months", "en", T, T, T, T, T),
    ("Take sign-ups from 100 to 1,000 in 2 months", "en", T, T, T, F, T),
    ("Collect 30 customer reviews per month", "en", T, T, J, J, T),
    ("Cut the cost per click by 10% in 2026", "en", T, T, J, J, T),
    ("Double demo bookings by June 2026", "en", T, T, J, J, T),
    ("Sell 2,000 orders on 2026-06-30", "en", T, T, J, J, T),
]


@pytest.mark.parametrize("sentence,lang,s,m,a,r,t", CASES, ids=[c[0][:40] for c in CASES])
def test_letters(sentence, lang, s, m, a, r, t):
    result = smart(sentence, lang)
    got = tuple(result[k]["ok"] for k in ("specific", "measurable", "achievable", "realistic", "time_bound"))
    assert got == (s, m, a, r, t), {k: result[k]["reason"] for k in ("specific", "measurable", "time_bound")}
    assert result["smart"] == (False not in got)


def test_there_are_enough_sentences():
    assert len(CASES) >= 30
    assert {c[1] for c in CASES} == {"fr", "en"}


def test_reasons_say_what_to_add():
    vague = smart("Augmenter le trafic", "fr")
    assert vague["measurable"]["reason"].startswith("aucune quantité : de combien ?")
    assert vague["time_bound"]["reason"].startswith("aucune échéance : pour quand ?")
    placeholder = smart("Increase traffic by X% by the end of the year", "en")
    assert placeholder["measurable"]["reason"] == "'X%' is a placeholder, not a number: by how much exactly?"
    assert smart("Improve our brand", "en")["specific"]["reason"].startswith("no metric: what exactly will be counted?")
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
    result = subprocess.run([PLANLIB, "smart", "Improve our brand"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "✗ Specific: no metric" in result.stdout and result.stdout.strip().endswith("not SMART yet")
