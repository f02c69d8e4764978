"""The Plan: every file of a plan folder, loaded, validated and typed.

The plan folder is the single source of truth. `load_plan` reads it (or an
xlsx workbook, or a folder of French Excel CSV) and either returns a complete
`Plan` or raises one `PlanError` listing every problem. The core types cells
and checks links from the schema; the steps' own rules are handed in (the
step registry does that for `planlib.load_plan`) and kept with the Plan, so
saves go through the same validation first and a bad edit is refused before
anything is written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema as S
from .errors import PlanError, Problem
from .io.atomic import atomic_write_text
from .io.plan_lock import plan_lock
from .io.encodings import decode, read_bytes
from .io.readers import RawTable, parse_yaml, read_csv
from .io.staging import settle, write_all
from .io.workbooks import read_xlsx, table_from_rows
from .io.writers import csv_bytes, text_frame, write_csv, write_xlsx
from .io.yamledit import edited_text
from .parse import restore_text
from .periods import Calendar, Period
from .language import resolve_language
from .settings import PlanSettings
from .plan_path import resolve_plan_path
from .runtime import WORKSPACE_FILE, is_packaged_plan
from .validate.cells import check_table
from .validate.context import Context, Rule
from .validate.links import check_links
from .validate.yamlcheck import check_plan_settings

REQUIRED_FILES = ("plan.yaml",)


@dataclass
class PlanSource:
    """The text of a plan before typing: raw tables and YAML documents."""

    label: str
    tables: dict[str, RawTable]
    yaml_texts: dict[str, str | None]


@dataclass
class Plan:
    """A validated plan: settings, qualitative parts and typed tables."""

    path: Path | None
    settings: dict
    yaml_data: dict[str, object]
    tables: dict[str, pd.DataFrame]
    calendar: Calendar
    yaml_texts: dict[str, str | None] = field(default_factory=dict)
    preambles: dict[str, str] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()  # the steps' rules this plan was validated with; saves use them again
    warnings: list[Problem] = field(default_factory=list)  # findings that do not block (an empty SWOT quadrant)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def audit(self) -> dict:
        document = self.yaml_data.get("audit.yaml")
        return document if isinstance(document, dict) else {}

    @property
    def personas(self) -> list[dict]:
        """The personas of personas.yaml (each a mapping with an id)."""
        document = self.yaml_data.get("personas.yaml")
        items = document.get("personas") if isinstance(document, dict) else None
        return [p for p in (items if isinstance(items, list) else []) if isinstance(p, dict) and p.get("id")]

    @property
    def name(self) -> str:
        """What reports and summaries call the plan: a workspace's plan (NAME/plan) is called NAME."""
        if self.path is None:
            return "plan"
        if (self.path.parent / WORKSPACE_FILE).is_file() and self.path.name == "plan":
            return self.path.resolve().parent.name
        return self.path.name

    @property
    def config(self) -> PlanSettings:
        """plan.yaml's plan-wide settings, typed (core/settings.py)."""
        return PlanSettings.of(self.settings)

    @property
    def language(self) -> str:
        """The plan's language by the kit's one rule (core/language.py): plan.yaml's, else its workspace's, else English."""
        return resolve_language(None, self)

    @property
    def currency(self) -> str:
        return self.config.currency

    def period(self, period_id: str) -> Period:
        """A period of the plan's year, by its id; PeriodError naming the year for another year's."""
        return self.calendar.parse_in_year(period_id)

    # -- saving ---------------------------------------------------------------
    def save_table(self, name: str, frame: pd.DataFrame, as_text: bool = False) -> "Plan":
        """Validate the plan with this table replaced, then write it; return the new Plan.

        With `as_text`, cells are text as a person typed them (forms): numbers
        may use a decimal comma, dates may be dd/mm/yyyy.
        """
        refuse_packaged(self.path)
        source = self.as_source()
        table = S.table(name)
        cells = frame.astype(str) if as_text else text_frame(frame, table).astype(str)
        source.tables[name] = RawTable(name, table.file, cells.reset_index(drop=True), decimal_comma=as_text,
                                       preamble=self.preambles.get(name, ""))
        plan = build_plan(source, self.path, self.rules)
        write_csv(self.path / table.file, plan.tables[name], table, preamble=self.preambles.get(name, ""))
        return plan

    def save_yaml(self, file_name: str, data) -> "Plan":
        """Validate the plan with this YAML document replaced, then write it (keeping the file's comments)."""
        refuse_packaged(self.path)
        text = edited_text(self.yaml_texts.get(file_name), data)
        source = self.as_source()
        source.yaml_texts[file_name] = text
        plan = build_plan(source, self.path, self.rules)
        atomic_write_text(self.path / file_name, text)
        return plan

    def as_source(self) -> PlanSource:
        """This plan's content as text, so that edits go through full validation."""
        tables = {name: RawTable(name, S.table(name).file, text_frame(frame, S.table(name)).astype(str),
                                 preamble=self.preambles.get(name, ""))
                  for name, frame in self.tables.items()}
        return PlanSource(str(self.path), tables, dict(self.yaml_texts))


