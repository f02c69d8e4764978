"""Step 4's findings: warnings that do not block a save.

- a message longer than its format's limit (formats.csv), with its length and the limit;
- a persona x channel x format with a single variant: nothing to test;
- a channel chosen although the team lacks a skill it needs (plan.yaml's team[].skills);
- a channel given budget (budget.csv's channel_id) but used by no action.
A channel last year's review dropped and chosen again with no stated change
is the audit's finding (`dropped_channel_reused`); this step counts it.
"""
from __future__ import annotations

from ...core.validate.context import Context
from . import catalogue, formats


def message_lengths(ctx: Context) -> None:
    frame = ctx.tables["messages"]
    known = formats.formats()
    for row, message in ctx.for_rows("messages", frame["format"].isin(list(known))):
        length = formats.measure(message["message"], message["format"])
        if length.over:
            ctx.cell_warning("messages", row, "message", f"message_too_long_{length.encoding}", "format_limit",
                             length=length.length, limit=length.limit, format=message["format"])


def single_variants(ctx: Context) -> None:
    frame = ctx.tables["messages"]
    groups = frame.groupby(["persona_id", "channel_id", "format"])["id"].transform("size")
    for row, message in ctx.for_rows("messages", (groups < 2) & (frame["persona_id"] != "")):
        ctx.cell_warning("messages", row, "variant", "single_variant", "two_variants", persona=message["persona_id"],
                         channel=message["channel_id"])


def missing_skills(ctx: Context) -> None:
    team = catalogue.team_skills(ctx.settings if isinstance(ctx.settings, dict) else {})
    if team is None:
        return
    frame = ctx.tables["channels"]
    for row, channel in ctx.for_rows("channels", frame["chosen"].fillna(True).astype(bool)):
        lacking = [s for s in catalogue.needed_skills(channel["kind"], channel["skills"]) if s not in team]
        if lacking:
            ctx.cell_warning("channels", row, "skills", "skills_missing", "team_skills", id=channel["id"],
                             missing=", ".join(lacking))


def budget_without_action(ctx: Context) -> None:
    actions, budget = ctx.tables["actions"], ctx.tables["budget"]
    acted = set(actions.loc[actions["status"] != "cancelled", "channel_id"])
    funded = set(budget["channel_id"]) - {""}
    frame = ctx.tables["channels"]
    for row, channel in ctx.for_rows("channels", frame["id"].isin(list(funded - acted))):
        ctx.cell_warning("channels", row, "id", "budget_without_action", "channel_action", id=channel["id"])


FINDINGS = (message_lengths, single_variants, missing_skills, budget_without_action)
# Warning codes by flag name, for the summary and the notebook (the SMS codes by encoding).
FLAGS = {"message_too_long": ("message_too_long_characters", "message_too_long_gsm7", "message_too_long_ucs2"),
         "single_variant": ("single_variant",), "skills_missing": ("skills_missing",),
         "budget_without_action": ("budget_without_action",), "dropped_channel_reused": ("dropped_channel_reused",)}
