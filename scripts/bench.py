"""Speed and memory of planlib: loading large plans, and producing a period report.

1. Load + validation of plans 1x, 10x and 100x the example: time and peak
   memory (each in a fresh process, best of 3), and the time of `import planlib`.
   Targets: the largest plan under 2 s and 500 MB, linear growth, import < 0.5 s.
2. A full period report of data/example against its floor: as many notebooks
   that only import pandas, matplotlib and ipywidgets, run by papermill's API in
   this process and exported the same way. Targets: report <= 1.2x the floor
   serially, and <= 0.7x the serial floor with all cores.
3. Start-up, each a fresh process, best of 7 wall times: `import planlib` over
   a bare interpreter (target < 0.3 s), `planlib --help` (< 0.3 s) and
   `planlib check data/example` (< 0.6 s).
4. A year in one command, and 20 plans x 2 periods on all cores.
5. The report of a plan with 20 key results and 60 actions: its PDF (target < 10 s with all cores) and its
   heaviest HTML page (target < 150 KB).
7. Response curves: 30 channels x 1,000 grid points allocated (< 0.5 s), 30 x 104 weeks fitted (< 5 s).
6. A workshop of 30 participants (a third of them with the solution): `planlib
   workshop new` and `planlib workshop progress`. Target: progress under 1 s a
   participant (it reads and checks every participant's plan).
Run: make bench   (or: python scripts/bench.py [--keep DIR] [--skip-load] [--skip-report] [--skip-startup]
                   [--skip-scale] [--skip-workshop] [--skip-pdf] [--skip-curves])
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "data" / "example"
# scale -> (actions, budget lines, KPIs = metrics, days of actuals, spend rows)
SIZES = {10: (1_000, 5_000, 20, 730, 1_000), 100: (10_000, 50_000, 200, 730, 10_000)}
TARGET_SECONDS, TARGET_MB, TARGET_IMPORT = 2.0, 500, 0.5

MEASURE = """
import json, sys, time
t0 = time.perf_counter()
import planlib
import planlib.core.plan, planlib.steps.registry  # what load_plan needs: planlib's names load lazily
t1 = time.perf_counter()
plan = planlib.load_plan(sys.argv[1])
t2 = time.perf_counter()
rows = sum(len(f) for f in plan.tables.values())
# VmHWM, not ru_maxrss: the latter keeps the memory of the parent this process was forked from.
peak_kb = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "rows": rows, "peak_mb": peak_kb / 1024}))
"""


def synthetic_plan(folder: Path, actions: int, lines: int, kpis: int, days: int, spend: int, seed: int = 7) -> Path:
    """A valid plan of the given size, built from the example's YAML files."""
    import pandas as pd

    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for name in ("audit.yaml", "personas.yaml", "channels.csv", "messages.csv"):
        shutil.copy(EXAMPLE / name, folder / name)
    import yaml

    settings = yaml.safe_load((EXAMPLE / "plan.yaml").read_text(encoding="utf-8"))
    for period in settings.get("high_activity_periods") or []:
        period.pop("prepare", None)  # names the example's actions, which a synthetic plan does not have
    settings.pop("previous", None)  # last year's plan is the example's, not the synthetic plan's
    (folder / "plan.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    year_start = date(2026, 1, 1)
    objectives = [{"id": f"B{i}", "level": "business", "title": f"Business goal {i}", "parent_id": "", "owner": "Camille"}
                  for i in range(1, 5)]
    objectives += [{"id": f"M{i}", "level": "marketing", "title": f"Marketing goal {i}", "parent_id": f"B{i % 4 + 1}",
                    "owner": "Hugo"} for i in range(1, 41)]
    kpi_rows = [{"id": f"K{i:03d}", "name": f"KPI {i}", "formula": f"metric_{i} / metric_{(i % kpis) + 1} * 100",
                 "unit": "%", "aggregation": "sum", "direction": "up"} for i in range(1, kpis + 1)]
    krs = [{"id": f"KR{i:03d}", "objective_id": f"M{i % 40 + 1}", "title": f"Key result {i}", "kpi_id": f"K{i % kpis + 1:03d}",
            "baseline": 10, "target": 12, "unit": "%", "deadline": "2026-12-31", "priority": "high"}
           for i in range(1, 121)]
    owners = ["Camille", "Hugo", "Léa", "Nadia", "Thomas"]
    action_rows = []
    for i in range(1, actions + 1):
        start = year_start + timedelta(days=rng.randint(0, 330))
        earlier = [f"A{j:05d}" for j in rng.sample(range(1, i), min(i - 1, rng.randint(0, 2)))]
        action_rows.append({
            "id": f"A{i:05d}", "workstream": f"Stream {i % 12}", "name": f"Action {i}", "description": "Synthetic action",
            "key_result_id": f"KR{i % 120 + 1:03d}", "owner": rng.choice(owners), "priority": rng.choice(["high", "medium", "low"]),
            "impact": rng.randint(1, 5), "difficulty": rng.randint(1, 5), "status": rng.choice(["planned", "in_progress", "done"]),
            "start": start.isoformat(), "end": (start + timedelta(days=rng.randint(1, 30))).isoformat(),
            "person_days": rng.randint(1, 20), "recurrence": "none", "depends_on": ",".join(earlier)})
    budget_rows = [{"id": f"L{i:06d}", "label": f"Line {i}", "action_id": f"A{rng.randint(1, actions):05d}",
                    "category": rng.choice(["media", "tools", "agencies", "events", "production", "studies"]),
                    "period": f"2026-{rng.randint(1, 12):02d}", "amount": round(rng.uniform(100, 20000), 2),
                    "cost_type": "fixed"} for i in range(1, lines + 1)]
    actual_rows, n = [], 0
    for day in range(days):
        when = (date(2025, 1, 1) + timedelta(days=day)).isoformat()
        for metric in range(1, kpis + 1):
            n += 1
            actual_rows.append((f"M{n:07d}", when, f"metric_{metric}", round(rng.uniform(10, 10000), 2)))
    spend_rows = [{"id": f"S{i:06d}", "date": (year_start + timedelta(days=rng.randint(0, 364))).isoformat(),
                   "amount": round(rng.uniform(10, 5000), 2), "budget_line_id": f"L{rng.randint(1, lines):06d}",
                   "category": "media"} for i in range(1, spend + 1)]
    tables = {"objectives": objectives, "key_results": krs, "kpis": kpi_rows, "actions": action_rows,
              "budget": budget_rows, "spend": spend_rows}
    for name, rows in tables.items():
        pd.DataFrame(rows).to_csv(folder / f"{name}.csv", index=False)
    pd.DataFrame(actual_rows, columns=["id", "date", "metric", "value"]).to_csv(folder / "actuals.csv", index=False)
    return folder


def measure(plan: Path, repeats: int = 3) -> dict:
    runs = [json.loads(subprocess.run([sys.executable, "-c", MEASURE, str(plan)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(repeats)]
    return {"load": min(r["load"] for r in runs), "import": min(r["import"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs), "rows": runs[0]["rows"]}


FLOOR_CELL = "import pandas\nimport matplotlib.pyplot\nimport ipywidgets"


def floor_notebooks(folder: Path, count: int) -> list[Path]:
    """Notebooks that do nothing but import the stack, with the same parameters cell."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        parameters = nbformat.v4.new_code_cell('plan_dir = ""\nperiod = ""\nas_of = None\nlang = "en"')
        parameters.metadata["tags"] = ["parameters"]
        notebook.cells = [parameters, nbformat.v4.new_code_cell(FLOOR_CELL)]
        paths.append(folder / f"{n:02d}_floor.ipynb")
        nbformat.write(notebook, paths[-1])
    return paths


def run_floor(notebooks: list[Path], out: Path, jobs: int) -> float:
    """Execute and export the floor notebooks the way reports do; seconds taken."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    from planlib.report.runner import _exporter, execute

    parameters = {"plan_dir": str(EXAMPLE), "period": "2026-Q2", "as_of": "2026-06-30", "lang": "en"}
    out.mkdir(parents=True, exist_ok=True)

    def one(notebook: Path) -> None:
        target = out / notebook.name
        execute(notebook, target, parameters, notebook.parent)
        body, _ = _exporter("en").from_filename(str(target))
        target.with_suffix(".html").write_text(body, encoding="utf-8")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, notebooks))
    return time.perf_counter() - started


def run_report(out: Path, jobs: int) -> float:
    import io
    import time

    from planlib.report.runner import ReportJob

    started = time.perf_counter()
    ReportJob(EXAMPLE, ["2026-Q2"], out=out, as_of="2026-06-30", jobs=jobs, stream=io.StringIO()).run()
    return time.perf_counter() - started


def bench_report(work: Path) -> None:
    import os

    from planlib.report.runner import NOTEBOOKS_DIR, notebooks_in

    cores = os.cpu_count() or 1
    count = len(notebooks_in(NOTEBOOKS_DIR))
    floor = floor_notebooks(work / "floor", count)
    run_floor(floor[:1], work / "warm-up", 1)  # imports and templates loaded once, as in a real run
    floor_serial = min(run_floor(floor, work / f"floor-{i}", 1) for i in range(2))
    report_serial = min(run_report(work / f"serial-{i}", 1) for i in range(2))
    report_parallel = min(run_report(work / f"parallel-{i}", cores) for i in range(2))
    print(f"\nperiod report of data/example: {count} notebooks, {cores} cores (best of 2)")
    print(f"floor, serial:           {floor_serial:6.2f} s")
    print(f"report, serial:          {report_serial:6.2f} s   x{report_serial / floor_serial:.2f} the floor")
    print(f"report, {cores} jobs:          {report_parallel:6.2f} s   x{report_parallel / floor_serial:.2f} the serial floor")
    for label, ok in (("report <= 1.2x the floor serially", report_serial <= 1.2 * floor_serial),
                      ("report with all cores <= 0.7x the serial floor", report_parallel <= 0.7 * floor_serial)):
        print(f"{'PASS' if ok else 'MISS'}  {label}")


def bench_pdf(work: Path) -> None:
    """The report of a plan with 20 key results and 60 actions: its PDF alone (one process, then all cores) and
    its heaviest HTML page. Targets: the PDF in under 10 s, every page under 150 KB."""
    import io
    import os
    import re
    import time

    sys.path.insert(0, str(ROOT / "tests"))
    from grown import grown_plan

    from planlib.report.pdf import write_pdf
    from planlib.report.runner import ReportJob

    plan = grown_plan(work / "plan")
    [report] = ReportJob(plan, ["2026-Q2"], out=work / "out", as_of="2026-06-15", lang="fr", stream=io.StringIO()).run()
    hrefs = re.findall(r'data-href="([^"]+)"', (report.folder / "index.html").read_text(encoding="utf-8"))
    manager = [(h, h) for h in hrefs if h == "index.html" or h.startswith("objective-")]
    annex = [(h, h) for h in hrefs if (h, h) not in manager]
    cores = os.cpu_count() or 1
    print("\nreport of a plan with 20 key results and 60 actions (best of 2)")
    seconds = {}
    for jobs in sorted({1, cores}):
        timings = []
        for _ in range(2):
            started = time.perf_counter()
            write_pdf(report.folder, manager, annex, work / "report.pdf", "fr", jobs)
            timings.append(time.perf_counter() - started)
        seconds[jobs] = min(timings)
        print(f"PDF, {jobs} job(s):            {seconds[jobs]:6.2f} s   {(work / 'report.pdf').stat().st_size / 1e6:.1f} MB")
    pages = {p.name: p.stat().st_size for p in report.folder.glob("*.html")}
    heaviest = max(pages, key=pages.get)
    print(f"heaviest page:           {pages[heaviest] / 1000:6.0f} KB   ({heaviest}, of {len(pages)} pages)")
    for label, ok in (("PDF with all cores under 10 s", seconds[cores] < 10),
                      ("every page under 150 KB", pages[heaviest] < 150_000)):
        print(f"{'PASS' if ok else 'MISS'}  {label}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the generated plans in this folder")
    parser.add_argument("--skip-load", action="store_true", help="skip the load benchmark")
    parser.add_argument("--skip-report", action="store_true", help="skip the report benchmark")
    parser.add_argument("--skip-startup", action="store_true", help="skip the start-up benchmark")
    parser.add_argument("--skip-scale", action="store_true", help="skip the year and many-plans benchmark")
    parser.add_argument("--skip-workshop", action="store_true", help="skip the workshop benchmark")
    parser.add_argument("--skip-pdf", action="store_true", help="skip the PDF and page weight benchmark")
    parser.add_argument("--skip-curves", action="store_true", help="skip the response curves benchmark")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="planlib-bench-"))
    if not args.skip_startup:
        bench_startup()
    if not args.skip_load:
        bench_load(work)
    if not args.skip_report:
        bench_report(work / "report")
    if not args.skip_pdf:
        bench_pdf(work / "pdf")
    if not args.skip_scale:
        bench_scale(work / "scale")
    if not args.skip_workshop:
        bench_workshop(work / "workshop")
    if not args.skip_curves:
        from bench_curves import bench_curves

        bench_curves()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def timed_run(command: list[str]) -> tuple[float, float]:
    """Wall time of a command and the peak memory of its whole process tree (kernels included), in MB."""
    import time

    import psutil

    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}")
    return time.perf_counter() - started, peak / 2 ** 20


