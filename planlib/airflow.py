"""An Airflow DAG that regenerates every plan's reports: one mapped task per plan x period.

For those who outgrow one machine's `planlib report --plans-root`. Install
with `pip install planlib[airflow]` and put a DAG file in Airflow's dags folder:

    from planlib.airflow import make_dag
    dag = make_dag("/srv/plans", "/srv/reports", periods=("this-month", "this-quarter"),
                   schedule="30 2 * * *", pool="planlib")

Each mapped task runs the same code as the command (atomic swap-in, skip of
unchanged periods, so a retry redoes only what is missing); a failing plan
fails its own tasks only. The last task, run whatever the others did, writes
run.json in the output folder from each task's record.
"""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from .report.batch import RUN_FILE, BatchRun, plans_under, write_run

RECORDS = ".runs"  # one record per task of the current run, merged into run.json by the last task


def work_items(plans_root: str, out_root: str, periods: tuple[str, ...]) -> list[dict]:
    """Every plan folder under plans_root with every period asked ("this-month" is resolved per plan)."""
    shutil.rmtree(Path(out_root) / RECORDS, ignore_errors=True)  # records of an earlier run
    return [{"plan": str(plan), "period": period}
            for plan in plans_under(Path(plans_root), skip=Path(out_root)) for period in periods]


def _record_name(item: dict) -> str:
    return f"{Path(item['plan']).name}--{item['period']}.json"


def report_one(item: dict, out_root: str, jobs: int = 1, notebooks: str | None = None) -> dict:
    """One plan's period(s): the report written, or an exception naming the plan, period, notebook and cell."""
    options = {"notebooks": Path(notebooks)} if notebooks else {}
    run = BatchRun([Path(item["plan"])], item["period"], out=Path(out_root), jobs=jobs, quiet=True,
                   record=Path(out_root) / RECORDS / _record_name(item), **options)
    document = run.run()
    if not document["ok"]:
        failed = [entry["error"] for entry in document["runs"] if entry["status"] == "failed"]
        raise RuntimeError("\n".join(failed))
    return {"plan": item["plan"], "period": item["period"], "counts": document["counts"]}


def summarise(items: list[dict], out_root: str) -> dict:
    """run.json for the whole DAG run: every task's record; a task that left none is listed as failed."""
    runs = []
    for item in items:
        record = Path(out_root) / RECORDS / _record_name(item)
        try:
            runs += json.loads(record.read_text(encoding="utf-8"))["runs"]
        except (OSError, ValueError, KeyError):
            runs.append({"plan": Path(item["plan"]).name, "plan_dir": item["plan"], "period": item["period"],
                         "status": "failed", "seconds": 0.0, "report": None, "error": "the task left no record"})
    return write_run(Path(out_root) / RUN_FILE, runs)["counts"]


def make_dag(plans_root, out_root, periods=("this-month", "this-quarter"), schedule=None,
             dag_id: str = "planlib_reports", retries: int = 2, retry_delay: timedelta = timedelta(minutes=5),
             pool: str | None = None, start_date: datetime = datetime(2026, 1, 1), jobs: int = 1,
             notebooks: str | None = None):
    """The DAG: list the plans, one mapped report task per plan x period, then the run's summary.

    pool bounds how many report tasks run at once across the Airflow installation
    (`airflow pools set planlib 4 "planlib reports"`); jobs is the notebooks one task runs at once;
    notebooks, a folder of report notebooks other than the kit's.
    """
    from airflow.sdk import DAG, task

    plans_root, out_root = str(plans_root), str(out_root)
    periods = tuple(periods)
    report_options = {"retries": retries, "retry_delay": retry_delay, **({"pool": pool} if pool else {})}
    with DAG(dag_id, schedule=schedule, start_date=start_date, catchup=False, max_active_runs=1,
             tags=["planlib"], doc_md=__doc__) as dag:

        @task
        def list_plans() -> list[dict]:
            return work_items(plans_root, out_root, periods)

        @task(**report_options)
        def report(item: dict) -> dict:
            return report_one(item, out_root, jobs, notebooks)

        @task(trigger_rule="all_done")
        def summary(items: list[dict]) -> dict:
            return summarise(items, out_root)

        items = list_plans()
        reports = report.expand(item=items)
        reports >> summary(items)
    return dag
