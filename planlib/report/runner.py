"""Period reports: run every notebook with papermill, export HTML (and PDF), swap in atomically.

A scheduler must get either a complete new report or the previous one, never
half of each: each period is built in a temporary folder beside its target
and renamed into place only when every notebook succeeded. A lock per period
makes a second run on the same period wait instead of racing the first.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..core.errors import CodedError
from ..core.i18n import format_period, labelled, tr
from ..core.language import resolve_language
from ..core.plan_path import resolve_plan_path
from ..core.resources import notebooks_dir
from ..steps.registry import step_notebooks, step_of_notebook
from ..core.periods import parse_as_of
from ..steps.summary import summary
from ..versions.page import diff_page, since_html
from ..versions.snapshots import save_snapshot, since_last_report
from ..calendar.files import write_feeds
from .contents import write_plan_index
from .environment import ReportEnvironment
from .folders import claim_root, clear_leftovers, period_lock, swap_in
from .fingerprint import built_with, has_outputs, inputs_hash
from .kernels import ENGINE_NAME, AsyncIPCKernelManager
from .plan_copy import PlanCopy
from .progress import Progress

NOTEBOOKS_DIR = notebooks_dir()
CHANGES_PAGE = "changes.html"  # the full diff since the plan's previous report
TEMPLATES_DIR = Path(__file__).resolve().parent / "nbtemplates"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def since_last_report_of(copy: PlanCopy, root: Path):
    """What changed, in the plan as this run read it, since its newest report under root; None for a first
    report or an unreadable copy."""
    from ..core.errors import PlanError
    from ..core.plan import open_source

    source = copy.folder / copy.plan_dir.name if copy.plan_dir.is_file() else copy.folder
    try:
        return since_last_report(open_source(source), root, copy.plan_dir)
    except PlanError:
        return None


class ReportError(Exception):
    """A report could not be produced; the message says which notebook and cell, and why."""


class NoNotebooksError(CodedError, ReportError):
    """A --notebooks folder without a notebook to run: worded by the catalogs in the reader's language."""


@dataclass
class NotebookRun:
    period: str
    notebook: Path
    seconds: float = 0.0
    error: str | None = None
    kept_at: Path | None = None
    plan: str = ""  # the plan's name, in progress lines of a run over many plans


@dataclass
class PeriodReport:
    period: str
    folder: Path
    runs: list[NotebookRun] = field(default_factory=list)
    status: str = "ok"  # ok, skipped (same inputs as the report in place), failed
    error: str | None = None  # for a failed period: which notebooks and cells, and why
    seconds: float = 0.0


def notebooks_in(folder: Path) -> list[Path]:
    """The notebooks a report runs, as absolute paths (kernels run elsewhere than the command): the kit's are
    the step registry's, in step order; a folder of one's own (--notebooks) runs its NN_*.ipynb in order."""
    folder = Path(folder).resolve()
    if folder == NOTEBOOKS_DIR.resolve():
        return [folder / name for name in step_notebooks()]
    found = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise NoNotebooksError("no_notebooks", "notebooks_folder", folder=str(folder))
    return found


_EXPORTERS = threading.local()


def _exporter(lang: str):
    """One HTML exporter per thread and language (building one loads its templates and styles); the language
    is the page's `lang` attribute, which screen readers and hyphenation follow."""
    from nbconvert import HTMLExporter

    if not hasattr(_EXPORTERS, "html"):
        _EXPORTERS.html = {}
    if lang not in _EXPORTERS.html:
        _EXPORTERS.html[lang] = HTMLExporter(
            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, template_name="lab",
            extra_template_paths=[str(TEMPLATES_DIR)], template_file="offline.html.j2", language_code=lang)
    return _EXPORTERS.html[lang]


def execute(notebook: Path, output: Path, parameters: dict, cwd: Path, km=None) -> None:
    """Run one notebook with papermill: in a warm kernel from the pool if given, else in a new one."""
    import papermill

    extra = {"engine_name": ENGINE_NAME, "km": km} if km is not None else {"kernel_manager_class": AsyncIPCKernelManager}
    papermill.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name="python3",
                               progress_bar=False, log_output=False, cwd=str(cwd),
                               request_save_on_cell_execute=km is None, **extra)


