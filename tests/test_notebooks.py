"""Notebooks follow the conventions: stored without outputs, a tagged parameters cell first."""
from __future__ import annotations

import ast

import nbformat
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PARAMETERS = {"plan_dir", "period", "as_of", "lang", "report"}


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    dirty = [i for i, cell in enumerate(notebook.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert dirty == [], f"{path.name}: cells {dirty} hold outputs; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_is_tagged_parameters(path):
    notebook = nbformat.read(path, as_version=4)
    first = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    assigned = {target.id for node in ast.parse(first.source).body for target in node.targets}
    assert assigned == PARAMETERS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_backend_switch_in_notebooks(path):
    text = path.read_text(encoding="utf-8")
    assert "matplotlib.use(" not in text


@pytest.mark.kernel
def test_a_broken_plan_shows_its_problems_not_a_traceback(plan_dir, tmp_path):
    import papermill
    from conftest import PAPERMILL_KERNEL, set_cell

    set_cell(plan_dir / "budget.csv", "B002", "amount", "-3")
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        papermill.execute_notebook(str(ROOT / "notebooks" / "00_start_here.ipynb"), str(tmp_path / "out.ipynb"),
                                   parameters={"plan_dir": str(plan_dir), "lang": "fr"}, cwd=str(ROOT / "notebooks"),
                                   **PAPERMILL_KERNEL)
    shown = "\n".join(caught.value.traceback)
    assert "budget.csv:3:amount : valeur négative : '-3' (attendu : zéro ou plus)" in shown
    assert "Traceback" not in shown and "File \"" not in shown


def method_calls(path, owner: str, names: set[str]):
    """Every call `owner.name(...)` in a notebook's code, with its cell's source (for the message)."""
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code" or f"{owner}." not in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names \
                    and getattr(node.func.value, "id", None) == owner:
                yield node, ast.get_source_segment(cell.source, node)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_table_is_shown_in_the_notebook_s_language(path):
    """nb.table without a language shows codes and column names raw (True, high, key_result) on French pages."""
    for node, source in method_calls(path, "nb", {"table"}):
        assert len(node.args) + len(node.keywords) >= 2, source


CHARTS = {"gantt", "load_chart", "budget_by_quarter", "cumulative_plan_vs_spend", "dashboard", "trend", "trends"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_chart_is_drawn_in_the_notebook_s_language(path):
    """A chart without the language names its months, periods and dates in English (04/26, Q2) on French pages."""
    drawn = list(method_calls(path, "charts", CHARTS))
    assert drawn or path.stem[:2] not in ("05", "06", "07")  # the steps that draw these charts are read
    for node, source in drawn:
        given = [getattr(a, "id", None) for a in node.args] + [k.arg for k in node.keywords]
        assert "lang" in given, source
