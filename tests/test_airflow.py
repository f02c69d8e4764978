"""The Airflow DAG, run with Airflow's own dag.test() on a local SQLite metadata database.

Three plans, one broken: the two good reports exist, the broken plan's task
failed alone, and the run summary says so. Airflow logs task failures instead
of raising them, so the test reads the run's task states.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, LIGHT_NOTEBOOK, ROOT

pytestmark = [pytest.mark.kernel, pytest.mark.slow]

BIN = Path(sys.executable).parent

DAG_FILE = """
import json, sys
from datetime import timedelta
from planlib.airflow import make_dag

dag = make_dag({plans!r}, {out!r}, periods=("2026-03",), dag_id="planlib_test", retries=1,
               retry_delay=timedelta(seconds=0), notebooks={notebooks!r})

if __name__ == "__main__":
    run = dag.test()
    states = [[ti.task_id, ti.map_index, str(ti.state), ti.try_number] for ti in run.get_task_instances()]
    print("STATES " + json.dumps({{"run": str(run.state), "tasks": states}}))
"""


def test_one_task_per_plan_and_period_and_a_summary(tmp_path):
    plans, out, dags, home = tmp_path / "plans", tmp_path / "reports", tmp_path / "dags", tmp_path / "airflow"
    for name in ("acme", "bravo", "broken"):
        shutil.copytree(EXAMPLE, plans / name, ignore=shutil.ignore_patterns(".history"))
        settings = plans / name / "plan.yaml"  # last year's plan stays out of the plans to report
        settings.write_text(re.sub(r"(?m)^previous:.*$", "", settings.read_text(encoding="utf-8")), encoding="utf-8")
    broken = plans / "broken" / "budget.csv"
    broken.write_text(broken.read_text(encoding="utf-8").replace("media", "medya", 1), encoding="utf-8")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(LIGHT_NOTEBOOK, notebooks)
    dags.mkdir()
    (dags / "planlib_dag.py").write_text(DAG_FILE.format(plans=str(plans), out=str(out), notebooks=str(notebooks)))
    env = {**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
           "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
           "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}"}
    home.mkdir()
    migrate = subprocess.run([BIN / "airflow", "db", "migrate"], env=env, capture_output=True, text=True)
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    result = subprocess.run([sys.executable, dags / "planlib_dag.py"], env=env, capture_output=True, text=True,
                            timeout=600)
    line = next((l for l in result.stdout.splitlines() if l.startswith("STATES ")), None)
    assert line, (result.stdout[-2000:], result.stderr[-3000:])
    states = json.loads(line.removeprefix("STATES "))
    by_task = {(task, index): (state, tries) for task, index, state, tries in states["tasks"]}
    assert by_task[("list_plans", -1)][0] == "success" and by_task[("summary", -1)][0] == "success"
    reports = sorted(state for (task, _), (state, _) in by_task.items() if task == "report")
    assert reports == ["failed", "success", "success"]
    failed = next(tries for (task, _), (state, tries) in by_task.items() if task == "report" and state == "failed")
    assert failed == 2  # retried once, then failed
    for name in ("acme", "bravo"):
        assert (out / name / "2026-03" / "index.html").exists()
    assert not (out / "broken").exists() or not (out / "broken" / "2026-03").exists()
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["ok"] is False and run["counts"] == {"ok": 2, "skipped": 0, "failed": 1}
    [bad] = [r for r in run["runs"] if r["status"] == "failed"]
    assert bad["plan"] == "broken" and "budget.csv" in bad["error"] and "medya" in bad["error"]
