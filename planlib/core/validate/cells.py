"""Turn text tables into typed tables, collecting every problem on the way.

Each column is typed by its kind in `planlib.core.schema` with vectorised
pandas operations (a plan may hold hundreds of thousands of rows); each cell
that does not fit becomes a `Problem` naming file, spreadsheet row and column.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace

import numpy as np
import pandas as pd

from .. import schema as S
from ..errors import CodedError, Problem
from ..formula import formula_metrics
from ..io.readers import RawTable
from ..parse import (
    COLUMN_DATE_FORMS,
    DATE_RANGE,
    parse_date_text,
    parse_dates,
    parse_numbers,
    parse_schedule,
    restore_text,
)
from ..periods import Calendar

MAX_AMOUNT = 1e12  # a thousand billion: beyond it, an amount is a typo (and its sums lose the cents)
MAX_NUMBER = 1e15  # beyond it any figure of a plan is a typo, and sums and rates over it overflow or lose units
_TRUE = {"true", "yes", "oui", "vrai", "1", "x"}
_FALSE = {"false", "no", "non", "faux", "0"}


class TableChecker:
    """Types one RawTable against its schema.Table, appending problems."""

    def __init__(self, raw: RawTable, table: S.Table, problems: list[Problem], calendar: Calendar):
        self.raw, self.table, self.problems, self.calendar = raw, table, problems, calendar

    def problem(self, index, column: str, code: str, expected: str | None = None, **params) -> None:
        row = self.raw.row_number(int(index)) if index is not None else 1
        self.problems.append(Problem(self.raw.source, row, column, code, params, expected))

    def bad_cells(self, mask: pd.Series, column: str, code: str, expected: str | None, **params) -> None:
        """One problem per cell of `mask`, its value given as the `value` parameter."""
        positions = np.flatnonzero(mask if isinstance(mask, np.ndarray) else mask.to_numpy(dtype=bool, na_value=False))
        if not len(positions):
            return
        values = self.raw.frame[column]
        for index in positions:
            self.problem(index, column, code, expected, value=values.iloc[index], **params)

    def typed(self) -> pd.DataFrame:
        if not len(self.raw.frame.columns):  # an empty file is an empty table
            self.raw.frame = pd.DataFrame(columns=self.table.column_names, dtype=str)
        frame = self.raw.frame = self.known_headers(self.raw.frame)
        missing = [c.name for c in self.table.columns if c.required and c.name not in frame.columns]
        for name in missing:
            self.problems.append(Problem(self.raw.source, 1, name, "missing_column",
                                         {"columns": ", ".join(self.table.column_names)}, "header_row"))
        if len(frame):
            self.views_left_empty(frame)
        out = {}
        for column in self.table.columns:
            if column.name in frame.columns:
                values = frame[column.name]
            else:
                values = pd.Series([""] * len(frame), index=frame.index, dtype=str)
            out[column.name] = self.column(column, values)
        for extra in frame.columns:
            if extra not in out and extra:
                out[extra] = restore_text(frame[extra]) if self.raw.may_hold_quotes else frame[extra]
        return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))

    def views_left_empty(self, frame: pd.DataFrame) -> None:
        """A column a view depends on, absent from the header: one warning naming the view it leaves empty."""
        for column in self.table.columns:
            if column.feeds and column.name not in frame.columns:
                self.problems.append(Problem(self.raw.source, 1, column.name, f"no_column_for.{column.feeds}",
                                             {"name": column.name}, "view_column", severity="warning"))

    def known_headers(self, frame: pd.DataFrame) -> pd.DataFrame:
        """French headers read as their column (HEADER_ALIASES); a header one typo away from a column the
        file lacks is read as that column and reported once, instead of the column being empty on every row."""
        names = self.table.column_names
        renamed = {}
        for header in frame.columns:
            if not header or header in names:
                continue
            absent = [n for n in names if n not in frame.columns and n not in renamed.values()]
            alias = S.HEADER_ALIASES.get(header)
            if alias in absent:
                renamed[header] = alias
                continue
            close = difflib.get_close_matches(header, absent, n=1, cutoff=0.8)
            if close:
                renamed[header] = close[0]
                self.problems.append(Problem(self.raw.source, 1, header, "header_misspelled",
                                             {"header": header, "name": close[0]}, "header_name"))
        return frame.rename(columns=renamed) if renamed else frame

    def column(self, column: S.Column, values: pd.Series) -> pd.Series:
        present = column.name in self.raw.frame.columns
        if column.default:
            values = values.where(values != "", column.default)
        empty = values == ""
        if column.required and present and empty.any():
            code, params = _expected(self.table, column)
            self.bad_cells(empty, column.name, "missing_value", code, **params)
        kind = column.kind
        if kind not in S.NUMERIC_KINDS | {S.DATE, S.BOOL} and self.raw.may_hold_quotes:
            values = restore_text(values)
        if kind in S.NUMERIC_KINDS:
            return self.numbers(column, values, empty)
        if kind == S.DATE:
            parsed = parse_dates(values)
            unread = ~empty & parsed.isna()
            outside = unread & values.map(lambda v: parse_date_text(v, COLUMN_DATE_FORMS) is not None).astype(bool) \
                if unread.any() else unread
            self.bad_cells(unread & ~outside, column.name, "not_a_date", "date")
            self.bad_cells(outside, column.name, "date_out_of_range", "date_range", low=DATE_RANGE[0][:4],
                           high=DATE_RANGE[1][:4])
            return parsed
        if kind == S.BOOL:
            lower = _map_distinct(values, str.lower)
            bad = ~empty & ~lower.isin(_TRUE | _FALSE)
            self.bad_cells(bad, column.name, "not_yes_no", "yes_no")
            return lower.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA)).astype("boolean")
        if kind == S.ENUM:
            allowed = set(column.allowed)  # an allowed code wins over an alias of another column's ('continue')
            canon = _map_distinct(values, lambda v: v.lower() if v.lower() in allowed else S.ALIASES.get(v.lower(), v.lower()))
            bad = ~empty & ~canon.isin(column.allowed)
            self.bad_cells(bad, column.name, "not_allowed", "one_of", allowed=", ".join(column.allowed))
            return canon.where(~bad, values).astype(str)
        if kind == S.ID:  # ids are referred to in lists (A01,A02; P1 P2): no space, comma nor semicolon in one
            spaced = ~empty & values.str.contains(r"[\s,;]", regex=True)
            self.bad_cells(spaced, column.name, "id_with_spaces", "id_form")
        if kind == S.REFLIST:
            return values.map(lambda v: ",".join(p.strip() for p in re.split(r"[,;]", v) if p.strip())).astype(str)
        if kind == S.PERIOD:
            self.check_each(values, empty, column.name, self.period_in_year, "period")
            canonical = {v: self.calendar.parse(v).id for v in values.unique() if v and _ok(self.calendar.parse, v)}
            return values.map(lambda v: canonical.get(v, v)).astype(str)
        if kind == S.SCHEDULE:
            self.check_each(values, empty, column.name, parse_schedule, "schedule")
        if kind == S.FORMULA:
            self.check_each(values, empty, column.name, formula_metrics, "formula")
        return values.astype(str)

    def period_in_year(self, text: str):
        """A period of the plan's year: a budget line or forecast of another year would count in no view."""
        return self.calendar.parse_in_year(text)

    def check_each(self, values, empty, name, parse, expected: str) -> None:
        """Parse each distinct value once; report every row holding a bad one, with the column's form."""
        errors: dict[str, CodedError] = {}
        for value in values[~empty].unique():
            try:
                parse(value)
            except CodedError as error:
                errors[value] = error
        if errors:
            for index in np.flatnonzero(values.isin(list(errors)).to_numpy()):
                error = errors[values.iloc[index]]
                self.problem(index, name, error.code, expected, **error.params)

    def numbers(self, column: S.Column, values: pd.Series, empty: pd.Series) -> pd.Series:
        """A number column typed and checked on numpy arrays (a few microseconds a check, not a pandas call)."""
        expected = column.kind  # expected.int, expected.float, expected.money, expected.percent
        number = parse_numbers(values, self.raw.decimal_comma).to_numpy(dtype="float64", na_value=np.nan, copy=True)
        given = ~empty.to_numpy(dtype=bool)
        bad = given & ~np.isfinite(number)  # 'inf', '1e999': not numbers
        self.bad_cells(bad, column.name, "not_a_number", expected)
        number[bad] = np.nan
        with np.errstate(invalid="ignore"):  # comparisons with NaN are False, as the empty cells should be
            if column.kind == S.MONEY:
                huge = np.abs(number) > MAX_AMOUNT
                self.bad_cells(huge, column.name, "amount_too_large", expected, limit=f"{MAX_AMOUNT:,.0f}")
                number[huge] = np.nan
                # "15 %" in an amount is a share, not money: never read as 15
                percent = np.fromiter(("%" in text for text in values), dtype=bool, count=len(values))
                share = ~bad & given & percent
                self.bad_cells(share, column.name, "percent_in_amount", expected)
                number[share] = np.nan
            else:
                huge = np.abs(number) > MAX_NUMBER
                self.bad_cells(huge, column.name, "number_too_large", expected, limit=f"{MAX_NUMBER:,.0f}")
                number[huge] = np.nan
            if column.kind == S.INT:
                fractional = ~np.isnan(number) & (number != np.round(number))
                self.bad_cells(fractional, column.name, "not_whole", expected)
            limits = _range(column)
            if column.minimum is not None:
                code = "negative" if column.minimum == 0 else "below"
                self.bad_cells(number < column.minimum, column.name, code, limits[0], **limits[1],
                               limit=f"{column.minimum:g}")
            if column.maximum is not None:
                self.bad_cells(number > column.maximum, column.name, "above", limits[0], **limits[1],
                               limit=f"{column.maximum:g}")
        typed = pd.Series(number, index=values.index, dtype="float64")
        if column.kind == S.INT:
            return typed.round().astype("Int64")
        return typed

