"""Step 7's form: a decision on a key result (continue, adjust or stop), with why, who and by when."""
from __future__ import annotations

from datetime import date

from ...core.plan import Plan
from ...ui.forms import Field, TableForm, id_choices, worded_choices
from .schema import DECISIONS, DECISION_STATUSES


def decision_form(plan: Plan, lang: str) -> TableForm:
    fields = [
        Field("key_result_id", "choice", id_choices("key_results", "title", lang, empty=False)),
        Field("decision", "choice", worded_choices("decision", DECISIONS, lang), default="adjust"),
        Field("reason", "textarea"),
        Field("date", "date", default=date.today().isoformat()),
        Field("action_ids"),
        Field("owner"),
        Field("due", "date"),
        Field("status", "choice", worded_choices("decision_status", DECISION_STATUSES, lang), default="open"),
    ]
    return TableForm(plan, "decisions", "decision", fields, lang, id_prefix="D")
