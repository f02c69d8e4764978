"""The shape of every table of a plan folder, kept in one place.

Readers, validators, writers, templates and forms all read these definitions,
so adding a column or an allowed value is a one-line change here.
"""
from __future__ import annotations

from dataclasses import dataclass

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
    required: bool = False
    allowed: tuple[str, ...] = ()
    ref: str | None = None  # table (or "personas") an id must exist in
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    default: str = ""
    help: str = ""


@dataclass(frozen=True)
class Table:
    """One CSV file of the plan folder."""

    name: str
    step: str
    columns: tuple[Column, ...]
    help: str = ""

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


# Allowed values (canonical codes, in English), with the French and spoken
# aliases a person may type; readers map aliases back to the code.
STATUSES = ("idea", "planned", "in_progress", "done", "cancelled")
PRIORITIES = ("high", "medium", "low")
RECURRENCES = ("none", "weekly", "monthly", "quarterly", "continuous")
BUDGET_CATEGORIES = ("studies", "media", "production", "agencies", "events", "tools", "other")
CATEGORY_LABELS = {  # code -> (English, French); a plan adds its own under budget.categories in plan.yaml
    "studies": ("Studies and research", "Études et recherche"),
    "media": ("Media buying and advertising", "Achat média et publicité"),
    "production": ("Production of materials", "Production de supports"),
    "agencies": ("Agencies and providers", "Agences et prestataires"),
    "events": ("Events", "Événements"),
    "tools": ("Tools and software", "Outils et logiciels"),
    "other": ("Other", "Autres"),
}


def plan_categories(settings: dict) -> dict[str, tuple[str, str]]:
    """The budget categories of a plan: the standard set plus its own (budget.categories in plan.yaml)."""
    labels = dict(CATEGORY_LABELS)
    for extra in ((settings.get("budget") or {}).get("categories") or []):
        if isinstance(extra, dict) and extra.get("id"):
            labels[str(extra["id"])] = (str(extra.get("en") or extra["id"]), str(extra.get("fr") or extra.get("en") or extra["id"]))
    return labels
COST_TYPES = ("fixed", "variable")
LEVELS = ("business", "marketing")
DIRECTIONS = ("up", "down")
AGGREGATIONS = ("sum", "mean", "last")
CHANNEL_TYPES = ("owned", "paid", "earned")

ALIASES: dict[str, str] = {
    # statuses
    "idée": "idea", "idee": "idea", "in progress": "in_progress", "in-progress": "in_progress",
    "prévue": "planned", "prévu": "planned", "planifiée": "planned", "planifié": "planned",
    "en cours": "in_progress", "terminée": "done", "terminé": "done", "fait": "done",
    "annulée": "cancelled", "annulé": "cancelled", "canceled": "cancelled",
    # priorities
    "haute": "high", "élevée": "high", "moyenne": "medium", "basse": "low", "faible": "low",
    # recurrences
    "aucune": "none", "hebdomadaire": "weekly", "mensuelle": "monthly",
    "trimestrielle": "quarterly", "continue": "continuous",
    # budget categories
    "études et recherche": "studies", "etudes": "studies", "études": "studies",
    "studies and research": "studies", "achat média": "media", "achat media": "media",
    "media buying and advertising": "media", "publicité": "media",
    "production de supports": "production", "production of materials": "production",
    "agences et prestataires": "agencies", "agencies and providers": "agencies",
    "événements": "events", "evenements": "events", "outils et logiciels": "tools",
    "tools and software": "tools", "autre": "other", "autres": "other",
    # cost types, levels, directions, aggregations, channel types
    "fixe": "fixed", "entreprise": "business", "hausse": "up", "baisse": "down",
    "somme": "sum", "moyenne mobile": "mean", "dernière": "last", "derniere": "last",
    "propre": "owned", "payant": "paid", "gagné": "earned", "gagne": "earned",
}

