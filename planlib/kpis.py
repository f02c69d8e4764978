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
