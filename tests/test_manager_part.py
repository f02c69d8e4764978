"""The report in two parts: the manager's (the front page, one page per business objective, their trends with
the forecast band) before the analyst's annex, as a manager reads it printed and on screen."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import EXAMPLE, set_cell
from pdf_marks import reach

from planlib import load_plan
from planlib.cli import main
from planlib.report.front_page import front_page
from planlib.report.objective_pages import objective_pages
from planlib.report.glance import at_a_glance
from planlib.steps.summary import summary


def _pages(plan, lang: str, as_of: str = "2026-06-15"):
    document = summary(plan, "2026-Q2", as_of)
    glance = at_a_glance(plan, plan.period("2026-Q2"), date.fromisoformat(as_of), document)
    made = objective_pages(plan, glance, lang)
    front = front_page(plan, glance, [], lang, "2026-12-04T03:26:34+00:00", "",
                       [(title, name) for title, name, _ in made])
    return document, glance, front, {name: page for _, name, page in made}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("printed")
    assert main(["report", str(EXAMPLE), "--period", "2026-Q2", "--as-of", "2026-06-15", "--lang", "fr", "--pdf",
                 "--out", str(out), "--quiet"]) == 0
    folder = out / "example" / "2026-Q2"
    return folder, PdfReader(folder / "report-2026-Q2.pdf")


def test_the_pdf_is_the_managers_part_then_the_analysts_annex(printed):
    folder, reader = printed
    plan = load_plan(EXAMPLE)
    business = plan.objectives[plan.objectives["level"] == "business"]
    outline = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == ["Pour le manager",
                                                                              "Annexe de l'analyste"]
    manager, annex = outline[1], outline[3]
    assert [i.title for i in manager] == ["Rapport du plan d'actions marketing",
                                          *[f"{o.id} {o.title}" for o in business.itertuples()]]
    assert [i.title for i in annex] == ["0. Commencer ici", "1. Audit", "2. Objectifs SMART", "3. Personas",
                                        "4. Canaux et messages", "5. Plan d'actions",
                                        "Calendrier marketing, T2 2026", "6. Budget",
                                        "7. Suivi des KPI", "Annexe : tableaux complets"]
    starts = [reader.get_destination_page_number(i) + 1 for i in [*manager, *annex]]
    assert starts == sorted(starts) and starts[0] == 1
    objective_starts = starts[1:len(manager)] + [starts[len(manager)]]
    assert all(b - a == 1 for a, b in zip(objective_starts, objective_starts[1:]))  # one printed page each
    assert starts[len(manager)] - 1 <= 6  # the manager's part: at most six pages for the example
    # the front page's contents says which part is which, and where each page starts
    front_text = "".join(reader.pages[i].extract_text() for i in range(starts[1] - 1))
    assert "Pour le manager" in front_text and "Annexe de l'analyste" in front_text
    for item, start in zip([*manager[1:], *annex], starts[1:]):
        assert f"{item.title} {start}" in front_text, item.title
    for number, page in enumerate(reader.pages, 1):  # numbered through, and none a spill-over of a few lines
        assert page.extract_text().rstrip().endswith(str(number))
        assert "Verdure & Co · T2 2026" in page.extract_text()  # the running header: plan and period
        assert reach(page) > 0.15, (number, page.extract_text()[:80])
    for name in ["index.html", *(f"objective-{o}.html" for o in business["id"])]:  # no raw table for the manager
        text = (folder / name).read_text(encoding="utf-8")
        assert 'class="dataframe"' not in text and "jp-OutputArea" not in text, name


def test_an_objective_page_says_why_its_key_result_is_behind(plan_dir):
    """KR02 is behind, two of its actions are late and its decision is overdue: its objective's page (B1) names
    both actions late, the decision's text with its owner and due date; the front page flags it overdue."""
    for action in ("A07", "A23"):
        set_cell(plan_dir / "actions.csv", action, "status", "in_progress")
        set_cell(plan_dir / "actions.csv", action, "end", "2026-05-29")
    plan = load_plan(plan_dir)
    document, glance, front, pages = _pages(plan, "en")
    b1 = pages["objective-B1.html"]
    assert "<h1>B1 Reach 3 M€ of revenue in 2026 (+20%)</h1>" in b1
    assert "A07 Retargeting of cart abandoners (late)" in b1 and "A23 Mobile checkout redesign (late)" in b1
    assert "Late or at risk: A07 Retargeting of cart abandoners; A23 Mobile checkout redesign; A26" in b1
    assert ("Decision D02: adjust, Conversion rate below pace: move the mobile checkout redesign forward "
            "(Thomas, due 12 June 2026)") in b1
    assert "KR01" in b1 and "KR05" not in b1  # its own key results only
    assert 'class="trends"' in b1 and b1.count("<img") == 1
    assert ("D02 on KR02: adjust, Conversion rate below pace: move the mobile checkout redesign forward (Thomas, "
            'due 12 June 2026) <strong class="status-red">overdue</strong>') in front
    assert "A07 Retargeting of cart abandoners (late)" in front and "A23 Mobile checkout redesign (late)" in front
    objective = next(o for o in glance.objectives if o.id == "B1")
    assert objective.actions["late"] == 2 and objective.late_or_at_risk[:2] == ("A07", "A23")
    french = _pages(plan, "fr")[3]["objective-B1.html"]
    assert "A07 Retargeting of cart abandoners (en retard)" in french and "Ses actions" in french
    assert "En retard ou à risque : A07" in french


