"""Step 2's exercise: rewrite a vague objective as a SMART one, checked by the SMART linter."""
from __future__ import annotations

from ...core.i18n import joined, labelled, tr
from ...steps.objectives.letters import LETTERS
from ...steps.objectives.linter import period_names, smart
from ..exercise import Exercise
from .text import normalized, quoted


def check_smart(plan, givens: dict, say):
    """The objective keeps its id; no number is wrong, a number with letters missing is partial."""
    objective_id, vague = str(givens.get("objective", "")), str(givens.get("vague", ""))
    rows = plan.objectives[plan.objectives["id"] == objective_id]
    if rows.empty:
        return say.verdict("incorrect", "missing_row", objective=objective_id)
    title = str(rows.iloc[0]["title"] or "")
    if not title.strip() or normalized(title) == normalized(vague):
        return say.verdict("not_attempted", "unchanged", objective=objective_id, vague=quoted(vague))
    names = period_names(plan)
    read = smart(title, plan.language, names)  # the sentence is read in the plan's language
    words = read if say.lang == plan.language else smart(title, say.lang, names)
    failing = [letter for letter in LETTERS if read[letter]["ok"] is False]
    if "measurable" in failing:
        return say.verdict("incorrect", "not_measurable", title=quoted(title), reason=words["measurable"]["reason"])
    if failing:
        reasons = joined((labelled(tr(f"letter.{letter}", say.lang), words[letter]["reason"], say.lang)
                          for letter in failing), say.lang)
        return say.verdict("partial", "letters_missing", title=quoted(title), reasons=reasons)
    return say.verdict("correct", "correct", title=quoted(title))


EXERCISES = (
    Exercise("smart_objective", "objectives", ("objectives.csv",), check_smart, "02_objectives.ipynb", "90265989"),
)
