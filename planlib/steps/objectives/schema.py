"""Step 2's files: business and marketing objectives, and their target results."""
from __future__ import annotations

from ...core.schema import DATE, ENUM, FLOAT, ID, PRIORITIES, REF, REFLIST, SCORE, TEXT, Column, Table

LEVELS = ("business", "marketing")

# French and spoken words a person may type for a code; readers map them back to it.
ALIASES: dict[str, str] = {
    "entreprise": "business",
}

TABLES: tuple[Table, ...] = (
    Table("objectives", (
        Column("id", ID, required=True),
        Column("level", ENUM, required=True, allowed=LEVELS, help="business or marketing"),
        Column("title", TEXT, required=True),
        Column("parent_id", REF, ref="objectives", asked=("level", "marketing"),
               help="the business objective a marketing objective serves"),
        Column("owner", asked=True),
        Column("description"),
    ), "Business and marketing objectives, linked child to parent."),
    Table("key_results", (
        Column("id", ID, required=True),
        Column("objective_id", REF, required=True, ref="objectives"),
        Column("title", TEXT, required=True),
        Column("kpi_id", REF, ref="kpis", feeds="kpi_review"),
        Column("baseline", FLOAT),
        Column("target", FLOAT, asked=True, feeds="kpi_review"),
        Column("unit"),
        Column("deadline", DATE),
        Column("priority", ENUM, allowed=PRIORITIES),
        Column("impact", **SCORE),
        Column("effort", **SCORE),
        Column("levers"),
        Column("owner"),
        Column("persona_ids", REFLIST, ref="personas", help="ids of the personas this result is about, comma separated"),
    ), "Target results: what will be measured, from where to where, by when."),
)
