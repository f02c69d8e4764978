"""Step 5's file: the action plan, with owners, priorities, dates, dependencies and recurrence."""
from __future__ import annotations

from ...core.schema import DATE, ENUM, FLOAT, ID, INT, PRIORITIES, REF, REFLIST, SCORE, TEXT, Column, Table

STATUSES = ("idea", "planned", "in_progress", "done", "cancelled")
RECURRENCES = ("none", "weekly", "monthly", "quarterly", "continuous")

# French and spoken words a person may type for a code; readers map them back to it.
ALIASES: dict[str, str] = {
    "idée": "idea", "idee": "idea", "in progress": "in_progress", "in-progress": "in_progress",
    "prévue": "planned", "prévu": "planned", "planifiée": "planned", "planifié": "planned",
    "en cours": "in_progress", "terminée": "done", "terminé": "done", "fait": "done",
    "annulée": "cancelled", "annulé": "cancelled", "canceled": "cancelled",
    "aucune": "none", "hebdomadaire": "weekly", "mensuelle": "monthly",
    "trimestrielle": "quarterly", "continue": "continuous",
}

TABLES: tuple[Table, ...] = (
    Table("actions", (
        Column("id", ID, required=True),
        Column("workstream", TEXT, required=True),
        Column("name", TEXT, required=True),
        Column("description"),
        Column("key_result_id", REF, ref="key_results"),
        Column("kpi_id", REF, ref="kpis"),
        Column("channel_id", REF, ref="channels"),
        Column("owner", feeds="team_load"),
        Column("priority", ENUM, allowed=PRIORITIES),
        Column("impact", **SCORE),
        Column("difficulty", **SCORE),
        Column("status", ENUM, allowed=STATUSES, default="planned"),
        Column("start", DATE, feeds="schedule"),
        Column("end", DATE, feeds="schedule"),
        Column("duration_days", INT, minimum=0, unit="working days"),
        Column("deadline", DATE),
        Column("person_days", FLOAT, minimum=0, unit="person-days", feeds="team_load"),
        Column("recurrence", ENUM, allowed=RECURRENCES, default="none"),
        Column("depends_on", REFLIST, ref="actions", help="ids of actions that must end first, comma separated"),
    ), "The action plan.", date_order=(("start", "end"),)),
)
