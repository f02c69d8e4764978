"""Actuals from the exports people have, into actuals.csv, or nothing.

planlib.core.exports reads the file (which tool, which section, which
columns, which dates); this module ties its rows to the plan: the channel
(one for the file, or a column of channel ids or names), the duplicates
(a value the plan already holds for that day, metric and channel from
another source is refused; the same source over an overlapping span is
refused, or replaced in one write with `replace`), then one validated,
atomic save. A dry run stops before the save and tells the same story.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ...core.errors import PlanError, Problem
from ...core.exports.reader import Reading, read_export
from ...core.fresh import reread
from ...core.ids import next_ids
from ...core.io.plan_lock import plan_lock


@dataclass
class ImportResult:
    reading: Reading
    rows: int
    metrics: dict[str, tuple[int, date, date, float]]  # metric -> (days, first, last, total)
    first: date | None
    last: date | None
    replaced: int = 0
    written: bool = False
    gaps: dict[str, list[tuple[date, date]]] = field(default_factory=dict)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", str(text).strip().lower())
    return re.sub(r"\s+", " ", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def channel_ids(plan, reading: Reading, channel: str, channel_column: str | None) -> pd.Series:
    """The plan channel of each row: the one given, or the channel column's id or name; PlanError for the unknown."""
    rows = reading.rows
    if not channel_column:
        if channel and channel not in set(plan.channels["id"]):
            raise PlanError([Problem("--channel", None, None, "unknown_channel",
                                     {"value": channel, "known": ", ".join(plan.channels["id"])}, "channel_ids")])
        return pd.Series([channel] * len(rows), index=rows.index, dtype=object)
    known = {}
    for cid, name in zip(plan.channels["id"], plan.channels["name"]):
        known[_plain(cid)] = cid
        known.setdefault(_plain(name), cid)
    mapped = rows["label"].map(lambda text: known.get(_plain(text)))
    unknown = rows[mapped.isna()]
    if len(unknown):
        problems = [Problem(reading.file, int(row.row), channel_column, "unknown_channel",
                            {"value": row.label, "known": ", ".join(f"{i} ({n})" for i, n in
                                                                    zip(plan.channels["id"], plan.channels["name"]))},
                            "channel_ids")
                    for row in unknown.drop_duplicates("label").itertuples()]
        raise PlanError(problems)
    return mapped


def gaps(table: pd.DataFrame) -> dict[str, list[tuple[date, date]]]:
    """Runs of missing days between a metric's first and last date."""
    found = {}
    for metric, group in table.groupby("metric"):
        days = sorted(set(group["date"]))
        runs = [(a + timedelta(days=1), b - timedelta(days=1)) for a, b in zip(days, days[1:]) if (b - a).days > 1]
        if runs:
            found[metric] = runs
    return found


def import_actuals(plan, path: Path, source: str = "auto", channel: str = "", mapping_file: Path | None = None,
                   channel_column: str | None = None, dates: str | None = None, dry_run: bool = False,
                   replace: bool = False):
    """Add an export's values to actuals.csv (or, dry, say what would be added); PlanError, nothing written, if wrong.

    The file is read first; the plan is then re-read and written under its lock, so imports run together all land."""
    reading = read_export(Path(path), source, plan.path, dates, channel_column, mapping_file)
    if dry_run:
        return _import_reading(plan, reading, channel, channel_column, True, replace)
    with plan_lock(plan.path):
        return _import_reading(reread(plan), reading, channel, channel_column, False, replace)


def within_plan_years(plan, reading: Reading) -> pd.DataFrame:
    """The rows dated in the plan's year or a year beside it (to compare, to close the year); others left out, said.

    A date decades away (1969-12-31 is a zero timestamp shown in an American time zone) is no measure of this plan."""
    first, last = plan.calendar.near_years()
    days = reading.rows["date"]
    outside = (days < first) | (days > last)
    if outside.any():
        reading.skipped["outside_plan_years"] = sorted(set(reading.rows.loc[outside, "row"].astype(int)))
        if outside.all():
            raise PlanError([Problem(reading.file, int(reading.rows["row"].min()), None, "export_outside_plan",
                                     {"first": first.isoformat(), "last": last.isoformat()}, "export_plan_dates")])
    return reading.rows[~outside]


def _import_reading(plan, reading: Reading, channel: str, channel_column: str | None, dry_run: bool, replace: bool):
    reading.rows = within_plan_years(plan, reading)
    table = reading.rows.copy()
    table["channel_id"] = channel_ids(plan, reading, channel, channel_column).values
    table["source"] = reading.source
    existing = plan.actuals.copy()
    if "source" not in existing.columns:
        existing["source"] = ""
    existing_day = existing["date"].dt.date if len(existing) else pd.Series(dtype=object)
    first, last = (min(table["date"]), max(table["date"])) if len(table) else (None, None)
    problems, replaced = [], 0
    if len(table) and len(existing):
        same = (existing["source"] == reading.source) & existing["channel_id"].isin(set(table["channel_id"])) & \
               (existing_day >= first) & (existing_day <= last) & existing["metric"].isin(set(table["metric"]))
        if same.any() and replace:
            replaced = int(same.sum())
            existing, existing_day = existing[~same], existing_day[~same]
        elif same.any():
            held = existing[same]
            problems.append(Problem(reading.file, int(table["row"].min()), None, "actuals_span_imported",
                                    {"source": reading.source, "first": min(held["date"]).date().isoformat(),
                                     "last": max(held["date"]).date().isoformat()}, "replace_or_new_span"))
        if not problems:
            known = set(zip(existing_day, existing["metric"], existing["channel_id"]))
            for row in table.itertuples():
                if (row.date, row.metric, row.channel_id) in known:
                    problems.append(Problem(reading.file, int(row.row), None, "actual_exists",
                                            {"day": row.date.isoformat(), "metric": row.metric}, "new_values"))
                    if len(problems) >= 20:
                        break
    if problems:
        raise PlanError(problems)
    metrics = {metric: (group["date"].nunique(), min(group["date"]), max(group["date"]), float(group["value"].sum()))
               for metric, group in table.groupby("metric")}
    result = ImportResult(reading, len(table), metrics, first, last, replaced, False, gaps(table))
    if dry_run:
        return plan, result
    new = pd.DataFrame({"id": next_ids([*existing["id"], *plan.actuals["id"]], "M", len(table), 6),
                        "date": pd.to_datetime(table["date"]), "metric": table["metric"].values,
                        "value": table["value"].astype(float).values, "channel_id": table["channel_id"].values,
                        "source": table["source"].values})
    combined = pd.concat([existing, new], ignore_index=True) if len(existing) else new
    saved = plan.save_table("actuals", combined)
    result.written = True
    return saved, result
