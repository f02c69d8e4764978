"""Sources: each tool's export layout as a small YAML file, and which one a file fits.

A source file (the kit's in planlib/core/exports/sources/, a user's in
`<plan>/sources/NAME.yaml`, same keys, no code) names its tool, its kind of
metrics (web, search, ads, email, generic), and for each interface language
the date column, the metric columns (header -> one neutral name, so Clics and
Clicks are both `clicks`), the label columns, and the headers that identify
it. Which plan metric a neutral name feeds is one small table, metrics.yaml,
that a plan can override in `<plan>/sources/metrics.yaml`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from ..errors import PlanError, Problem

KIT_SOURCES = Path(__file__).resolve().parent / "sources"
METRICS_FILE = Path(__file__).resolve().parent / "metrics.yaml"
_CURRENCY_SUFFIX = re.compile(r"\s*\((?:[A-Z]{3}|€|\$|£)\)\s*$")


def normal(header: str) -> str:
    """A header as sources name it: case, accents, spacing, a currency suffix such as (EUR) and a `*` ignored."""
    text = _CURRENCY_SUFFIX.sub("", str(header).replace("\ufeff", "").strip()).rstrip("*").strip()
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text.replace("\u2019", "'"))


@dataclass(frozen=True)
class Interface:
    """One language of a tool's export: its headers."""

    language: str
    date: tuple[str, ...]
    metrics: dict[str, str]  # normal(header) -> neutral metric
    labels: frozenset[str]
    detect_all: tuple[str, ...]
    detect_any: tuple[str, ...]
    offset: tuple[str, ...] = ()  # "Nth day" columns: days counted from the section's start date
    span: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # period columns (start, end) of a total
    date_order: str | None = None  # this interface's order for dates that read both ways (fr: dmy)


@dataclass(frozen=True)
class Source:
    name: str
    path: Path
    titles: dict[str, str]
    kind: str
    interfaces: tuple[Interface, ...]
    date_order: str | None = None
    notes: str | None = None  # a pattern the comment or title lines match (GA4's "Start date")
    totals: tuple[str, ...] = ()
    left_out: dict[str, str] = field(default_factory=dict)  # normal(header) -> reason code
    all_numeric: bool = False  # the generic source: every numeric column is a metric named by its header
    builtin: bool = True
    same_day_sum: bool = True  # rows of one day add up (campaigns, hours); else a second one is refused

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get("en") or self.name


DEFAULT_TOTALS = (r"^(?:grand )?totals?\b", r"^totaux\b", r"^total g[ée]n[ée]ral\b", r"^sous-total\b", r"^subtotal\b",
                  r"^somme\b", r"^sum\b")


def _names(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(normal(v) for v in ([value] if isinstance(value, str) else value))


def _bad(path: Path, line=None, key="") -> PlanError:
    return PlanError([Problem(str(path), line, key or None, "bad_source", {}, "source_keys")])


def read_yaml_file(path: Path) -> dict:
    """A source (or mapping) file, read with the plan readers' caps: a user's file may be hostile."""
    from ..io.readers import parse_yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _bad(path) from None
    problems: list[Problem] = []
    data, _ = parse_yaml(text, str(path), problems)
    if problems:
        raise PlanError(problems)
    return data or {}


def parse_source(path: Path, builtin: bool) -> Source:
    data = read_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("interfaces"), dict):
        raise _bad(path, None, "interfaces")
    interfaces = []
    for language, spec in data["interfaces"].items():
        if not isinstance(spec, dict) or ("date" not in spec and "offset" not in spec and "span" not in spec):
            raise _bad(path, None, f"interfaces.{language}.date")
        metrics = spec.get("metrics") or {}
        if not isinstance(metrics, dict):
            raise _bad(path, None, f"interfaces.{language}.metrics")
        span = spec.get("span")
        detect = spec.get("detect") or {}
        interfaces.append(Interface(
            str(language), _names(spec.get("date")), {normal(k): str(v) for k, v in metrics.items()},
            frozenset(_names(spec.get("labels"))), _names(detect.get("all")), _names(detect.get("any")),
            _names(spec.get("offset")), (_names(span["start"]), _names(span["end"])) if span else None,
            spec.get("date_order")))
    titles = data.get("title") if isinstance(data.get("title"), dict) else {"en": str(data.get("title") or path.stem)}
    return Source(path.stem, Path(path), {str(k): str(v) for k, v in titles.items()}, str(data.get("kind", "generic")),
                  tuple(interfaces), data.get("date_order"), data.get("notes"),
                  tuple(data.get("totals") or DEFAULT_TOTALS),
                  {normal(k): str(v) for k, v in (data.get("left_out") or {}).items()},
                  bool(data.get("all_numeric")), builtin, str(data.get("same_day", "sum")) == "sum")


