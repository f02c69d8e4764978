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
