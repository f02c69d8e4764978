"""How often last year's forecast bands held the outcome: rolling-origin backtests on last year's actuals.

For each key result whose KPI last year's actuals measure, the kit stands at
the end of each month of the same window a year earlier (the origin),
forecasts the window's outcome from what was known then, as this year's
forecasts are made, and checks whether the outcome fell inside the 80 % band.
The share that did is the band's coverage. A band that held the outcome much
less often than 80 % is widened, by the least factor that brings last year's
coverage to 80 %, and the report says by how much; one that held it much more
often is flagged (wider than it needs), never narrowed.

Last year's actuals: the plan's own actuals.csv a year back, and those of the
plan named by `previous:`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pandas as pd

from ...core.metrics import MetricIndex, is_flow, kpi_value
from .forecast import INTERVAL, band, bounds, flow_spread, level_spread, weekly_levels

FAR = 0.10  # a coverage further than this from INTERVAL is widened (below) or flagged (above)
MIN_OUTCOMES = 8  # backtests needed before a coverage is trusted
FACTORS = (1.25, 1.5, 2.0, 2.5, 3.0)  # widenings tried, the least that reaches INTERVAL kept


@dataclass(frozen=True)
class Calibration:
    """What last year's backtests say of this year's bands; field names are those of `summary --json`."""

    outcomes: int
    coverage: float | None  # share of last year's outcomes inside the plain 80 % band
    widen: float  # the factor this year's bands are widened by (1: as computed)
    coverage_widened: float | None  # last year's coverage with that factor
    flag: str | None  # too_few (outcomes), too_narrow (even widened), too_wide (held more than it should)

    def as_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


UNMEASURED = Calibration(0, None, 1.0, None, "too_few")


@dataclass(frozen=True)
class Backtests:
    """A calibration per kind of key result: flows and levels are forecast two ways, each band judged alone."""

    flow: Calibration = UNMEASURED
    level: Calibration = UNMEASURED

    def widen(self, kind: str) -> float:
        return (self.flow if kind == "flow" else self.level).widen

    def as_dict(self) -> dict:
        return {"interval": INTERVAL, "flow": self.flow.as_dict(), "level": self.level.as_dict()}


def _year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day - timedelta(days=365)


def last_year_actuals(plan) -> pd.DataFrame:
    """The actuals of the year before the plan's: its own rows of that year, and the previous plan's."""
    from ..audit.previous import previous_plan

    frames = [plan.actuals]
    previous = previous_plan(plan)
    if previous is not None and len(previous.actuals):
        frames.append(previous.actuals[[c for c in plan.actuals.columns if c in previous.actuals.columns]])
    actuals = pd.concat(frames, ignore_index=True)
    keys = [c for c in ("date", "metric", "channel_id") if c in actuals.columns]
    return actuals.drop_duplicates(keys, keep="first")


def _outcomes(plan, index: MetricIndex) -> list[tuple]:
    """(kind, spread, bounds, outcome) of every backtest: a key result, a month-end origin, last year."""
    kpis = plan.kpis.set_index("id")
    year = plan.calendar.fiscal_year(plan.calendar.year)
    found = []
    for kr in plan.key_results.to_dict("records"):
        if not kr.get("kpi_id") or kr["kpi_id"] not in kpis.index:
            continue
        kpi = kpis.loc[kr["kpi_id"]]
        deadline = kr.get("deadline")
        end = deadline.date() if hasattr(deadline, "date") and deadline == deadline else year.end
        start, end = _year_back(year.start), _year_back(min(end, year.end))
        if end <= start + timedelta(days=60):
            continue
        flow = is_flow(kpi)  # a flow's outcome is its total; a level's, its value the last week (what is forecast)
        outcome = kpi_value(kpi, index, start if flow else end - timedelta(days=6), end).value
        if outcome is None:
            continue
        limits = bounds(kpi)
        xs, ys = (None, None) if flow else weekly_levels(kpi, index, start, end)
        origins = pd.date_range(start + timedelta(days=45), end - timedelta(days=20), freq="ME").date
        for origin in origins:
            if flow:
                actual = kpi_value(kpi, index, start, origin).value
                share = ((origin - start).days + 1) / ((end - start).days + 1)
                spread = flow_spread(index, str(kpi["formula"]).strip(), start, origin, end, actual or 0.0, share) \
                    if actual is not None else None
            else:
                known = xs <= (origin - start).days
                spread = level_spread(xs[known], ys[known], start, end)
            if spread is not None:
                found.append(("flow" if flow else "level", spread, limits, outcome))
    return found


def _coverage(outcomes: list[tuple], widen: float) -> float:
    inside = 0
    for spread, limits, outcome in outcomes:
        _, low, high, _ = band(spread, limits, widen)
        inside += low <= outcome <= high
    return inside / len(outcomes)


def _calibrated(outcomes: list[tuple]) -> Calibration:
    if len(outcomes) < MIN_OUTCOMES:
        return Calibration(len(outcomes), None if not outcomes else _coverage(outcomes, 1.0), 1.0, None, "too_few")
    plain = _coverage(outcomes, 1.0)
    if plain > INTERVAL + FAR + 1e-9:
        return Calibration(len(outcomes), plain, 1.0, plain, "too_wide")
    if plain >= INTERVAL - FAR - 1e-9:
        return Calibration(len(outcomes), plain, 1.0, plain, None)
    for factor in FACTORS:
        widened = _coverage(outcomes, factor)
        if widened >= INTERVAL:
            return Calibration(len(outcomes), plain, factor, widened, None)
    return Calibration(len(outcomes), plain, FACTORS[-1], widened, "too_narrow")


def calibration(plan, index: MetricIndex | None = None) -> Backtests:
    """Last year's coverage of the 80 % bands of flows and of levels, and the widening each gets from it."""
    index = index or MetricIndex(last_year_actuals(plan))
    outcomes = _outcomes(plan, index)
    return Backtests(*(_calibrated([o[1:] for o in outcomes if o[0] == kind]) for kind in ("flow", "level")))