def source_cell_number(notebook: Path, executed_index: int) -> int:
    """The 1-based number, in the notebook as stored, of a cell of its executed copy.

    Papermill inserts one cell (the injected parameters) after the cell tagged
    `parameters`; cells after it sit one place further in the executed copy.
    """
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    injected_at = tagged[0] + 1 if tagged else 0
    return executed_index + (0 if executed_index < injected_at else -1) + 1


def describe_failure(error: Exception, notebook: Path, lang: str) -> str:
    """Which notebook and cell failed, and the error's own message (in its own words, as Python raised it)."""
    index = getattr(error, "cell_index", None)
    ename, evalue = getattr(error, "ename", None), getattr(error, "evalue", None)
    where = notebook.name if index is None else \
        tr("report.failed_cell", lang, notebook=notebook.name, cell=source_cell_number(notebook, index))
    reason = f"{ename}: {evalue}" if ename else f"{type(error).__name__}: {error}"
    return labelled(where, reason.strip(), lang)


def page_title(notebook: Path, lang: str) -> str:
    """A step's name in the reader's language, from the step registry."""
    step = step_of_notebook(notebook.name)
    if step is not None:
        return step.title(lang)
    return notebook.stem.split("_", 1)[1].replace("_", " ").capitalize()


@dataclass
class ReportJob:
    """Everything one `planlib report` call needs; `run` produces the reports."""

    plan_dir: Path
    periods: list[str]
    out: Path = Path("reports")
    as_of: str | None = None
    lang: str | None = None
    pdf: bool = False
    jobs: int = os.cpu_count() or 1
    notebooks: Path = NOTEBOOKS_DIR
    stream: object = None
    copy: PlanCopy | None = None  # the plan as read for this run (a batch reads it to know its periods)
    force: bool = False  # rebuild periods whose report in place was built from the same inputs
    quiet: bool = False
    # Set by run_in for the run under way: the shared kernels and plans, what changed since the plan's previous
    # report (computed once, shown by the front page and notebook 00), each period's fingerprints.
    environment: ReportEnvironment | None = None
    since: object = None
    fingerprints: dict = field(default_factory=dict)

    def run(self) -> list[PeriodReport]:
        """Run every notebook of every period in one pool; swap in each period that fully succeeded.

        Raises ReportError naming the failed notebooks when a period could not be written.
        """
        with ReportEnvironment(self.notebooks, self.out, self.jobs) as environment:
            environment.kernels.prewarm(min(self.jobs, len(notebooks_in(self.notebooks)) * len(self.periods)))
            reports = self.run_in(environment)
        failed = [r for r in reports if r.status == "failed"]
        if failed:
            lang = resolve_language(self.lang, self.copy.plan)
            written = [tr("report.written", lang, who=r.period, path=r.folder / "index.html")
                       for r in reports if r.status == "ok"]
            raise ReportError("\n".join([r.error for r in failed] + written))
        return reports

    def run_in(self, environment: ReportEnvironment, progress: Progress | None = None) -> list[PeriodReport]:
        """This plan's periods in a shared environment; each period's result says ok, skipped or failed."""
        self.environment = environment
        notebooks = notebooks_in(self.notebooks)
        plan_dir = resolve_plan_path(self.plan_dir).resolve()
        self.copy = copy = self.copy or environment.read_plan(plan_dir)
        plan = copy.plan
        lang = resolve_language(self.lang, plan)
        periods = [plan.period(p) for p in dict.fromkeys(self.periods)]  # every id checked before any work
        as_of = {p.id: parse_as_of(self.as_of, p) for p in periods}
        root = Path(self.out).resolve() / plan.name
        claim_root(root, plan_dir)
        digest = copy.digest
        inputs = {p.id: inputs_hash(digest, p.id, as_of[p.id].isoformat(), lang, notebooks) for p in periods}
        skipped = [p for p in periods if not self.force and built_with(root / p.id) == inputs[p.id]
                   and has_outputs(root / p.id, p.id, self.pdf)]
        periods = [p for p in periods if p not in skipped]
        reports = [PeriodReport(p.id, root / p.id, status="skipped") for p in skipped]
        for period in skipped if progress is not None else ():
            progress.forget((plan.name, period.id))
        if not periods:
            return reports
        self.since = since_last_report_of(copy, root)  # read before this run swaps any report in
        context = environment.context_for(copy, self.since).as_parameter()  # what each notebook is told
        self.fingerprints = {p.id: {"plan_hash": digest, "inputs_hash": inputs[p.id]} for p in periods}
        own_progress = progress is None
        if own_progress:
            progress = Progress({(plan.name, p.id): len(notebooks) for p in periods}, self.stream, self.quiet, lang=lang)
        builds: dict[str, Path] = {}
        try:
            with ExitStack() as locks:
                for period in sorted(periods, key=lambda p: p.id):  # one order: no deadlock between runs
                    locks.enter_context(period_lock(root, period.id, progress.say))
                    clear_leftovers(root, period.id)
                runs = []
                for period in periods:
                    builds[period.id] = Path(tempfile.mkdtemp(prefix=f".build-{period.id}-", dir=root))
                    parameters = {"plan_dir": str(plan_dir), "period": period.id,
                                  "as_of": as_of[period.id].isoformat(), "lang": lang, "report": context}
                    runs += [(NotebookRun(period.id, nb, plan=plan.name), parameters) for nb in notebooks]
                # Kernels execute in `jobs` threads; exports and summaries run beside them in one more,
                # so a kernel never waits for an HTML page to be written.
                with ThreadPoolExecutor(max_workers=environment.jobs) as executing, \
                        ThreadPoolExecutor(max_workers=1) as exporting:
                    documents = {p.id: exporting.submit(summary, plan, p.id, as_of[p.id]) for p in periods}

                    def job(item):
                        run, parameters = item
                        with environment.slots:
                            self.execute_run(run, builds[run.period], parameters)
                        exported = exporting.submit(self.export_run, run, builds[run.period], lang)
                        exported.add_done_callback(lambda done: progress.step(done.result()))  # a line as each ends
                        return exported

                    executions = [executing.submit(job, item) for item in runs]
                    for exported in [execution.result() for execution in executions]:
                        exported.result()
                    documents = {key: future.result() for key, future in documents.items()}
                reports += self.conclude(plan, periods, as_of, lang, [r for r, _ in runs], builds, root, documents)
                write_plan_index(root, plan.config.company or plan.name, lang)
                write_feeds(plan, root, lang)  # the team's and each owner's calendar, fresh at every run
                return reports
        finally:
            if own_progress:
                progress.close()
            for build in builds.values():
                shutil.rmtree(build, ignore_errors=True)

    def conclude(self, plan, periods, as_of, lang, runs, builds, root, documents) -> list[PeriodReport]:
        """Swap in complete periods; keep a failed period's notebooks and say which failed and why."""
        reports = []
        for period in periods:
            own = [r for r in runs if r.period == period.id]
            failed = [r for r in own if r.error]
            build = builds[period.id]
            seconds = sum(r.seconds for r in own)
            if failed:
                self.keep_failures(failed, build, root)
                lines = [tr("report.not_written", lang, plan=plan.name, period=period.id)]
                lines += [f"  {r.error}\n    {tr('report.kept_at', lang, path=r.kept_at)}" for r in failed]
                reports.append(PeriodReport(period.id, root / period.id, own, "failed", "\n".join(lines), seconds))
                continue
            self.finish(plan, period, {**documents[period.id], **self.fingerprints[period.id]}, lang, own, build)
            build.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a report is shared
            target = root / period.id
            swap_in(build, target)
            reports.append(PeriodReport(period.id, target, own, seconds=seconds))
        return reports

    def execute_run(self, run: NotebookRun, build: Path, parameters: dict) -> None:
        """Execute one notebook in a warm kernel; a failure is recorded with its cell."""
        started = time.perf_counter()
        kernels = self.environment.kernels
        km = kernels.acquire()
        healthy = False
        try:
            execute(run.notebook, build / run.notebook.name, parameters, run.notebook.parent, km)
            healthy = True
        except Exception as error:  # noqa: BLE001 - every failure is reported with its cell
            run.error = describe_failure(error, run.notebook, parameters["lang"])
        finally:
            kernels.release(km, healthy)
            run.seconds = time.perf_counter() - started

    def export_run(self, run: NotebookRun, build: Path, lang: str) -> NotebookRun:
        """The executed notebook as an HTML page without code."""
        if run.error is None:
            started = time.perf_counter()
            try:
                import nbformat

                from .export import keep_headings_with_pictures, lighter, split_outputs

                output = build / run.notebook.name
                page, appendix, printed = split_outputs(nbformat.read(output, as_version=4), output.stem, lang)
                body, _ = _exporter(lang).from_notebook_node(keep_headings_with_pictures(page))
                output.with_suffix(".html").write_text(lighter(body), encoding="utf-8")
                for _title, name, printed_page in printed:
                    (build / name).write_text(printed_page, encoding="utf-8")
                if appendix or printed:  # what the period's pages take from this notebook, read by finish
                    (build / f".export-{run.notebook.stem}.json").write_text(json.dumps(
                        {"appendix": appendix, "printed": [(title, name) for title, name, _ in printed]}),
                        encoding="utf-8")
            except Exception as error:  # noqa: BLE001
                run.error = labelled(run.notebook.name, tr("report.export_failed", lang,
                                                           reason=f"{type(error).__name__}: {error}"), lang)
            run.seconds += time.perf_counter() - started
        return run

    def keep_failures(self, failed: list[NotebookRun], build: Path, root: Path) -> None:
        keep = root / ".failed" / failed[0].period
        keep.mkdir(parents=True, exist_ok=True)
        for run in failed:
            executed = build / run.notebook.name
            if executed.exists():
                shutil.copy2(executed, keep / run.notebook.name)
                run.kept_at = keep / run.notebook.name

    def finish(self, plan, period, document: dict, lang, runs, build: Path) -> None:
        from datetime import date

        from ..ui.stylesheet import stylesheet
        from .front_page import front_page
        from .glance import at_a_glance
        from .objective_pages import objective_pages
        from .pages import STYLESHEET, appendix_page
        from .pdf import write_pdf

        (build / STYLESHEET).write_text(stylesheet(plan.config.company or plan.name, format_period(period, lang)), encoding="utf-8")
        pages, appendix = [], []
        for r in runs:  # each step's page, then the printed pages it holds (its quarters of the calendar)
            pages.append((page_title(r.notebook, lang), r.notebook.with_suffix(".html").name))
            exported = build / f".export-{r.notebook.stem}.json"
            if exported.exists():
                taken = json.loads(exported.read_text(encoding="utf-8"))
                pages += [tuple(entry) for entry in taken["printed"]]
                appendix += [tuple(table) for table in taken["appendix"]]
                exported.unlink()
        generated = datetime.now().astimezone().isoformat(timespec="seconds")
        as_of = date.fromisoformat(document["as_of"])
        glance = at_a_glance(plan, period, as_of, document)
        (build / "summary.json").write_text(json.dumps({**document, "front_page": glance.as_json()}, ensure_ascii=False,
                                                       indent=2) + "\n", encoding="utf-8")
        if appendix:
            (build / "appendix.html").write_text(appendix_page(appendix, lang), encoding="utf-8")
            pages.append((tr("report.appendix", lang), "appendix.html"))
        save_snapshot(self.copy.plan_dir, build, generated, period.id, files_from=self.copy.folder)
        since = self.since
        if since is not None and since.diff.changes:
            (build / CHANGES_PAGE).write_text(diff_page(since.diff, since.label, tr("diff.this_report", lang), lang,
                                                                    STYLESHEET),
                                              encoding="utf-8")
        changes = since_html(since, lang, CHANGES_PAGE)
        objectives = []
        for title, name, page in objective_pages(plan, glance, lang):
            (build / name).write_text(page, encoding="utf-8")
            objectives.append((title, name))
        (build / "index.html").write_text(front_page(plan, glance, pages, lang, generated, changes, objectives), encoding="utf-8")
        if self.pdf:
            write_pdf(build, [(tr("report.title", lang), "index.html"), *objectives], pages,
                      build / f"report-{period.id}.pdf", lang, self.jobs)
