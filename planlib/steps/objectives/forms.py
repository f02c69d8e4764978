"""Step 2's forms: objectives and key results."""
from __future__ import annotations

from ...core import schema as S
from ...core.plan import Plan
from ...ui.forms import Field, TableForm, id_choices, worded_choices
from .schema import LEVELS


def objective_form(plan: Plan, lang: str) -> TableForm:
    fields = [
        Field("level", "choice", worded_choices("value", LEVELS, lang), default="marketing"),
        Field("title"),
        Field("parent_id", "choice", id_choices("objectives", "title", lang, keep=lambda frame: frame["level"] == "business")),
        Field("owner"),
        Field("description", "textarea"),
    ]
    return TableForm(plan, "objectives", "objective", fields, lang,
                     id_prefix=lambda values: "B" if values.get("level") == "business" else "M")


def key_result_form(plan: Plan, lang: str) -> TableForm:
    priorities = worded_choices("value", S.PRIORITIES, lang, empty=True)
    fields = [
        Field("objective_id", "choice", id_choices("objectives", "title", lang, empty=False)),
        Field("title"),
        Field("kpi_id", "choice", id_choices("kpis", "name", lang)),
        Field("baseline", "number"),
        Field("target", "number"),
        Field("unit"),
        Field("deadline", "date"),
        Field("priority", "choice", priorities),
        Field("impact", "score"),
        Field("effort", "score"),
        Field("levers"),
        Field("owner"),
    ]
    return TableForm(plan, "key_results", "key-result", fields, lang, id_prefix="KR")
