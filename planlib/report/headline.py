"""The figures a reader of a report looks for first: the front page's table, the digest's lines and a
notebook's figures table, from the `planlib summary` document."""
from __future__ import annotations

from ..core.i18n import format_money, format_number, tr
from .figures import Headline

HEADLINES = ("objectives", "key_results", "actions", "actions_in_period", "budget_year", "budget_period", "spent")


def headline(figures: Headline, lang: str) -> list[tuple[str, str]]:
    """The figures a reader looks for first, labelled and formatted in a language."""
    money = lambda v: format_money(v, figures.currency, lang)  # noqa: E731
    number = lambda v: format_number(v, lang)  # noqa: E731
    values = {
        "objectives": f"{number(figures.objectives)} ({number(figures.business_objectives)} / "
                      f"{number(figures.marketing_objectives)})",
        "key_results": f"{number(figures.key_results)} ({number(figures.smart_key_results)})",
        "actions": f"{number(figures.actions)} ({number(figures.actions_done)} / "
                   f"{number(figures.actions_in_progress)} / {number(figures.actions_planned)})",
        "actions_in_period": number(figures.actions_in_period),
        "budget_year": money(figures.budget_year),
        "budget_period": money(figures.budget_period),
        "spent": money(figures.spent_in_period),
    }
    return [(tr(f"headline.{key}", lang), values[key]) for key in HEADLINES]
