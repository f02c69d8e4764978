"""The shape of every file of a plan folder, kept in one place.

Readers, validators, writers, templates and forms all read these definitions,
so adding a column or an allowed value is a one-line change here. Wording
(column help, setting help, category names) is in the translation catalogs,
keyed by the names used here.
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
    feeds: str = ""  # a view left empty without this column (catalog key view.<feeds>), reported when it is absent


@dataclass(frozen=True)
class Table:
    """One CSV file of the plan folder."""

    name: str
    step: str
    columns: tuple[Column, ...]
    help: str = ""
    date_order: tuple[tuple[str, str], ...] = ()  # (first, last) date columns that must come in that order

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
PRIORITY_POINTS = {"high": 2, "medium": 1, "low": 0, "": 0}  # what a stated priority adds to a ranking score
RECURRENCES = ("none", "weekly", "monthly", "quarterly", "continuous")
BUDGET_CATEGORIES = ("studies", "media", "production", "agencies", "events", "tools", "other")


def plan_categories(settings: dict) -> dict[str, dict[str, str]]:
    """The budget categories of a plan: the standard set (worded by the catalogs) plus its own.

    A plan's own categories (budget.categories in plan.yaml) carry their labels
    per language: `{id: sponsorship, en: Sponsorship, fr: Parrainage}`.
    """
    categories: dict[str, dict[str, str]] = {code: {} for code in BUDGET_CATEGORIES}
    budget = settings.get("budget") if isinstance(settings.get("budget"), dict) else {}
    for extra in (budget.get("categories") or []):
        if isinstance(extra, dict) and extra.get("id"):
            categories[str(extra["id"])] = {k: str(v) for k, v in extra.items() if k != "id" and v}
    return categories


COST_TYPES = ("fixed", "variable")
LEVELS = ("business", "marketing")
DIRECTIONS = ("up", "down")
AGGREGATIONS = ("sum", "mean", "last")
CHANNEL_TYPES = ("owned", "paid", "earned")
COST_MODELS = ("cpc", "cpm", "cpa", "commission", "flat_fee", "subscription", "in_house")
DECISIONS = ("continue", "adjust", "stop")
DECISION_STATUSES = ("open", "done")
CURVE_FAMILIES = ("points", "hill", "michaelis_menten", "logistic")  # points: one row per sampled spend

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
    # cost models
    "cpc": "cpc", "coût par clic": "cpc", "cout par clic": "cpc", "cost per click": "cpc",
    "cost per thousand": "cpm", "coût pour mille": "cpm", "cout pour mille": "cpm",
    "cost per acquisition": "cpa", "coût par acquisition": "cpa", "cout par acquisition": "cpa",
    "forfait": "flat_fee", "flat fee": "flat_fee", "abonnement": "subscription",
    "in house": "in_house", "interne": "in_house", "en interne": "in_house",
    # review decisions and their status
    "continuer": "continue", "poursuivre": "continue", "ajuster": "adjust", "arrêter": "stop", "arreter": "stop",
    "ouverte": "open", "ouvert": "open", "en attente": "open", "faite": "done", "close": "done",
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
        Column("kpi_id", REF, ref="kpis", feeds="kpi_review"),
        Column("baseline", FLOAT),
        Column("target", FLOAT, feeds="kpi_review"),
        Column("unit"),
        Column("deadline", DATE),
        Column("priority", ENUM, allowed=PRIORITIES),
        Column("impact", **_SCORE),
        Column("effort", **_SCORE),
        Column("levers"),
        Column("owner"),
        Column("persona_ids", REFLIST, ref="personas", help="ids of the personas this result is about, comma separated"),
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
        Column("source", help="the export source an import-actuals run read the value from (ga4, google_ads...)"),
    ), "Measured values of base metrics, one row per metric and date."),
    Table("channels", "channels", (
        Column("id", ID, required=True),
        Column("name", TEXT, required=True),
        Column("type", ENUM, allowed=CHANNEL_TYPES),
        Column("kind", TEXT, help="the catalogue's kind of channel: seo, search_ads, social_ads, emailing..."),
        Column("platform", help="for a social network or a marketplace: which one"),
        Column("cost_model", ENUM, allowed=COST_MODELS, help="how it is paid; the catalogue's when empty"),
        Column("skills", TEXT, help="skills it needs, comma separated; the catalogue's when empty"),
        Column("chosen", BOOL, default="yes", help="yes when the plan uses it, no for a candidate"),
        Column("change", help="what changes from last year, for a channel last year's review dropped"),
        Column("reach", **_SCORE),
        Column("cost", **_SCORE),
        Column("fit", **_SCORE),
        Column("notes"),
    ), "Channels and their scoring."),
    Table("messages", "channels", (
        Column("id", ID, required=True),
        Column("persona_id", REF, required=True, ref="personas"),
        Column("channel_id", REF, required=True, ref="channels"),
        Column("format", TEXT, help="search_ad_headline, email_subject, sms...: its length limit is checked"),
        Column("message", TEXT, required=True),
        Column("proof", help="why the persona should believe it"),
        Column("call_to_action"),
        Column("variant", help="A, B...: two or more variants of a message to test"),
    ), "One message per persona and channel, with variants."),
    Table("actions", "actions", (
        Column("id", ID, required=True),
        Column("workstream", TEXT, required=True),
        Column("name", TEXT, required=True),
        Column("description"),
        Column("key_result_id", REF, ref="key_results"),
        Column("kpi_id", REF, ref="kpis"),
        Column("channel_id", REF, ref="channels"),
        Column("owner", feeds="team_load"),
        Column("priority", ENUM, allowed=PRIORITIES),
        Column("impact", **_SCORE),
        Column("difficulty", **_SCORE),
        Column("status", ENUM, allowed=STATUSES, default="planned"),
        Column("start", DATE, feeds="schedule"),
        Column("end", DATE, feeds="schedule"),
        Column("duration_days", INT, minimum=0, unit="working days"),
        Column("deadline", DATE),
        Column("person_days", FLOAT, minimum=0, unit="person-days", feeds="team_load"),
        Column("recurrence", ENUM, allowed=RECURRENCES, default="none"),
        Column("depends_on", REFLIST, ref="actions", help="ids of actions that must end first, comma separated"),
    ), "The action plan.", date_order=(("start", "end"),)),
    Table("budget", "budget", (
        Column("id", ID, required=True),
        Column("label", TEXT, required=True),
        Column("action_id", REF, ref="actions", feeds="budget_by_action"),
        Column("category", ENUM, required=True, allowed=BUDGET_CATEGORIES),
        Column("period", PERIOD, required=True, help="period id: 2026, 2026-Q2, 2026-05, 2026-S03"),
        Column("amount", MONEY, minimum=0),
        Column("cost_type", ENUM, allowed=COST_TYPES, default="fixed"),
        Column("rate", PERCENT, minimum=0, maximum=100, unit="%", help="for a variable cost: share of the driver"),
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
        Column("budget_line_id", REF, ref="budget", feeds="spend_vs_plan"),
        Column("action_id", REF, ref="actions"),
        Column("category", ENUM, allowed=BUDGET_CATEGORIES),
        Column("supplier"),
        Column("label"),
        Column("source", help="what import-spend read the row from: an ad platform, or fec:JOURNAL/ENTRY/ACCOUNT/DATE"),
    ), "Actual spend, one row per invoice or payment."),
    Table("curves", "budget", (
        Column("id", ID, required=True),
        Column("channel_id", REF, required=True, ref="channels"),
        Column("metric", TEXT, required=True, help="the incremental result the curve gives: orders, revenue..."),
        Column("period_days", INT, required=True, minimum=1, unit="days",
               help="the length of the period its spend and response are counted over (7 for a weekly model)"),
        Column("family", ENUM, allowed=CURVE_FAMILIES, default="points",
               help="points (one row per sampled spend) or a form: hill, michaelis_menten, logistic"),
        Column("spend", MONEY, minimum=0, help="points: the spend of this sample, per period"),
        Column("response", FLOAT, help="points: the incremental response at that spend"),
        Column("low", FLOAT, help="points: the band's low end at that spend"),
        Column("high", FLOAT, help="points: the band's high end at that spend"),
        Column("top", FLOAT, minimum=0, help="a form: the response it tends to (hill, michaelis_menten, logistic)"),
        Column("top_low", FLOAT, minimum=0, help="a form: the low end of its band, as a top"),
        Column("top_high", FLOAT, minimum=0, help="a form: the high end of its band, as a top"),
        Column("half", FLOAT, minimum=0, help="hill, michaelis_menten: the scaled spend giving half the top"),
        Column("shape", FLOAT, minimum=0, help="hill: the slope; logistic: the rate"),
        Column("spend_scale", FLOAT, minimum=0,
               help="what a spend is multiplied by before the form applies (1 / the model's channel scale)"),
        Column("fitted_from", MONEY, minimum=0, help="the lowest spend per period the curve was fitted on"),
        Column("fitted_to", MONEY, minimum=0, help="the highest spend per period the curve was fitted on"),
        Column("r2", FLOAT, help="for a curve fitted by planlib curves fit: its R²"),
        Column("source", help="where it comes from: meridian, pymc-marketing, robyn, csv, or fit:METRIC:BY"),
    ), "Response curves: the incremental result of a channel's spend, imported from a model or fitted."),
    Table("decisions", "review", (
        Column("id", ID, required=True),
        Column("date", DATE, required=True),
        Column("key_result_id", REF, required=True, ref="key_results"),
        Column("decision", ENUM, required=True, allowed=DECISIONS, help="continue, adjust or stop"),
        Column("reason", TEXT, required=True),
        Column("action_ids", REFLIST, ref="actions", help="actions this decision starts, changes or stops"),
        Column("owner"),
        Column("due", DATE),
        Column("status", ENUM, allowed=DECISION_STATUSES, default="open"),
    ), "The review's decisions on key results: continue, adjust or stop, with why, who and by when.",
        date_order=(("date", "due"),)),
)}

TABLE_ORDER = ("objectives", "key_results", "kpis", "channels", "messages", "actions",
               "forecasts", "budget", "actuals", "spend", "curves", "decisions")

YAML_FILES = ("plan.yaml", "audit.yaml", "personas.yaml")

# YAML files whose records other tables refer to by id: ref name -> (file, top-level key).
YAML_ID_SOURCES = {"personas": ("personas.yaml", "personas")}

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
BUDGET_METHODS = ("fixed", "revenue_share", "bottom_up")
PESTEL_FACTORS = ("political", "economic", "social", "technological", "environmental", "legal")
SWOT_KEYS = ("strengths", "weaknesses", "opportunities", "threats")
PERSONA_TYPES = ("B2B", "B2C")
