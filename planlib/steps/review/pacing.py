"""Step 7: is each key result on track at a date, and where will it land?

For every key result, at an as-of date:
- window: from the plan year's first day to the key result's deadline (the
  year's end without one); elapsed days count both ends;
- actual: a *flow* (one metric, summed: leads, revenue) is its total over the
  window so far; a *level* (a rate, a ratio, a count at a date) is its value
  over the year to date, or over the last `level_window_days` when plan.yaml's
  `review:` sets it, or its last value for a `last` KPI (`window` says which:
  a green read over the last four weeks can hide a red first half, so the
  default reads the whole of it);
- progress: actual / target for flows, (actual - baseline) / (target -
  baseline) for levels, so lower-is-better KPIs work too;
- expected progress: the share of the window reached, linear by default, or
  for a flow, last year's profile (the share of last year's total reached by
  the same day of the year) when actuals hold the metric for the whole
  previous year;
- pace = progress / expected progress; status green (pace >= green), amber
  (>= amber), red, `no_data` without actuals, `too_early` before
  `min_elapsed_days`; thresholds in plan.yaml's `review:` section;
- forecast at the deadline: flows projected by the profile (actual / expected
  share), levels by their weekly trend (least squares), each with an 80 %
  interval where there are enough points (14 days, 4 weeks), kept within what
  the KPI can be, widened by last year's backtests where they held the outcome
  too rarely, and the chance of reaching the target (`forecast`, `backtest`);
  a key result whose forecast misses its target with 80 % confidence is never
  green (amber, `status_reason: forecast`);
- required rate: what is still needed per day from now on.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import date, timedelta


from ...core.metrics import MetricIndex, is_flow, kpi_value
from ...core.parse import to_date
from ...core.settings import block
from .backtest import Backtests, calibration
from .forecast import INTERVAL, band, bounds, chance, flow_spread, level_spread, weekly_levels
from .schema import REVIEW_DEFAULTS

DEFAULTS = REVIEW_DEFAULTS
STATUSES = ("green", "amber", "red", "too_early", "no_data")


def thresholds(settings: dict) -> dict:
    """The review's thresholds: plan.yaml's `review:` section over the defaults."""
    own = block(settings, "review")
    return {key: own.get(key, value) for key, value in DEFAULTS.items()}


@dataclass
class Pacing:
    """One key result at one date; field names are those of `planlib summary --json`."""

    id: str
    kpi_id: str
    kind: str  # flow or level
    actual: float | None
    target: float | None
    baseline: float | None
    expected_to_date: float | None
    progress: float | None
    expected_progress: float | None
    pace: float | None
    status: str
    profile: str  # linear or last_year
    forecast: float | None
    forecast_low: float | None
    forecast_high: float | None
    required_rate: float | None  # per day, from the day after the as-of date to the deadline
    no_data_reason: str | None = None
    no_data_detail: str = ""
    start: str = ""
    deadline: str = ""
    window: str = ""  # what `actual` covers: year_to_date, last_days (window_days), last_value; flows: year_to_date
    window_days: int | None = None
    probability: float | None = None  # of reaching the target by the deadline, from the forecast's distribution
    interval_cut: bool = False  # the interval was cut to what the KPI can be (a rate within 0-100 %, a cost >= 0)
    widened: float = 1.0  # the factor last year's backtests widened the interval by
    status_reason: str | None = None  # forecast: the pace alone said green, the forecast says otherwise

    def as_dict(self) -> dict:
        """JSON-ready: numbers rounded, and no infinity (a ceiling not touched yet has no finite pace)."""
        return {k: ((round(v, 6) if math.isfinite(v) else None) if isinstance(v, float) else v)
                for k, v in asdict(self).items()}


def _number(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def last_year_share(index: MetricIndex, metric: str, start: date, end: date, as_of: date) -> float | None:
    """The share of last year's total of a metric reached by the same day a year earlier, or None.

    Used only when the metric was measured across the whole previous window
    (a value in its first and in its last 31 days).
    """
    try:
        first, last, day = (d.replace(year=d.year - 1) for d in (start, end, as_of))
    except ValueError:  # 29 February
        first, last, day = (d - timedelta(days=365) for d in (start, end, as_of))
    if not index.measured(metric, first, first + timedelta(days=30)) or \
            not index.measured(metric, last - timedelta(days=30), last):
        return None
    total = index.aggregate(metric, first, last, "sum")
    reached = index.aggregate(metric, first, day, "sum") or 0.0
    if not total or total <= 0:
        return None
    return min(1.0, max(0.0, reached / total))


def status_of(pace: float | None, elapsed_days: int, limits: dict) -> str:
    """green from `green`, amber from `amber`, red below; too early before `min_elapsed_days`."""
    if elapsed_days < int(limits["min_elapsed_days"]):
        return "too_early"
    if pace is None:
        return "no_data"
    return "green" if pace >= limits["green"] else "amber" if pace >= limits["amber"] else "red"


def pace_key_result(plan, kr, as_of: date, index: MetricIndex, limits: dict, widen: float = 1.0,
                    forecast: bool = True) -> Pacing:
    """One key result's pacing at `as_of` (see the module's docstring for every definition); `widen`: the
    factor last year's backtests widen the forecast's interval by. Without `forecast` (a validation rule
    judging last year's actions by their progress), no distribution is computed: `planlib check` stays quick."""
    kpis = plan.kpis.set_index("id")
    year = plan.calendar.fiscal_year(plan.calendar.year)
    start = year.start
    end = to_date(kr.get("deadline")) or year.end
    target, baseline = _number(kr.get("target")), _number(kr.get("baseline"))
    base = dict(id=kr["id"], kpi_id=kr.get("kpi_id") or "", target=target, baseline=baseline,
                start=start.isoformat(), deadline=end.isoformat())
    empty = dict(actual=None, expected_to_date=None, progress=None, expected_progress=None, pace=None,
                 forecast=None, forecast_low=None, forecast_high=None, required_rate=None)
    if not kr.get("kpi_id") or kr["kpi_id"] not in kpis.index:
        return Pacing(**base, kind="level", status="no_data", profile="linear", no_data_reason="no_kpi", **empty)
    kpi = kpis.loc[kr["kpi_id"]]
    kind = "flow" if is_flow(kpi) else "level"
    if end < start:  # a deadline before the plan's year: nothing to pace
        return Pacing(**base, kind=kind, status="no_data", profile="linear", no_data_reason="deadline_before_year",
                      **empty)
    today = min(as_of, end)
    total_days = (end - start).days + 1
    elapsed = max(0, min((today - start).days + 1, total_days))
    window, window_days = "year_to_date", None
    if kind == "level" and (kpi["aggregation"] or "sum") == "last":
        window = "last_value"
    elif kind == "level" and limits.get("level_window_days"):
        window, window_days = "last_days", int(limits["level_window_days"])
    first = max(start, today - timedelta(days=window_days - 1)) if window_days else start
    measured = kpi_value(kpi, index, first, today)
    base.update(window=window, window_days=window_days)
    share, profile = elapsed / total_days, "linear"
    if kind == "flow":
        past = last_year_share(index, str(kpi["formula"]).strip(), start, end, today)
        if past is not None:
            share, profile = past, "last_year"
    if measured.value is None or target is None or (kind == "level" and baseline is None) \
            or (kind == "level" and target == baseline) or (kind == "flow" and not target):
        reason = measured.reason or ("no_change" if target is not None and target == baseline else "no_target")
        return Pacing(**base, kind=kind, status="no_data", profile=profile, no_data_reason=reason,
                      no_data_detail=measured.detail, **empty)
    actual = measured.value
    if kind == "flow":
        progress = actual / target if target else None
        expected_to_date = share * target
    else:
        gap = target - baseline
        progress = (actual - baseline) / gap if gap else None
        expected_to_date = baseline + share * gap
    if kind == "flow" and kpi["direction"] == "down":  # a ceiling (complaints, returns): on track below the pace
        pace = (share / progress if progress > 0 else float("inf")) if share > 0 else None
    else:
        pace = progress / share if progress is not None and share > 0 else None
    remaining = (end - today).days
    if not forecast:
        spread = None
    elif kind == "flow":
        spread = flow_spread(index, str(kpi["formula"]).strip(), start, today, end, actual, share)
    else:
        spread = level_spread(*weekly_levels(kpi, index, start, today), start, end)
    limits_of_kpi = bounds(kpi)
    forecast, low, high, cut, probability = (actual / share if kind == "flow" and share else None), None, None, \
        False, None
    if spread is not None:
        forecast, low, high, cut = band(spread, limits_of_kpi, widen)
        probability = chance(spread, target, kpi["direction"] == "down", limits_of_kpi, widen)
    required = (target - actual) / remaining if remaining > 0 else None
    status, reason = status_of(pace, elapsed, limits), None
    if status == "green" and probability is not None and probability < 1 - INTERVAL:
        status, reason = "amber", "forecast"  # on pace so far, but the forecast misses with 80 % confidence
    return Pacing(**base, kind=kind, actual=actual, expected_to_date=expected_to_date, progress=progress,
                  expected_progress=share, pace=pace, status=status, profile=profile, forecast=forecast,
                  forecast_low=low, forecast_high=high, required_rate=required, probability=probability,
                  interval_cut=cut, widened=widen if spread is not None else 1.0, status_reason=reason)


def review(plan, as_of: date, index: MetricIndex | None = None, calibrated: Backtests | None = None) -> list[Pacing]:
    """Every key result's pacing at a date, in the order of key_results.csv, its intervals widened as last
    year's backtests say (`calibrated`, computed when not given)."""
    index = index or MetricIndex(plan.actuals)
    limits = thresholds(plan.settings)
    calibrated = calibrated or calibration(plan)
    kinds = {kpi["id"]: "flow" if is_flow(kpi) else "level" for kpi in plan.kpis.to_dict("records")}
    return [pace_key_result(plan, kr, as_of, index, limits, calibrated.widen(kinds.get(kr.get("kpi_id"), "level")))
            for kr in plan.key_results.to_dict("records")]
