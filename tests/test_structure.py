"""The package's shape: layers, no cycles, small modules, one registry of steps matching the notebooks."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planlib.steps.registry import STEPS, rules, step_of_notebook

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "planlib"
BIN = Path(sys.executable).parent


def test_import_contracts_are_kept():
    """Layers import only downward, steps only along declared edges, the core no UI library."""
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_wrong_import_breaks_the_layers(tmp_path):
    """The contract is live: a core module importing a step is reported."""
    import shutil

    copy = tmp_path / "planlib"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "core" / "bad.py").write_text("from ..steps.budget import compute  # noqa\n", encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(tmp_path), "PATH": str(BIN)})
    assert result.returncode != 0
    assert "planlib.core.bad -> planlib.steps.budget" in result.stdout


def test_no_import_cycles():
    import grimp

    graph = grimp.build_graph("planlib")
    cycles = []
    for importer in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported.startswith("planlib") and graph.chain_exists(importer=imported, imported=importer):
                cycles.append(f"{importer} <-> {imported}")
    assert cycles == []


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_every_step_has_a_room_and_every_notebook_a_step():
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert [s.number for s in STEPS] == list(range(len(STEPS)))
    for step in STEPS:
        assert (PACKAGE / "steps" / step.key / "__init__.py").exists(), step.key
        if step.notebook is not None:
            assert step.notebook in notebooks, step.notebook
    for name in notebooks:
        step = step_of_notebook(name)
        assert step is not None and step.notebook == name, name


def test_step_rules_reach_the_validator(plan_dir):
    """A rule registered by a step (budget: a fixed cost needs an amount) runs on every load."""
    from conftest import problems_of, set_cell

    assert rules(), "no step registered a rule"
    set_cell(plan_dir / "budget.csv", "B001", "amount", "")
    assert "budget.csv:2:amount: a fixed cost needs an amount (expected an amount such as 1250.50)" in problems_of(plan_dir)


@pytest.mark.parametrize("code", ["import planlib", "import planlib.cli"])
def test_light_imports_load_no_heavy_library(code):
    """Start-up stays fast: pandas, matplotlib and widgets load when first needed."""
    probe = f"{code}; import sys; print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'holidays', 'babel') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_check_computes_no_forecast():
    """Validation judges last year's actions by their progress, never by a forecast: `planlib check` imports
    no statistics library (scipy.stats alone cost it 1.4 s)."""
    probe = ("import sys; from planlib.cli import main; code = main(['check', 'data/example']); "
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'statsmodels')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr


def test_the_kit_s_notebooks_are_the_registry_s(tmp_path, monkeypatch):
    """A report and a workspace take the registry's notebooks in step order, not whatever lies in the folder."""
    import shutil

    from planlib.report import runner
    from planlib.steps.registry import step_notebooks
    from planlib.workspace import notebooks

    kit = tmp_path / "notebooks"
    shutil.copytree(runner.NOTEBOOKS_DIR, kit)
    shutil.copy(kit / "00_start_here.ipynb", kit / "99_scratch.ipynb")  # a stray notebook left in the folder
    monkeypatch.setattr(runner, "NOTEBOOKS_DIR", kit)
    monkeypatch.setattr(notebooks, "TEMPLATES_DIR", kit)
    registered = [step.notebook for step in STEPS if step.notebook]
    assert step_notebooks() == registered and registered[0] == "00_start_here.ipynb"
    assert [p.name for p in runner.notebooks_in(kit)] == registered
    assert [p.name for p in notebooks.templates()] == registered
    assert [p.name for p in runner.notebooks_in(tmp_path / "notebooks" / ".." / "notebooks")] == registered
    own = tmp_path / "own"  # a --notebooks folder of one's own runs its NN_*.ipynb in order
    own.mkdir()
    shutil.copy(kit / "99_scratch.ipynb", own / "99_scratch.ipynb")
    assert [p.name for p in runner.notebooks_in(own)] == ["99_scratch.ipynb"]
