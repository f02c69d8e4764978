"""The kit as a user installs it: a wheel (not editable) in a clean virtual environment outside the repository.

The wheel must carry the notebooks, the sample plans and the workshop cases: `planlib new --example`,
`planlib report` and `planlib workshop new` run from a folder that knows nothing of the checkout.
The wheel itself is installed by pip, without its dependencies; those come from the test environment
through a path file, which avoids reinstalling half a gigabyte of Jupyter for every run.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.kernel]

# What a checkout holds that is not the kit's source: environments, caches, earlier builds, reports.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".lock-venv", "build", "dist", "*.egg-info", "reports",
                                    "__pycache__", ".pytest_cache", ".*_cache", ".ipynb_checkpoints", ".history")


def _run(command, cwd, env, timeout=600):
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A clean virtual environment holding the kit's wheel, and an environment that does not see the checkout."""
    base = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PLANLIB"))}
    env.update(HOME=str(base / "home"), JUPYTER_PREFER_ENV_PATH="1", JUPYTER_PLATFORM_DIRS="1",
               XDG_CACHE_HOME=str(base / "cache"), XDG_CONFIG_HOME=str(base / "config"))
    # Built from a copy: pip builds in the source folder (build/, *.egg-info), which other tests are reading.
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", base / "dist", source], base, env)
    wheel = next((base / "dist").glob("planlib-*.whl"))
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], base, env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], base, env)
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base, env).strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # The dependencies' data files (nbconvert's templates, the kernel spec) sit beside them, not in the new venv.
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    work = base / "work"
    work.mkdir()
    return venv, work, env


def test_the_wheel_carries_the_notebooks_samples_and_cases(installed):
    venv, work, env = installed
    where = _run([venv / "bin" / "python", "-c",
                  "import planlib; from planlib.core import resources as r; "
                  "print(planlib.__file__); print(r.notebooks_dir()); print(r.example_plan()); print(r.cases_dir())"],
                 work, env).splitlines()
    assert all(str(venv) in line for line in where), where
    assert not any(str(ROOT) in line for line in where), where
    notebooks = Path(where[1])
    assert sorted(p.name for p in notebooks.glob("*.ipynb"))[0] == "00_start_here.ipynb"
    assert len(list(notebooks.glob("0[0-7]_*.ipynb"))) == 8
    assert (Path(where[2]) / "plan.yaml").is_file() and (Path(where[2]).parent / "example-2025" / "plan.yaml").is_file()
    assert (Path(where[3]) / "b2c-shop" / "blank" / "fr" / "plan.yaml").is_file()


def test_the_installed_kit_makes_checks_reports_and_runs_a_workshop(installed):
    venv, work, env = installed
    planlib = venv / "bin" / "planlib"
    out = _run([planlib, "new", "acme", "--example"], work, env)
    assert (work / "acme" / "plan" / "plan.yaml").is_file() and (work / "acme" / "notebooks" / "07_kpi_review.ipynb").is_file(), out
    assert "valid" in _run([planlib, "check", "acme"], work, env)
    _run([planlib, "new", "blank", "--company", "Blank Co", "--year", "2026"], work, env)  # the steps' YAML templates
    assert (work / "blank" / "plan" / "audit.yaml").read_text(encoding="utf-8").startswith("# audit.yaml: ")
    assert (work / "blank" / "plan" / "personas.yaml").read_text(encoding="utf-8").startswith("# personas.yaml: ")
    _run([planlib, "report", "acme", "--period", "2026-Q2"], work, env)
    report = next((work / "reports").rglob("2026-Q2/index.html"))
    assert len(list(report.parent.glob("0[0-7]_*.html"))) == 8
    assert json.loads((report.parent / "summary.json").read_text(encoding="utf-8"))["period"]["id"] == "2026-Q2"
    _run([planlib, "workshop", "new", "w", "--case", "b2c-shop", "--participants", "2"], work, env)
    participants = sorted(p.name for p in (work / "w" / "participants").iterdir())
    assert participants == ["p01", "p02"]
    assert (work / "w" / "participants" / "p01" / "plan" / "plan.yaml").is_file()
    assert (work / "w" / "README.md").read_text(encoding="utf-8").strip()
