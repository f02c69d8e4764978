"""Imports started together, as two people or a scheduler and a person do: every import's rows land."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_planlib

from planlib import load_plan

CORPUS = Path(__file__).resolve().parent / "fixtures" / "exports" / "corpus"
PLANLIB = Path(sys.executable).parent / "planlib"
FILES = {"ga4": "ga4_traffic_acquisition_en.csv", "search_console": "search_console_dates_en.csv",
         "google_ads": "google_ads_campaigns_by_day_en.csv"}


@pytest.mark.slow
def test_three_imports_at_once_all_land(tmp_path):
    for round_number in range(3):
        plan_dir = tmp_path / f"plan{round_number}"
        assert run_planlib("new", tmp_path / f"ws{round_number}").returncode == 0
        shutil.copytree(tmp_path / f"ws{round_number}" / "plan", plan_dir)
        shutil.copy(EXAMPLE / "channels.csv", plan_dir / "channels.csv")
        started = [subprocess.Popen([str(PLANLIB), "import-actuals", str(plan_dir), str(CORPUS / name), "--channel",
                                     "C12"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for name in FILES.values()]
        outcomes = [process.communicate(timeout=120) + (process.returncode,) for process in started]
        assert all(code == 0 for *_, code in outcomes), outcomes
        plan = load_plan(plan_dir)
        assert set(plan.actuals["source"]) >= set(FILES), round_number
        for source, name in FILES.items():
            written = plan.actuals[plan.actuals["source"] == source]
            assert len(written) and written["channel_id"].eq("C12").all()


FORM_SAVE = """
import sys, time
from pathlib import Path
from planlib import load_plan
from planlib.steps.objectives.forms import objective_form

plan_dir, title, ready, go = sys.argv[1:5]
form = objective_form(load_plan(plan_dir), "en")  # opened before the others write, as a notebook is
Path(ready).touch()
while not Path(go).exists():
    time.sleep(0.01)
form.widgets["level"].value = "business"
form.widgets["title"].value = title
form.widgets["owner"].value = "Camille"
sys.exit(0 if form.save() else 1)
"""


@pytest.mark.slow
def test_two_imports_and_two_form_saves_at_once_lose_nothing_over_twenty_rounds(tmp_path):
    """Two people saving a form from notebooks opened earlier while two imports run: every row is there."""
    template = tmp_path / "template"
    assert run_planlib("new", tmp_path / "ws").returncode == 0
    shutil.copytree(tmp_path / "ws" / "plan", template)
    shutil.copy(EXAMPLE / "channels.csv", template / "channels.csv")
    imports = {"ga4": FILES["ga4"], "search_console": FILES["search_console"]}
    for round_number in range(20):
        plan_dir = tmp_path / f"plan{round_number}"
        shutil.copytree(template, plan_dir)
        go = tmp_path / f"go{round_number}"
        forms = []
        for person in ("first", "second"):
            ready = tmp_path / f"ready-{person}-{round_number}"
            forms.append((subprocess.Popen([sys.executable, "-c", FORM_SAVE, str(plan_dir), f"Grow {person}",
                                            str(ready), str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                           text=True), ready))
        for process, ready in forms:
            while not ready.exists():
                assert process.poll() is None, process.communicate()
        started = [subprocess.Popen([str(PLANLIB), "import-actuals", str(plan_dir), str(CORPUS / name), "--channel",
                                     "C12"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for name in imports.values()]
        go.touch()
        outcomes = [p.communicate(timeout=120) + (p.returncode,) for p in [*started, *(f for f, _ in forms)]]
        assert all(code == 0 for *_, code in outcomes), (round_number, outcomes)
        plan = load_plan(plan_dir)
        assert set(plan.actuals["source"]) == set(imports), round_number
        titles = plan.objectives.set_index("id")["title"]
        assert sorted(titles) == ["Grow first", "Grow second"] and titles.index.is_unique, (round_number, titles)
