"""workshop.yaml: what a case asks of its participants, kept in the case's plan folder.

The checks read the plan folder and nothing else, so the case's givens (the
vague objective to rewrite, the SWOT items to sort, the quarter and its
envelope, the review date) travel with the plan: the trainer computes every
participant's progress from their folders alone.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..core.errors import CodedError

FILE = "workshop.yaml"


def read_givens(plan_dir: str | Path) -> dict:
    """The case's givens: `case`, `period`, `as_of` and one mapping per exercise id under `exercises`."""
    path = Path(plan_dir) / FILE
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CodedError("workshop_no_givens", "workshop_givens", file=str(path)) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise CodedError("workshop_givens_unreadable", "workshop_givens", file=str(path),
                         reason=str(error).splitlines()[0]) from None
    if not isinstance(document, dict) or not isinstance(document.get("exercises"), dict):
        raise CodedError("workshop_givens_unreadable", "workshop_givens", file=str(path),
                         reason="no 'exercises' mapping")
    return document


def exercise_givens(givens: dict, exercise_id: str) -> dict:
    found = givens.get("exercises", {}).get(exercise_id)
    return found if isinstance(found, dict) else {}
