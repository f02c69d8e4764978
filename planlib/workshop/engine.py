"""The exercise engine: what an exercise declares, its verdict, and a check that never raises.

An exercise names the plan files the participant fills, a check reading the
loaded plan and the case's givens (workshop.yaml), numbered hints and a
solution. A verdict is one of STATUSES with a message in the reader's
language. Checks read the plan folder only, so the trainer computes everyone's
progress from the files, and a plan that does not load gives each exercise a
verdict naming the problem instead of an error.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..core.errors import CodedError, PlanError
from ..core.i18n import tr
from .givens import exercise_givens, read_givens

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
        return tr(f"exercise.{self.id}.task", lang, **_flat(givens))

    def hint(self, number: int, lang: str) -> str:
        return tr(f"exercise.{self.id}.hint_{number}", lang)

    def solution(self, givens: dict, lang: str) -> str:
        """The case's own solution text (workshop.yaml), else the method's."""
        own = givens.get("solution")
        return str(own) if own else tr(f"exercise.{self.id}.solution", lang)


def _flat(givens: dict) -> dict:
    return {k: v for k, v in givens.items() if isinstance(v, (str, int, float))}


def exercises() -> tuple[Exercise, ...]:
    """Every exercise, in the order of the method's steps."""
    from .exercises import EXERCISES

    return EXERCISES


def by_id(exercise_id: str) -> Exercise:
    for exercise in exercises():
        if exercise.id == exercise_id:
            return exercise
    raise KeyError(exercise_id)


def check_plan(plan_dir: str | Path, lang: str = "en", only: tuple[str, ...] | None = None) -> dict[str, Verdict]:
    """Every exercise's verdict on a plan folder (or those named in `only`); never raises."""
    chosen = [e for e in exercises() if only is None or e.id in only]
    try:
        givens = read_givens(plan_dir)
    except CodedError as error:
        return {e.id: Verdict("incorrect", error.text(lang)) for e in chosen}
    try:
        from ..steps import load_plan

        plan = load_plan(plan_dir)
    except PlanError as error:
        return {e.id: _not_loading(e, error, lang) for e in chosen}
    except CodedError as error:
        return {e.id: Verdict("incorrect", error.text(lang)) for e in chosen}
    except Exception as error:  # noqa: BLE001 - a participant's folder must never stop the room's table
        return {e.id: Verdict("incorrect", tr("workshop.unreadable", lang, reason=f"{type(error).__name__}: {error}"))
                for e in chosen}
    return {e.id: run(e, plan, exercise_givens(givens, e.id), lang) for e in chosen}


def run(exercise: Exercise, plan, givens: dict, lang: str) -> Verdict:
    try:
        return exercise.check(plan, givens, Say(exercise.id, lang))
    except Exception as error:  # noqa: BLE001 - a check's defect shows as a verdict, the notebook runs on
        return Verdict("incorrect", tr("workshop.check_failed", lang, reason=f"{type(error).__name__}: {error}"))


def _not_loading(exercise: Exercise, error: PlanError, lang: str) -> Verdict:
    """The first problem in the exercise's own files, else the plan's first: the fix comes before the exercise."""
    own = [p for p in error.problems if Path(p.file.split("[")[0]).name in exercise.files]
    first = (own or error.problems)[0]
    key = "workshop.own_file_problem" if own else "workshop.plan_problem"
    return Verdict("incorrect", tr(key, lang, problem=first.text(lang), count=len(error.problems),
                                   n=len(error.problems)))