def test_objective_figures_add_up_to_the_plans(example):
    """Each key result is under one objective; each objective's spend is the spend of its actions' lines."""
    from planlib.steps.budget.spend import spend_vs_plan

    document, glance, _, _ = _pages(example, "en")
    objectives = glance.objectives
    assert sorted(kr for o in objectives for kr in o.key_results) == sorted(example.key_results["id"])
    lines = spend_vs_plan(example, date(2026, 6, 15))["lines"]
    for objective in objectives:
        actions = example.actions[example.actions["key_result_id"].isin(objective.key_results)]
        own = lines[lines["action_id"].isin(set(actions["id"]))]
        assert objective.spent_to_date == pytest.approx(own["spent_to_date"].sum(), abs=0.01)
        assert objective.budget == pytest.approx(own["budget"].sum(), abs=0.01)
        assert sum(objective.actions.values()) == len(actions)


def test_key_results_under_no_business_objective_get_a_page_of_their_own(plan_dir):
    set_cell(plan_dir / "objectives.csv", "M8", "parent_id", "")
    plan = load_plan(plan_dir)
    _, glance, front, pages = _pages(plan, "fr")
    assert [o.id for o in glance.objectives] == ["B1", "B2", "B3", "B4", ""]
    assert glance.objectives[3].key_results == () and glance.objectives[4].key_results == ("KR12",)
    assert "Résultats clés rattachés à aucun objectif business" in pages["objective-none.html"]
    assert "Aucune action ne sert encore ces résultats clés." in pages["objective-B4.html"]
    assert 'href="objective-none.html"' in front


def test_trends_draw_one_panel_per_key_result_with_its_band(example):
    from planlib.core.metrics import MetricIndex
    from planlib.steps.review.charts import trends
    from planlib.steps.review.pacing import Pacing

    document = summary(example, "2026-Q2", "2026-06-15")
    pacings = [Pacing(**p) for p in document["kpi_review"]["key_results"]][:5]
    titles = dict(zip(example.key_results["id"], example.key_results["title"]))
    figure = trends(example, pacings, MetricIndex(example.actuals), date(2026, 6, 15), titles, lang="en")
    panels = [axes for axes in figure.axes if axes.get_visible()]
    assert len(panels) == 5 and len(figure.axes) == 6  # three columns beyond four key results, one left blank
    assert [axes.get_title(loc="left").split()[0] for axes in panels] == [p.id for p in pacings]
    banded = [p for p in pacings if p.forecast_low is not None]
    assert sum(len(axes.collections) for axes in panels) == len(banded)  # each forecast band drawn once
    assert [text.get_text() for text in figure.legends[0].get_texts()] == ["actual", "expected pace", "forecast", "as of"]
    french = trends(example, pacings, MetricIndex(example.actuals), date(2026, 6, 15), titles, lang="fr")
    assert [text.get_text() for text in french.legends[0].get_texts()] == \
        ["réalisé", "rythme attendu", "prévision", "date du point"]  # the legend in the language asked
