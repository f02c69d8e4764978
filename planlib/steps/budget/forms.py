"""Step 6's form: a budget line, fixed or variable, with its payment schedule."""
from __future__ import annotations

from ...core.plan import Plan
from ...ui.forms import Field, TableForm, id_choices, worded_choices
from .show import category_label
from .schema import COST_TYPES, plan_categories


def budget_form(plan: Plan, lang: str) -> TableForm:
    categories = lambda p: [(category_label(p, code, lang), code) for code in plan_categories(p.settings)]  # noqa: E731
    drivers = lambda p: [("", "")] + [(d, d) for d in sorted(set(p.forecasts["driver"]))]  # noqa: E731
    fields = [
        Field("label"),
        Field("category", "choice", categories),
        Field("action_id", "choice", id_choices("actions", "name", lang)),
        Field("period"),
        Field("cost_type", "choice", worded_choices("value", COST_TYPES, lang), default="fixed"),
        Field("amount", "number"),
        Field("rate", "number"),
        Field("driver", "choice", drivers),
        Field("schedule"),
        Field("channel_id", "choice", id_choices("channels", "name", lang)),
    ]
    return TableForm(plan, "budget", "budget-line", fields, lang, id_prefix="B", key="budget")