@lru_cache(maxsize=1)
def kit_sources() -> tuple[Source, ...]:
    return tuple(parse_source(path, True) for path in sorted(KIT_SOURCES.glob("*.yaml")))


def all_sources(plan_path: Path | None) -> list[Source]:
    """The kit's sources, and the plan's own (which win over a kit source of the same name)."""
    found = {source.name: source for source in kit_sources()}
    folder = Path(plan_path) / "sources" if plan_path else None
    if folder and folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            if path.stem != "metrics":
                found[path.stem] = parse_source(path, False)
    return list(found.values())


def find_source(name: str, plan_path: Path | None, mapping_file: Path | None = None) -> Source:
    if mapping_file is not None:
        if not Path(mapping_file).is_file():
            raise PlanError([Problem(str(mapping_file), None, None, "no_such_file", {}, "a_file")])
        return parse_source(Path(mapping_file), False)
    for source in all_sources(plan_path):
        if source.name == name:
            return source
    known = ", ".join(s.name for s in all_sources(plan_path))
    raise PlanError([Problem("--source", None, None, "unknown_source", {"value": name, "known": known}, "sources")])


@lru_cache(maxsize=4)
def _metric_table(path: Path, stamp: float) -> dict:
    data = read_yaml_file(path)
    if not isinstance(data, dict):
        raise _bad(path)
    return data


def metric_table(plan_path: Path | None) -> tuple[dict[str, dict[str, str]], list[tuple[re.Pattern, str]]]:
    """(kind -> neutral metric -> plan metric, [(pattern, reason)] of columns never summed), the plan's entries first."""
    kit = _metric_table(METRICS_FILE, METRICS_FILE.stat().st_mtime)
    table = {kind: dict(names) for kind, names in kit["metrics"].items()}
    own = Path(plan_path) / "sources" / "metrics.yaml" if plan_path else None
    if own and own.is_file():
        mine = _metric_table(own, own.stat().st_mtime)
        for kind, names in (mine.get("metrics") or {}).items():
            table.setdefault(kind, {}).update(names or {})
    patterns = [(re.compile(pattern, re.IGNORECASE), reason) for reason, found in kit["not_additive"].items()
                for pattern in found]
    return table, patterns


# -- which source a file fits -----------------------------------------------------------------------

@dataclass(frozen=True)
class Fit:
    source: Source
    interface: Interface
    section: int  # index of the section it reads


def fits(source: Source, sections, notes_text: str) -> list[Fit]:
    found = []
    if source.notes and not re.search(source.notes, notes_text, re.IGNORECASE | re.MULTILINE):
        return found
    for index, section in enumerate(sections):
        headers = {normal(h) for h in section.header}
        best, score = None, 0
        for interface in source.interfaces:
            if not set(interface.detect_all) <= headers:
                continue
            if interface.detect_any and not headers & set(interface.detect_any):
                continue
            dated = (headers & set(interface.date) or headers & set(interface.offset)
                     or (interface.span and headers & set(interface.span[0])))
            if not (interface.detect_all or interface.detect_any) and not (source.all_numeric and dated):
                continue
            known = set(interface.metrics) | interface.labels | set(interface.date) | set(interface.offset)
            matched = len(headers & known) + (1000 if dated else 0)
            if matched > score:
                best, score = interface, matched
        if best is not None:
            found.append(Fit(source, best, index))
    # a section by day wins over sections of totals (GA4's other sections, a second table)
    dated = [fit for fit in found if _dated(fit, sections[fit.section])]
    return dated or found


def _dated(fit: Fit, section) -> bool:
    headers = {normal(h) for h in section.header}
    interface = fit.interface
    return bool(headers & set(interface.date) or headers & set(interface.offset))


def detect(sections, plan_path: Path | None) -> list[Fit]:
    """Every source and section the file fits; the generic source only when no tool's source does."""
    notes_text = "\n".join(note for section in sections for note in section.notes)
    candidates = [fit for source in all_sources(plan_path) if not source.all_numeric
                  for fit in fits(source, sections, notes_text)]
    if candidates:
        return candidates
    return [fit for source in all_sources(plan_path) if source.all_numeric for fit in fits(source, sections, notes_text)]
