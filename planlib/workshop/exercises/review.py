"""Step 7's exercise: read the KPI dashboard and log a corrective decision for a red key result."""
from __future__ import annotations

import pandas as pd

from ...core.i18n import format_date
from ...steps.review import pacing
from ...core.periods import parse_as_of
from ..exercise import Exercise
from .text import word_count

MIN_REASON_WORDS = 4


def check_decision(plan, givens: dict, say):
    """A decision on a key result that is red on the case's date: adjust or stop, why, who, by when, which actions."""
    period = plan.period(str(givens.get("period") or plan.calendar.year))
    as_of = parse_as_of(str(givens["as_of"]) if givens.get("as_of") else None, period)
    when = format_date(as_of, say.lang)
    status = {p.id: p.status for p in pacing.review(plan, as_of)}
    red = [kr for kr, s in status.items() if s == "red"]
    decisions = plan.decisions
    if decisions.empty:
        return say.verdict("not_attempted", "none")
    if not red:
        return say.verdict("incorrect", "no_red", date=when)
    on_red = decisions[decisions["key_result_id"].isin(red)]
    if on_red.empty:
        first = decisions.iloc[-1]
        return say.verdict("incorrect", "not_red", id=first["id"], key_result=first["key_result_id"],
                           state=say(f"status_{status.get(first['key_result_id'], 'no_data')}"), date=when)
    decision = on_red.iloc[-1]
    if decision["decision"] == "continue":
        return say.verdict("incorrect", "continue_red", id=decision["id"], key_result=decision["key_result_id"])
    if word_count(decision["reason"]) < MIN_REASON_WORDS:
        return say.verdict("partial", "no_reason", id=decision["id"])
    if not str(decision["owner"] or "").strip() or pd.isna(decision["due"]):
        return say.verdict("partial", "no_owner_due", id=decision["id"])
    if decision["decision"] == "adjust" and not str(decision["action_ids"] or "").strip():
        return say.verdict("partial", "no_actions", id=decision["id"])
    return say.verdict("correct", "correct", id=decision["id"], key_result=decision["key_result_id"],
                       decision=say(f"decision_{decision['decision']}"))


EXERCISES = (
    Exercise("red_kr_decision", "review", ("decisions.csv",), check_decision, "07_kpi_review.ipynb", "a8c69141"),
)