_SCORE = dict(kind=INT, minimum=1, maximum=5, unit="1-5")

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("objectives", "objectives", (
        Column("id", ID, required=True),
        Column("level", ENUM, required=True, allowed=LEVELS, help="business or marketing"),
        Column("title", TEXT, required=True),
        Column("parent_id", REF, ref="objectives", help="the business objective a marketing objective serves"),
        Column("owner"),
        Column("description"),
    ), "Business and marketing objectives, linked child to parent."),
    Table("key_results", "objectives", (
        Column("id", ID, required=True),
        Column("objective_id", REF, required=True, ref="objectives"),
        Column("title", TEXT, required=True),
        Column("kpi_id", REF, ref="kpis"),
        Column("baseline", FLOAT),
        Column("target", FLOAT),
        Column("unit"),
        Column("deadline", DATE),
        Column("priority", ENUM, allowed=PRIORITIES),
        Column("impact", **_SCORE),
        Column("effort", **_SCORE),
        Column("levers"),
        Column("owner"),
    ), "Target results: what will be measured, from where to where, by when."),
    Table("kpis", "kpis", (
        Column("id", ID, required=True),
        Column("name", TEXT, required=True),
        Column("formula", FORMULA, required=True, help="arithmetic over base metrics, e.g. orders / sessions * 100"),
        Column("unit"),
        Column("aggregation", ENUM, allowed=AGGREGATIONS, default="sum"),
        Column("direction", ENUM, allowed=DIRECTIONS, default="up"),
        Column("description"),
    ), "KPI definitions computed from base metrics."),
    Table("actuals", "kpis", (
        Column("id", ID, required=True),
        Column("date", DATE, required=True),
        Column("metric", TEXT, required=True),
        Column("value", FLOAT, required=True),
        Column("channel_id", REF, ref="channels"),
    ), "Measured values of base metrics, one row per metric and date."),
    Table("channels", "channels", (
        Column("id", ID, required=True),
        Column("name", TEXT, required=True),
        Column("type", ENUM, allowed=CHANNEL_TYPES),
        Column("reach", **_SCORE),
        Column("cost", **_SCORE),
        Column("fit", **_SCORE),
        Column("notes"),
    ), "Channels and their scoring."),
    Table("messages", "channels", (
        Column("id", ID, required=True),
        Column("persona_id", REF, required=True, ref="personas"),
        Column("channel_id", REF, required=True, ref="channels"),
        Column("message", TEXT, required=True),
        Column("variant"),
        Column("call_to_action"),
    ), "One message per persona and channel, with variants."),
    Table("actions", "actions", (
        Column("id", ID, required=True),
        Column("workstream", TEXT, required=True),
        Column("name", TEXT, required=True),
        Column("description"),
        Column("key_result_id", REF, ref="key_results"),
        Column("kpi_id", REF, ref="kpis"),
        Column("channel_id", REF, ref="channels"),
        Column("owner"),
        Column("priority", ENUM, allowed=PRIORITIES),
        Column("impact", **_SCORE),
        Column("difficulty", **_SCORE),
        Column("status", ENUM, allowed=STATUSES, default="planned"),
        Column("start", DATE),
        Column("end", DATE),
        Column("duration_days", INT, minimum=0, unit="working days"),
        Column("deadline", DATE),
        Column("person_days", FLOAT, minimum=0, unit="person-days"),
        Column("recurrence", ENUM, allowed=RECURRENCES, default="none"),
        Column("depends_on", REFLIST, ref="actions", help="ids of actions that must end first, comma separated"),
    ), "The action plan."),
    Table("budget", "budget", (
        Column("id", ID, required=True),
        Column("label", TEXT, required=True),
        Column("action_id", REF, ref="actions"),
        Column("category", ENUM, required=True, allowed=BUDGET_CATEGORIES),
        Column("period", PERIOD, required=True, help="period id: 2026, 2026-Q2, 2026-05, 2026-S03"),
        Column("amount", MONEY, minimum=0),
        Column("cost_type", ENUM, allowed=COST_TYPES, default="fixed"),
        Column("rate", PERCENT, minimum=0, unit="%", help="for a variable cost: share of the driver"),
        Column("driver", TEXT, help="for a variable cost: the forecast it applies to"),
        Column("schedule", SCHEDULE, help="instalments, e.g. 25% 2026-02-01; 75% end"),
        Column("channel_id", REF, ref="channels"),
    ), "Budget lines."),
    Table("forecasts", "budget", (
        Column("id", ID, required=True),
        Column("driver", TEXT, required=True, help="what is forecast, e.g. revenue or marketplace_revenue"),
        Column("period", PERIOD, required=True, help="period id: 2026-05, 2026-Q2..."),
        Column("value", FLOAT, required=True),
        Column("channel_id", REF, ref="channels"),
    ), "Forecasts (revenue by channel...) that variable costs and revenue-share envelopes apply to."),
    Table("spend", "budget", (
        Column("id", ID, required=True),
        Column("date", DATE, required=True),
        Column("amount", MONEY, required=True),
        Column("budget_line_id", REF, ref="budget"),
        Column("action_id", REF, ref="actions"),
        Column("category", ENUM, allowed=BUDGET_CATEGORIES),
        Column("supplier"),
        Column("label"),
    ), "Actual spend, one row per invoice or payment."),
)}

TABLE_ORDER = ("objectives", "key_results", "kpis", "channels", "messages", "actions",
               "forecasts", "budget", "actuals", "spend")

YAML_FILES = ("plan.yaml", "audit.yaml", "personas.yaml")

# plan.yaml: key -> (python types, required, help)
PLAN_SETTINGS: dict[str, tuple[tuple[type, ...], bool, str]] = {
    "company": ((str,), True, "the company's name"),
    "sector": ((str,), False, "its sector"),
    "market": ((str,), True, "B2B or B2C"),
    "year": ((int,), True, "the plan's (fiscal) year, e.g. 2026"),
    "currency": ((str,), True, "an ISO currency code such as EUR"),
    "language": ((str,), True, "fr or en"),
    "country": ((str,), False, "ISO country code for public holidays, e.g. FR"),
    "fiscal_start_month": ((int,), False, "1 to 12"),
    "sprint_length_days": ((int,), False, "working days per sprint"),
    "budget": ((dict,), False, "method, envelope, revenue_share, revenue_forecast, categories"),
    "high_activity_periods": ((list,), False, "list of {name, start, end}"),
    "team": ((list,), False, "list of {owner, days_per_week or share, absences}"),
    "other_deadlines": ((list,), False, "list of {name, date}: other projects' deadlines to plan around"),
}
MARKETS = ("B2B", "B2C", "B2B2C")
LANGUAGES = ("fr", "en")
BUDGET_METHODS = ("fixed", "revenue_share", "bottom_up")
PESTEL_FACTORS = ("political", "economic", "social", "technological", "environmental", "legal")
SWOT_KEYS = ("strengths", "weaknesses", "opportunities", "threats")
PERSONA_TYPES = ("B2B", "B2C")
