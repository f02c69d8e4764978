"""Period ids (year, half, quarter, month, sprint) and the plan's working calendar.

Reports are asked for by period id, so every id a person can type must parse
to exact start and end dates, or be refused with a message that says why.
Years and quarters follow the plan's fiscal year; months are calendar months;
sprints are numbered within the fiscal year and counted in working days.
"""
from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

PERIOD_FORMS = "2026 (year), 2026-H1 (half), 2026-Q2 (quarter), 2026-05 (month) or 2026-S03 (sprint)"
_PATTERN = re.compile(r"^(\d{4})(?:-(?:(H)(\d+)|(Q)(\d+)|(S)(\d+)|(\d{1,2})))?$", re.IGNORECASE)


_KIND_NAMES = {"years": "year", "halves": "half", "quarters": "quarter", "months": "month", "sprints": "sprint"}


def parse_date_text(text: str) -> date | None:
    """An ISO date or a French dd/mm/yyyy date, else None."""
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def to_date(value) -> date | None:
    """A date from plan.yaml: already one (YAML reads ISO dates), or text in either form; else None."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date_text(value)
    return None


class PeriodError(ValueError):
    """A period id that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class Period:
    """A span of days with a stable id, e.g. 2026-Q2."""

    id: str
    kind: str  # year, half, quarter, month, sprint
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlap_days(self, start: date, end: date) -> int:
        """Calendar days shared with [start, end], both inclusive."""
        first, last = max(self.start, start), min(self.end, end)
        return max(0, (last - first).days + 1)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


@dataclass
class Calendar:
    """Working days and period ids of one plan."""

    year: int
    fiscal_start_month: int = 1
    country: str | None = "FR"
    sprint_length_days: int = 10
    extra_holidays: tuple[date, ...] = field(default_factory=tuple)

    @classmethod
    def from_settings(cls, settings: dict) -> "Calendar":
        return cls(
            year=int(settings.get("year") or date.today().year),
            fiscal_start_month=int(settings.get("fiscal_start_month") or 1),
            country=settings.get("country") or None,
            sprint_length_days=int(settings.get("sprint_length_days") or 10),
        )

    # -- working days -------------------------------------------------------
    @cached_property
    def _holidays(self) -> dict:
        if not self.country:
            return {}
        import holidays  # imported here: it takes a while and not every run needs it

        years = range(self.year - 2, self.year + 4)
        table = dict(holidays.country_holidays(self.country, years=years))
        table.update({d: "holiday" for d in self.extra_holidays})
        return table

    def holiday_name(self, day: date) -> str | None:
        return self._holidays.get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def working_days(self, start: date, end: date) -> list[date]:
        days, day = [], start
        while day <= end:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def count_working_days(self, start: date, end: date) -> int:
        return len(self.working_days(start, end))

    # -- period ids ---------------------------------------------------------
    def fiscal_year_start(self, year: int) -> date:
        return date(year, self.fiscal_start_month, 1)

    def fiscal_year(self, year: int) -> Period:
        start = self.fiscal_year_start(year)
        return Period(str(year), "year", start, _add_months(start, 12) - timedelta(days=1))

    def _months_block(self, year: int, first_month_index: int, months: int, pid: str, kind: str) -> Period:
        start = _add_months(self.fiscal_year_start(year), first_month_index)
        return Period(pid, kind, start, _add_months(start, months) - timedelta(days=1))

    def sprints(self, year: int) -> list[Period]:
        """Sprints of a fiscal year: N working days each, tiling the year."""
        fy = self.fiscal_year(year)
        workdays = self.working_days(fy.start, fy.end)
        starts = workdays[:: self.sprint_length_days]
        sprints = []
        for n, start in enumerate(starts, 1):
            end = starts[n] - timedelta(days=1) if n < len(starts) else fy.end
            sprints.append(Period(f"{year}-S{n:02d}", "sprint", start if n > 1 else fy.start, end))
        return sprints

    def parse(self, text: str) -> Period:
        """Read a period id; raise PeriodError naming the forms accepted."""
        raw = str(text).strip()
        match = _PATTERN.match(raw)
        if not match:
            raise PeriodError(f"'{raw}' is not a period id (expected {PERIOD_FORMS})")
        year = int(match.group(1))
        if not 1900 < year < 2200:
            raise PeriodError(f"'{raw}': year {year} is out of range (expected a year such as 2026)")
        if match.group(2):
            n = int(match.group(3))
            if not 1 <= n <= 2:
                raise PeriodError(f"'{raw}': half {n} does not exist (expected H1 or H2)")
            return self._months_block(year, 6 * (n - 1), 6, f"{year}-H{n}", "half")
        if match.group(4):
            n = int(match.group(5))
            if not 1 <= n <= 4:
                raise PeriodError(f"'{raw}': quarter {n} does not exist (expected Q1 to Q4)")
            return self._months_block(year, 3 * (n - 1), 3, f"{year}-Q{n}", "quarter")
        if match.group(6):
            n = int(match.group(7))
            sprints = self.sprints(year)
            if not 1 <= n <= len(sprints):
                raise PeriodError(
                    f"'{raw}': sprint {n} does not exist (expected S01 to S{len(sprints):02d}: "
                    f"{year} has {len(sprints)} sprints of {self.sprint_length_days} working days)")
            return sprints[n - 1]
        if match.group(8):
            month = int(match.group(8))
            if not 1 <= month <= 12:
                raise PeriodError(f"'{raw}': month {month} does not exist (expected 01 to 12)")
            last = _calendar.monthrange(year, month)[1]
            return Period(f"{year}-{month:02d}", "month", date(year, month, 1), date(year, month, last))
        return self.fiscal_year(year)

    def periods(self, kind: str, year: int | None = None) -> list[Period]:
        """Every period of one kind in a fiscal year: MONTHS, QUARTERS, SPRINTS..."""
        year = self.year if year is None else year
        kind = _KIND_NAMES.get(kind.lower(), kind.lower())
        if kind == "sprint":
            return self.sprints(year)
        if kind == "quarter":
            return [self.parse(f"{year}-Q{n}") for n in range(1, 5)]
        if kind == "half":
            return [self.parse(f"{year}-H{n}") for n in range(1, 3)]
        if kind == "month":
            start = self.fiscal_year_start(year)
            return [self.parse(f"{d.year}-{d.month:02d}") for d in (_add_months(start, i) for i in range(12))]
        if kind == "year":
            return [self.fiscal_year(year)]
        raise PeriodError(f"'{kind}' is not a kind of period (expected YEARS, HALVES, QUARTERS, MONTHS or SPRINTS)")

    def period_of(self, day: date, kind: str) -> Period:
        """The period of a kind that holds a day."""
        year = day.year if day >= self.fiscal_year_start(day.year) else day.year - 1
        for period in self.periods(kind, year):
            if period.contains(day):
                return period
        raise PeriodError(f"no {kind} holds {day.isoformat()}")
