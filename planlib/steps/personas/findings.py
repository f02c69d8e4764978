"""Step 3's findings: warnings that do not block a save but leave a persona half-used.

- a persona incomplete for its kind (a B2C or B2B criterion, or needs, pains,
  objections or buying triggers left empty);
- a persona no channel reaches (its `channels` list is empty);
- a persona no key result serves (no `persona_ids` of key_results.csv names it);
- a persona given no message (no row of messages.csv for it).
"""
from __future__ import annotations

from ...core.validate.context import Context
from . import model as M


def incomplete(ctx: Context, check, people: list[M.Persona]) -> None:
    for persona in people:
        gaps = persona.missing()
        if persona.kind and gaps:
            check.warn(("personas", persona.index), "persona_incomplete", "persona_complete", id=persona.id,
                       kind=persona.kind, missing=", ".join(gaps))


def unreached(ctx: Context, check, people: list[M.Persona]) -> None:
    for persona in people:
        if not persona.channels:
            check.warn(("personas", persona.index, "channels"), "persona_no_channel", "persona_channel", id=persona.id)


def unserved(ctx: Context, check, people: list[M.Persona]) -> None:
    served = {p for value in ctx.tables["key_results"]["persona_ids"] for p in value.split(",") if p}
    for persona in people:
        if persona.id not in served:
            check.warn(("personas", persona.index), "persona_no_key_result", "persona_key_result", id=persona.id)


def unaddressed(ctx: Context, check, people: list[M.Persona]) -> None:
    spoken_to = set(ctx.tables["messages"]["persona_id"])
    for persona in people:
        if persona.id not in spoken_to:
            check.warn(("personas", persona.index), "persona_no_message", "persona_message", id=persona.id)


FINDINGS = (incomplete, unreached, unserved, unaddressed)
# Warning codes by flag name, for the summary and the notebook.
FLAGS = {"incomplete": "persona_incomplete", "no_channel": "persona_no_channel",
         "no_key_result": "persona_no_key_result", "no_message": "persona_no_message"}
