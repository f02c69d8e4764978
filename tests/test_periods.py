"""Period ids parse to exact dates; sprints count working days with public holidays."""
from __future__ import annotations

from datetime import date

import pytest

from planlib.core.periods import Calendar, PeriodError


@pytest.fixture
def calendar():
    return Calendar(2026, fiscal_start_month=1, country="FR", sprint_length_days=10)


@pytest.mark.parametrize("pid,kind,start,end", [
    ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
    ("2026-Q2", "quarter", date(2026, 4, 1), date(2026, 6, 30)),
    ("2026-q4", "quarter", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-H2", "half", date(2026, 7, 1), date(2026, 12, 31)),
    ("2026-02", "month", date(2026, 2, 1), date(2026, 2, 28)),
    ("2028-2", "month", date(2028, 2, 1), date(2028, 2, 29)),
    ("2026-S01", "sprint", date(2026, 1, 1), date(2026, 1, 15)),
    ("2026-S02", "sprint", date(2026, 1, 16), date(2026, 1, 29)),
])
def test_parse(calendar, pid, kind, start, end):
    period = calendar.parse(pid)
    assert (period.kind, period.start, period.end) == (kind, start, end)


def test_fiscal_year_starting_in_april():
    calendar = Calendar(2026, fiscal_start_month=4, country="FR")
    assert (calendar.parse("2026").start, calendar.parse("2026").end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert (calendar.parse("2026-Q1").start, calendar.parse("2026-Q1").end) == (date(2026, 4, 1), date(2026, 6, 30))
    assert (calendar.parse("2026-Q4").start, calendar.parse("2026-Q4").end) == (date(2027, 1, 1), date(2027, 3, 31))
    assert calendar.parse("2026-05").start == date(2026, 5, 1)  # months stay calendar months
    months = calendar.periods("MONTHS")
    assert [m.id for m in months[:2] + months[-1:]] == ["2026-04", "2026-05", "2027-03"]
    assert calendar.period_of(date(2027, 2, 10), "quarter").id == "2026-Q4"


def test_working_days_skip_weekends_and_french_holidays(calendar):
    assert not calendar.is_working_day(date(2026, 4, 6))  # Easter Monday
    assert not calendar.is_working_day(date(2026, 7, 14))  # Bastille Day, a Tuesday
    assert not calendar.is_working_day(date(2026, 5, 16))  # a Saturday
    assert calendar.count_working_days(date(2026, 1, 1), date(2026, 12, 31)) == 252
    assert calendar.count_working_days(date(2026, 5, 1), date(2026, 5, 31)) == 17  # 21 weekdays less May 1, 8, 14 and 25


def test_sprints_tile_the_year(calendar):
    sprints = calendar.sprints(2026)
    assert len(sprints) == 26  # 252 working days / 10
    assert sprints[-1].end == date(2026, 12, 31)
    assert all(a.end.toordinal() + 1 == b.start.toordinal() for a, b in zip(sprints, sprints[1:]))
    assert all(calendar.count_working_days(s.start, s.end) == 10 for s in sprints[:-1])
    assert calendar.count_working_days(sprints[-1].start, sprints[-1].end) == 2


def test_sprint_length_and_other_country():
    belgium = Calendar(2026, country="BE", sprint_length_days=15)
    assert belgium.is_working_day(date(2026, 7, 14))
    assert not belgium.is_working_day(date(2026, 7, 21))  # Belgian national day
    assert belgium.parse("2026-S02").kind == "sprint"


@pytest.mark.parametrize("pid,message", [
    ("2026-Q5", "'2026-Q5': quarter 5 does not exist (expected Q1 to Q4)"),
    ("2026-13", "'2026-13': month 13 does not exist (expected 01 to 12)"),
    ("2026-S27", "'2026-S27': sprint 27 does not exist (expected S01 to S26: 2026 has 26 sprints of 10 working days)"),
    ("2026-H3", "'2026-H3': half 3 does not exist (expected H1 or H2)"),
    ("Q2 2026", "'Q2 2026' is not a period id (expected 2026 (year), 2026-H1 (half), 2026-Q2 (quarter), 2026-05 (month) or 2026-S03 (sprint))"),
    ("26-Q1", "'26-Q1' is not a period id"),
])
def test_bad_period_ids(calendar, pid, message):
    with pytest.raises(PeriodError) as caught:
        calendar.parse(pid)
    assert str(caught.value).startswith(message)


def test_periods_of_a_kind(calendar):
    assert [p.id for p in calendar.periods("quarters")] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert [p.id for p in calendar.periods("HALVES")] == ["2026-H1", "2026-H2"]
    assert len(calendar.periods("months")) == 12
    with pytest.raises(PeriodError, match="'weeks' is not a kind of period"):
        calendar.periods("weeks")
