"""Step 5's form: an action, with its owner, dates, dependencies and recurrence."""
from __future__ import annotations

from ...core import schema as S
from ...core.plan import Plan
from ...ui.forms import Field, TableForm, id_choices


def action_form(plan: Plan, lang: str = "en") -> TableForm:
    owners = lambda p: [("", "")] + [(m["owner"], m["owner"]) for m in p.settings.get("team") or []]  # noqa: E731
    fields = [
        Field("workstream", required=True),
        Field("name", required=True),
        Field("description", "textarea"),
        Field("key_result_id", "choice", id_choices("key_results", "title", lang)),
        Field("kpi_id", "choice", id_choices("kpis", "name", lang)),
        Field("channel_id", "choice", id_choices("channels", "name", lang)),
        Field("owner", "choice", owners),
        Field("status", "choice", [(s, s) for s in S.STATUSES], default="planned"),
        Field("priority", "choice", [("", "")] + [(p, p) for p in S.PRIORITIES]),
        Field("impact", "score"),
        Field("difficulty", "score"),
        Field("start", "date"),
        Field("end", "date"),
        Field("duration_days", "number"),
        Field("deadline", "date"),
        Field("person_days", "number"),
        Field("recurrence", "choice", [(r, r) for r in S.RECURRENCES], default="none"),
        Field("depends_on"),
    ]
    return TableForm(plan, "actions", "action", fields, lang, id_prefix="A")
