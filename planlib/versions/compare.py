"""What changed between two versions of a plan, cell by cell, in the plan's own terms.

Tables are compared by their `id` column, so a reordered file is no change;
cells are compared once typed by the schema (1 250,00 and 1250 are the same
amount, 15/03/2026 and 2026-03-15 the same date, "haute" and "high" the same
priority, and runs of spaces are one), so only what a person changed shows.
YAML files are compared by path (`swot.strengths[0]`, `team[2].absences`).
A row whose id changed but whose other cells did not shows as one removal and
one addition, each with a hint naming the other id.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from ..core import schema as S
from ..core.errors import PlanError, Problem
from ..core.periods import Calendar
from ..core.io.readers import parse_yaml
from ..core.plan import PlanSource
from ..core.validate.cells import check_table

KINDS = ("added", "removed", "changed")
NAME_COLUMNS = ("name", "title", "label", "message", "metric", "reason", "driver")  # what a row is called


@dataclass(frozen=True)
class Change:
    file: str                 # "actions.csv", "plan.yaml"
    id: str | None            # a table row's id
    path: str | None          # a YAML value's path: team[2].absences
    column: str | None        # None for a whole row added or removed
    kind: str                 # added, removed, changed
    old: object = None
    new: object = None
    delta: float | None = None        # new - old, for numbers
    delta_pct: float | None = None    # the same in percent of old (None when old is 0)
    hint: str | None = None           # for an added or removed row: the id it was probably renamed from or to
    table: str | None = None          # the schema's table name, for wording
    label: str | None = None          # the row's name, title or label, for a reader

    def as_json(self) -> dict:
        return {key: value for key, value in asdict(self).items()}


def _settings(plan_yaml) -> dict:
    """plan.yaml's settings, as already parsed for the comparison (anything but a mapping: none)."""
    return plan_yaml if isinstance(plan_yaml, dict) else {}


def _calendar(settings: dict) -> Calendar:
    try:
        return Calendar.from_settings(settings)
    except (TypeError, ValueError):
        return Calendar.from_settings({})


