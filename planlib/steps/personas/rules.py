"""Step 3's rules: the structure of personas.yaml, its criteria by kind, shares, channels and fits.

Errors block a save; the findings (findings.py) only warn. Each is located
by line and YAML path (`personas.yaml:23:personas[2].criteria.sector`).
"""
from __future__ import annotations

from ...core.validate.context import Context
from . import model as M
from .findings import FINDINGS
from .schema import PERSONA_TYPES


def check_personas(ctx: Context) -> None:
    check = ctx.checker("personas.yaml")
    root = check.mapping(ctx.yaml.get("personas.yaml"))
    seen = set()
    total, last_share = 0.0, None
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
        kind = M.kind_of(persona.get("type"))
        if not kind:
            check.problem(path + ("type",), "not_allowed", "one_of", value=persona.get("type"),
                          allowed=", ".join(PERSONA_TYPES))
        for key in ("needs", "objections", "channels", *M.PROFILE):
            check.list_of(persona, key, path)
        for key in M.PROFILE:
            check.colon_texts(persona.get(key), path + (key,))
        _criteria(check, persona, kind, path)
        share = persona.get("share")
        if share is not None:
            value = M.as_number(share)
            if value is None:
                check.problem(path + ("share",), "yaml_not_number", "number", value=share)
            elif not 0 <= value <= 100:
                check.problem(path + ("share",), "out_of_range", "range", value=share, low=0, high=100)
            else:
                total += value
                last_share = path + ("share",)
    if last_share is not None and total > 100 + 1e-9:
        check.problem(last_share, "shares_over_100", "shares_at_most_100", total=f"{round(total, 2):g}")


def _criteria(check, persona: dict, kind: str, path: tuple) -> None:
    """Criteria are a mapping of the persona's own kind: a B2B key in a B2C persona is a mistake.

    A key of neither kind (`family`) is kept as a free detail with a warning,
    which also catches a misspelt criterion.
    """
    criteria = persona.get("criteria")
    if criteria is None:
        return
    if not isinstance(criteria, dict):
        check.problem(path + ("criteria",), "not_mapping", "mapping")
        return
    for key in criteria:
        code = M.criterion_code(key)
        if kind and code in M.CRITERIA[_other(kind)] and code not in M.CRITERIA[kind]:
            check.problem(path + ("criteria", key), "criterion_wrong_kind", "criteria_of_kind", criterion=key, kind=kind,
                          allowed=", ".join(M.CRITERIA[kind]))
        elif kind and code not in M.CRITERIA[kind]:  # a detail of its own, or a typo: said, not refused
            check.warn(path + ("criteria", key), "unknown_criterion", "criteria_of_kind", criterion=key, kind=kind,
                          allowed=", ".join(M.CRITERIA[kind]))


def _other(kind: str) -> str:
    return "B2B" if kind == "B2C" else "B2C"


def check_persona_channels(ctx: Context) -> None:
    """Each channel a persona uses, or scores a fit with, is a channel of channels.csv; a fit is 1 to 5."""
    check = ctx.checker("personas.yaml")
    channel_ids = set(ctx.tables["channels"]["id"])
    low, high = M.FIT_RANGE
    for i, persona in enumerate(ctx.yaml_items("personas.yaml", "personas")):
        if not isinstance(persona, dict):
            continue
        channels = persona.get("channels")
        for j, channel in enumerate(channels if isinstance(channels, list) else []):
            if str(channel) not in channel_ids:
                check.problem(("personas", i, "channels", j), "unknown_channel", "id_from", value=channel,
                              target="channels.csv")
        fit = persona.get("fit")
        if fit is None:
            continue
        if not isinstance(fit, dict):
            check.problem(("personas", i, "fit"), "not_mapping", "fit_mapping")
            continue
        for channel, score in fit.items():
            where = ("personas", i, "fit", channel)
            if str(channel) not in channel_ids:
                check.problem(where, "unknown_channel", "id_from", value=channel, target="channels.csv")
            else:
                check.number(score, where, low, high)


def check_findings(ctx: Context) -> None:
    check, people = ctx.checker("personas.yaml"), M.personas(ctx.yaml.get("personas.yaml"))
    for finding in FINDINGS:
        finding(ctx, check, people)


RULES = (check_personas, check_persona_channels, check_findings)
