"""Workspaces: `planlib new`, `planlib upgrade`, `planlib lab`, and the packaged example kept as shipped."""
from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import EXAMPLE, ROOT, ctrl_c_reaches_it, tree_bytes

from planlib import PlanError, load_plan
from planlib.cli import main
from planlib.steps.objectives.forms import objective_form
from planlib.workspace import notebooks as templates
from planlib.workspace.upgrade import upgrade_workspace

PLANLIB = Path(sys.executable).parent / "planlib"
TEMPLATES = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def run(capsys, *args):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def parameters(notebook: Path) -> str:
    cells = nbformat.read(notebook, as_version=4).cells
    return next(c.source for c in cells if "parameters" in c.metadata.get("tags", []))


def test_new_makes_a_blank_plan_and_notebooks_pointing_at_it(capsys, tmp_path):
    target = tmp_path / "acme"
    code, out, _ = run(capsys, "new", target, "--company", "Acme", "--year", "2027", "--lang", "fr")
    assert code == 0 and "planlib lab" in out and str(target) in out
    plan = load_plan(target / "plan")
    assert plan.settings["company"] == "Acme" and plan.settings["year"] == 2027 and plan.language == "fr"
    assert all(frame.empty for frame in plan.tables.values())
    assert load_plan(target).path == target / "plan"  # a workspace stands for its plan in every command
    assert load_plan(target).name == "acme"  # and its reports are called after it, not after its plan/ folder
    assert sorted(p.name for p in (target / "notebooks").iterdir()) == [t.name for t in TEMPLATES]
    for notebook in (target / "notebooks").iterdir():
        assert 'plan_dir = "../plan"' in parameters(notebook) and 'lang = "fr"' in parameters(notebook)
    code, _, err = run(capsys, "new", target)
    assert code == 1 and "already exists" in err


def test_new_from_the_example_and_from_a_plan_speak_the_plan_s_language(capsys, tmp_path):
    assert run(capsys, "new", tmp_path / "ex", "--example")[0] == 0
    copied = load_plan(tmp_path / "ex" / "plan")
    assert len(copied.actions) == len(load_plan(EXAMPLE).actions)
    assert "previous: ../previous" in (tmp_path / "ex" / "plan" / "plan.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "ex" / "previous" / "plan.yaml").exists()  # last year's plan, for the audit
    lang = copied.language
    assert f'lang = "{lang}"' in parameters(tmp_path / "ex" / "notebooks" / "02_objectives.ipynb")
    assert run(capsys, "new", tmp_path / "mine", "--from", tmp_path / "ex" / "plan", "--lang", "en")[0] == 0
    assert 'lang = "en"' in parameters(tmp_path / "mine" / "notebooks" / "00_start_here.ipynb")
    workbook = tmp_path / "plan.xlsx"
    assert run(capsys, "export", tmp_path / "ex", "--to", workbook)[0] == 0
    assert run(capsys, "new", tmp_path / "fromxlsx-kept", "--from", workbook)[0] == 0
    code, out, _ = run(capsys, "check", tmp_path / "fromxlsx-kept")  # a workbook brings no last year's folder
    assert code == 0 and "plan.yaml:53:previous: last year's plan '../previous' does not exist" in out
    assert "last year's review stays empty, the rest of the plan works" in out
    settings = tmp_path / "ex" / "plan" / "plan.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("previous: ../previous", "# no previous"),
                        encoding="utf-8")
    assert run(capsys, "export", tmp_path / "ex", "--to", workbook)[0] == 0
    assert run(capsys, "new", tmp_path / "fromxlsx", "--from", workbook)[0] == 0
    assert len(load_plan(tmp_path / "fromxlsx").actions) == len(copied.actions)
    code, _, err = run(capsys, "new", tmp_path / "none", "--from", tmp_path / "missing")
    assert code == 1 and "missing" in err and not (tmp_path / "none" / "notebooks").exists()


@pytest.mark.kernel
def test_a_workspace_notebook_runs_headless_on_its_plan(tmp_path):
    import papermill
    from conftest import PAPERMILL_KERNEL

    main(["new", str(tmp_path / "ws"), "--example", "--lang", "fr"])
    notebook = tmp_path / "ws" / "notebooks" / "02_objectives.ipynb"
    papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"), cwd=str(notebook.parent),
                               **PAPERMILL_KERNEL)
    html = json.dumps(nbformat.read(tmp_path / "out.ipynb", as_version=4).cells)
    assert "Verdure" in html and "Objectifs" in html


