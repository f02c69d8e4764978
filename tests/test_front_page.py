"""The report's front page as a person reads it: each action once, slack and pace in words, in one language."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from planlib.report.front_page import front_page
from planlib.report import glance as glance_module
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
    moving_away = replace(facts.off_track[0], pace=-4.06)  # a level key result moving away from its target
    facts = replace(facts, off_track=(moving_away, *facts.off_track[1:]))
    return front_page(example, facts, [], lang, "2026-12-04T03:26:34+00:00")


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


def _front(example, lang: str, as_of: str = "2026-06-15"):
    document = summary(example, "2026-Q2", as_of)
    facts = glance_module.at_a_glance(example, example.period("2026-Q2"), date.fromisoformat(as_of), document)
    return document, facts, front_page(example, facts, [], lang, "2026-12-04T03:26:34+00:00")


def test_the_front_page_opens_on_a_bullet_bar_for_every_key_result(example):
    document, facts, page = _front(example, "en")
    assert [row.id for row in facts.dashboard] == example.key_results["id"].tolist()
    assert page.count('<span class="bullet">') == len(example.key_results)
    assert page.index("Every key result") < page.index("What changed")
    for row, pacing in zip(facts.dashboard, document["kpi_review"]["key_results"]):  # the summary's figures
        assert (row.progress, row.expected_progress, row.status) == \
            (pacing["progress"], pacing["expected_progress"], pacing["status"])
    kr01 = facts.dashboard[0]
    width = 100 * kr01.progress / (max(1.0, kr01.progress, kr01.expected_progress) * 1.1)
    assert f'status-bg-{kr01.status}" style="width:{width:.1f}%"' in page


def test_each_key_result_behind_says_why_from_the_plan(example):
    document, facts, page = _front(example, "fr")
    why = facts.why["KR02"]
    assert why.owner == "Thomas" and "A23" in [a.id for a in why.actions]
    assert why.decision.id == "D02" and why.decision.due == date(2026, 6, 12)
    lines = document["budget"]
    assert sum(c.period for c in facts.by_category) == pytest.approx(lines["period"], abs=0.05)
    assert ("Décision D02 : ajuster, Conversion rate below pace: move the mobile checkout redesign forward "
            "(Thomas, attendue le 12 juin 2026)") in page
    assert "Responsable : Thomas ; leviers : checkout redesign, reviews, A/B tests" in page
    assert "Budget de ses actions : " in page and "Par catégorie" in page


def test_open_decisions_carry_their_text_and_the_overdue_ones_come_first(example):
    _, facts, page = _front(example, "en")
    assert [(d.id, d.overdue) for d in facts.open_decisions] == [("D02", True), ("D03", False)]
    assert page.index("D02 on KR02") < page.index("D03 on ")
    assert ("D02 on KR02: adjust, Conversion rate below pace: move the mobile checkout redesign forward (Thomas, "
            "due 12 June 2026) <strong") in page


def test_the_lines_most_over_budget_are_the_five_largest_overruns(example):
    document, facts, page = _front(example, "en", "2026-09-30")
    over = facts.most_over_budget
    assert len(over) == min(5, document["budget"]["lines_over_budget"])
    assert [o.over for o in over] == sorted((o.over for o in over), reverse=True)
    assert all(o.spent_to_date - o.budget == pytest.approx(o.over) for o in over)
    if over:
        assert f"{over[0].id} {over[0].label}" in page