def _plain(value) -> object:
    """A typed cell as JSON can hold it: None, a number, an ISO date, or text with single spaces."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or hasattr(value, "item"):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 2 ** 53 else number
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MARKS = ("  ", "\t", "\n", "\r", "\u00a0", "\u202f")


def _collapse(cells: list[str]) -> list[str]:
    """Runs of spaces as one, over a whole column in one pass (cells are already stripped)."""
    joined = "\x00".join(cells)
    if not any(mark in joined for mark in _MARKS):
        return cells
    return [part.strip() for part in _SPACES.sub(" ", joined).split("\x00")]


def _texts(series: pd.Series) -> pd.Series:
    """A text column with single spaces, None for an empty cell."""
    cells = _collapse(["" if pd.isna(cell) else str(cell) for cell in series.tolist()]
                      if series.hasnans else [str(cell) for cell in series.tolist()])
    column = pd.Series(cells, index=series.index, dtype=object)
    return column.where(column != "", None)


def normalised_table(source: PlanSource, name: str, settings: dict, calendar: Calendar) -> pd.DataFrame | None:
    """The table typed by the schema, indexed by id; a cell that does not type keeps its text.

    Columns keep their typed dtype (numbers, dates), so that comparing two versions stays vectorised.
    """
    raw = source.tables.get(name)
    if raw is None or raw.frame.empty:
        return None
    if "id" not in raw.frame.columns:
        raise PlanError([Problem(raw.source, 1, "id", "diff_no_id_column", {}, "diff_ids")])
    typed = check_table(raw, [], calendar, settings)
    frame = pd.DataFrame(index=typed.index)
    for column in raw.frame.columns:
        if column not in typed.columns:
            frame[column] = _texts(raw.frame[column])
            continue
        values = typed[column]
        if pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
            values = _texts(values)
        untyped = values.isna() & (raw.frame[column] != "")
        if untyped.any():  # a cell that does not type keeps its text
            values = values.astype(object).where(~untyped, _texts(raw.frame[column][untyped]))
        frame[column] = values
    ids = frame["id"]
    missing = ids.isna()
    if missing.any():
        row = raw.row_number(int(missing.to_numpy().nonzero()[0][0]))
        raise PlanError([Problem(raw.source, row, "id", "diff_empty_id", {}, "diff_ids")])
    duplicated = ids.duplicated()
    if duplicated.any():
        position = int(duplicated.to_numpy().nonzero()[0][0])
        raise PlanError([Problem(raw.source, raw.row_number(position), "id", "diff_duplicate_id",
                                 {"value": ids.iloc[position]}, "diff_ids")])
    return frame.set_index("id", drop=False)


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _deltas(old, new) -> tuple[float | None, float | None]:
    a, b = _number(old), _number(new)
    if a is None or b is None:
        return None, None
    delta = b - a
    return delta, (100 * delta / abs(a) if a else None)


def _row(frame: pd.DataFrame, row_id: str) -> dict:
    return {k: _plain(v) for k, v in frame.loc[row_id].items() if k != "id" and _plain(v) is not None}


def _differ(left: pd.Series, right: pd.Series) -> np.ndarray:
    """Cells that differ, an empty cell on both sides being equal; native dtypes when both sides share one."""
    if left.dtype != right.dtype:
        left, right = left.astype(object), right.astype(object)
    return ((left != right) & ~(left.isna() & right.isna())).to_numpy(dtype=bool)


def compare_table(name: str, old: pd.DataFrame | None, new: pd.DataFrame | None) -> list[Change]:
    file = S.table(name).file
    old = old if old is not None else pd.DataFrame(columns=["id"])
    new = new if new is not None else pd.DataFrame(columns=["id"])
    removed = list(old.index[~old.index.isin(new.index)])
    added = list(new.index[~new.index.isin(old.index)])
    rows_of_removed = {i: _row(old, i) for i in removed}
    renamed_from = {}
    for i in added:
        row = _row(new, i)
        match = next((r for r, content in rows_of_removed.items() if content == row and r not in renamed_from.values()),
                     None)
        if match is not None and row:
            renamed_from[i] = match
    renamed_to = {old_id: new_id for new_id, old_id in renamed_from.items()}
    changes = [Change(file, i, None, None, "removed", old=rows_of_removed[i], hint=renamed_to.get(i), table=name)
               for i in removed]
    changes += [Change(file, i, None, None, "added", new=_row(new, i), hint=renamed_from.get(i), table=name)
                for i in added]
    common = old.index.intersection(new.index, sort=False)
    if len(common):
        columns = [c for c in dict.fromkeys([*old.columns, *new.columns]) if c != "id"]
        left = old.reindex(index=common, columns=columns)
        right = new.reindex(index=common, columns=columns)
        differs = np.column_stack([_differ(left[c], right[c]) for c in columns])
        name_column = next((c for c in NAME_COLUMNS if c in columns), None)
        for r, c in zip(*differs.nonzero()):
            before, after = _plain(left.iat[r, c]), _plain(right.iat[r, c])
            if before == after:
                continue
            delta, pct = _deltas(before, after)
            label = _plain(right.iat[r, columns.index(name_column)]) if name_column else None
            changes.append(Change(file, common[r], None, columns[c], "changed", before, after, delta, pct,
                                  table=name, label=label))
    order = {i: n for n, i in enumerate([*old.index, *added])}
    return sorted(changes, key=lambda ch: (order.get(ch.id, 0), ch.column or ""))


def _yaml_path(prefix: str, key) -> str:
    return f"{prefix}[{key}]" if isinstance(key, int) else (f"{prefix}.{key}" if prefix else str(key))


def _leaf(value):
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def compare_yaml(file: str, old, new, prefix: str = "") -> list[Change]:
    """Values compared by path: dictionaries by key, lists by position."""
    if (old is None) != (new is None):
        kind = "added" if old is None else "removed"
        return [Change(file, None, prefix or None, None, kind, _jsonable(old), _jsonable(new))]
    if isinstance(old, dict) and isinstance(new, dict):
        changes = []
        for key in dict.fromkeys([*old, *new]):
            path = _yaml_path(prefix, key)
            if key not in new:
                changes.append(Change(file, None, path, None, "removed", old=_jsonable(old[key])))
            elif key not in old:
                changes.append(Change(file, None, path, None, "added", new=_jsonable(new[key])))
            else:
                changes += compare_yaml(file, old[key], new[key], path)
        return changes
    if isinstance(old, list) and isinstance(new, list):
        changes = []
        for index in range(max(len(old), len(new))):
            path = _yaml_path(prefix, index)
            if index >= len(new):
                changes.append(Change(file, None, path, None, "removed", old=_jsonable(old[index])))
            elif index >= len(old):
                changes.append(Change(file, None, path, None, "added", new=_jsonable(new[index])))
            else:
                changes += compare_yaml(file, old[index], new[index], path)
        return changes
    before, after = _leaf(old), _leaf(new)
    if before == after or (_number(before) is not None and _number(before) == _number(after)):
        return []
    delta, pct = _deltas(before, after)
    return [Change(file, None, prefix or None, None, "changed", _jsonable(old), _jsonable(new), delta, pct)]


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return _leaf(value)


def _yaml_data(source: PlanSource, file: str):
    text = source.yaml_texts.get(file)
    if text is None:
        return None
    problems: list[Problem] = []
    data, _ = parse_yaml(text, f"{source.label}/{file}", problems)
    if problems:
        raise PlanError(problems)
    return data


@dataclass
class Diff:
    """Every change from one version to the next, with what the summary needs to speak of money."""

    changes: list[Change]
    calendar: Calendar                      # the newer version's, to place budget lines in quarters
    currency: str
    budget_rows: tuple[dict, dict] = ({}, {})  # budget lines that changed: id -> row, before and after
    language: str = ""  # the newer version's language, the default for its summary

    def as_json(self) -> dict:
        return {"changes": [change.as_json() for change in self.changes]}


def compare(old: PlanSource, new: PlanSource) -> Diff:
    """Every change from old to new: YAML files first, then tables in their usual order."""
    changes, data = [], {}
    for file in S.YAML_FILES:
        data[file] = (_yaml_data(old, file), _yaml_data(new, file))
        changes += compare_yaml(file, *data[file])
    old_settings, new_settings = (_settings(side) for side in data["plan.yaml"])
    old_calendar, new_calendar = _calendar(old_settings), _calendar(new_settings)
    budget = (None, None)
    for name in S.table_order():
        before = normalised_table(old, name, old_settings, old_calendar)
        after = normalised_table(new, name, new_settings, new_calendar)
        changes += compare_table(name, before, after)
        if name == "budget":
            budget = (before, after)
    touched = {c.id for c in changes if c.table == "budget"}
    rows = tuple({i: _row(frame, i) for i in touched if frame is not None and i in frame.index} for frame in budget)
    currency = str(new_settings.get("currency") or old_settings.get("currency") or "EUR")
    return Diff(changes, new_calendar, currency, rows, str(new_settings.get("language") or ""))
