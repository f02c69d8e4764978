"""Step 6's form: a budget line, fixed or variable, with its payment schedule."""
from __future__ import annotations

from ...core import schema as S
from ...core.plan import Plan
from ...ui.forms import Field, TableForm, id_choices, worded_choices
from .show import category_label


def budget_form(plan: Plan, lang: str = "en") -> TableForm:
    categories = lambda p: [(category_label(p, code, lang), code) for code in S.plan_categories(p.settings)]  # noqa: E731
    drivers = lambda p: [("", "")] + [(d, d) for d in sorted(set(p.forecasts["driver"]))]  # noqa: E731
    fields = [
        Field("label", required=True),
        Field("category", "choice", categories),
        Field("action_id", "choice", id_choices("actions", "name", lang)),
        Field("period", required=True),
        Field("cost_type", "choice", worded_choices("value", S.COST_TYPES, lang), default="fixed"),
        Field("amount", "number"),
        Field("rate", "number"),
        Field("driver", "choice", drivers),
        Field("schedule"),
        Field("channel_id", "choice", id_choices("channels", "name", lang)),
    ]
    return TableForm(plan, "budget", "budget-line", fields, lang, id_prefix="B", key="budget")
