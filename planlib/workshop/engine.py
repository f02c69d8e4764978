"""The exercise engine: every exercise's check on a plan folder, never raising.

Checks read the plan folder only, so the trainer computes everyone's progress
from the files, and a plan that does not load gives each exercise a verdict
naming the problem instead of an error.
"""
from __future__ import annotations

from pathlib import Path

from ..core.errors import CodedError, PlanError
from ..core.i18n import tr
from .exercise import Exercise, Say, Verdict
from .givens import exercise_givens, read_givens


def exercises() -> tuple[Exercise, ...]:
    """Every exercise, in the order of the method's steps."""
    from .exercises import EXERCISES

    return EXERCISES


def by_id(exercise_id: str) -> Exercise:
    for exercise in exercises():
        if exercise.id == exercise_id:
            return exercise
    raise KeyError(exercise_id)


def check_plan(plan_dir: str | Path, lang: str, only: tuple[str, ...] | None = None) -> dict[str, Verdict]:
    """Every exercise's verdict on a plan folder (or those named in `only`); never raises."""
    chosen = [e for e in exercises() if only is None or e.id in only]
    from ..steps import load_plan

    try:
        givens = read_givens(plan_dir)  # first: without the case's givens there is nothing to check
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
    """The exercise's verdict; what the kit refuses while checking (a period, a file it reads) is said in the kit's
    words, a defect of the check itself as one to tell the trainer."""
    try:
        return exercise.check(plan, givens, Say(exercise.id, lang))
    except PlanError as error:
        return _not_loading(exercise, error, lang)
    except CodedError as error:
        return Verdict("incorrect", error.text(lang))
    except Exception as error:  # noqa: BLE001 - a check's defect shows as a verdict, the notebook runs on
        return Verdict("incorrect", tr("workshop.check_failed", lang, reason=f"{type(error).__name__}: {error}"))


def _not_loading(exercise: Exercise, error: PlanError, lang: str) -> Verdict:
    """The first problem in the exercise's own files, else the plan's first: the fix comes before the exercise."""
    own = [p for p in error.problems if Path(p.file.split("[")[0]).name in exercise.files]
    first = (own or error.problems)[0]
    key = "workshop.own_file_problem" if own else "workshop.plan_problem"
    return Verdict("incorrect", tr(key, lang, problem=first.text(lang), count=len(error.problems),
                                   n=len(error.problems)))
