"""The one list of steps, in order: what each owns, its notebook, its rules and its figures.

The overview, `planlib summary`, the report's page order, step titles and
the start-here notebook all derive from `STEPS`. A step is a package (a
folder under planlib/steps/) whose `schema.py` declares its tables, YAML
files and aliases and whose `rules.py` its validation rules (a YAML file's
blank, commented content for `planlib new` is `<name>.template.yaml` beside
them); registering it hands them to the core. Adding a step is that folder, one entry here and
one notebook; adding a table to a step touches only its schema.py.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..core import schema as core_schema


def _module(package: str, name: str) -> ModuleType | None:
    """A step's optional module (schema, rules, overview), or None when the step has none."""
    try:
        return importlib.import_module(f"{package}.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"{package}.{name}":
            raise
        return None


@dataclass(frozen=True)
class Step:
    """One step of the method."""

    number: int
    key: str  # its title (label.step_<key>); its folder under planlib/steps/ unless `package` says otherwise
    notebook: str | None  # notebooks/<name>; None while the step has no notebook yet
    package: str = ""  # the package holding its schema.py, rules.py and overview.py; planlib.steps.<key> if empty

    @property
    def module_path(self) -> str:
        return self.package or f"{__package__}.{self.key}"

    @property
    def schema(self) -> ModuleType | None:
        """Its schema.py: TABLES, YAML_FILES, ALIASES, ID_SOURCES (each optional)."""
        return _module(self.module_path, "schema")

    @property
    def tables(self) -> tuple:
        return tuple(getattr(self.schema, "TABLES", ()))

    @property
    def files(self) -> tuple[str, ...]:
        """The plan files it owns: its YAML files, then its tables' CSV files."""
        return (*getattr(self.schema, "YAML_FILES", ()), *(table.file for table in self.tables))

    @property
    def rules(self) -> tuple:
        """Its validation rules (rules.py's RULES), run by every load and save."""
        return tuple(getattr(_module(self.module_path, "rules"), "RULES", ()))

    def register(self) -> None:
        """Hand its tables, YAML files, aliases and id sources to the core's catalogue."""
        schema = self.schema
        core_schema.register(self.key, self.tables, getattr(schema, "YAML_FILES", ()), getattr(schema, "ALIASES", {}),
                             getattr(schema, "ID_SOURCES", {}), self.yaml_templates)

    @property
    def yaml_templates(self) -> dict[str, Path]:
        """What a new plan holds in each of its YAML files: `<name>.template.yaml` beside its schema.py."""
        schema = self.schema
        if schema is None:
            return {}
        folder = Path(schema.__file__).parent
        found = {file: folder / f"{Path(file).stem}.template.yaml" for file in getattr(schema, "YAML_FILES", ())}
        return {file: template for file, template in found.items() if template.is_file()}

    def title(self, lang: str) -> str:
        from ..core.i18n import label

        return label(f"step_{self.key}", lang)

    @property
    def overview(self):
        """The step's overview module (`progress`, `summary`, `CHECKS_NOT_ENTRIES`), or None.

        Loaded on first use: `planlib check` needs the rules, not the figures.
        """
        return _module(self.module_path, "overview")

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
    Step(0, "start", "00_start_here.ipynb"),
    Step(1, "audit", "01_audit.ipynb"),
    Step(2, "objectives", "02_objectives.ipynb"),
    Step(3, "personas", "03_personas.ipynb"),
    Step(4, "channels", "04_channels_messages.ipynb"),
    Step(5, "actions", "05_action_plan.ipynb"),
    Step(6, "budget", "06_budget.ipynb"),
    Step(7, "review", "07_kpi_review.ipynb"),
)
for _step in STEPS:
    _step.register()


def add_step(step: Step) -> None:
    """Register one more step after the kit's own (a plug-in step, or a test's): its files and rules apply."""
    global STEPS
    step.register()
    STEPS = (*[s for s in STEPS if s.key != step.key], step)


def remove_step(key: str) -> None:
    """Take a step added by `add_step` out again, tables included."""
    global STEPS
    STEPS = tuple(s for s in STEPS if s.key != key)
    core_schema.unregister(key)


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