def _map_distinct(values: pd.Series, function) -> pd.Series:
    """Apply a function once per distinct value: columns repeat few values many times."""
    mapping = {value: function(value) for value in values.unique()}
    return values.map(mapping).astype(str)


def _ok(parse, value) -> bool:
    try:
        parse(value)
        return True
    except CodedError:
        return False


def _expected(table: S.Table, column: S.Column) -> tuple[str, dict]:
    """What a missing value should have been: an expected code and its parameters."""
    if column.kind == S.ENUM:
        return "one_of", {"allowed": ", ".join(column.allowed)}
    if column.kind in S.NUMERIC_KINDS:
        return column.kind, {}
    if column.kind == S.DATE:
        return "date", {}
    if column.kind in (S.REF, S.REFLIST):
        return "id_from", {"target": column.ref}
    if column.help:
        return f"help.{table.name}.{column.name}", {}
    return "a_value", {}


def _range(column: S.Column) -> tuple[str, dict]:
    """The allowed range of a number column, as an expected code and its parameters."""
    limits = {"low": f"{column.minimum:g}" if column.minimum is not None else "",
              "high": f"{column.maximum:g}" if column.maximum is not None else ""}
    if column.maximum is not None and column.minimum is not None:
        return "range", limits
    if column.minimum == 0:
        return "zero_or_more", limits
    return "at_least", limits


def check_table(raw: RawTable, problems: list[Problem], calendar: Calendar,
                settings: dict | None = None) -> pd.DataFrame:
    """Type one table; a column whose allowed values come from plan.yaml (a plan's own budget categories) gets them."""
    table = S.registered()[raw.name]
    if any(c.allowed_from for c in table.columns):
        columns = tuple(replace(c, allowed=c.allowed_from(settings or {})) if c.allowed_from else c
                        for c in table.columns)
        table = replace(table, columns=columns)
    return TableChecker(raw, table, problems, calendar).typed()


