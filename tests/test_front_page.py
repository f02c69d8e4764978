"""The report's front page as a person reads it: each action once, slack and pace in words, in one language."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

from planlib.report.front_page import front_page
from planlib.steps import glance as glance_module
from planlib.steps.summary import summary


def page_with_an_action_late_and_at_risk(example, monkeypatch, lang: str) -> str:
    from planlib.steps.actions import compute

    real = compute.status_as_of

    def both(plan, period, as_of, scheduled=None):
        status = real(plan, period, as_of, scheduled)
        row = pd.DataFrame([{"id": "A05", "name": "Spring campaign", "owner": "Hugo",
                             "planned_end": date(2026, 4, 1), "slack": -59}])
        status["late"], status["at_risk"] = row, pd.concat([row, row.assign(id="A07", slack=3)])
        return status

    monkeypatch.setattr(compute, "status_as_of", both)
    document = summary(example, "2026-Q2", "2026-06-15")
    facts = glance_module.at_a_glance(example, example.period("2026-Q2"), date(2026, 6, 15), document)
    facts["off_track"][0]["pace"] = -4.06  # a level key result moving away from its target
    return front_page(example, document, facts, [], lang, "2026-12-04T03:26:34+00:00")


def test_an_action_late_and_at_risk_is_listed_once_with_its_slack_in_words(example, monkeypatch):
    french = page_with_an_action_late_and_at_risk(example, monkeypatch, "fr")
    rows = re.findall(r"<tr><td>([^<]*)</td><td>(A\d+) [^<]*</td>[^\n]*?</tr>", french)
    assert [(kind, action) for kind, action in rows] == [("en retard", "A05"), ("à risque", "A07")]
    assert "<td>1er avril 2026</td><td>il manque 59 jours</td>" in french
    assert "<td>3 jours de marge</td>" in french
    assert "s'éloigne de la cible" in french and not re.search(r"-\d+\s?%", french)
    assert "<dd>4 décembre 2026 à 03:26 (UTC) · " in french and "2026-12-04T" not in french
    english = page_with_an_action_late_and_at_risk(example, monkeypatch, "en")
    assert "59 days short" in english and "3 days to spare" in english and "moving away" in english