def test_forms_refuse_to_write_into_the_packaged_example(example):
    before = tree_bytes(EXAMPLE)
    with pytest.raises(PlanError) as refused:
        example.save_table("kpis", example.kpis)
    assert "planlib new NAME --example" in str(refused.value)
    with pytest.raises(PlanError):
        example.save_yaml("audit.yaml", example.yaml_data["audit.yaml"])
    assert tree_bytes(EXAMPLE) == before
    french = load_plan(ROOT / "data" / "exemple-fr")
    with pytest.raises(PlanError) as refused:
        french.save_table("kpis", french.kpis)
    assert "planlib new" in refused.value.report("fr") and "exemple-fr" in refused.value.report("fr")


def test_saving_in_a_workspace_leaves_templates_and_example_unchanged(tmp_path):
    templates_before, example_before = tree_bytes(ROOT / "notebooks"), tree_bytes(EXAMPLE)
    main(["new", str(tmp_path / "ws"), "--example"])
    form = objective_form(load_plan(tmp_path / "ws"), "en")  # the form a workspace notebook shows
    form.widgets["level"].value = "business"
    form.widgets["title"].value = "Open a second shop"
    form.widgets["owner"].value = "Camille"
    form.save_button.click()
    assert "Saved B5 in objectives.csv" in form.message.value
    assert load_plan(tmp_path / "ws").objectives["title"].iloc[-1] == "Open a second shop"
    assert tree_bytes(ROOT / "notebooks") == templates_before and tree_bytes(EXAMPLE) == example_before


def _add_user_cell(notebook: Path, after_index: int, source: str) -> None:
    content = nbformat.read(notebook, as_version=4)
    content.cells.insert(after_index + 1, nbformat.v4.new_code_cell(source))
    nbformat.write(content, notebook)


def test_upgrade_keeps_the_plan_and_the_user_s_cells(tmp_path, monkeypatch, capsys):
    root = tmp_path / "ws"
    main(["new", str(root), "--example", "--lang", "en"])
    plan_before = tree_bytes(root / "plan")
    objectives = root / "notebooks" / "02_objectives.ipynb"
    kit = nbformat.read(objectives, as_version=4).cells
    _add_user_cell(objectives, 3, "my_own = 'after the fourth kit cell'")
    edited = nbformat.read(objectives, as_version=4)
    edited.cells[1].source += "\n# my note in a kit cell"
    edited.cells[0].source = re.sub(r'period = "[^"]*"', 'period = "2026-Q3"', edited.cells[0].source)
    edited.cells[0].source = re.sub(r"\nreport = None[^\n]*", "", edited.cells[0].source)  # made by an older kit
    nbformat.write(edited, objectives)
    # a newer kit: the templates gain a cell at the top and lose the third one
    newer = tmp_path / "templates"
    newer.mkdir()
    for template in TEMPLATES:
        content = nbformat.read(template, as_version=4)
        if template.name == "02_objectives.ipynb":
            del content.cells[2]
            content.cells.insert(1, nbformat.v4.new_markdown_cell("New in this version"))
        nbformat.write(content, newer / template.name)
    monkeypatch.setattr(templates, "TEMPLATES_DIR", newer)
    code, out, _ = run(capsys, "upgrade", root)
    assert code == 0
    upgraded = nbformat.read(objectives, as_version=4).cells
    sources = [c.source for c in upgraded]
    assert sources[1] == "New in this version"
    assert 'period = "2026-Q3"' in sources[0] and 'plan_dir = "../plan"' in sources[0]  # the user's parameters kept
    assert sources[0].splitlines()[-1].startswith("report = None")  # ... and the kit's new parameter added
    assert kit[2].id not in [c.id for c in upgraded]
    mine = sources.index("my_own = 'after the fourth kit cell'")
    assert upgraded[mine - 1].id == kit[3].id  # still right after the cell it followed
    assert "# my note in a kit cell" not in "".join(sources)  # the template's version replaced the edit...
    assert "my_own = 'after the fourth kit cell'" in out and "my note" not in out
    assert "02_objectives.ipynb" in out and "replaced" in out  # ... and the command said so
    assert list((root / "notebooks" / ".history").glob("02_objectives.*.ipynb"))  # the old notebook kept
    assert tree_bytes(root / "plan") == plan_before
    code, _, err = run(capsys, "upgrade", tmp_path)
    assert code == 1 and "not a workspace" in err


