"""How sure a key result's forecast is: its distribution, an interval within what the KPI can be, and the
chance of reaching the target by the deadline.

A flow (a sum: leads, revenue) is projected from its pace, its spread from the
day-to-day spread of the metric; a level (a rate, a cost per result) from its
weekly trend, with a Student t prediction interval. Neither may promise what
cannot happen: a rate stays between 0 and 100 %, counts, amounts and costs at
or above 0. The distribution is cut at those bounds (and renormalised), the
interval and the chance read from the cut distribution, and the cut is said.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ...core.metrics import kpi_value

INTERVAL = 0.80  # the forecast interval's coverage
MIN_DAILY_POINTS, MIN_WEEKLY_POINTS = 14, 4
_RATE = re.compile(r"^\s*[a-z_][a-z0-9_]*\s*/\s*[a-z_][a-z0-9_]*\s*\*\s*100\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Spread:
    """A forecast as a distribution: its centre, its scale, Student t with `df` degrees (normal without)."""

    centre: float
    scale: float
    df: int | None = None

    def distribution(self, widen: float = 1.0):
        from scipy.stats import norm, t

        scale = max(self.scale * widen, 1e-12)
        return t(self.df, loc=self.centre, scale=scale) if self.df else norm(loc=self.centre, scale=scale)


def bounds(kpi) -> tuple[float | None, float | None]:
    """What a KPI can be: a rate (a / b * 100) from 0 to 100; another percentage anything (a growth may fall);
    every other KPI (counts, amounts, costs, ratios of them) at or above 0."""
    unit = str(kpi.get("unit") or "")
    if "%" in unit:
        return (0.0, 100.0) if _RATE.match(str(kpi.get("formula") or "")) else (None, None)
    return 0.0, None


def _cut(distribution, low_bound: float | None, high_bound: float | None) -> tuple[float, float, float]:
    """(cdf at the low bound, cdf at the high bound, mass between): the distribution cut at the bounds."""
    below = float(distribution.cdf(low_bound)) if low_bound is not None else 0.0
    above = float(distribution.cdf(high_bound)) if high_bound is not None else 1.0
    return below, above, max(above - below, 1e-12)


def band(spread: Spread, kpi_bounds, widen: float = 1.0) -> tuple[float, float, float, bool]:
    """(forecast, low, high, cut): the median and the central 80 % of the distribution cut at the bounds;
    `cut` when the bounds moved any of them (the plain interval promised what cannot happen)."""
    low_bound, high_bound = kpi_bounds
    distribution = spread.distribution(widen)
    below, above, mass = _cut(distribution, low_bound, high_bound)
    if mass < 1e-9:  # all of it beyond a bound: the forecast is that bound
        edge = low_bound if low_bound is not None and below > 0.5 else high_bound
        return edge, edge, edge, True
    tail = (1 - INTERVAL) / 2
    low, middle, high = (float(distribution.ppf(below + q * mass)) for q in (tail, 0.5, 1 - tail))
    plain_low, plain_high = (float(distribution.ppf(q)) for q in (tail, 1 - tail))
    cut = (low_bound is not None and plain_low < low_bound) or (high_bound is not None and plain_high > high_bound)
    return middle, low, high, bool(cut)


def chance(spread: Spread, target: float, down: bool, kpi_bounds, widen: float = 1.0) -> float:
    """The probability of reaching the target by the deadline: at or above it, or at or below a ceiling."""
    low_bound, high_bound = kpi_bounds
    distribution = spread.distribution(widen)
    below, above, mass = _cut(distribution, low_bound, high_bound)
    at = min(max(float(distribution.cdf(target)), below), above)
    reached = (at - below) if down else (above - at)
    return min(1.0, max(0.0, reached / mass))


def flow_spread(index, metric: str, start: date, as_of: date, end: date, actual: float, share: float):
    """actual / expected share, spread by the day-to-day spread of the metric over the days left; None with
    fewer than MIN_DAILY_POINTS days measured or nothing left."""
    if not share:
        return None
    remaining = (end - as_of).days
    window = index.daily(metric, start, as_of)
    if remaining <= 0 or len(window) < MIN_DAILY_POINTS:
        return None
    return Spread(actual / share, float(np.std(window, ddof=1)) * math.sqrt(remaining))


def weekly_levels(kpi, index, start: date, until: date) -> tuple[np.ndarray, np.ndarray]:
    """The KPI's value each whole week from `start` (x: days from the start to the week's end)."""
    xs, ys = [], []
    week_end = start + timedelta(days=6)
    while week_end <= until:
        value = kpi_value(kpi, index, week_end - timedelta(days=6), week_end).value
        if value is not None:
            xs.append((week_end - start).days)
            ys.append(value)
        week_end += timedelta(days=7)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def level_spread(xs: np.ndarray, ys: np.ndarray, start: date, end: date):
    """The weekly trend extended to the deadline, as a Student t (its prediction interval); None with fewer
    than MIN_WEEKLY_POINTS weeks."""
    if len(xs) < MIN_WEEKLY_POINTS:
        return None
    slope, intercept = np.polyfit(xs, ys, 1)
    x0 = float((end - start).days)
    residuals = ys - (intercept + slope * xs)
    n = len(xs)
    spread = math.sqrt(float(residuals @ residuals) / (n - 2)) if n > 2 else 0.0
    leverage = 1 + 1 / n + (x0 - xs.mean()) ** 2 / float(((xs - xs.mean()) ** 2).sum())
    return Spread(float(intercept + slope * x0), spread * math.sqrt(leverage), n - 2)
