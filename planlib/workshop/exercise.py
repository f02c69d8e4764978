"""What an exercise declares, its verdict and the words of its verdicts.

An exercise names the plan files the participant fills, a check reading the
loaded plan and the case's givens (workshop.yaml), numbered hints and a
solution. A verdict is one of STATUSES with a message in the reader's
language.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..core.i18n import tr

STATUSES = ("not_attempted", "incorrect", "partial", "correct")
COLOURS = {"not_attempted": "#9e9e9e", "incorrect": "#c62828", "partial": "#ef8f00", "correct": "#2e7d32"}


@dataclass(frozen=True)
class Verdict:
    status: str  # one of STATUSES
    message: str  # worded in the reader's language

    def as_dict(self) -> dict:
        return {"status": self.status, "message": self.message}


class Say:
    """Words for one exercise's verdicts: `say("key", **values)` reads `exercise.<id>.<key>`."""

    def __init__(self, exercise_id: str, lang: str):
        self.exercise_id, self.lang = exercise_id, lang

    def __call__(self, key: str, **values) -> str:
        return tr(f"exercise.{self.exercise_id}.{key}", self.lang, **values)

    def verdict(self, status: str, key: str, **values) -> Verdict:
        return Verdict(status, self(key, **values))


@dataclass(frozen=True)
class Exercise:
    id: str  # stable: progress tables and JSON use it
    step: str  # the step's key in the registry
    files: tuple[str, ...]  # the plan files the participant fills
    check: Callable  # (plan, givens of this exercise, say) -> Verdict
    notebook: str  # the template it follows in exercise mode
    after: str  # the id of the template cell it comes after (the task's view)
    hints: int = 3

    def title(self, lang: str) -> str:
        return tr(f"exercise.{self.id}.title", lang)

    def task(self, givens: dict, lang: str) -> str:
        return tr(f"exercise.{self.id}.task", lang, **_flat(givens, lang))

    def hint(self, number: int, lang: str) -> str:
        return tr(f"exercise.{self.id}.hint_{number}", lang)

    def solution(self, givens: dict, lang: str) -> str:
        """The case's own solution text (workshop.yaml), else the method's."""
        own = givens.get("solution")
        return str(own) if own else tr(f"exercise.{self.id}.solution", lang)


def _flat(givens: dict, lang: str) -> dict:
    """The givens a task's wording names, numbers in the reader's locale (12 000 in French)."""
    from ..core.i18n import format_number

    return {k: format_number(v, lang) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
            for k, v in givens.items() if isinstance(v, (str, int, float))}

