"""KPI values from measured metrics: aggregate each metric, then apply the KPI's formula.

A KPI such as the conversion rate (`orders / sessions * 100`) is computed
from metrics measured in actuals.csv. Each metric is first aggregated over a
span by the KPI's rule (sum, mean or last value), then the formula is applied,
so a ratio is a ratio of totals, never a mean of daily ratios. Steps 2, 6
and 7 all read KPI values through this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .formula import evaluate, formula_metrics


def monthly_values(plan, kpi_id: str, until=None):
    """A KPI's value per calendar month from actuals.csv (empty if a metric was never measured).

    Each metric is first aggregated per month by the KPI's aggregation (sum,
    mean or last value), then the formula is applied, so a ratio such as
    orders / sessions is a ratio of monthly totals, not a mean of daily ratios.
    """
    import numpy as np
    import pandas as pd

    kpi = plan.kpis.set_index("id").loc[kpi_id]
    metrics = formula_metrics(kpi["formula"])
    actuals = plan.actuals
    if until is not None:
        actuals = actuals[actuals["date"] <= pd.Timestamp(until)]
    actuals = actuals[actuals["metric"].isin(metrics)]
    if actuals.empty or set(metrics) - set(actuals["metric"]):
        return pd.Series(dtype=float)
    month = actuals["date"].dt.to_period("M")
    grouped = actuals.assign(month=month).sort_values("date").groupby(["metric", "month"])["value"]
    how = {"sum": "sum", "mean": "mean", "last": "last"}[kpi["aggregation"] or "sum"]
    table = grouped.agg(how).unstack("metric")
    with np.errstate(divide="ignore", invalid="ignore"):
        result = evaluate(kpi["formula"], {m: table[m] for m in metrics})
    return result.replace([np.inf, -np.inf], np.nan).dropna()


# -- values over any window, fast enough for a year of reviews -------------------------------------

NO_KPI, UNMEASURED, ZERO_DENOMINATOR = "no_kpi", "unmeasured", "zero_denominator"
_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class KpiValue:
    """A KPI's value over a window, or None with the reason (a code of the catalogs' `nodata.` family)."""

    value: float | None
    reason: str | None = None
    detail: str = ""  # the metric unmeasured, for the reason's wording


class MetricIndex:
    """Every metric of actuals.csv as daily totals with running sums.

    Several rows of one metric on one day (one per channel) add up to that
    day's total. A window's sum, mean or last value is then two look-ups,
    whatever the window: a review of 200 KPIs x 730 days takes milliseconds.
    """

    def __init__(self, actuals):
        import numpy as np

        self.series: dict[str, tuple] = {}
        if not len(actuals):
            return
        days = actuals["date"].to_numpy(dtype="datetime64[D]").astype(np.int64)
        frame = actuals.assign(_day=days).groupby(["metric", "_day"], sort=True)["value"].sum()
        for metric, group in frame.groupby(level="metric", sort=False):
            day_numbers = group.index.get_level_values("_day").to_numpy()
            values = group.to_numpy(dtype=float)
            self.series[metric] = (day_numbers, values, np.concatenate([[0.0], np.cumsum(values)]))

    @staticmethod
    def day_number(day) -> int:
        """Days since 1970-01-01, as numpy numbers the days of actuals."""
        if hasattr(day, "date") and callable(day.date):  # a Timestamp or a datetime
            day = day.date()
        return (day - _EPOCH).days

    def measured(self, metric: str, start, end) -> int:
        """How many days of a window hold a value of the metric."""
        found = self.series.get(metric)
        if found is None:
            return 0
        first, last = self._bounds(found[0], start, end)
        return last - first

    def _bounds(self, days, start, end) -> tuple[int, int]:
        import numpy as np

        return (int(np.searchsorted(days, self.day_number(start), "left")),
                int(np.searchsorted(days, self.day_number(end), "right")))

    def aggregate(self, metric: str, start, end, how: str) -> float | None:
        """The metric's sum, daily mean or last value over [start, end]; None when unmeasured."""
        found = self.series.get(metric)
        if found is None:
            return None
        days, values, running = found
        first, last = self._bounds(days, start, end)
        if how == "last":
            return float(values[last - 1]) if last > 0 else None  # the last value on or before `end`
        if last <= first:
            return None
        total = float(running[last] - running[first])
        return total if how == "sum" else total / (last - first)

    def daily(self, metric: str, start, end):
        """The daily totals of a metric within [start, end] (an empty array when unmeasured)."""
        import numpy as np

        found = self.series.get(metric)
        if found is None:
            return np.array([], dtype=float)
        first, last = self._bounds(found[0], start, end)
        return found[1][first:last]


def kpi_value(kpi, index: MetricIndex, start, end) -> KpiValue:
    """A KPI (a row of kpis.csv) over a window: each metric aggregated by its rule, then the formula."""
    metrics = formula_metrics(kpi["formula"])
    how = kpi["aggregation"] or "sum"
    values = {}
    for metric in metrics:
        value = index.aggregate(metric, start, end, how)
        if value is None:
            return KpiValue(None, UNMEASURED, metric)
        values[metric] = value
    try:
        result = float(evaluate(kpi["formula"], values))
    except ZeroDivisionError:
        return KpiValue(None, ZERO_DENOMINATOR)
    if result != result or result in (float("inf"), float("-inf")):
        return KpiValue(None, ZERO_DENOMINATOR)
    return KpiValue(result)


def is_flow(kpi) -> bool:
    """A flow is summed over a window and is one metric (leads, revenue): its target is the window's total."""
    formula = str(kpi["formula"]).strip()
    return (kpi["aggregation"] or "sum") == "sum" and formula_metrics(formula) == [formula]
