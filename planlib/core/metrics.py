"""KPI values from measured metrics: aggregate each metric, then apply the KPI's formula.

A KPI such as the conversion rate (`orders / sessions * 100`) is computed
from metrics measured in actuals.csv. Each metric is first aggregated over a
span by the KPI's rule (sum, mean or last value), then the formula is applied,
so a ratio is a ratio of totals, never a mean of daily ratios. Steps 2, 6
and 7 all read KPI values through this module.
"""
from __future__ import annotations

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