def bench_scale(work: Path) -> None:
    """A year in one command against one period run alone; 20 plans x 2 periods on all cores."""
    import os
    import re

    cores = os.cpu_count() or 1
    planlib = str(Path(sys.executable).parent / "planlib")
    one, _ = min(timed_run([planlib, "report", str(EXAMPLE), "--period", "2026-05", "--jobs", "1", "--force",
                            "--quiet", "--out", str(work / f"one-{i}")]) for i in range(2))
    year, year_mb = timed_run([planlib, "report", str(EXAMPLE), "--year", "--jobs", str(cores), "--force", "--quiet",
                               "--out", str(work / "year")])
    serial = 17 * one
    print(f"\nthe year of data/example (17 periods, {cores} cores): {year:.1f} s; one period alone, serially: "
          f"{one:.1f} s, x17 = {serial:.1f} s; ratio {year / serial:.2f} (peak memory {year_mb:.0f} MB)")
    print(f"{'PASS' if year <= 0.6 * serial else 'MISS'}  the year in at most 0.6 of 17 periods run one by one")
    plans = work / "plans"
    for n in range(20):
        target = plans / f"plan-{n:02d}"
        shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".history"))
        settings = target / "plan.yaml"  # last year's plan is the example's: left out of the copies
        settings.write_text(re.sub(r"(?m)^previous:.*$", "", settings.read_text(encoding="utf-8")), encoding="utf-8")
    many, many_mb = timed_run([planlib, "report", "--plans-root", str(plans), "--period", "2026-03,2026-Q1",
                               "--jobs", str(cores), "--force", "--quiet", "--out", str(work / "many")])
    run = json.loads((work / "many" / "run.json").read_text(encoding="utf-8"))
    print(f"20 plans x 2 periods on {cores} cores: {many:.1f} s ({many / 40:.2f} s a report, "
          f"{run['counts']['ok']} written), peak memory of the process and its kernels {many_mb:.0f} MB")


