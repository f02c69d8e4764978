"""Period reports: complete files, parameters reaching notebooks, failures that change nothing."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import nbformat
import pytest
from conftest import EXAMPLE, LIGHT_NOTEBOOK, ROOT, run_planlib, tree_bytes

from planlib import load_plan, summary
from planlib.cli import main, report_periods
from planlib.report.folders import period_lock
from planlib.report.runner import ReportError, ReportJob

pytestmark = [pytest.mark.kernel]

PLANLIB = Path(sys.executable).parent / "planlib"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory):
    """One report call for two quarters, shared by the tests that only read it."""
    out = tmp_path_factory.mktemp("reports")
    code = main(["report", str(EXAMPLE), "--period", "2026-Q1,2026-Q2", "--as-of", "2026-05-15",
                 "--out", str(out), "--lang", "en"])
    assert code == 0
    return out / "example"


def catalog_families() -> list[str]:
    """The first part of every catalog key (label, heading, review...): what a key shown raw starts with."""
    text = (ROOT / "planlib" / "core" / "locale" / "en" / "LC_MESSAGES" / "planlib.po").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'^msgid "([a-z_]+)\.', text, re.MULTILINE)))


def test_no_page_shows_a_catalog_key(two_quarters):
    """Every wording reaches the page as a sentence: a key such as label.period_figures is never shown."""
    files = r"(?!(?:yaml|csv|html|ipynb|xlsx|json|md|css|pdf|txt)\b)"  # audit.yaml is a file, not a key
    key = re.compile(r"\b(?:" + "|".join(catalog_families()) + r")\." + files + r"[a-z_]+(?:\.[a-z_]+)*\b")
    for page in sorted((two_quarters / "2026-Q1").glob("*.html")):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
        shown = sorted(set(key.findall(text)))
        assert shown == [], f"{page.name} shows {shown}"


def test_every_step_has_its_executed_notebook_and_html(two_quarters):
    folder = two_quarters / "2026-Q1"
    for notebook in NOTEBOOKS:
        assert (folder / notebook.name).exists()
        page = (folder / notebook.with_suffix(".html").name).read_text(encoding="utf-8")
        assert "plan_dir =" not in page and "nb.start(" not in page  # no code
        assert 'class="jp-InputPrompt' not in page and 'class="jp-OutputPrompt' not in page  # no prompts
        assert "class=\"jp-CodeMirrorEditor" not in page and "class=\"highlight" not in page
        assert "<script src=" not in page and not re.search(r'(src|href)="https?://', page)  # offline
        assert "application/vnd.jupyter.widget-view+json" not in page
        executed = nbformat.read(folder / notebook.name, as_version=4)
        assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)
        noise = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
                 if o.output_type in ("stream", "error")]
        assert noise == [], f"{notebook.name} printed {noise}"
    business = load_plan(EXAMPLE).objectives.query("level == 'business'")["id"]
    assert {p.name for p in folder.iterdir()} == (
        {"index.html", "summary.json", "report.css", "appendix.html", "plan"} | {n.name for n in NOTEBOOKS}
        | {n.with_suffix(".html").name for n in NOTEBOOKS} | {f"objective-{b}.html" for b in business}
        | {"printed-05_action_plan-1.html"})  # the calendar's quarter: a page to print of its own


def test_a_step_page_says_once_where_its_forms_are(two_quarters):
    """Steps with several forms (the audit has five) say it once per page, each page in a kernel shared by all."""
    for page in sorted((two_quarters / "2026-Q1").glob("0[1-7]_*.html")):
        text = page.read_text(encoding="utf-8")
        assert text.count("The forms of this step show when the notebook runs in JupyterLab") == 1, page.name


def test_index_links_resolve_and_show_headline_figures(two_quarters):
    folder = two_quarters / "2026-Q2"
    index = (folder / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)"', index)
    business = load_plan(EXAMPLE).objectives.query("level == 'business'")["id"]
    # each business objective's page, the step pages and the appendix; the front page never links to itself
    steps = [n.with_suffix(".html").name for n in NOTEBOOKS]
    # ... with the quarter of the marketing calendar the action plan's step prints, right after that step
    assert links == [f"objective-{b}.html" for b in business] + steps[:6] + ["printed-05_action_plan-1.html"] \
        + steps[6:] + ["appendix.html"]
    assert all((folder / link).is_file() for link in links)
    assert "Q2 2026: 1 April 2026 to 30 June 2026" in index and "15 May 2026" in index
    assert "<title>Verdure &amp; Co · Q2 2026</title>" in index
    assert "Budget of the period" in index


def test_summary_json_matches_planlib_summary(two_quarters):
    plan = load_plan(EXAMPLE)
    for period in ("2026-Q1", "2026-Q2"):
        written = json.loads((two_quarters / period / "summary.json").read_text(encoding="utf-8"))
        fingerprints = {key: written.pop(key) for key in ("plan_hash", "inputs_hash")}
        front = written.pop("front_page")
        document = summary(plan, period, "2026-05-15")
        assert written == document
        from planlib.report.glance import at_a_glance

        assert front == json.loads(json.dumps(at_a_glance(plan, plan.period(period), date(2026, 5, 15),
                                                          document).as_json()))
        assert all(len(value) == 64 for value in fingerprints.values())


def test_parameters_reach_the_notebooks(two_quarters):
    q1 = (two_quarters / "2026-Q1" / "00_start_here.html").read_text(encoding="utf-8")
    q2 = (two_quarters / "2026-Q2" / "00_start_here.html").read_text(encoding="utf-8")
    assert "Period <strong>Q1 2026</strong>" in q1 and "Q2 2026" not in q1
    assert "Period <strong>Q2 2026</strong>" in q2
    budgets = [json.loads((two_quarters / p / "summary.json").read_text())["budget"]["period"] for p in ("2026-Q1", "2026-Q2")]
    assert budgets[0] != budgets[1]
    money = [f"€{b:,.2f}" for b in budgets]
    assert money[0] in q1 and money[1] in q2


def failing_notebooks(tmp_path) -> Path:
    """The light notebook plus a copy that fails at its fourth cell."""
    folder = tmp_path / "failing"
    folder.mkdir()
    shutil.copy(LIGHT_NOTEBOOK, folder)
    notebook = nbformat.read(LIGHT_NOTEBOOK, as_version=4)
    notebook.cells.insert(3, nbformat.v4.new_code_cell('raise ValueError("boom: the plan has no moon")'))
    nbformat.write(notebook, folder / "01_broken.ipynb")
    return folder


def test_failed_notebook_leaves_previous_report_intact(tmp_path, capsys, light_notebooks):
    out = tmp_path / "reports"
    assert main(["report", str(EXAMPLE), "--period", "2026-Q1", "--out", str(out), "--as-of", "2026-03-01",
                 "--notebooks", str(light_notebooks)]) == 0
    capsys.readouterr()
    before = tree_bytes(out / "example" / "2026-Q1")
    code = main(["report", str(EXAMPLE), "--period", "2026-Q1", "--out", str(out), "--as-of", "2026-03-02",
                 "--notebooks", str(failing_notebooks(tmp_path))])
    _, err = capsys.readouterr()
    assert code == 1
    assert "report for example 2026-Q1 not written; the previous one (if any) is unchanged" in err
    assert "01_broken.ipynb, cell 4: ValueError: boom: the plan has no moon" in err
    kept = out / "example" / ".failed" / "2026-Q1" / "01_broken.ipynb"
    assert f"executed notebook kept at {kept}" in err and kept.exists()
    assert tree_bytes(out / "example" / "2026-Q1") == before
    assert [p.name for p in (out / "example").iterdir() if p.name.startswith(".build")] == []


def test_bad_period_exits_1_before_any_work(tmp_path):
    result = run_planlib("report", EXAMPLE, "--period", "2026-Q1,2026-Q9", "--out", tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'2026-Q9': quarter 9 does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_report_periods_from_all_and_relative_ids():
    plan = load_plan(EXAMPLE)
    assert report_periods(plan, None, "QUARTERS") == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert len(report_periods(plan, None, "SPRINTS")) == 26
    assert report_periods(plan, "this-month,this-quarter", None, today=date(2026, 11, 22)) == ["2026-11", "2026-Q4"]
    assert report_periods(plan, None, None, today=date(2026, 2, 3)) == ["2026-Q1"]


def test_second_run_on_same_period_waits_for_the_first(tmp_path, light_notebooks):
    root = tmp_path / "example"
    held, released = threading.Event(), threading.Event()

    def holder():
        with period_lock(root, "2026-Q1", print):
            held.set()
            released.wait(180)

    thread = threading.Thread(target=holder)
    thread.start()
    assert held.wait(10)
    second = subprocess.Popen([PLANLIB, "report", EXAMPLE, "--period", "2026-Q1", "--out", tmp_path,
                               "--notebooks", light_notebooks],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err_lines: list[str] = []
    reader = threading.Thread(target=lambda: err_lines.extend(second.stderr))
    reader.start()
    try:
        deadline = time.monotonic() + 90
        while not any("waiting for it to finish" in line for line in err_lines):
            assert second.poll() is None, "".join(err_lines)
            assert time.monotonic() < deadline, "the second run never said it was waiting"
            time.sleep(0.1)
        assert "another report run is writing" in "".join(err_lines)
        time.sleep(1)
        assert second.poll() is None and not (root / "2026-Q1").exists()  # still waiting, nothing written
    finally:
        released.set()
        thread.join()
    second.wait(timeout=120)
    reader.join()
    assert second.returncode == 0, "".join(err_lines)
    assert (root / "2026-Q1" / "index.html").exists()


def test_pdf_holds_the_whole_report(tmp_path):
    job = ReportJob(EXAMPLE, ["2026-05"], out=tmp_path, as_of="2026-05-20", lang="fr", pdf=True, jobs=1)
    [report] = job.run()
    from pypdf import PdfReader

    pdf = PdfReader(report.folder / "report-2026-05.pdf")
    text = [page.extract_text() for page in pdf.pages]
    assert len(pdf.pages) >= 1 + len(NOTEBOOKS)
    assert "Rapport du plan d'actions" in text[0] and "Verdure & Co · mai 2026" in text[0]
    assert any("Où en est le plan" in page for page in text[1:])
    index = (report.folder / "index.html").read_text(encoding="utf-8")
    assert "Rapport du plan d'actions marketing" in index and "Budget de la période" in index
    # the marketing calendar: the one quarter May touches, alone on an A4 landscape page (842 x 595 points)
    wide = [page for page in pdf.pages if page.mediabox.width > page.mediabox.height]
    assert [(round(page.mediabox.width), round(page.mediabox.height)) for page in wide] == [(842, 595)]
    assert wide[0].get_contents().get_data().count(b" Do") == 1  # one picture drawn: the quarter, whole
    # the section's heading and what it shows head the page, never stranded on the page before
    assert wide[0].extract_text().startswith("Le calendrier marketing\nUne page par trimestre")
    position = list(pdf.pages).index(wide[0])
    assert "Le calendrier marketing" not in text[position - 1] and "T2 2026" not in text[position + 1][:40]


def test_no_notebooks_is_a_clear_error(tmp_path):
    empty = tmp_path / "none"
    empty.mkdir()
    with pytest.raises(ReportError, match="no notebooks named NN_\\*.ipynb in"):
        ReportJob(EXAMPLE, ["2026-Q1"], out=tmp_path, notebooks=empty).run()



def test_no_notebooks_is_said_in_the_reader_s_language(tmp_path, capsys):
    empty = tmp_path / "none"
    empty.mkdir()
    assert main(["report", str(EXAMPLE), "--period", "2026-03", "--notebooks", str(empty), "--lang", "fr",
                 "--out", str(tmp_path / "out")]) == 1
    assert f"erreur : aucun notebook nommé NN_*.ipynb dans {empty}" in capsys.readouterr().err


def test_report_kernels_know_they_are_not_interactive(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.read(LIGHT_NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("from planlib import notebook\nprint('interactive:', notebook.interactive())"))
    nbformat.write(notebook, folder / "00_check.ipynb")
    [report] = ReportJob(EXAMPLE, ["2026-03"], out=tmp_path / "out", jobs=1, notebooks=folder).run()
    executed = nbformat.read(report.folder / "00_check.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "interactive: False\n"


def test_a_blank_plan_reports_every_step(tmp_path):
    from planlib import new_plan

    blank = new_plan(tmp_path / "blank", company="Blank", year=2026, language="fr")
    [report] = ReportJob(blank, ["2026-S05"], out=tmp_path / "out", jobs=2, stream=open(tmp_path / "log", "w")).run()
    assert {n.with_suffix(".html").name for n in NOTEBOOKS} <= {p.name for p in report.folder.iterdir()}
    assert json.loads((report.folder / "summary.json").read_text())["actions"]["total"] == 0


def outputs_of(path: Path) -> list:
    """What a notebook showed, with styled tables' random ids and objects' addresses replaced."""
    notebook = nbformat.read(path, as_version=4)
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = {k: re.sub(r"T_[0-9a-f]{5}|0x[0-9a-f]+", "ID", v) if isinstance(v, str) else v
                    for k, v in output.get("data", {}).items()}
            shown.append((cell.source, output.output_type, data, output.get("execution_count")))
    return shown


def test_warm_kernels_leave_no_trace(two_quarters, tmp_path):
    """2026-Q2 run alone, in fresh kernels, shows exactly what it showed after 2026-Q1 in the same kernels."""
    [alone] = ReportJob(EXAMPLE, ["2026-Q2"], out=tmp_path, as_of="2026-05-15", lang="en", jobs=1,
                        stream=open(tmp_path / "log", "w")).run()
    for notebook in NOTEBOOKS:
        assert outputs_of(alone.folder / notebook.name) == outputs_of(two_quarters / "2026-Q2" / notebook.name)


def test_plan_text_is_escaped_in_every_page(plan_dir, tmp_path):
    from conftest import set_cell

    set_cell(plan_dir / "actions.csv", "A23", "name", "<script>alert('checkout')</script>")
    set_cell(plan_dir / "actions.csv", "A23", "owner", "<b>Thomas</b>")
    set_cell(plan_dir / "objectives.csv", "M2", "title", "Convert <img src=x onerror=alert(1)>")
    [report] = ReportJob(plan_dir, ["2026-Q2"], out=tmp_path / "out", jobs=2, stream=open(tmp_path / "log", "w")).run()
    pages = [p.read_text(encoding="utf-8") for p in report.folder.glob("*.html")]
    assert not any("widget-state" in page for page in pages)  # forms are not built in a report run
    assert not any("<script>alert" in page or "<img src=x" in page or "<b>Thomas</b>" in page for page in pages)
    assert any("&lt;script&gt;alert" in page for page in pages)
    assert any("&lt;b&gt;Thomas&lt;/b&gt;" in page for page in pages)


def test_notebooks_reuse_the_plan_the_runner_loaded(tmp_path, monkeypatch):
    """Loaded by a relative path, as the CLI does, the plan is still recognised in the kernels."""
    monkeypatch.chdir(ROOT)
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.read(LIGHT_NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "print('reused:', session.report is not None and session.report.read_plan(plan_dir) is not None)"))
    nbformat.write(notebook, folder / "00_check.ipynb")
    relative = Path("data/example")
    [report] = ReportJob(relative, ["2026-03"], out=tmp_path / "out", jobs=1, notebooks=folder,
                         stream=open(tmp_path / "log", "w")).run()
    executed = nbformat.read(report.folder / "00_check.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "reused: True\n"


def test_front_page_is_the_period_at_a_glance_in_one_language(tmp_path):
    """Off-track key results with pace and decision, late actions, budget, overdue decisions; no other language."""
    pages = {}
    for lang in ("fr", "en"):
        assert main(["report", str(EXAMPLE), "--period", "2026-Q2", "--as-of", "2026-06-15", "--lang", lang,
                     "--out", str(tmp_path / lang)]) == 0
        pages[lang] = (tmp_path / lang / "example" / "2026-Q2" / "index.html").read_text(encoding="utf-8")
    french, english = pages["fr"], pages["en"]
    for lang in ("fr", "en"):  # every page says its language: the step pages too, not nbconvert's default
        for page in (tmp_path / lang / "example" / "2026-Q2").glob("*.html"):
            assert f'<html lang="{lang}">' in page.read_text(encoding="utf-8"), page.name
    for words in ("Résultats clés", "en retard", "ajuster (D02)", "pas encore de décision", "Enveloppe de l'année",
                  "1 est en retard.", "D02 sur KR02 : ajuster, ", "(Thomas, attendue le 12 juin 2026)", "Décisions"):
        assert words in french, words
    for words in ("Key results", "behind", "adjust (D02)", "no decision yet", "Envelope of the year",
                  "1 is overdue.", "D02 on KR02: adjust, ", "(Thomas, due 12 June 2026)"):
        assert words in english, words
    headings = lambda page: re.findall(r"<h[12]>([^<]+)</h[12]>", page)  # noqa: E731
    assert set(headings(french)) & set(headings(english)) <= {"Budget"}  # the same word in both languages
    for english_word in ("Key results", "Budget of", "Decisions", "Steps", "Actions late"):
        assert english_word not in french
    assert "KR12" in french and "46\u00a0%" in french  # the furthest behind comes first, with its pace
    # French typography and a reader's names: the period, the first of the month, the time it was made
    assert "<dd>T2 2026 : du 1er avril 2026 au 30 juin 2026</dd>" in french
    assert "<dd>Q2 2026: 1 April 2026 to 30 June 2026</dd>" in english
    assert re.search(r"<dd>\d{1,2}(er)? \w+ \d{4} à \d\d:\d\d \(\w+\) · ", french)
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", french + english)


def test_long_tables_are_summarised_with_the_whole_table_in_the_appendix(tmp_path):
    """A year's retroplanning shows its first rows on the step page; the appendix holds every row."""
    [report] = ReportJob(EXAMPLE, ["2026-Q2"], out=tmp_path, as_of="2026-06-15", lang="en", jobs=2,
                         stream=open(tmp_path / "log", "w")).run()
    page = (report.folder / "05_action_plan.html").read_text(encoding="utf-8")
    appendix = (report.folder / "appendix.html").read_text(encoding="utf-8")
    actions = load_plan(EXAMPLE).actions
    active = actions[actions["status"] != "cancelled"]
    assert "more rows: the whole table (retroplanning of every action) is in the report" in page
    assert all(f">{i}<" in appendix for i in active["id"])  # every scheduled action in the appendix
    assert sum(f">{i}<" in page for i in active["id"]) < len(active)  # not all of them on the page
    assert '<a href="appendix.html">Appendix: full tables</a>' in (report.folder / "index.html").read_text()
    assert not list(report.folder.glob(".*.json"))  # no side file of the export left behind


