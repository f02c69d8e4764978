"""Actuals from the exports people have: web analytics, ad platforms, e-mailing tools, any wide CSV.

A *source* is a small YAML mapping (planlib/steps/review/sources/<name>.yaml,
or `<plan>/sources/<name>.yaml`, or any file given with `--mapping`): which
column holds the date and in which formats, which columns are which metrics,
which rows to skip (a totals row), and whether rows of the same day add up.
A user adds a source by writing one, without code. Files are read by the
kit's own readers: UTF-8 or cp1252, `,` or `;`, comment lines before the
header, `1 250,50 €` and `€1,250.50` alike.

The new rows are appended to actuals.csv (long form) through the plan's
validation and atomic save: duplicates (same date, metric and channel, in
the file or already in actuals.csv) are refused with their file and row, and
a refused import leaves actuals.csv as it was. Days missing between the first
and last date of a metric are reported as gaps, never filled with zeros.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import yaml

from ...core.errors import PlanError, Problem
from ...core.io.readers import decode, read_bytes, read_csv_text
from ...core.parse import parse_amount_text, parse_date_text

SOURCES_DIR = Path(__file__).resolve().parent / "sources"


@dataclass
class ImportResult:
    rows: int
    metrics: list[str]
    first: date | None
    last: date | None
    gaps: dict[str, list[tuple[date, date]]] = field(default_factory=dict)


def builtin_sources() -> list[str]:
    return sorted(p.stem for p in SOURCES_DIR.glob("*.yaml"))


def load_mapping(name: str, plan_path: Path | None, mapping_file: Path | None = None) -> dict:
    """A source's mapping: an explicit file, the plan's own sources/, then the kit's."""
    candidates = [mapping_file] if mapping_file else []
    if plan_path is not None:
        candidates.append(Path(plan_path) / "sources" / f"{name}.yaml")
    candidates.append(SOURCES_DIR / f"{name}.yaml")
    for path in candidates:
        if path is not None and path.exists():
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as error:
                mark = getattr(error, "problem_mark", None)
                raise PlanError([Problem(str(path), mark.line + 1 if mark else None, None, "bad_mapping", {},
                                         "mapping_keys")]) from None
            if not isinstance(data, dict) or "date" not in data or "metrics" not in data:
                raise PlanError([Problem(str(path), None, None, "bad_mapping", {}, "mapping_keys")])
            return data
    raise PlanError([Problem("--source", None, None, "unknown_source",
                             {"value": name, "known": ", ".join(builtin_sources())}, "sources")])


def _find_column(frame: pd.DataFrame, wanted) -> str | None:
    names = [wanted] if isinstance(wanted, str) else list(wanted)
    columns = {c.lower(): c for c in frame.columns}
    for name in names:
        if str(name).lower() in columns:
            return columns[str(name).lower()]
    return None


def read_export_table(path: Path, date_names):
    """The export's table, its header found as the first line naming the date column (title lines above it are set aside)."""
    text, _ = decode(read_bytes(path), Path(path).name)
    names = {str(n).lower() for n in ([date_names] if isinstance(date_names, str) else date_names)}
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        cells = {c.strip().strip('"').lower() for c in re.split(r"[;,\t]", line)}
        if cells & names:
            return read_csv_text("".join(lines[number:]), Path(path).name, "import", skipped_before=number)
    return read_csv_text(text, Path(path).name, "import")


