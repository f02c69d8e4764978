"""Step 7's files: KPI definitions, measured actuals and the review's decisions."""
from __future__ import annotations

from ...core.schema import DATE, ENUM, FLOAT, FORMULA, ID, REF, REFLIST, TEXT, Column, Table

AGGREGATIONS = ("sum", "mean", "last")
DIRECTIONS = ("up", "down")
DECISIONS = ("continue", "adjust", "stop")
DECISION_STATUSES = ("open", "done")
# plan.yaml's review settings when it names none: a ratio to the expected pace at or above green is on
# track, at or above amber at risk, below it off track; no status before min_elapsed_days.
REVIEW_DEFAULTS = {"green": 0.95, "amber": 0.85, "min_elapsed_days": 14, "level_window_days": None}  # None: year to date

# French and spoken words a person may type for a code; readers map them back to it.
ALIASES: dict[str, str] = {
    "hausse": "up", "baisse": "down",
    "somme": "sum", "moyenne mobile": "mean", "dernière": "last", "derniere": "last",
    "continuer": "continue", "poursuivre": "continue", "ajuster": "adjust", "arrêter": "stop", "arreter": "stop",
    "ouverte": "open", "ouvert": "open", "en attente": "open", "faite": "done", "close": "done",
}

TABLES: tuple[Table, ...] = (
    Table("kpis", (
        Column("id", ID, required=True),
        Column("name", TEXT, required=True),
        Column("formula", FORMULA, required=True, help="arithmetic over base metrics, e.g. orders / sessions * 100"),
        Column("unit"),
        Column("aggregation", ENUM, allowed=AGGREGATIONS, default="sum"),
        Column("direction", ENUM, allowed=DIRECTIONS, default="up"),
        Column("description"),
    ), "KPI definitions computed from base metrics."),
    Table("actuals", (
        Column("id", ID, required=True),
        Column("date", DATE, required=True),
        Column("metric", TEXT, required=True),
        Column("value", FLOAT, required=True),
        Column("channel_id", REF, ref="channels"),
        Column("source", help="the export source an import-actuals run read the value from (ga4, google_ads...)"),
    ), "Measured values of base metrics, one row per metric and date."),
    Table("decisions", (
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
)