def bench_workshop(work: Path, participants: int = 30) -> None:
    """planlib workshop new and progress on a room of 30, a third of them done (every exercise checked in full)."""
    planlib = str(Path(sys.executable).parent / "planlib")
    created, _ = timed_run([planlib, "workshop", "new", "room", "--case", "b2b-services", "--participants",
                            str(participants), "--lang", "fr", "--out", str(work)])
    solution = ROOT / "data" / "cases" / "b2b-services" / "solution" / "fr"
    for folder in sorted((work / "room" / "participants").iterdir())[::3]:
        shutil.rmtree(folder / "plan")
        shutil.copytree(solution, folder / "plan")
    progress, peak = timed_run([planlib, "workshop", "progress", str(work / "room"), "--json", "--html",
                                str(work / "progress.html")])
    print(f"\nworkshop of {participants}: new {created:.1f} s; progress {progress:.1f} s "
          f"({progress / participants:.2f} s a participant, peak memory {peak:.0f} MB)")
    print(f"{'PASS' if progress < participants else 'MISS'}  progress under 1 s a participant")


def wall_time(command: list[str], repeats: int = 7) -> float:
    """Best wall time of a command run in a fresh process."""
    import time

    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best


def bench_startup() -> None:
    """How long a user waits before the command line answers."""
    command = str(Path(sys.executable).parent / "planlib")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "planlib")], check=True)  # as installed
    bare = wall_time([sys.executable, "-c", "pass"])
    pandas = wall_time([sys.executable, "-c", "import pandas"]) - bare
    figures = {
        "import planlib (over a bare interpreter)": (wall_time([sys.executable, "-c", "import planlib"]) - bare, 0.3),
        "planlib --help": (wall_time([command, "--help"]), 0.3),
        "planlib check data/example": (wall_time([command, "check", str(EXAMPLE)]), 0.6),
    }
    print(f"start-up (best of 7; a bare interpreter takes {bare:.3f} s, importing pandas {pandas:.3f} s more):")
    for label, (seconds, target) in figures.items():
        print(f"  {label:<42} {seconds:.3f} s   {'PASS' if seconds < target else 'MISS'} (target < {target} s)")
    print()


