"""An executed notebook as report pages: headings kept with their charts, printed pages apart, light tables."""
from __future__ import annotations

import base64
import re

import nbformat
import pandas as pd
import pytest
from conftest import ROOT
from grown import grown_plan

from planlib.report.export import keep_headings_with_pictures, lighter, split_outputs
from planlib.report.runner import ReportJob
from planlib.ui.display import APPENDIX_KEY, PAGE_KEY

PNG = base64.b64encode(b"\x89PNG fake").decode("ascii")


def _notebook(*outputs_per_cell):
    notebook = nbformat.v4.new_notebook()
    for outputs in outputs_per_cell:
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=metadata or {})
                        for data, metadata in outputs]
        notebook.cells.append(cell)
    return notebook


def markdown(text):
    return {"text/markdown": text, "text/plain": "<Markdown>"}, None


def test_a_heading_and_its_lines_are_kept_with_the_chart_under_them():
    notebook = _notebook([markdown("## The tree"), markdown("Each *objective* and its key results.")],
                         [({"image/png": PNG, "text/plain": "<Figure>"}, None)],
                         [markdown("## Decisions")], [({"text/html": "<table></table>"}, None)])
    kept = keep_headings_with_pictures(notebook)
    outputs = [o for cell in kept.cells for o in cell.outputs]
    assert len(outputs) == 3
    assert outputs[0]["data"]["text/html"] == (
        '<div class="keep-together"><h2>The tree</h2>\n<p>Each <em>objective</em> and its key results.</p>\n'
        f'<img alt="" src="data:image/png;base64,{PNG}"></div>')
    assert outputs[1]["data"]["text/markdown"] == "## Decisions"  # a heading over a table: a table can be cut


def test_a_chart_under_a_long_run_of_text_is_not_glued_to_it():
    notebook = _notebook([markdown("## Budget"), markdown("One."), markdown("Two."), markdown("Three.")],
                         [({"image/png": PNG}, None)])
    outputs = [o for cell in keep_headings_with_pictures(notebook).cells for o in cell.outputs]
    assert [list(o["data"]) for o in outputs] == [["text/markdown", "text/plain"]] * 4 + [["image/png"]]


def test_printed_pages_and_appendix_tables_leave_the_step_page():
    notebook = _notebook([({"text/html": "<table>full</table>"}, {APPENDIX_KEY: "Every action"}),
                          ({"text/html": '<div class="planlib-page"><img src="x"></div>'},
                           {PAGE_KEY: "Marketing calendar, Q2 2026"})])
    page, appendix, printed = split_outputs(notebook, "05_action_plan", "fr")
    assert appendix == [("Every action", "<table>full</table>")]
    [(title, name, html)] = printed
    assert (title, name) == ("Marketing calendar, Q2 2026", "printed-05_action_plan-1.html")
    assert html.startswith('<!DOCTYPE html><html lang="fr">') and '<div class="planlib-page"><img src="x"></div>' in html
    [link] = page.cells[0].outputs
    assert link["data"]["text/html"] == ('<p class="printed-page"><a href="printed-05_action_plan-1.html">Marketing '
                                         'calendar, Q2 2026</a> <span class="muted">(une page à imprimer, A4 '
                                         'paysage)</span></p>')


def test_table_cells_lose_the_ids_and_classes_no_style_reads():
    frame = pd.DataFrame({"status": ["late", "done"], "amount": [1.0, 2.0]})
    styled = frame.style.map(lambda v: "color:red" if v == "late" else "", subset=["status"]).to_html()
    light = lighter(styled)
    assert 'class="data row0 col1"' in styled and "class=\"data" not in light and "col_heading" not in light
    coloured = [i for i in styled.split('"') if i.startswith("T_") and "_row0_col0" in i]
    assert coloured and f'id="{coloured[0]}"' in light  # the cell a style rule colours keeps its id
    assert "_row1_col1" not in light.split("</style>")[-1] and len(light) < len(styled)


@pytest.fixture(scope="module")
def grown_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grown")
    plan = grown_plan(folder / "plan")
    [report] = ReportJob(plan, ["2026-Q2"], out=folder / "out", as_of="2026-06-15", lang="fr", jobs=2,
                         stream=open(folder / "log", "w")).run()
    return report.folder


def test_every_page_is_light_for_twenty_key_results_and_sixty_actions(grown_report):
    sizes = {p.name: p.stat().st_size for p in grown_report.glob("*.html")}
    assert max(sizes.values()) < 150_000, sizes
    assert all('href="report.css"' in p.read_text(encoding="utf-8") for p in grown_report.glob("*.html"))
    step = (grown_report / "05_action_plan.html").read_text(encoding="utf-8")
    calendar = (grown_report / "printed-05_action_plan-1.html").read_text(encoding="utf-8")
    assert '<a href="printed-05_action_plan-1.html">Calendrier marketing, T2 2026</a>' in step
    assert "data:image/png" in calendar and "<h2>Le calendrier marketing</h2>" in calendar
    assert not list(grown_report.glob(".*.json"))  # no side file of the export left behind
    kpis = (grown_report / "07_kpi_review.html").read_text(encoding="utf-8")
    # the trends of every key result behind in one chart, kept on one printed page with its heading
    assert kpis.count("data:image/png") == 1
    assert '<div class="keep-together"><h2>Résultats clés en retard : tendance et prévision</h2>\n<img' in kpis


def test_the_pdf_laid_out_on_two_cores_is_the_one_laid_out_on_one(grown_report, tmp_path):
    """Pages laid out in two processes and put together read as the pages laid out in one: same pages, same
    words, numbered through, each font embedded once per process (the file stays light)."""
    from pypdf import PdfReader

    from planlib.report.pdf import write_pdf

    index = (grown_report / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'data-href="([^"]+)"', index)
    manager = [(href, href) for href in hrefs if href == "index.html" or href.startswith("objective-")]
    annex = [(href, href) for href in hrefs if (href, href) not in manager]
    texts = {}
    for jobs in (1, 2):
        write_pdf(grown_report, manager, annex, tmp_path / f"{jobs}.pdf", "fr", jobs)
        reader = PdfReader(tmp_path / f"{jobs}.pdf")
        texts[jobs] = [page.extract_text() for page in reader.pages]
        assert [text.rstrip().rsplit("\n", 1)[-1] for text in texts[jobs]] == \
            [str(n) for n in range(1, len(texts[jobs]) + 1)]
        assert (tmp_path / f"{jobs}.pdf").stat().st_size < 2_000_000
    assert texts[1] == texts[2]
