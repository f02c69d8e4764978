"""Step 6's exercise: budget a quarter within an envelope, with a payment schedule."""
from __future__ import annotations

from ...core.i18n import format_money
from ...steps.budget import compute
from ..exercise import Exercise


def lines_in(plan, period) -> list[str]:
    """Budget lines whose period falls within the given one (the quarter itself, or its months)."""
    return [line.id for line in plan.budget.itertuples(index=False)
            if period.start <= plan.period(line.period).start and plan.period(line.period).end <= period.end]


def check_budget(plan, givens: dict, say):
    """Over the envelope is wrong; lines without an action, or no schedule at all, partial."""
    period = plan.period(str(givens.get("period")))
    envelope = float(givens.get("envelope", 0))
    ids = lines_in(plan, period)
    if not ids:
        return say.verdict("not_attempted", "none", period=period.id)
    amounts = compute.line_amounts(plan)
    total = float(sum(amounts[i] for i in ids))
    money = {"total": format_money(total, plan.currency, say.lang),
             "envelope": format_money(envelope, plan.currency, say.lang), "period": period.id}
    if total > envelope + 0.005:
        return say.verdict("incorrect", "over", over=format_money(total - envelope, plan.currency, say.lang), **money)
    lines = plan.budget[plan.budget["id"].isin(ids)]
    if (lines["action_id"] == "").any():
        return say.verdict("partial", "no_action", id=lines[lines["action_id"] == ""].iloc[0]["id"], **money)
    if (lines["schedule"] == "").all():
        return say.verdict("partial", "no_schedule", **money)
    return say.verdict("correct", "correct", count=len(ids), n=len(ids), **money)


EXERCISES = (
    Exercise("quarter_budget", "budget", ("budget.csv",), check_budget, "06_budget.ipynb", "f20439f2"),
)
