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
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import CodedError
from .parse import parse_date_text, to_date  # noqa: F401 - periods and plan.yaml dates read alike

_PATTERN = re.compile(r"^(\d{4})(?:-(?:(H)(\d+)|(Q)(\d+)|(S)(\d+)|(\d{1,2})))?$", re.IGNORECASE)
_KIND_NAMES = {"years": "year", "halves": "half", "quarters": "quarter", "months": "month", "sprints": "sprint"}


class PeriodError(CodedError):
    """A period id that cannot be read; its wording says what was expected."""


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


@lru_cache(maxsize=1)
def _holiday_countries() -> dict:
    """The holidays package's registry of countries, {module: (class, code, ...)}.

    Read from the registry's source as a literal: importing the package costs
    0.1 s that `planlib check` would spend only to know a country code exists.
    """
    import ast
    import importlib.util

    try:
        spec = importlib.util.find_spec("holidays")
        source = (Path(spec.origin).parent / "registry.py").read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            target = getattr(node, "target", None) or (node.targets[0] if isinstance(node, ast.Assign) else None)
            if getattr(target, "id", None) == "COUNTRIES":
                return ast.literal_eval(node.value)
    except (AttributeError, OSError, SyntaxError, ValueError):
        pass
    from holidays.registry import COUNTRIES  # the registry changed shape: ask the package

    return dict(COUNTRIES)


def _country_module(country: str) -> tuple[str, str] | None:
    """(module, class) of a country's holidays in the holidays package's registry."""
    for module, (class_name, *codes) in _holiday_countries().items():
        if country in codes:
            return module, class_name
    return None


def has_holiday_calendar(country: str) -> bool:
    return _country_module(country) is not None


def public_holidays(country: str, years, lang: str | None = None) -> dict:
    """One country's public holidays, {date: name}, named in `lang` where the holidays package words them
    in it (else in the country's own language).

    `holidays.country_holidays` imports the modules of every country (about
    0.15 s); loading the one country's module file alone takes a third of that.
    """
    import importlib.util

    import holidays

    found = _country_module(country)
    if found is not None:
        module_name, class_name = found
        path = Path(holidays.__path__[0]) / "countries" / f"{module_name}.py"
        try:
            spec = importlib.util.spec_from_file_location(f"planlib_holidays_{module_name}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            kind = getattr(module, class_name)
            return dict(kind(years=years, **_language(kind, lang)))
        except Exception:  # noqa: BLE001 - a layout change in holidays: take the slower, public way
            pass
    kind = type(holidays.country_holidays(country))
    return dict(holidays.country_holidays(country, years=years, **_language(kind, lang)))


def _language(kind, lang: str | None) -> dict:
    """The holidays package's language argument closest to `lang` (en -> en_US), when it has one."""
    supported = getattr(kind, "supported_languages", ()) or ()
    if not lang:
        return {}
    chosen = next((code for code in (lang, f"{lang}_{lang.upper()}", "en_US" if lang == "en" else "")
                   if code and code in supported), None)
    return {"language": chosen} if chosen else {}


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
        from .settings import PlanSettings

        typed = PlanSettings.of(settings)
        return cls(
            year=typed.year, fiscal_start_month=typed.fiscal_start_month, country=typed.country or None,
            sprint_length_days=typed.sprint_length_days,
        )

    # -- working days -------------------------------------------------------
    @cached_property
    def _holidays(self) -> dict:
        if not self.country:
            return {}
        table = public_holidays(self.country, range(self.year - 2, self.year + 4))
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

    def near_years(self) -> tuple[date, date]:
        """The plan's year with a whole year on each side (to compare with last year, to close this one): the
        one window in which a date belongs to the plan. Beyond it (1969-12-31, a zero timestamp; 2062, a typo
        of 2026) a date counts in no period: validation warns about it, imports leave its row out."""
        return self.fiscal_year(self.year - 1).start, self.fiscal_year(self.year + 1).end

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

    def parse_in_year(self, text: str) -> Period:
        """A period of the plan's year: one of another year would count nothing of the plan (and show zeros)."""
        period = self.parse(text)
        year = self.fiscal_year(self.year)
        if period.end < year.start or period.start > year.end:
            raise PeriodError("period_outside_year", "period_in_year", value=str(text).strip(), year=year.id)
        return period

    def parse(self, text: str) -> Period:
        """Read a period id; raise PeriodError naming the forms accepted."""
        raw = str(text).strip()
        match = _PATTERN.match(raw)
        if not match:
            raise PeriodError("period_not_id", "period", value=raw)
        year = int(match.group(1))
        if not 1900 < year < 2200:
            raise PeriodError("period_year_range", "a_year", value=raw, year=year)
        if match.group(2):
            n = int(match.group(3))
            if not 1 <= n <= 2:
                raise PeriodError("period_no_half", "period_halves", value=raw, n=n)
            return self._months_block(year, 6 * (n - 1), 6, f"{year}-H{n}", "half")
        if match.group(4):
            n = int(match.group(5))
            if not 1 <= n <= 4:
                raise PeriodError("period_no_quarter", "period_quarters", value=raw, n=n)
            return self._months_block(year, 3 * (n - 1), 3, f"{year}-Q{n}", "quarter")
        if match.group(6):
            n = int(match.group(7))
            sprints = self.sprints(year)
            if not 1 <= n <= len(sprints):
                raise PeriodError("period_no_sprint", "period_sprints", value=raw, n=n, last=f"{len(sprints):02d}",
                                  year=year, count=len(sprints), days=self.sprint_length_days)
            return sprints[n - 1]
        if match.group(8):
            month = int(match.group(8))
            if not 1 <= month <= 12:
                raise PeriodError("period_no_month", "period_months", value=raw, n=month)
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
        raise PeriodError("period_not_kind", "period_kinds", value=kind)

    def opening_quarter(self, today: date) -> Period:
        """The quarter a new workspace opens on: today's in the plan's year, else the year's first (a plan ahead)
        or last (a plan looked back on)."""
        year = self.fiscal_year(self.year)
        quarters = self.periods("quarter")
        if year.contains(today):
            return self.period_of(today, "quarter")
        return quarters[0] if today < year.start else quarters[-1]

    def period_of(self, day: date, kind: str) -> Period:
        """The period of a kind that holds a day."""
        year = day.year if day >= self.fiscal_year_start(day.year) else day.year - 1
        for period in self.periods(kind, year):
            if period.contains(day):
                return period
        raise PeriodError("period_none_holds", None, kind=kind, day=day.isoformat())


def default_as_of(period: Period, today: date | None = None) -> date:
    """The earlier of today and the period's end."""
    today = today or date.today()
    return min(today, period.end)


def parse_as_of(text: str | None, period: Period) -> date:
    """An as-of date as a command or a notebook gives it (YYYY-MM-DD), or the default for the period."""
    if not text:
        return default_as_of(period)
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise CodedError("as_of_not_date", "iso_date", value=text) from None
