"""Step 6 as a reader sees it: category names and amounts in the reader's language."""
from __future__ import annotations

import pandas as pd

from ...core.i18n import format_money, tr
from .schema import plan_categories


def category_label(plan, code: str, lang: str) -> str:
    """A budget category's name: the catalog's for standard ones, plan.yaml's for the plan's own."""
    own = plan_categories(plan.settings).get(code)
    if own:
        return own.get(lang) or own.get("en") or code
    text = tr(f"category.{code}", lang)
    return code if text == f"category.{code}" else text


def method_label(code: str, lang: str) -> str:
    """An envelope method's name (fixed envelope, share of revenue...); an unknown method as written."""
    text = tr(f"method.{code}", lang)
    return code if text == f"method.{code}" else text


def money_table(frame: pd.DataFrame, plan, lang: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Amount columns written in the plan's currency and the reader's language (1 250,00 € in French)."""
    shown = frame.copy()
    for column in columns or [c for c in shown.columns if pd.api.types.is_float_dtype(shown[c])]:
        shown[column] = [format_money(v, plan.currency, lang) if pd.notna(v) else "" for v in shown[column]]
    return shown


def outside_year_labels(plan, lang: str) -> dict:
    """Column titles of the cash paid before the plan's year and due after it."""
    year = plan.calendar.year
    return {"before": tr("label.paid_before_year", lang, year=year), "after": tr("label.due_after_year", lang, year=year)}
