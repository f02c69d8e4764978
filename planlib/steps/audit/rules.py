"""Step 1's rules: the structure of audit.yaml (SWOT, PESTEL, market, competitors).

Registered with the validator through the step registry, located by line
and YAML path (`audit.yaml:12:pestel[2].impact`).
"""
from __future__ import annotations

from ...core import schema as S
from ...core.validate.context import Context


def check_audit(ctx: Context) -> None:
    check = ctx.checker("audit.yaml")
    audit = check.mapping(ctx.yaml.get("audit.yaml"))
    swot = check.mapping(audit.get("swot"), ("swot",))
    for key in swot:
        if key not in S.SWOT_KEYS:
            check.problem(("swot", key), "unknown_swot_part", "one_of", value=key, allowed=", ".join(S.SWOT_KEYS))
        elif swot[key] is not None and not isinstance(swot[key], list):
            check.problem(("swot", key), "not_list", "list")
    for i, factor in enumerate(check.items(audit, "pestel")):
        path = ("pestel", i)
        if not isinstance(factor, dict):
            check.problem(path, "not_factor", "factor")
            continue
        check.choice(factor.get("factor"), S.PESTEL_FACTORS, path + ("factor",))
        for key in ("impact", "likelihood"):
            if factor.get(key) is not None:
                check.number(factor[key], path + (key,), 1, 5)
    market = check.mapping(audit.get("market"), ("market",))
    for key in ("size", "growth"):
        if market.get(key) is not None:
            check.number(market[key], ("market", key))
    for i, competitor in enumerate(check.items(audit, "competitors")):
        if not isinstance(competitor, dict) or not competitor.get("name"):
            check.problem(("competitors", i), "competitor_needs_name", "competitor")


RULES = (check_audit,)
