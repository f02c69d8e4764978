"""Key figures of a plan for one period, as one JSON-ready document.

Schedulers and dashboards read this instead of the notebooks; each step adds
its own figures here so `planlib summary --json` stays the one place to look.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from . import __version__
from . import schema as S
from .actions import action_counts
from .budget import budget_counts
from .objectives import objective_counts
from .periods import Period
from .plan import Plan


def default_as_of(period: Period, today: date | None = None) -> date:
    """The earlier of today and the period's end."""
    today = today or date.today()
    return min(today, period.end)


def parse_as_of(text: str | None, period: Period) -> date:
    if not text:
        return default_as_of(period)
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ValueError(f"as-of date '{text}' is not a date (expected YYYY-MM-DD, e.g. 2026-03-31)") from None


def actions_overlapping(plan: Plan, period: Period) -> pd.DataFrame:
    actions = plan.actions
    start = actions["start"].fillna(actions["end"])
    end = actions["end"].fillna(actions["start"])
    mask = start.notna() & (start <= pd.Timestamp(period.end)) & (end >= pd.Timestamp(period.start))
    return actions[mask]


def summary(plan: Plan, period_id: str, as_of: str | date | None = None) -> dict:
    """The plan's headline figures for a period (pure: same inputs, same document)."""
    period = plan.period(period_id)
    as_of = as_of if isinstance(as_of, date) else parse_as_of(as_of, period)
    objectives = plan.objectives
    status_counts = plan.actions["status"].value_counts()
    in_period = actions_overlapping(plan, period)
    return {
        "planlib_version": __version__,
        "plan": plan.name,
        "company": plan.settings.get("company"),
        "currency": plan.currency,
        "period": {"id": period.id, "kind": period.kind, "start": period.start.isoformat(),
                   "end": period.end.isoformat(),
                   "working_days": plan.calendar.count_working_days(period.start, period.end)},
        "as_of": as_of.isoformat(),
        "objectives": {"total": int(len(objectives)),
                       "business": int((objectives["level"] == "business").sum()),
                       "marketing": int((objectives["level"] == "marketing").sum())},
        "key_results": {"total": int(len(plan.key_results)), **objective_counts(plan, as_of)},
        "personas": {"total": len(plan.personas)},
        "channels": {"total": int(len(plan.channels)), "messages": int(len(plan.messages))},
        "actions": {"total": int(len(plan.actions)),
                    "by_status": {s: int(status_counts.get(s, 0)) for s in S.STATUSES},
                    "in_period": int(len(in_period)), **action_counts(plan, period, as_of)},
        "budget": {"lines": int(len(plan.budget)),
                   "variable_lines": int((plan.budget["cost_type"] == "variable").sum()),
                   **budget_counts(plan, period, as_of)},
        "kpis": {"total": int(len(plan.kpis)), "metrics_measured": int(plan.actuals["metric"].nunique()),
                 "actuals_rows": int(len(plan.actuals))},
    }


HEADLINE_LABELS = {
    "objectives": ("Objectives (business / marketing)", "Objectifs (business / marketing)"),
    "key_results": ("Key results (SMART)", "Résultats clés (SMART)"),
    "actions": ("Actions (done / in progress / planned)", "Actions (terminées / en cours / prévues)"),
    "actions_in_period": ("Actions running in the period", "Actions en cours sur la période"),
    "budget_year": ("Budget of the year", "Budget de l'année"),
    "budget_period": ("Budget of the period", "Budget de la période"),
    "spent": ("Spent in the period to date", "Dépensé sur la période à date"),
}


def headline(document: dict, lang: str = "en") -> list[tuple[str, str]]:
    """The figures a reader looks for first, labelled and formatted in a language."""
    from .i18n import format_money, format_number

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
    index = 1 if lang == "fr" else 0
    return [(HEADLINE_LABELS[key][index], value) for key, value in values.items()]
