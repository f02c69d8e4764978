"""The one list of steps, in order: what each owns, its notebook, its rules and its figures.

The overview, `planlib summary`, the report's page order, step titles and
the start-here notebook all derive from `STEPS`. Adding a step is a folder
under planlib/steps/, one entry here and one notebook.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from .actions import rules as actions_rules
from .audit import rules as audit_rules
from .budget import rules as budget_rules
from .channels import rules as channels_rules
from .personas import rules as personas_rules
from .review import rules as review_rules


@dataclass(frozen=True)
class Step:
    """One step of the method."""

    number: int
    key: str  # its folder under planlib/steps/ and its title (label.step_<key>)
    files: tuple[str, ...]  # the plan files it owns
    notebook: str | None  # notebooks/<name>; None while the step has no notebook yet
    rules: tuple = ()  # validation rules, run by every load and save

    def title(self, lang: str = "en") -> str:
        from ..core.i18n import label

        return label(f"step_{self.key}", lang)

    @property
    def overview(self):
        """The step's overview module (`progress`, `summary`, `CHECKS_NOT_ENTRIES`), or None.

        Loaded on first use: `planlib check` needs the rules, not the figures.
        """
        try:
            return importlib.import_module(f"{__package__}.{self.key}.overview")
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.{self.key}.overview":
                raise
            return None

    def progress(self, plan) -> list[tuple[str, int]] | None:
        """(label key, count) pairs that should be non-zero, or None for a step with nothing to fill."""
        module = self.overview
        return module.progress(plan) if module is not None and hasattr(module, "progress") else None

    def summary(self, plan, period, as_of) -> dict:
        """{section: figures} this step adds to `planlib summary`."""
        module = self.overview
        return module.summary(plan, period, as_of) if module is not None and hasattr(module, "summary") else {}

    @property
    def checks(self) -> tuple[str, ...]:
        """Progress items that are yes/no checks, not counts of entries."""
        return getattr(self.overview, "CHECKS_NOT_ENTRIES", ())


STEPS: tuple[Step, ...] = (
    Step(0, "start", (), "00_start_here.ipynb"),
    Step(1, "audit", ("audit.yaml",), "01_audit.ipynb", audit_rules.RULES),
    Step(2, "objectives", ("objectives.csv", "key_results.csv"), "02_objectives.ipynb"),
    Step(3, "personas", ("personas.yaml",), "03_personas.ipynb", personas_rules.RULES),
    Step(4, "channels", ("channels.csv", "messages.csv"), "04_channels_messages.ipynb", channels_rules.RULES),
    Step(5, "actions", ("actions.csv",), "05_action_plan.ipynb", actions_rules.RULES),
    Step(6, "budget", ("budget.csv", "forecasts.csv", "spend.csv"), "06_budget.ipynb", budget_rules.RULES),
    Step(7, "review", ("kpis.csv", "actuals.csv", "decisions.csv"), "07_kpi_review.ipynb", review_rules.RULES),
)


def rules() -> tuple:
    """Every step's validation rules, in step order."""
    return tuple(rule for step in STEPS for rule in step.rules)


def step_notebooks() -> list[str]:
    """The kit's notebooks, in step order: what a report runs and a workspace copies."""
    return [step.notebook for step in STEPS if step.notebook]


def step_of_notebook(name: str) -> Step | None:
    """The step a notebook file belongs to (by its NN_ number)."""
    for step in STEPS:
        if step.notebook == name or (name[:2].isdigit() and int(name[:2]) == step.number):
            return step
    return None
