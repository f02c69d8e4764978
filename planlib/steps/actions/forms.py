"""Step 5's form: an action, with its owner, dates, dependencies and recurrence."""
from __future__ import annotations

from ...core import schema as S
from ...core.plan import Plan
from ...ui.forms import Field, TableForm, id_choices, worded_choices
from .schema import RECURRENCES, STATUSES


def action_form(plan: Plan, lang: str) -> TableForm:
    owners = lambda p: [("", "")] + [(owner, owner) for owner in p.config.owners]  # noqa: E731
    fields = [
        Field("workstream"),
        Field("name"),
        Field("description", "textarea"),
        Field("key_result_id", "choice", id_choices("key_results", "title", lang)),
        Field("kpi_id", "choice", id_choices("kpis", "name", lang)),
        Field("channel_id", "choice", id_choices("channels", "name", lang)),
        Field("owner", "choice", owners),
        Field("status", "choice", worded_choices("value", STATUSES, lang), default="planned"),
        Field("priority", "choice", worded_choices("value", S.PRIORITIES, lang, empty=True)),
        Field("impact", "score"),
        Field("difficulty", "score"),
        Field("start", "date"),
        Field("end", "date"),
        Field("duration_days", "number"),
        Field("deadline", "date"),
        Field("person_days", "number"),
        Field("recurrence", "choice", worded_choices("value", RECURRENCES, lang), default="none"),
        Field("depends_on"),
    ]
    return TableForm(plan, "actions", "action", fields, lang, id_prefix="A")