def read_export(path: Path, mapping: dict, channel: str = "") -> tuple[pd.DataFrame, list[Problem]]:
    """The rows of an export as (date, metric, value, channel_id, row), with every problem located."""
    spec = mapping["date"] if isinstance(mapping["date"], dict) else {"column": mapping["date"]}
    raw = read_export_table(Path(path), spec["column"])
    frame, problems, label = raw.frame, [], Path(path).name
    date_column = _find_column(frame, spec["column"])
    if date_column is None:
        return pd.DataFrame(), [Problem(label, raw.first_row - 1, None, "no_date_column",
                                        {"value": spec["column"]}, "date_column")]
    formats = spec.get("formats") or ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]
    metrics = mapping["metrics"]
    if metrics == "all_other_columns":
        columns = {c: c for c in frame.columns if c != date_column}
    else:
        columns = {frame_column: metrics[key] for key in metrics if (frame_column := _find_column(frame, key))}
    if not columns:
        known = ", ".join(map(str, metrics)) if isinstance(metrics, dict) else ""
        return pd.DataFrame(), [Problem(label, raw.first_row - 1, None, "no_metric_column", {"known": known},
                                        "metric_columns")]
    skip = mapping.get("skip_rows") or {}
    skipping = re.compile(skip["matching"], re.IGNORECASE) if skip.get("matching") else None
    rows = []
    for index, record in enumerate(frame.to_dict("records")):
        row = raw.row_number(index)
        day_text = str(record[date_column])
        if not day_text.strip() or (skipping and skipping.search(day_text)):
            continue
        day = parse_date_text(day_text, formats)
        if day is None:
            problems.append(Problem(label, row, date_column, "not_a_date",
                                    {"value": day_text, "formats": ", ".join(formats)}, "import_date"))
            continue
        for column, metric in columns.items():
            text = str(record[column]).strip()
            if text in ("", "-", "--", "—"):
                continue
            rows.append((day, metric, text, channel, row, column))
    table = pd.DataFrame(rows, columns=["date", "metric", "text", "channel_id", "row", "column"])
    table["value"] = pd.Series(dtype=float)
    if len(table):
        values = {text: parse_amount_text(text) for text in table["text"].unique()}
        table["value"] = table["text"].map(values).astype(float)
        for bad in table[table["value"].isna()].itertuples():
            problems.append(Problem(label, bad.row, bad.column, "not_a_number", {"value": bad.text}, "float"))
        table = table[table["value"].notna()]
    if mapping.get("same_day") == "sum" and len(table):
        table = table.groupby(["date", "metric", "channel_id"], as_index=False).agg(value=("value", "sum"),
                                                                                     row=("row", "min"))
    else:
        repeated = table.duplicated(["date", "metric", "channel_id"], keep="first")
        for dup in table[repeated].itertuples():
            problems.append(Problem(label, dup.row, None, "duplicate_actual",
                                    {"day": dup.date.isoformat(), "metric": dup.metric}, "one_value_per_day"))
        table = table[~repeated]
    return table[["date", "metric", "value", "channel_id", "row"]], problems


def gaps(table: pd.DataFrame) -> dict[str, list[tuple[date, date]]]:
    """Runs of missing days between a metric's first and last date."""
    found = {}
    for metric, group in table.groupby("metric"):
        days = sorted(set(group["date"]))
        runs = [(a + timedelta(days=1), b - timedelta(days=1)) for a, b in zip(days, days[1:]) if (b - a).days > 1]
        if runs:
            found[metric] = runs
    return found


def import_actuals(plan, path: Path, source: str, channel: str = "", mapping_file: Path | None = None):
    """Append an export's values to actuals.csv; PlanError (nothing written) when anything is wrong."""
    mapping = load_mapping(source, plan.path, mapping_file)
    table, problems = read_export(path, mapping, channel or str(mapping.get("channel") or ""))
    existing = plan.actuals
    if len(table) and len(existing):
        known = set(zip(existing["date"].dt.date, existing["metric"], existing["channel_id"]))
        for row in table.itertuples():
            if (row.date, row.metric, row.channel_id) in known:
                problems.append(Problem(Path(path).name, row.row, None, "actual_exists",
                                        {"day": row.date.isoformat(), "metric": row.metric}, "new_values"))
    if problems:
        raise PlanError(problems)
    numbers = [int(m.group(1)) for i in existing["id"] if (m := re.fullmatch(r"M(\d+)", i))]
    start = max(numbers, default=0) + 1
    width = max(6, len(str(start + len(table))))
    new = pd.DataFrame({"id": [f"M{n:0{width}d}" for n in range(start, start + len(table))],
                        "date": pd.to_datetime(table["date"]), "metric": table["metric"].values,
                        "value": table["value"].astype(float).values, "channel_id": table["channel_id"].values})
    combined = pd.concat([existing, new], ignore_index=True) if len(existing) else new
    saved = plan.save_table("actuals", combined)
    days = sorted(table["date"]) if len(table) else []
    missing = gaps(table) if mapping.get("daily", True) else {}  # campaign reports are not daily series
    return saved, ImportResult(len(table), sorted(set(table["metric"])), days[0] if days else None,
                               days[-1] if days else None, missing)
