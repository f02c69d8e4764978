"""Reading cells as people write them: numbers, dates, payment schedules.

One place for every cell format, so a CSV, an xlsx sheet, plan.yaml and a
form accept the same texts: `1 250,50 €`, `3,5 %`, `2026-03-15`,
`15/03/2026`, `15/03/26`, `25% 2026-02-01; 75% end`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .errors import CodedError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_NOISE = re.compile(r"[\s€$£%]|EUR", re.UNICODE)
# Date forms, tried in order, for single values and whole columns alike.
DATE_FORMS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y")
COLUMN_DATE_FORMS = DATE_FORMS + ("%Y-%m-%d %H:%M:%S",)  # spreadsheets add a time to dates


def _two_digit_century(day: date, form: str) -> date:
    """A two-digit year is in this century (15/03/99 is 2099, not 1999): a plan's dates are not in the past."""
    if "%y" in form and day.year < 2000:
        return day.replace(year=day.year + 100)
    return day


def parse_date_text(text: str, forms: tuple[str, ...] | list[str] = DATE_FORMS) -> date | None:
    """A date written in one of `forms` (the plan's DATE_FORMS unless an export says otherwise), else None."""
    for form in forms:
        try:
            return _two_digit_century(datetime.strptime(str(text).strip(), form).date(), form)
        except ValueError:
            continue
    return None


def to_date(value) -> date | None:
    """A date from plan.yaml or a typed table: already one (YAML reads ISO dates, a table a Timestamp), or text in
    a DATE_FORMS form; else None (an empty cell, NaT and NaN included)."""
    if value != value:  # NaT, NaN
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date_text(value)
    return None


def restore_text(series):
    """Undo the quote an export put before text a spreadsheet would run as a formula."""
    quoted = series.str.startswith("'")
    if not quoted.any():
        return series
    mask = quoted & series.str[1:2].isin(FORMULA_PREFIXES)
    if mask.any():
        series = series.copy()
        series[mask] = series[mask].str[1:]
    return series


def parse_numbers(series, decimal_comma: bool):
    """Numbers from text as people write them: 1250.5, 1 250,50 €, 3,5 %."""
    import pandas as pd

    numbers = pd.to_numeric(series.where(series != "", None), errors="coerce")
    failed = (series != "") & numbers.isna()
    if failed.any():  # only the cells plain parsing missed go through the cleaning
        clean = series[failed].str.replace(_NUMBER_NOISE, "", regex=True)
        if decimal_comma:
            clean = clean.str.replace(",", ".", regex=False)
        numbers[failed] = pd.to_numeric(clean.where(clean != "", None), errors="coerce")
    return numbers


def parse_number_text(text: str) -> float | None:
    """One number as a person types it (decimal comma allowed), else None."""
    import pandas as pd

    parsed = parse_numbers(pd.Series([str(text).strip()], dtype=str), decimal_comma=True).iloc[0]
    return None if pd.isna(parsed) else float(parsed)


_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def parse_amount_text(text: str) -> float | None:
    """One number from an export of any locale: 1 250,50 €, €1,250.50, 12,500, 1.250,5, 3,5 %; else None.

    Which of `,` and `.` is the decimal mark is decided per cell: the last one
    written, unless commas group thousands (12,500 or 1,250.50).
    """
    clean = _NUMBER_NOISE.sub("", str(text)).replace("\u00a0", "").replace("\u202f", "")
    if not clean:
        return None
    if _THOUSANDS_COMMA.match(clean):
        clean = clean.replace(",", "")
    elif "," in clean and "." in clean:
        clean = clean.replace(".", "").replace(",", ".") if clean.rfind(",") > clean.rfind(".") else clean.replace(",", "")
    else:
        clean = clean.replace(",", ".")
    try:
        return float(clean)
    except ValueError:
        return None


DATE_RANGE = ("1900-01-01", "2199-12-31")  # a plan's dates; year 1 or 9999 is a typo, and beyond pandas' ns


def parse_dates(series):
    """A column of dates in any of COLUMN_DATE_FORMS; cells that fit none, or fall outside DATE_RANGE, are NaT."""
    import pandas as pd

    values = pd.to_datetime(series, format=COLUMN_DATE_FORMS[0], errors="coerce")
    for form in COLUMN_DATE_FORMS[1:]:
        missing = (series != "") & values.isna()
        if not missing.any():
            break
        found = pd.to_datetime(series[missing], format=form, errors="coerce")
        if "%y" in form:  # two-digit years in this century, as parse_date_text reads them
            found = found.where(found.isna() | (found.dt.year >= 2000), found + pd.DateOffset(years=100))
        values[missing] = found
    low, high = (pd.Timestamp(day) for day in DATE_RANGE)
    values = values.where(values.isna() | ((values >= low) & (values <= high)))
    return values.astype("datetime64[ns]")


# -- payment schedules -----------------------------------------------------------------------

MILESTONES = ("start", "end")
_INSTALMENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s+(\S+)\s*$")


@dataclass(frozen=True)
class Instalment:
    share: float  # percent of the line's amount
    when: date | str  # a date, or a milestone of the action: "start" / "end"


def parse_schedule(text: str) -> list[Instalment]:
    """Instalments of a schedule (`25% 2026-02-01; 75% end`); CodedError says what is wrong."""
    instalments = []
    for part in [p for p in str(text).split(";") if p.strip()]:
        match = _INSTALMENT.match(part)
        if not match:
            raise CodedError("bad_instalment", "schedule", value=part.strip())
        share = float(match.group(1).replace(",", "."))
        when_text = match.group(2).lower()
        when = when_text if when_text in MILESTONES else parse_date_text(when_text)
        if when is None:
            raise CodedError("bad_instalment_date", "schedule", value=match.group(2))
        instalments.append(Instalment(share, when))
    total = sum(i.share for i in instalments)
    if instalments and abs(total - 100) > 0.01:
        raise CodedError("shares_not_100", "schedule", total=f"{total:g}")
    return instalments
