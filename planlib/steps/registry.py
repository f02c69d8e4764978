"""The one list of steps, in order: what each owns, its notebook, its rules and its figures.

The overview, `planlib summary`, the report's page order, step titles and
the start-here notebook all derive from `STEPS`. Adding a step is a folder
under planlib/steps/, one entry here and one notebook.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .actions import overview as actions_overview
from .actions import rules as actions_rules
from .audit import overview as audit_overview
from .audit import rules as audit_rules
from .budget import overview as budget_overview
from .budget import rules as budget_rules
from .channels import overview as channels_overview
from .objectives import overview as objectives_overview
from .personas import overview as personas_overview
from .personas import rules as personas_rules
from .review import overview as review_overview


@dataclass(frozen=True)
class Step:
    """One step of the method."""

    number: int
    key: str  # its folder under planlib/steps/ and its title (label.step_<key>)
    files: tuple[str, ...]  # the plan files it owns
    notebook: str | None  # notebooks/<name>; None while the step has no notebook yet
    rules: tuple = ()  # validation rules, run by every load and save
    progress: Callable | None = None  # plan -> [(label key, count)] that should be non-zero
    summary: Callable | None = None  # (plan, period, as_of) -> {section: figures} for `planlib summary`
    checks: tuple[str, ...] = ()  # progress items that are yes/no checks, not counts of entries

    def title(self, lang: str = "en") -> str:
        from ..core.i18n import label

        return label(f"step_{self.key}", lang)


STEPS: tuple[Step, ...] = (
    Step(0, "start", (), "00_start_here.ipynb"),
    Step(1, "audit", ("audit.yaml",), None, audit_rules.RULES, audit_overview.progress),
    Step(2, "objectives", ("objectives.csv", "key_results.csv"), "02_objectives.ipynb", (),
         objectives_overview.progress, objectives_overview.summary),
    Step(3, "personas", ("personas.yaml",), None, personas_rules.RULES, personas_overview.progress,
         personas_overview.summary),
    Step(4, "channels", ("channels.csv", "messages.csv"), None, (), channels_overview.progress,
         channels_overview.summary),
    Step(5, "actions", ("actions.csv",), "05_action_plan.ipynb", actions_rules.RULES, actions_overview.progress,
         actions_overview.summary, actions_overview.CHECKS_NOT_ENTRIES),
    Step(6, "budget", ("budget.csv", "forecasts.csv", "spend.csv"), "06_budget.ipynb", budget_rules.RULES,
         budget_overview.progress, budget_overview.summary, budget_overview.CHECKS_NOT_ENTRIES),
    Step(7, "review", ("kpis.csv", "actuals.csv", "spend.csv"), None, (), review_overview.progress,
         review_overview.summary),
)


def rules() -> tuple:
    """Every step's validation rules, in step order."""
    return tuple(rule for step in STEPS for rule in step.rules)


def step_of_notebook(name: str) -> Step | None:
    """The step a notebook file belongs to (by its NN_ number)."""
    for step in STEPS:
        if step.notebook == name or (name[:2].isdigit() and int(name[:2]) == step.number):
            return step
    return None
