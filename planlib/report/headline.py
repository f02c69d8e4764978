"""The figures a reader of a report looks for first: the front page's table, the digest's lines and a
notebook's figures table, from the `planlib summary` document."""
from __future__ import annotations

from ..core.i18n import format_money, format_number, tr

HEADLINES = ("objectives", "key_results", "actions", "actions_in_period", "budget_year", "budget_period", "spent")


def headline(document: dict, lang: str) -> list[tuple[str, str]]:
    """The figures a reader looks for first, labelled and formatted in a language."""
    money = lambda v: format_money(v, document["currency"], lang)  # noqa: E731
    number = lambda v: format_number(v, lang)  # noqa: E731
    objectives, actions, budget = document["objectives"], document["actions"], document["budget"]
    status = actions["by_status"]
    values = {
        "objectives": f"{number(objectives['total'])} ({number(objectives['business'])} / {number(objectives['marketing'])})",
        "key_results": f"{number(document['key_results']['total'])} ({number(document['key_results']['smart_key_results'])})",
        "actions": f"{number(actions['total'])} ({number(status['done'])} / {number(status['in_progress'])} / {number(status['planned'])})",
        "actions_in_period": number(actions["in_period"]),
        "budget_year": money(budget["total_year"]),
        "budget_period": money(budget["period"]),
        "spent": money(budget["spent_in_period_to_date"]),
    }
    return [(tr(f"headline.{key}", lang), values[key]) for key in HEADLINES]