def test_a_workspace_created_in_french_speaks_french_though_its_example_plan_says_english(tmp_path, capsys):
    """The language asked at `planlib new --lang` is the workspace's commands' (as its notebooks'), whatever
    the copied plan.yaml says; --messages still overrides it."""
    root = tmp_path / "ws"
    run(capsys, "new", root, "--example", "--lang", "fr")
    assert "language: en" in (root / "plan" / "plan.yaml").read_text(encoding="utf-8")
    (root / "notebooks" / "03_personas.ipynb").unlink()
    code, out, _ = run(capsys, "upgrade", root)
    assert code == 0 and "03_personas.ipynb : nouveau dans cette version, ajouté" in out.splitlines()
    (root / "notebooks" / "03_personas.ipynb").unlink()
    code, out, _ = run(capsys, "--messages", "en", "upgrade", root)
    assert code == 0 and "03_personas.ipynb" in out and "ajouté" not in out


@pytest.mark.kernel
@pytest.mark.slow
def test_lab_starts_on_the_workspace_and_stops_on_ctrl_c(tmp_path):
    root = tmp_path / "ws"
    main(["new", str(root), "--example", "--lang", "fr"])
    lab = subprocess.Popen([str(PLANLIB), "lab", str(root), "--no-browser"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_reaches_it)
    try:
        url = lab.stdout.readline().strip()
        assert re.fullmatch(r"http://localhost:\d+/lab/tree/notebooks/00_start_here\.ipynb\?token=\w+", url), \
            url + lab.stderr.read()
        base, token = url.split("/lab/")[0], url.split("token=")[1]
        with urllib.request.urlopen(f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}") as answer:
            assert json.load(answer)["name"] == "00_start_here.ipynb"
    finally:
        lab.send_signal(signal.SIGINT)
        code = lab.wait(timeout=60)
    assert code == 0
    time.sleep(0.5)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)


def test_a_refused_or_failed_new_leaves_no_half_made_workspace(tmp_path, monkeypatch, capsys):
    from planlib.workspace import create

    looping = tmp_path / "looping"
    shutil.copytree(EXAMPLE, looping)
    text = (looping / "plan.yaml").read_text(encoding="utf-8")
    (looping / "plan.yaml").write_text(re.sub(r"(?m)^previous:.*$", "previous: ..", text), encoding="utf-8")
    assert main(["new", str(tmp_path / "ws"), "--from", str(looping)]) == 1
    assert "holds the plan itself" in capsys.readouterr().err and not (tmp_path / "ws").exists()

    def broken(root, lang, period=None):
        (root / "notebooks").mkdir()
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(create, "write_notebooks", broken)
    assert main(["--messages", "fr", "new", str(tmp_path / "full"), "--example"]) == 1
    assert "le disque est plein" in capsys.readouterr().err
    assert not (tmp_path / "full").exists()
    (tmp_path / "kept").mkdir()  # an empty folder the user made stays, emptied of the half-made parts
    assert main(["new", str(tmp_path / "kept"), "--example"]) == 1
    assert (tmp_path / "kept").is_dir() and not any((tmp_path / "kept").iterdir())


def test_a_new_plans_notebooks_open_on_a_quarter_of_its_year(capsys, tmp_path):
    from datetime import date

    from planlib.core.periods import Calendar

    for year, quarter in ((2031, "2031-Q1"), (2021, "2021-Q4")):
        target = tmp_path / str(year)
        assert run(capsys, "new", target, "--year", str(year))[0] == 0
        for notebook in (target / "notebooks").iterdir():
            assert f'period = "{quarter}"' in parameters(notebook), notebook.name
    calendar = load_plan(tmp_path / "2031").calendar
    assert calendar.opening_quarter(date(2031, 5, 2)).id == "2031-Q2"
    july = Calendar.from_settings({"year": 2026, "fiscal_start_month": 7})
    assert july.opening_quarter(date(2026, 8, 1)).id == july.period_of(date(2026, 8, 1), "quarter").id
    assert july.opening_quarter(date(2026, 3, 1)).id == july.periods("quarter")[0].id
