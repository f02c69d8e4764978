"""The sample plans: each one's content is in the language it declares, and the French one reports in French."""
from __future__ import annotations

import re

import pytest
from conftest import EXAMPLE, ROOT

from planlib import load_plan
from planlib.cli import main

FRENCH_SAMPLE = ROOT / "data" / "exemple-fr"
MARKERS = {"fr": {"de", "des", "du", "la", "le", "les", "et", "pour", "sur", "d'ici"},
           "en": {"the", "of", "and", "to", "for", "on", "by", "with", "from"}}


def content_language(plan) -> str:
    """The language most of the plan's own sentences are written in (titles, names, descriptions)."""
    texts = [*plan.objectives["title"], *plan.key_results["title"], *plan.actions["name"],
             *plan.actions["description"], *plan.budget["label"], *plan.kpis["name"]]
    words = re.findall(r"[a-zà-ÿ']+", " ".join(texts).lower())
    counts = {lang: sum(word in markers for word in words) for lang, markers in MARKERS.items()}
    return max(counts, key=counts.get)


@pytest.mark.parametrize("folder", [EXAMPLE, FRENCH_SAMPLE], ids=["example", "exemple-fr"])
def test_a_sample_plan_s_content_speaks_its_declared_language(folder):
    plan = load_plan(folder)
    assert content_language(plan) == plan.language
    assert plan.warnings == []


@pytest.mark.kernel
def test_the_french_sample_reports_in_french_end_to_end(tmp_path, capsys):
    code = main(["report", str(FRENCH_SAMPLE), "--period", "2026-Q2", "--as-of", "2026-06-30", "--out", str(tmp_path),
                 "--quiet", "--jobs", "2"])
    assert code == 0, capsys.readouterr().err
    folder = tmp_path / "exemple-fr" / "2026-Q2"
    front = (folder / "index.html").read_text(encoding="utf-8")
    assert "Rapport du plan d'actions marketing" in front and "Lumen Atelier" in front and "Période" in front
    budget = (folder / "06_budget.html").read_text(encoding="utf-8")
    assert "payé avant 2026" in budget and "dû après 2026" in budget  # the trade fair's deposit and balance
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Key result" not in text and "Not saved" not in text, page.name  # no English label
        assert '<html lang="fr">' in text, page.name
        cells = re.findall(r"<t[dh][^>]*>([^<]*)</t[dh]>", text)
        raw = {"True", "False", "None", "nan", "NaT", "high", "medium", "low", "planned", "in_progress", "done",
               "key_result", "to_fix", "feasibility", "rank", "smart", "id"}
        assert not raw & {cell.strip() for cell in cells}, (page.name, raw & {cell.strip() for cell in cells})
