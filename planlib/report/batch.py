"""Many reports in one run: plans x periods on all cores, one failure never stopping the others.

A scheduler regenerates every plan's reports at night. Each plan is loaded
once; all their periods' notebooks share one pool of warm kernels bounded by
`jobs`; a plan that does not load, or a period whose notebook fails, is
recorded (which plan, period, notebook and cell) while the others complete.
`run.json` in the output folder lists every plan x period with its status
(ok, skipped, failed), duration and report. A period whose report in place
was built from the same inputs (fingerprint.py) is skipped unless forced.
"""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..core.errors import CodedError, PlanError
from ..core.io.atomic import atomic_write_text
from ..core.language import resolve_language
from ..core.plan_path import resolve_plan_path
from .environment import ReportEnvironment
from .progress import Progress
from .plan_copy import PlanCopy
from .runner import NOTEBOOKS_DIR, PeriodReport, ReportError, ReportJob, notebooks_in

RUN_FILE = "run.json"
RELATIVE_PERIODS = {"this-month": "month", "this-quarter": "quarter", "this-sprint": "sprint", "this-year": "year"}


def period_ids(plan, period_arg: str | None = None, all_kind: str | None = None, year: bool = False,
               today: date | None = None) -> list[str]:
    """Period ids from --period / --all / --year; this-month and friends follow the plan's calendar."""
    if year:  # the twelve months, four quarters and the year
        return [p.id for kind in ("month", "quarter", "year") for p in plan.calendar.periods(kind)]
    if all_kind:
        return [p.id for p in plan.calendar.periods(all_kind)]
    ids = [p.strip() for p in (period_arg or "this-quarter").split(",") if p.strip()]
    today = today or date.today()
    return [plan.calendar.period_of(today, RELATIVE_PERIODS[p]).id if p in RELATIVE_PERIODS else p for p in ids]


def plans_under(root: Path, skip: Path | None = None) -> list[Path]:
    """Every plan folder (a folder holding plan.yaml) under root, hidden folders and the output folder aside."""
    root = Path(root).resolve()
    skip = Path(skip).resolve() if skip else None
    found = []
    for plan_yaml in sorted(root.rglob("plan.yaml")):
        folder = plan_yaml.parent
        parts = folder.relative_to(root).parts
        if any(part.startswith(".") for part in parts) or (skip and (folder == skip or skip in folder.parents)):
            continue
        found.append(folder)
    return found


def write_run(path: Path, runs: list[dict], **context) -> dict:
    """run.json: when, whether all succeeded, counts per status, then every plan x period of the run."""
    document = {**context, "finished": datetime.now().astimezone().isoformat(timespec="seconds"),
                "ok": all(r["status"] != "failed" for r in runs),
                "counts": {s: sum(r["status"] == s for r in runs) for s in ("ok", "skipped", "failed")},
                "runs": runs}
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n", keep_history=False)
    return document


@dataclass
class Entry:
    """One plan x period of a run, as run.json lists it."""

    plan: str
    plan_dir: str
    period: str | None
    status: str  # ok, skipped, failed
    seconds: float = 0.0
    report: str | None = None
    error: str | None = None

    @classmethod
    def of(cls, plan_dir: Path, name: str, report: PeriodReport) -> "Entry":
        index = report.folder / "index.html"
        return cls(name, str(plan_dir), report.period, report.status, round(report.seconds, 2),
                   str(index) if report.status != "failed" else None, report.error)


@dataclass
class BatchRun:
    """Reports for many plans and periods; `run` returns run.json's document and writes it."""

    plans: list[Path]
    period_arg: str | None = None
    all_kind: str | None = None
    year: bool = False
    out: Path = Path("reports")
    as_of: str | None = None
    lang: str | None = None
    pdf: bool = False
    jobs: int = 1
    notebooks: Path = NOTEBOOKS_DIR
    force: bool = False
    quiet: bool = False
    stream: object = None
    record: Path | None = None  # where run.json goes (default: the output folder's run.json)
    entries: list[Entry] = field(default_factory=list)

    def _load(self, environment: ReportEnvironment) -> list[tuple[Path, PlanCopy, list[str]]]:
        """Each plan, read once for the run, with its periods; a plan that does not load or names a bad period
        is a failed entry."""
        ready = []
        for plan_dir in self.plans:
            plan_dir = resolve_plan_path(plan_dir).resolve()
            try:
                copy = environment.read_plan(plan_dir)
                ids = period_ids(copy.plan, self.period_arg, self.all_kind, self.year)
                for period in ids:
                    copy.plan.period(period)  # a bad id fails this plan only, before any work
            except PlanError as error:
                self.entries.append(Entry(plan_dir.name, str(plan_dir), None, "failed", error=error.report("en")))
                continue
            ready.append((plan_dir, copy, ids))
        return ready

    def run(self) -> dict:
        started, clock = datetime.now().astimezone(), time.perf_counter()
        self.out = Path(self.out).resolve()  # before any notebook runs: papermill moves the process's folder
        self.record = Path(self.record).resolve() if self.record else None
        notebooks = notebooks_in(self.notebooks)
        with ReportEnvironment(self.notebooks, self.out, self.jobs) as environment:
            ready = self._load(environment)
            if ready:
                self._run_all(environment, ready, notebooks)
        return write_run(Path(self.record or self.out / RUN_FILE), [vars(e) for e in self.entries],
                         started=started.isoformat(timespec="seconds"), seconds=round(time.perf_counter() - clock, 2))

    def _run_all(self, environment, ready, notebooks) -> None:
        environment.kernels.prewarm(min(self.jobs, sum(len(ids) for _, _, ids in ready) * len(notebooks)))
        progress = Progress({(copy.plan.name, p): len(notebooks) for _, copy, ids in ready for p in ids},
                            self.stream, self.quiet, lang=resolve_language(self.lang, ready[0][1].plan))  # --lang, or the first plan's
        try:
            with ThreadPoolExecutor(max_workers=min(len(ready), 2 * self.jobs)) as plans:
                futures = [(plan_dir, copy, ids, plans.submit(self._one, environment, progress, plan_dir, copy, ids))
                           for plan_dir, copy, ids in ready]
                for plan_dir, copy, ids, future in futures:
                    self.entries += self._entries(plan_dir, copy.plan, ids, future)
        finally:
            progress.close()

    def _one(self, environment, progress, plan_dir: Path, copy: PlanCopy, ids: list[str]) -> list[PeriodReport]:
        job = ReportJob(plan_dir, ids, out=self.out, as_of=self.as_of, lang=self.lang, pdf=self.pdf,
                        jobs=self.jobs, notebooks=self.notebooks, copy=copy, force=self.force, quiet=self.quiet)
        return job.run_in(environment, progress)

    def _entries(self, plan_dir: Path, plan, ids: list[str], future) -> list[Entry]:
        try:
            return [Entry.of(plan_dir, plan.name, report) for report in future.result()]
        except Exception as error:  # noqa: BLE001 - one plan's failure is recorded; the others go on
            text = failure_text(error, resolve_language(self.lang, plan))
            return [Entry(plan.name, str(plan_dir), period, "failed", error=text) for period in ids]


def failure_text(error: Exception, lang: str) -> str:
    """Why a plan's reports failed, in the reader's language where the kit words it."""
    if isinstance(error, PlanError):
        return error.report(lang)
    if isinstance(error, CodedError):
        return error.text(lang)
    if isinstance(error, ReportError):
        return str(error)
    return f"{type(error).__name__}: {error}"