# -- reading sources ---------------------------------------------------------------

def folder_source(path: Path) -> PlanSource:
    """A plan folder (UTF-8 or French Excel CSV files, YAML files); an import a killed run left is settled first."""
    path = Path(path)
    settle(path)
    tables = {}
    for name in S.table_order():
        file = path / S.table(name).file
        tables[name] = read_csv(file, name) if file.exists() else RawTable(name, file.name, pd.DataFrame())
    texts = {}
    for file_name in S.YAML_FILES:
        file = path / file_name
        texts[file_name] = decode(read_bytes(file), file_name)[0] if file.exists() else None
    return PlanSource(str(path), tables, texts)


def workbook_source(path: Path) -> PlanSource:
    """An xlsx workbook with one sheet per table and one per YAML file."""
    path = Path(path)
    sheets = read_xlsx(path)
    by_name = {title.strip().lower().removesuffix(".csv"): rows for title, rows in sheets.items()}
    known = [*S.table_order(), *S.YAML_FILES, *(f.removesuffix(".yaml") for f in S.YAML_FILES)]
    unknown = [title for title in sheets if title.strip().lower().removesuffix(".csv") not in known]
    if unknown:  # a renamed sheet would otherwise be skipped, and its edits lost
        expected = ", ".join([*S.table_order(), *S.YAML_FILES])
        raise PlanError([Problem(f"{path.name}[{title}]", None, None, "xlsx_unknown_sheet",
                                 {"sheet": title, "sheets": expected}, "xlsx_sheets") for title in unknown])
    tables, texts = {}, {}
    for name in S.table_order():
        if name in by_name:
            tables[name] = table_from_rows(name, f"{path.name}[{name}]", by_name[name])
    for file_name in S.YAML_FILES:
        rows = by_name.get(file_name.lower()) or by_name.get(file_name.removesuffix(".yaml"))
        if rows is not None:
            lines = pd.Series([r[0] if r else "" for r in rows], dtype=str)
            texts[file_name] = "\n".join(restore_text(lines)) + "\n"
    return PlanSource(path.name, tables, texts)


def build_plan(source: PlanSource, path: Path | None, rules: tuple[Rule, ...] = ()) -> Plan:
    """Type and check every part of a source, then run the steps' rules; raise PlanError with all problems."""
    problems: list[Problem] = []
    yaml_data, yaml_lines = {}, {}
    for file_name in S.YAML_FILES:
        text = source.yaml_texts.get(file_name)
        if text is None:
            if file_name in REQUIRED_FILES:
                problems.append(Problem(file_name, None, None, "missing_file", {}, "plan_yaml"))
            yaml_data[file_name], yaml_lines[file_name] = None, {}
            continue
        yaml_data[file_name], yaml_lines[file_name] = parse_yaml(text, file_name, problems)
    # the settings of a plan.yaml that could not be read at all are not also reported missing one by one
    unreadable = yaml_data["plan.yaml"] is None and any(p.file == "plan.yaml" for p in problems)
    settings = check_plan_settings(yaml_data["plan.yaml"], yaml_lines["plan.yaml"], problems) \
        if source.yaml_texts.get("plan.yaml") is not None and not unreadable else {}
    calendar = Calendar.from_settings(settings if _calendar_settings_ok(settings) else {})
    tables, raws = {}, {}
    for name in S.table_order():
        raw = source.tables.get(name) or RawTable(name, S.table(name).file, pd.DataFrame())
        raws[name] = raw
        tables[name] = check_table(raw, problems, calendar, settings)
    context = Context(tables, raws, yaml_data, yaml_lines, settings, problems, Path(path) if path else None,
                      tuple(rules))
    check_links(context)
    for rule in rules:
        rule(context)
    errors = [p for p in problems if not p.is_warning]
    if errors:
        raise PlanError(in_reading_order(errors))
    return Plan(Path(path) if path else None, settings, yaml_data, tables, calendar,
                dict(source.yaml_texts), {n: r.preamble for n, r in raws.items() if r.preamble}, tuple(rules),
                in_reading_order([p for p in problems if p.is_warning]))


def file_order() -> tuple[str, ...]:
    """Every file a plan folder may hold, in the steps' order: the YAML files, then the tables."""
    tables = S.registered()
    return (*S.YAML_FILES, *(tables[name].file for name in S.table_order()))


def folder_files(folder: Path) -> dict[str, bytes]:
    """A plan folder's files as bytes, in the steps' order (file name -> bytes); absent files are left out."""
    return {name: (folder / name).read_bytes() for name in file_order() if (folder / name).is_file()}


