"""KPI formulas: plain arithmetic over base metrics, read and computed without eval.

A KPI such as the conversion rate is a formula (``orders / sessions * 100``)
over metrics measured in actuals.csv; keeping formulas as plain arithmetic
lets an analyst read and change them without code. The syntax tree is walked
against a whitelist: nothing in a plan file is ever executed.
"""
from __future__ import annotations

import ast
from functools import lru_cache

from .errors import CodedError

MAX_FORMULA_LENGTH = 500  # longer is not a KPI a person reads; it also bounds the syntax tree's depth
_ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load,
                  ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd)


@lru_cache(maxsize=4096)
def _tree(formula: str) -> ast.Expression:
    """A formula's syntax tree, parsed once: a review evaluates each KPI for many windows."""
    return ast.parse(formula.strip(), mode="eval")


def formula_metrics(formula: str) -> list[str]:
    """Metric names a formula uses; CodedError if it is not plain arithmetic."""
    return list(_metrics(str(formula)))


@lru_cache(maxsize=4096)
def _metrics(formula: str) -> tuple[str, ...]:
    if len(formula) > MAX_FORMULA_LENGTH:
        raise CodedError("formula_too_long", "formula", length=len(formula), limit=MAX_FORMULA_LENGTH)
    try:
        tree = _tree(str(formula))
    except (SyntaxError, RecursionError, MemoryError):  # nesting past the parser's own limits
        raise CodedError("bad_formula", "formula", value=formula) from None
    names = []
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise CodedError("formula_not_arithmetic", "formula", value=formula)
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise CodedError("formula_not_arithmetic", "formula", value=formula)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant) \
                and node.right.value == 0:
            raise CodedError("formula_divides_by_zero", "formula", value=formula)
        if isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
    return tuple(names)


def evaluate(formula: str, values: dict):
    """Compute a formula over numbers or pandas Series, walking its syntax tree (never eval)."""
    tree = _tree(str(formula))

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