def test_report_pages_are_light(tmp_path):
    """One shared stylesheet instead of the JupyterLab CSS in every page, charts as compact PNG."""
    [report] = ReportJob(EXAMPLE, ["2026-Q2"], out=tmp_path, as_of="2026-06-15", lang="en", jobs=2,
                         stream=open(tmp_path / "log", "w")).run()
    sizes = {p.name: p.stat().st_size for p in report.folder.glob("*.html")}
    assert max(sizes.values()) < 150_000, sizes
    assert all('href="report.css"' in p.read_text(encoding="utf-8") for p in report.folder.glob("*.html"))


def test_a_plan_saved_during_its_report_run_is_not_what_the_report_records(plan_dir, tmp_path):
    """An analyst saves five budget lines while the report runs: summary.json, the report's plan/ copy, its
    fingerprint and the next run's "what changed" all stand for the plan as the run read it at its start."""
    from planlib.report.fingerprint import plan_hash

    before = (plan_dir / "budget.csv").read_bytes()
    expected_hash = plan_hash(plan_dir, load_plan(plan_dir))
    lines_before = len(load_plan(plan_dir).budget)
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.read(LIGHT_NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "rows = ''.join(f'B9{n}9,Added meanwhile {n},A04,media,2026-Q2,100,fixed,,,,C03\\n' for n in range(5))\n"
        "open(plan_dir + '/budget.csv', 'a', encoding='utf-8').write(rows)"))
    nbformat.write(notebook, folder / "00_edit.ipynb")
    out = tmp_path / "out"
    [report] = ReportJob(plan_dir, ["2026-03"], out=out, jobs=1, notebooks=folder,
                         stream=open(tmp_path / "log", "w")).run()
    assert len(load_plan(plan_dir).budget) == lines_before + 5  # the edit landed in the plan itself
    document = json.loads((report.folder / "summary.json").read_text(encoding="utf-8"))
    assert document["budget"]["lines"] == lines_before
    assert (report.folder / "plan" / "budget.csv").read_bytes() == before
    assert document["plan_hash"] == expected_hash
    [second] = ReportJob(plan_dir, ["2026-04"], out=out, jobs=1, notebooks=folder,
                         stream=open(tmp_path / "log2", "w")).run()
    changes = (second.folder / "changes.html").read_text(encoding="utf-8")
    assert "Added meanwhile 0" in changes and "B909" in changes  # the next report sees the five lines as new