def bench_load(work: Path) -> None:
    plans = {1: EXAMPLE}
    for scale, size in SIZES.items():
        target = work / f"plan-{scale}x"
        if not target.exists():
            synthetic_plan(target, *size)
        plans[scale] = target
    print(f"{'size':>5} {'rows':>9} {'load+validate s':>16} {'peak MB':>8} {'µs/row':>7}")
    results = {}
    for scale, plan in plans.items():
        results[scale] = result = measure(plan)
        print(f"{scale:>4}x {result['rows']:>9,} {result['load']:>16.3f} {result['peak_mb']:>8.0f} "
              f"{1e6 * result['load'] / result['rows']:>7.1f}")
    largest = results[max(results)]
    growth = results[100]["load"] / results[10]["load"]
    rows_growth = results[100]["rows"] / results[10]["rows"]
    import_time = min(r["import"] for r in results.values())
    print(f"growth 10x -> 100x: time x{growth:.1f} for rows x{rows_growth:.1f}")
    print(f"import planlib: {import_time:.3f} s")
    verdicts = [("largest load under 2 s", largest["load"] < TARGET_SECONDS),
                ("largest peak under 500 MB", largest["peak_mb"] < TARGET_MB),
                ("linear growth (time ratio within 1.5x of the rows ratio)", growth < 1.5 * rows_growth),
                ("import planlib under 0.5 s", import_time < TARGET_IMPORT)]
    for label, ok in verdicts:
        print(f"{'PASS' if ok else 'MISS'}  {label}")
    bench_schedule(plans[100])
    bench_review(plans[100])
    bench_diff(plans[100], work / "plan-100x-changed")


