"""The exercises, one module per step, listed in the order of the method."""
from __future__ import annotations

from . import actions, audit, budget, channels, objectives, personas, review

EXERCISES = (*audit.EXERCISES, *objectives.EXERCISES, *personas.EXERCISES, *channels.EXERCISES,
             *actions.EXERCISES, *budget.EXERCISES, *review.EXERCISES)
