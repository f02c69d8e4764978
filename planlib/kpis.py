"""KPI definitions: formulas over base metrics.

A KPI such as the conversion rate is a formula (``orders / sessions * 100``)
over metrics measured in actuals.csv; keeping formulas as plain arithmetic
lets an analyst read and change them without code.
"""
from __future__ import annotations

import ast

FORMULA_FORM = "arithmetic over metric names, e.g. orders / sessions * 100"
_ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load,
                  ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd)


def formula_metrics(formula: str) -> list[str]:
    """Metric names a formula uses; ValueError if it is not plain arithmetic."""
    try:
        tree = ast.parse(str(formula).strip(), mode="eval")
    except SyntaxError:
        raise ValueError(f"cannot read formula '{formula}'") from None
    names = []
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ValueError(f"formula '{formula}' uses something other than + - * / ( ) numbers and metric names")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ValueError(f"formula '{formula}' holds a non-numeric constant")
        if isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
    return names


def evaluate(formula: str, values: dict):
    """Compute a formula over numbers or pandas Series, walking its syntax tree (never eval)."""
    tree = ast.parse(str(formula).strip(), mode="eval")

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return values[node.id]
        if isinstance(node, ast.UnaryOp):
            operand = walk(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp):
            left, right = walk(node.left), walk(node.right)
            if isinstance(node.op, ast.Add):
                return left + right
            if isinstance(node.op, ast.Sub):
                return left - right
            if isinstance(node.op, ast.Mult):
                return left * right
            return left / right
        raise ValueError(f"formula '{formula}' uses something other than arithmetic")

    return walk(tree)


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