SCHEDULE = """
import json, sys, time
import planlib
from planlib.steps.actions.schedule import conflicts, critical_path, schedule
plan = planlib.load_plan(sys.argv[1])
t0 = time.perf_counter()
scheduled = schedule(plan)
t1 = time.perf_counter()
critical_path(plan, scheduled)
found = conflicts(plan, scheduled)
t2 = time.perf_counter()
print(json.dumps({"schedule": t1 - t0, "critical_and_conflicts": t2 - t1, "actions": len(scheduled),
                  "conflicts": len(found)}))
"""


def bench_schedule(plan: Path) -> None:
    """Forward and backward passes, slack and critical path of the 10,000-action plan (best of 3)."""
    runs = [json.loads(subprocess.run([sys.executable, "-c", SCHEDULE, str(plan)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(3)]
    best = min(runs, key=lambda r: r["schedule"])
    print(f"\nscheduling {best['actions']:,} actions: {best['schedule']:.3f} s "
          f"(critical path and {best['conflicts']:,} conflicts: {best['critical_and_conflicts']:.3f} s more)")
    print(f"{'PASS' if best['schedule'] < 1.0 else 'MISS'}  scheduling the 10,000-action plan under 1 s")


REVIEW = """
import json, sys, time
from datetime import date
import planlib
from planlib.core.metrics import MetricIndex
from planlib.steps.review.pacing import review
plan = planlib.load_plan(sys.argv[1])
review(plan, date(2026, 1, 31))  # first use loads scipy: not part of the figure
t0 = time.perf_counter()
index = MetricIndex(plan.actuals)
one = review(plan, date(2026, 6, 15), index)
t1 = time.perf_counter()
for month in range(1, 13):
    review(plan, date(2026, month, 28), index)
t2 = time.perf_counter()
print(json.dumps({"one": t1 - t0, "year": t2 - t1, "key_results": len(one), "kpis": len(plan.kpis),
                  "rows": len(plan.actuals)}))
"""


DIFF = """
import json, sys, time
from planlib.versions.compare import compare
from planlib.versions.sources import open_pair
from planlib.versions.summary import lines
t0 = time.perf_counter()
diff = compare(*open_pair(sys.argv[1], sys.argv[2]))  # what planlib diff OLD NEW does
lines(diff, "en")
t1 = time.perf_counter()
print(json.dumps({"seconds": t1 - t0, "changes": len(diff.changes)}))
"""


def bench_diff(plan: Path, changed: Path) -> None:
    """planlib diff of the 100x plan (10,000 actions) against a copy with 100 actions edited (best of 3)."""
    import pandas as pd

    shutil.copytree(plan, changed)
    actions = pd.read_csv(changed / "actions.csv", dtype=str, keep_default_na=False)
    rng = random.Random(11)
    for row in rng.sample(range(len(actions)), 100):
        actions.loc[row, "owner"] = rng.choice(["Camille", "Hugo", "Léa", "Nadia", "Thomas"]) + " (new)"
    actions.to_csv(changed / "actions.csv", index=False)
    def best_of_3(new: Path) -> dict:
        runs = [json.loads(subprocess.run([sys.executable, "-c", DIFF, str(plan), str(new)], check=True,
                                          capture_output=True, text=True).stdout) for _ in range(3)]
        return min(runs, key=lambda r: r["seconds"])

    best = best_of_3(changed)
    print(f"\ndiff of two {len(actions):,}-action plans ({best['changes']} changes): {best['seconds']:.3f} s")
    for table in changed.glob("*.csv"):  # a blank line at the end: every file differs, no cell does
        table.write_bytes(table.read_bytes() + b"\n")
    every = best_of_3(changed)
    print(f"the same with every table re-read and compared ({every['changes']} changes): {every['seconds']:.3f} s")
    print(f"{'PASS' if best['seconds'] < 2.0 else 'MISS'}  the diff under 2 s")


def bench_review(plan: Path) -> None:
    """The KPI review of the 100x plan (200 KPIs x 730 days of actuals): one as-of date, then twelve."""
    runs = [json.loads(subprocess.run([sys.executable, "-c", REVIEW, str(plan)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(3)]
    best = min(runs, key=lambda r: r["one"] + r["year"])
    print(f"\nKPI review of {best['key_results']} key results over {best['kpis']} KPIs and {best['rows']:,} actuals: "
          f"one as-of date {best['one']:.3f} s, twelve monthly dates {best['year']:.3f} s")
    print(f"{'PASS' if best['one'] < 1.0 else 'MISS'}  one review under 1 s")
    print(f"{'PASS' if best['year'] < 5.0 else 'MISS'}  a year of monthly reviews under 5 s")


if __name__ == "__main__":
    sys.exit(main())
