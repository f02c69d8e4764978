"""The shape of a plan folder: column kinds, the tables the steps register, plan.yaml's settings.

Each step declares its own tables, allowed values and aliases in
`planlib/steps/<step>/schema.py`; the step registry hands them to `register`
here, so readers, validators, writers, templates and forms all read one
catalogue without the core knowing any step. Wording (column help, setting
help, category names) is in the translation catalogs, keyed by these names.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

# Column kinds understood by planlib.validate.
ID, TEXT, INT, FLOAT, MONEY, PERCENT, DATE, BOOL, ENUM, REF, REFLIST, PERIOD, SCHEDULE, FORMULA = (
    "id", "text", "int", "float", "money", "percent", "date", "bool", "enum",
    "ref", "reflist", "period", "schedule", "formula",
)
NUMERIC_KINDS = {INT, FLOAT, MONEY, PERCENT}


@dataclass(frozen=True)
class Column:
    """One column: its kind, whether a value is required, and its limits."""

    name: str
    kind: str = TEXT
    required: bool = False  # the header is there and every row gives a value; forms derive their * from it
    asked: bool | tuple[str, str] = False  # forms refuse to save a row without it (always, or on the rows where
    #   (column, value) holds: a marketing objective's parent); a file may still leave it empty, and the step's
    #   checks flag the gap (the SMART tree, the review's "no target") instead of refusing the whole plan
    allowed: tuple[str, ...] = ()
    ref: str | None = None  # table (or "personas") an id must exist in
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    default: str = ""
    help: str = ""
    feeds: str = ""  # a view left empty without this column (catalog key view.<feeds>), reported when it is absent
    allowed_from: Callable[[dict], tuple[str, ...]] | None = None  # allowed values given by plan.yaml's settings

    def asked_for(self, values: dict) -> bool:
        """Whether a form refuses a row with these values and this column empty."""
        if isinstance(self.asked, tuple):
            other, value = self.asked
            return self.required or values.get(other) == value
        return self.required or self.asked


@dataclass(frozen=True)
class Table:
    """One CSV file of the plan folder."""

    name: str
    columns: tuple[Column, ...]
    help: str = ""
    date_order: tuple[tuple[str, str], ...] = ()  # (first, last) date columns that must come in that order
    step: str = ""  # the registry's key of the step that owns it, set when the step registers it

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


# Shared vocabulary: priorities and 1-5 scores, used by several steps' tables.
PRIORITIES = ("high", "medium", "low")
PRIORITY_POINTS = {"high": 2, "medium": 1, "low": 0, "": 0}  # what a stated priority adds to a ranking score
SCORE = dict(kind=INT, minimum=1, maximum=5, unit="1-5")  # the keywords of a 1-5 score column

# Allowed codes are in English; readers map the aliases a person may type (French, spoken) back to them.
# Steps add theirs when they register.
ALIASES: dict[str, str] = {
    "haute": "high", "élevée": "high", "moyenne": "medium", "basse": "low", "faible": "low",
}

# Headers in French, read as the kit's column of that table (lower case, accents as typed or not).
HEADER_ALIASES: dict[str, str] = {
    "responsable": "owner", "propriétaire": "owner", "proprietaire": "owner", "pilote": "owner",
    "montant": "amount", "libellé": "label", "libelle": "label", "nom": "name", "titre": "title",
    "intitulé": "title", "intitule": "title", "échéance": "deadline", "echeance": "deadline",
    "date limite": "deadline", "début": "start", "debut": "start", "date de début": "start",
    "date de debut": "start", "fin": "end", "date de fin": "end", "priorité": "priority", "priorite": "priority",
    "statut": "status", "état": "status", "etat": "status", "catégorie": "category", "categorie": "category",
    "période": "period", "periode": "period", "canal": "channel_id", "durée": "duration_days",
    "duree": "duration_days", "jours-homme": "person_days", "jours homme": "person_days",
    "dépend de": "depends_on", "depend de": "depends_on", "fournisseur": "supplier", "valeur": "value",
    "cible": "target", "point de départ": "baseline", "point de depart": "baseline", "unité": "unit",
    "unite": "unit", "difficulté": "difficulty", "difficulte": "difficulty", "niveau": "level",
    "motif": "reason", "raison": "reason", "décision": "decision", "type de coût": "cost_type",
    "taux": "rate", "échéancier": "schedule", "echeancier": "schedule", "formule": "formula",
    "indicateur": "kpi_id", "mesure": "metric", "chantier": "workstream",
}

# The catalogue the steps fill, in step order (see planlib.steps.registry): tables by name, their
# order, the YAML files, and the YAML records other tables refer to by id (ref -> (file, top-level key)).
TABLES: dict[str, Table] = {}
TABLE_ORDER: list[str] = []
YAML_FILES: list[str] = ["plan.yaml"]
YAML_OWNERS: dict[str, str] = {}  # a step's YAML file -> the step
YAML_ID_SOURCES: dict[str, tuple[str, str]] = {}
YAML_TEMPLATES: dict[str, Path] = {}  # what `planlib new` writes in a step's YAML file: file -> its template


def register(step: str, tables=(), yaml_files=(), aliases: dict[str, str] | None = None,
             id_sources: dict[str, tuple[str, str]] | None = None,
             yaml_templates: dict[str, Path] | None = None) -> None:
    """Add a step's files to the catalogue; registering the same step again changes nothing.

    A table or file name another step already owns, or an alias that another
    step reads as a different code, is a programming error and raises.
    """
    for table in tables:
        owner = TABLES.get(table.name)
        if owner is not None and owner.step != step:
            raise ValueError(f"table {table.name} is already registered by step {owner.step}")
        TABLES[table.name] = replace(table, step=step)
        if table.name not in TABLE_ORDER:
            TABLE_ORDER.append(table.name)
    for file in yaml_files:
        if YAML_OWNERS.get(file, step) != step or file == "plan.yaml":
            raise ValueError(f"YAML file {file} is already registered by step {YAML_OWNERS.get(file, 'core')}")
        YAML_OWNERS[file] = step
        if file not in YAML_FILES:
            YAML_FILES.append(file)
    for alias, code in (aliases or {}).items():
        if ALIASES.setdefault(alias, code) != code:
            raise ValueError(f"alias {alias!r} already reads as {ALIASES[alias]!r}, not {code!r}")
    YAML_ID_SOURCES.update(id_sources or {})
    YAML_TEMPLATES.update(yaml_templates or {})


def unregister(step: str) -> None:
    """Take a step's tables and YAML files out of the catalogue again (a step registered for a while, as tests
    do)."""
    for name in [n for n, t in TABLES.items() if t.step == step]:
        del TABLES[name]
        TABLE_ORDER.remove(name)
    for file in [f for f, owner in YAML_OWNERS.items() if owner == step]:
        del YAML_OWNERS[file]
        YAML_FILES.remove(file)
        YAML_TEMPLATES.pop(file, None)


def registered() -> dict[str, Table]:
    """The registered tables; raises when no step registered any, as a plan would then read as empty."""
    if not TABLES:
        raise RuntimeError("no step has registered its tables: import planlib.steps before reading a plan")
    return TABLES


def table(name: str) -> Table:
    """One registered table by name."""
    return registered()[name]


def table_order() -> list[str]:
    """The registered tables' names, in step order."""
    registered()
    return TABLE_ORDER

# plan.yaml: key -> (python types, required); wording in the catalogs as expected.setting.<key>
PLAN_SETTINGS: dict[str, tuple[tuple[type, ...], bool]] = {
    "company": ((str,), True),
    "sector": ((str,), False),
    "market": ((str,), True),
    "year": ((int,), True),
    "currency": ((str,), True),
    "language": ((str,), True),
    "country": ((str,), False),
    "fiscal_start_month": ((int,), False),
    "sprint_length_days": ((int,), False),
    "budget": ((dict,), False),
    "high_activity_periods": ((list,), False),
    "team": ((list,), False),
    "other_deadlines": ((list,), False),
    "review": ((dict,), False),
    "previous": ((str,), False),
    "positioning": ((str,), False),
    "channel_weights": ((dict,), False),
}
MARKETS = ("B2B", "B2C", "B2B2C")
