"""Step 3's rules: the structure of personas.yaml and the channels each persona uses.

Registered with the validator through the step registry, located by line
and YAML path (`personas.yaml:23:personas[2].channels[1]`).
"""
from __future__ import annotations

from ...core import schema as S
from ...core.validate.context import Context


def check_personas(ctx: Context) -> None:
    check = ctx.checker("personas.yaml")
    root = check.mapping(ctx.yaml.get("personas.yaml"))
    seen = set()
    for i, persona in enumerate(check.items(root, "personas")):
        path = ("personas", i)
        if not isinstance(persona, dict) or not persona.get("id"):
            check.problem(path, "persona_needs_id", "persona")
            continue
        if persona["id"] in seen:
            check.problem(path + ("id",), "duplicate_id", "unique_persona_id", value=persona["id"])
        seen.add(persona["id"])
        if not persona.get("name"):
            check.problem(path + ("name",), "missing_name", "persona_name")
        check.choice(persona.get("type"), S.PERSONA_TYPES, path + ("type",))
        for key in ("needs", "objections", "channels"):
            check.list_of(persona, key, path)


def check_persona_channels(ctx: Context) -> None:
    """Each channel a persona uses is a channel of channels.csv."""
    check = ctx.checker("personas.yaml")
    channel_ids = set(ctx.tables["channels"]["id"])
    for i, persona in enumerate(ctx.yaml_items("personas.yaml", "personas")):
        channels = persona.get("channels") if isinstance(persona, dict) else None
        for j, channel in enumerate(channels if isinstance(channels, list) else []):
            if str(channel) not in channel_ids:
                check.problem(("personas", i, "channels", j), "unknown_channel", "id_from", value=channel,
                              target="channels.csv")


RULES = (check_personas, check_persona_channels)
