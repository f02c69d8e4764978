"""A source applied to an export file: the additive values it holds, per day, and all it left aside.

Every column gets a fate: the date, a label, the channel, a metric (summed
per day when rows of a day repeat, as campaigns or hours do), or left out
with its reason (a rate, an average, a label, a metric no table names).
Every row too: a value, a totals row, an empty row, a note below the table.
The caller prints all of it; nothing is dropped without a word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import PlanError, Problem
from .cells import EXPECTED, DateColumnError, NumberColumnError, by_unique, parse_date_column, parse_number_column
from .sections import read_sections
from .sources import Fit, all_sources, detect, find_source, fits, metric_table, normal


@dataclass
class Reading:
    """What one export file gives: long rows and the account of everything else."""

    file: str
    source: str
    title: str
    language: str
    section: str
    rows: pd.DataFrame  # date, metric, value, label (the channel column's text, or ""), row
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (header, reason code)
    skipped: dict[str, list[int]] = field(default_factory=dict)  # reason code -> file lines
    other_sections: list[str] = field(default_factory=list)
    date_order: str = ""


def read_export(path: Path, source: str = "auto", plan_path: Path | None = None, dates: str | None = None,
                channel_column: str | None = None, mapping_file: Path | None = None) -> Reading:
    """Read an export with a named source, or the one its shape fits (`auto`); PlanError saying why not."""
    label = Path(path).name
    sections, _ = read_sections(path)  # its problems already name the file
    tables = [s for s in sections if s.header]
    if not tables:
        raise PlanError([Problem(label, None, None, "export_empty", {}, "export_table")])
    if source == "auto" and mapping_file is None:
        found = detect(tables, plan_path)
        names = sorted({fit.source.name for fit in found})
        if len(names) != 1:
            known = ", ".join(s.name for s in all_sources(plan_path))
            code = "export_ambiguous" if names else "export_unknown"
            raise PlanError([Problem(label, tables[0].header_line, None, code,
                                     {"candidates": ", ".join(names), "known": known}, "export_source")])
        fit = found[0]
    else:
        chosen = find_source(source, plan_path, mapping_file)
        found = fits(chosen, tables, "\n".join(n for s in tables for n in s.notes))
        if not found:
            expected = ", ".join(sorted({d for i in chosen.interfaces for d in i.date + i.offset}))
            raise PlanError([Problem(label, tables[0].header_line, None, "export_not_this_source",
                                     {"source": chosen.name, "columns": expected}, "export_columns")])
        fit = found[0]
    return _read(label, tables, fit, plan_path, dates, channel_column)


def _column_fates(fit: Fit, header: list[str], plan_path, channel_column):
    """{position: ("date"|"offset"|"start"|"end"|"channel"|"metric"|"leftout", detail)} for each header cell."""
    table, patterns = metric_table(plan_path)
    plan_metrics = table.get(fit.source.kind, {})
    interface, fates = fit.interface, {}
    date_taken = False
    for position, cell in enumerate(header):
        name = normal(cell)
        if channel_column is not None and name == normal(channel_column):
            fates[position] = ("channel", cell)
        elif not date_taken and name in interface.date:
            fates[position] = ("date", cell)
            date_taken = True
        elif not date_taken and name in interface.offset:
            fates[position] = ("offset", cell)
            date_taken = True
        elif interface.span and name in interface.span[0]:
            fates[position] = ("start", cell)
        elif interface.span and name in interface.span[1]:
            fates[position] = ("end", cell)
        elif name in fit.source.left_out:
            fates[position] = ("leftout", fit.source.left_out[name])
        elif name in interface.labels:
            fates[position] = ("leftout", "label")
        elif (reason := next((r for p, r in patterns if p.search(name)), None)) is not None:
            fates[position] = ("leftout", reason)
        elif name in interface.metrics:
            neutral = interface.metrics[name]
            metric = plan_metrics.get(neutral)
            fates[position] = ("metric", metric) if metric else ("leftout", "no_plan_metric")
        elif fit.source.all_numeric and cell.strip()[:1] in ("=", "+", "-", "@"):
            fates[position] = ("leftout", "formula_header")  # =HYPERLINK(...) is no metric's name
        elif fit.source.all_numeric:
            fates[position] = ("maybe", re.sub(r"[^0-9a-z]+", "_", name).strip("_"))
        else:
            fates[position] = ("maybe_unknown", name)
    return fates


def _read(label, tables, fit: Fit, plan_path, dates, channel_column) -> Reading:
    section = tables[fit.section]
    frame, header, lines = section.frame, section.header, np.asarray(section.lines)
    fates = _column_fates(fit, header, plan_path, channel_column)
    if channel_column is not None and not any(kind == "channel" for kind, _ in fates.values()):
        raise PlanError([Problem(label, section.header_line, None, "no_channel_column",
                                 {"value": channel_column}, "channel_column")])
    reading = Reading(label, fit.source.name, fit.source.title("en"), fit.interface.language,
                      section.title, pd.DataFrame())
    reading.other_sections = [", ".join(s.header[:3]) + (f" ({s.title})" if s.title else "")
                              for i, s in enumerate(tables) if i != fit.section]
    if section.footer:
        reading.skipped["note_below"] = section.footer
    problems = []

    # rows: totals (their label in any text cell) and empty rows
    keep = np.ones(len(frame), dtype=bool)
    if len(frame):
        totals = re.compile("|".join(f"(?:{re.sub(r'[(](?![?])', '(?:', t)})" for t in fit.source.totals),
                            re.IGNORECASE)
        is_total = np.zeros(len(frame), dtype=bool)
        for position in range(len(header)):
            if fates[position][0] != "metric":  # a totals row says so in a text cell
                column = frame[position]
                candidates = column.str.len() > 0
                if candidates.any():
                    flagged = by_unique(column, lambda u: u.str.contains(totals, regex=True))
                    is_total |= flagged.to_numpy(dtype=bool) & candidates.to_numpy()
        if is_total.any():
            reading.skipped["totals"] = lines[is_total].tolist()
        keep &= ~is_total

    date_position = next((p for p, (k, _) in fates.items() if k in ("date", "offset")), None)
    start = next((p for p, (k, _) in fates.items() if k == "start"), None)
    end = next((p for p, (k, _) in fates.items() if k == "end"), None)
    if date_position is None and start is not None and end is not None and keep.any() and \
            (frame[start][keep] == frame[end][keep]).all():
        date_position = start  # a daily breakdown without its Day column: every row starts and ends on its day
        fates[start] = ("date", header[start])
        fates[end] = ("leftout", "same_as_date")
    if date_position is None:
        span = ""
        if start is not None and end is not None and keep.any():
            first = frame[start][keep].iloc[0]
            last = frame[end][keep].iloc[0]
            span = f"({first} – {last})"
        elif ranged := next((n for n in section.notes if re.search(r"\d.*\s[-–]\s.*\d", n)), None):
            span = f"({ranged.split(':', 1)[-1].strip()})"
        raise PlanError([Problem(label, section.header_line, None, "export_period_total", {"span": span},
                                 "export_daily")])
    kind = fates[date_position][0]
    date_cells = frame[date_position]
    blank_date = (date_cells.str.len() == 0).to_numpy() & keep
    if blank_date.any():
        reading.skipped["no_date"] = lines[blank_date].tolist()
        keep &= ~blank_date
    if kind == "offset":
        start_text = next((v for k, v in section.facts().items() if k in ("start date", "date de debut",
                                                                           "date de début")), None)
        start_day, _ = parse_date_column(pd.Series([start_text or ""]))
        if start_text is None or pd.isna(start_day.iloc[0]):
            raise PlanError([Problem(label, section.header_line, header[date_position], "export_no_start", {},
                                     "export_start")])
        offsets = pd.to_numeric(date_cells.where(keep, "0"), errors="coerce")
        bad = offsets.isna().to_numpy() & keep
        if bad.any():
            index = int(np.argmax(bad))
            raise PlanError([Problem(label, int(lines[index]), header[date_position], "not_a_date",
                                     {"value": date_cells.iloc[index], "formats": "0000, 0001 ..."}, "import_date")])
        days = start_day.iloc[0] + pd.to_timedelta(offsets.fillna(0).astype(int), unit="D")
        reading.date_order = "offset"
    else:
        try:
            order = dates or fit.interface.date_order or fit.source.date_order
            days, reading.date_order = parse_date_column(date_cells.where(keep, ""), order)
        except DateColumnError as error:
            index = int(np.argmax((date_cells == error.value).to_numpy())) if error.value in set(date_cells) else 0
            where = int(lines[index]) if len(lines) else section.header_line
            if error.code == "not_a_date":
                raise PlanError([Problem(label, where, header[date_position], "not_a_date",
                                         {"value": error.value, "formats": "2026-03-15, 15/03/2026, 03/15/2026, "
                                          "20260315, Mar 15, 2026"}, "import_date")]) from None
            raise PlanError([Problem(label, where, header[date_position], error.code, {"value": error.value},
                                     "date_order")]) from None
    days = pd.Series(days).dt.normalize()

    channel_position = next((p for p, (k, _) in fates.items() if k == "channel"), None)
    channel = frame[channel_position] if channel_position is not None else pd.Series([""] * len(frame))
    every_row = bool(keep.all())
    kept = (lambda column: column) if every_row else (lambda column: column[keep])
    kept_lines = lines if every_row else lines[keep]
    groups = _DayGroups(kept(days).to_numpy(), kept(channel).to_numpy(dtype=object), kept_lines)

    parts = []
    for position, (fate, detail) in fates.items():
        if fate not in ("metric", "maybe", "maybe_unknown"):
            if fate == "leftout":
                reading.left_out.append((header[position], detail))
            continue
        try:
            values, empty = parse_number_column(kept(frame[position]), "," if fit.interface.language == "fr" else None)
        except NumberColumnError as error:
            if fate != "maybe_unknown":
                problems.append(Problem(label, int(kept_lines[error.position]), header[position], error.code,
                                        {"value": error.value, **error.params}, EXPECTED[error.code]))
            else:  # a column no source names, whose cells do not read one way: not a metric, and said
                reading.left_out.append((header[position], "unknown_metric"))
            continue
        not_number = values.isna().to_numpy() & ~empty.to_numpy()
        numeric = not not_number.any() and not empty.all()
        if fate == "maybe_unknown":  # a tool's column no source names: said, never guessed
            reading.left_out.append((header[position], "unknown_metric" if numeric else "label"))
            continue
        if fate == "maybe" and (not_number.sum() * 2 > len(not_number) or empty.all()):
            reading.left_out.append((header[position], "label"))
            continue
        if not_number.any():
            for index in np.flatnonzero(not_number)[:5]:
                problems.append(Problem(label, int(kept_lines[index]), header[position], "not_a_number",
                                        {"value": kept(frame[position]).iloc[index]}, "float"))
            continue
        if not fit.source.same_day_sum:
            for row in groups.repeated(values.to_numpy())[:20]:
                problems.append(Problem(label, int(row), None, "duplicate_actual",
                                        {"day": groups.day_of(row), "metric": detail}, "one_value_per_day"))
        parts.append(groups.summed(values.to_numpy(), detail))
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["date", "metric", "value",
                                                                                    "label", "row"])
    if len(rows) and not fit.source.same_day_sum:  # two columns giving one metric the same day
        repeated = rows.duplicated(["date", "metric", "label"], keep="first")
        for dup in rows[repeated].head(20).itertuples():
            problems.append(Problem(label, int(dup.row), None, "duplicate_actual",
                                    {"day": pd.Timestamp(dup.date).date().isoformat(), "metric": dup.metric},
                                    "one_value_per_day"))
    if problems:
        raise PlanError(problems)
    if len(rows):
        rows = rows.groupby(["date", "metric", "label"], as_index=False, sort=True).agg(
            value=("value", "sum"), row=("row", "min"))
        rows["date"] = pd.to_datetime(rows["date"]).dt.date
    reading.rows = rows[["date", "metric", "value", "label", "row"]]
    if not len(reading.rows):
        metrics = [h for h, r in reading.left_out]
        raise PlanError([Problem(label, section.header_line, None, "export_no_values",
                                 {"left_out": ", ".join(metrics)}, "export_values")])
    return reading


class _DayGroups:
    """The kept rows grouped by day and channel label once, so each metric is summed without a copy of the table.

    A 200 MB export holds millions of rows but a few thousand (day, label) pairs: each metric's values are
    added into those pairs as soon as they are read, and only the pairs travel on."""

    def __init__(self, days: np.ndarray, labels: np.ndarray, lines: np.ndarray):
        day_codes, self.days = pd.factorize(days, use_na_sentinel=False)
        label_codes, self.labels = pd.factorize(labels, use_na_sentinel=False)
        pair = day_codes.astype(np.int64) * max(len(self.labels), 1) + label_codes
        self.codes, pairs = pd.factorize(pair)
        self.day_of_pair = pairs // max(len(self.labels), 1)
        self.label_of_pair = pairs % max(len(self.labels), 1)
        self.lines = lines

    def summed(self, values: np.ndarray, metric: str) -> pd.DataFrame:
        """date, metric, value, label, row (the first file line) of every pair holding a value of this metric."""
        taken = ~np.isnan(values)
        codes = self.codes[taken]
        total = np.bincount(codes, weights=values[taken], minlength=len(self.day_of_pair))
        present = np.bincount(codes, minlength=len(self.day_of_pair)) > 0
        first = pd.Series(self.lines[taken]).groupby(codes).min()
        pairs = np.flatnonzero(present)
        return pd.DataFrame({"date": self.days[self.day_of_pair[pairs]], "metric": metric, "value": total[pairs],
                             "label": self.labels[self.label_of_pair[pairs]],
                             "row": first.reindex(pairs).to_numpy()})

    def repeated(self, values: np.ndarray) -> np.ndarray:
        """File lines of the rows giving a second value for a day and label already given (first ones, in order)."""
        taken = np.flatnonzero(~np.isnan(values))
        again = pd.Series(self.codes[taken]).duplicated(keep="first").to_numpy()
        return self.lines[taken[again]][:20]

    def day_of(self, line: int) -> str:
        index = int(np.flatnonzero(self.lines == line)[0])
        return pd.Timestamp(self.days[self.day_of_pair[self.codes[index]]]).date().isoformat()