def in_reading_order(problems: list[Problem]) -> list[Problem]:
    """Problems grouped by file (YAML files, then tables in their usual order), then by row."""
    def rank(problem: Problem) -> int:
        name = problem.file.rsplit("[", 1)[-1].rstrip("]")  # plan.xlsx[actions] -> actions
        for candidate in (name, f"{name}.csv", f"{name}.yaml"):
            if candidate in files:
                return files.index(candidate)
        return len(files)
    files = file_order()
    return sorted(problems, key=lambda p: (rank(p), p.row or 0))


def _calendar_settings_ok(settings: dict) -> bool:
    try:
        calendar = Calendar.from_settings(settings)
        return 1 <= calendar.fiscal_start_month <= 12 and 1 <= calendar.sprint_length_days <= 60 \
            and 1900 < calendar.year < 2200
    except (TypeError, ValueError):
        return False


def is_workbook(path: Path) -> bool:
    """Whether a path is a plan workbook (.xlsx, .xlsm) rather than a folder."""
    return path.is_file() and path.suffix.lower() in (".xlsx", ".xlsm")


def refuse_no_plan(path: Path) -> None:
    """Raise the PlanError that says why a path holds no plan: missing, or neither a folder nor a workbook."""
    if not path.exists():
        raise PlanError([Problem(str(path), None, None, "no_plan", {}, "plan_path")])
    if not path.is_dir() and not is_workbook(path):
        raise PlanError([Problem(str(path), None, None, "not_plan", {}, "plan_folder")])


def open_source(path: Path) -> PlanSource:
    path = Path(path)
    refuse_no_plan(path)
    return workbook_source(path) if is_workbook(path) else folder_source(path)


def refuse_packaged(folder: Path | None) -> None:
    """Forms and imports never write into the kit's sample plans: they say how to make a workspace instead."""
    if folder is not None and is_packaged_plan(folder):
        raise PlanError([Problem(str(folder), None, None, "packaged_plan", {"folder": str(folder)}, "packaged_plan")])


def load_plan(path: str | Path = "data/example", rules: tuple[Rule, ...] = ()) -> Plan:
    """Read and validate a plan folder (or workbook) with the given rules; raise PlanError listing every problem."""
    path = resolve_plan_path(path)
    return build_plan(open_source(path), path if path.is_dir() else None, rules)


# -- import / export -------------------------------------------------------------

def merge_sources(incoming: PlanSource, base: PlanSource | None) -> PlanSource:
    """What an import brings, completed by the destination's files it does not replace."""
    if base is None:
        return incoming
    tables = dict(base.tables)
    tables.update(incoming.tables)
    texts = dict(base.yaml_texts)
    texts.update({k: v for k, v in incoming.yaml_texts.items() if v is not None})
    return PlanSource(incoming.label, tables, texts)


def import_plan(source_path: str | Path, into: str | Path, rules: tuple[Rule, ...] = ()) -> Plan:
    """Validate an xlsx workbook or a CSV folder in full, then write it into a plan folder.

    Nothing is written unless the whole result is valid, and then every file
    at once (core.io.staging); files it replaces are kept in the folder's .history/.
    """
    into = Path(into)
    if (into / WORKSPACE_FILE).is_file() and (into / "plan").is_dir():  # a workspace stands for its plan
        into = into / "plan"
    refuse_packaged(into)
    incoming = open_source(Path(source_path))
    with plan_lock(into if into.is_dir() else None):  # merged with the plan as it is under the lock: no edit lost
        base = folder_source(into) if (into / "plan.yaml").exists() else None
        merged = merge_sources(incoming, base)
        plan = build_plan(merged, into, rules)
        files = {S.table(name).file: csv_bytes(plan.tables[name], S.table(name),
                                                preamble=plan.preambles.get(name, ""))
                 for name in incoming.tables}
        files.update({file_name: text.encode("utf-8") for file_name, text in incoming.yaml_texts.items()
                      if text is not None})
        write_all(into, files)
    return plan


def export_format(to: str | Path, form: str | None = None) -> str:
    """The form an export takes: the one asked for, else a workbook for an .xlsx name, else French CSV."""
    return form or ("xlsx" if Path(to).suffix.lower() == ".xlsx" else "csv-fr")


def export_plan(plan: Plan, to: str | Path, form: str | None = None) -> Path:
    """Write the plan as an xlsx workbook, or as a folder of CSV files (French Excel or UTF-8)."""
    to = Path(to)
    form = export_format(to, form)
    if form == "xlsx":
        texts = {k: v for k, v in plan.yaml_texts.items() if v is not None}
        write_xlsx(to, plan.tables, texts)
        return to
    french = form == "csv-fr"
    to.mkdir(parents=True, exist_ok=True)
    for name, frame in plan.tables.items():
        write_csv(to / S.table(name).file, frame, S.table(name), french=french, for_spreadsheet=True)
    for file_name, text in plan.yaml_texts.items():
        if text is not None:
            atomic_write_text(to / file_name, text)
    return to
