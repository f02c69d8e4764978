"""A column's dates and numbers, decided from all its cells at once.

A cell-by-cell guess reads `1/2/2026` as 1 February in a month-first file.
Here a column of day/month numbers is day-first only when some cell's first
number is above 12, month-first only when some cell's second number is, and
refused as ambiguous when every cell reads both ways, unless the caller says
which order (`--dates`, or the source). Month names are read in English and
French (Babel's names, abbreviated or not); a time part, 24-hour or am/pm,
is dropped: rows of one day add up. Numbers keep one decimal mark per column.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

ORDERS = ("dmy", "mdy", "ymd")

_TIME = r"(?:[ T,]+\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:UTC|GMT|Z|[+-]\d{2}:?\d{2}))?)?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + "$", re.IGNORECASE)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{2})?$")  # GA4: 20240115, and date + hour 2024011513
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})" + _TIME + "$", re.IGNORECASE)
_MONTH_FIRST = re.compile(r"^([^\W\d_][^\W\d_.]*\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME + "$", re.IGNORECASE)
_DAY_FIRST = re.compile(r"^(?:[^\W\d_]+\.?,?\s+)?(\d{1,2})(?:er)?\s+([^\W\d_][^\W\d_.]*\.?)\s+(\d{4})" + _TIME + "$",
                        re.IGNORECASE)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn").strip(".")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations in English and French, accents and dots optional."""
    from babel.dates import get_month_names

    names = {}
    for locale in ("en", "fr"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    names[_plain(name)] = number
    names.update({"sept": 9, "juil": 7, "fevr": 2, "janv": 1, "avr": 4, "déc": 12, "dec": 12})
    return names


class DateColumnError(ValueError):
    """Why a column is not one column of dates: `code` and the index of a cell that shows it."""

    def __init__(self, code: str, index: int | None = None, value: str = ""):
        super().__init__(code)
        self.code, self.index, self.value = code, index, value


def parse_date_column(cells: pd.Series, order: str | None = None) -> tuple[pd.Series, str]:
    """Dates of a column of text cells (empty cells give NaT) and the order used (`ymd`, `dmy`, `mdy`, `names`).

    Raises DateColumnError: `not_a_date` (a cell fits no form), `dates_mixed` (day-first and month-first cells),
    `dates_ambiguous` (every cell reads both ways and no order was given)."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=False)
    parsed, used = _parse_unique([text for text in uniques if len(text) > 0], order)
    days = pd.to_datetime(pd.Series([parsed.get(text) for text in uniques], dtype=object), errors="coerce")
    return pd.Series(days.to_numpy()[codes], index=cells.index), used


def _parse_unique(texts: list[str], order: str | None) -> tuple[dict[str, date], str]:
    numeric, result, orders = {}, {}, set()
    for text in texts:
        if match := _ISO.match(text) or _COMPACT.match(text):
            result[text] = _day(text, int(match.group(1)), int(match.group(2)), int(match.group(3)))
            orders.add("ymd")
        elif match := _NUMERIC.match(text):
            numeric[text] = (int(match.group(1)), int(match.group(2)), _year(match.group(3)))
        elif match := _MONTH_FIRST.match(text):
            result[text] = _day(text, _year(match.group(3)), _month(text, match.group(1)), int(match.group(2)))
            orders.add("names")
        elif match := _DAY_FIRST.match(text):
            result[text] = _day(text, _year(match.group(3)), _month(text, match.group(2)), int(match.group(1)))
            orders.add("names")
        else:
            raise DateColumnError("not_a_date", None, text)
    if numeric:
        first_big = next((t for t, (a, _, _) in numeric.items() if a > 12), None)
        second_big = next((t for t, (_, b, _) in numeric.items() if b > 12), None)
        if first_big and second_big:
            raise DateColumnError("dates_mixed", None, f"{first_big}, {second_big}")
        chosen = order if order in ("dmy", "mdy") else ("dmy" if first_big else "mdy" if second_big else None)
        if order in ("dmy", "mdy") and (first_big if order == "mdy" else second_big):
            raise DateColumnError("dates_against_order", None, first_big if order == "mdy" else second_big)
        if chosen is None:
            raise DateColumnError("dates_ambiguous", None, next(iter(numeric)))
        for text, (a, b, year) in numeric.items():
            result[text] = _day(text, year, b if chosen == "dmy" else a, a if chosen == "dmy" else b)
        orders.add(chosen)
    return result, "+".join(sorted(orders)) or (order or "ymd")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _month(text: str, name: str) -> int:
    number = month_numbers().get(_plain(name))
    if number is None:
        raise DateColumnError("not_a_date", None, text)
    return number


def _day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateColumnError("not_a_date", None, text) from None


# -- numbers ------------------------------------------------------------------------------------

_NOISE = re.compile(r"[\s\u00a0\u202f€$£%]|EUR|USD|GBP|CHF|CAD", re.IGNORECASE)
EMPTY_CELLS = {"", "-", "--", "—", "–", "n/a", "na", "nan", "null", "none", "no data available",
               "aucune donnée disponible", "(not set)", "< 10", "<10"}


def by_unique(cells: pd.Series, work) -> pd.Series:
    """`work` (Series -> Series) done once per distinct cell: a million rows of an export hold a few thousand values."""
    codes, uniques = pd.factorize(cells, use_na_sentinel=False)
    done = work(pd.Series(uniques, dtype=object))
    return pd.Series(done.to_numpy()[codes], index=cells.index)


MAX_NUMBER = 1e15  # no figure of an export reaches it: a corrupt cell, whose sums would overflow


EXPECTED = {"number_too_large": "number_limit", "decimal_mark_conflict": "one_decimal_mark"}  # what each refusal asks


class NumberColumnError(ValueError):
    """Why a column cannot be read as numbers: `code`, the cell that shows it, and its parameters."""

    def __init__(self, code: str, unique: int, **params):
        super().__init__(code)
        self.code, self.unique, self.params = code, unique, params
        self.position, self.value = 0, ""  # the first cell showing it, set by parse_number_column


def parse_number_column(cells: pd.Series, decimal: str | None = None) -> tuple[pd.Series, pd.Series]:
    """(values, empty) of a column of text numbers; a cell neither empty nor a number gives NaN and empty False.

    The decimal mark is one per column: the one a cell shows unambiguously (1,5 or 1.250,50 or 0.25), else
    `decimal` (the export's language), else a dot. A column where cells show both marks, or a value past
    MAX_NUMBER, raises NumberColumnError: it is refused, never read one way for some rows."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=False)
    try:
        values, empty = _parse_numbers(pd.Series(uniques, dtype=str), decimal)
        huge = values.abs() > MAX_NUMBER
        if huge.any():
            raise NumberColumnError("number_too_large", int(np.argmax(huge.to_numpy())), limit=f"{MAX_NUMBER:,.0f}")
    except NumberColumnError as error:
        error.position, error.value = int(np.argmax(codes == error.unique)), str(uniques[error.unique])
        raise
    return (pd.Series(values.to_numpy()[codes], index=cells.index),
            pd.Series(empty.to_numpy()[codes], index=cells.index))


def _parse_numbers(text: pd.Series, decimal: str | None) -> tuple[pd.Series, pd.Series]:
    empty = text.str.strip().str.lower().isin(EMPTY_CELLS)
    clean = text.str.replace(_NOISE, "", regex=True).str.replace("'", "", regex=False)
    clean = clean.str.replace(r"^\((.*)\)$", r"-\1", regex=True)  # (12.50) is a negative amount
    mark = _decimal_mark(clean[~empty]) or decimal or "."
    if mark == ",":
        clean = clean.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        clean = clean.str.replace(",", "", regex=False)
    values = pd.to_numeric(clean.where(~empty, np.nan), errors="coerce")
    return values, empty


def _decimal_mark(clean: pd.Series) -> str | None:
    """The column's decimal mark where a cell shows it; NumberColumnError when cells show both."""
    sample = clean.drop_duplicates()
    comma = sample.str.contains(r"\d,\d{1,2}$|\d,\d{4,}$|\.\d{3},\d|^-?0,\d|^,\d", regex=True)
    dot = sample.str.contains(r"\d\.\d{1,2}$|\d\.\d{4,}$|,\d{3}\.\d|^-?0\.\d|^\.\d", regex=True)
    if comma.any() and dot.any():
        first_comma, first_dot = sample[comma].index[0], sample[dot].index[0]
        raise NumberColumnError("decimal_mark_conflict", int(max(first_comma, first_dot)),
                                comma=sample[first_comma], dot=sample[first_dot])
    if comma.any():
        return ","
    if dot.any():
        return "."
    return None
