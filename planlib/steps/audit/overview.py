"""Step 1 in the plan's overview and in `planlib summary` (`audit`)."""
from __future__ import annotations

from . import model as M
from .lastyear import review_last_year
from .previous import previous_plan
from .show import reason_text, top_pestel


def progress(plan) -> list[tuple[str, int]]:
    """(label key, count) of each part of the audit that should be filled."""
    audit = plan.audit
    return [
        ("swot", len(M.swot_items(audit))),
        ("pestel", len(M.pestel_factors(audit))),
        ("market", len(audit.get("market") or {}) if isinstance(audit.get("market"), dict) else 0),
        ("competitors", len(M.competitors(audit))),
        ("tows", len(M.strategies(audit))),
        ("last_year_review", len(M.last_year(audit))),
    ]


def last_year(plan) -> list:
    """Last year's actions judged, or [] without a previous plan."""
    previous = previous_plan(plan)
    return review_last_year(previous, plan.audit) if previous is not None else []


def summary(plan, period, as_of) -> dict:
    audit = plan.audit
    items = M.swot_items(audit)
    lang = plan.language
    return {"audit": {
        "swot": {quadrant: sum(i.quadrant == quadrant for i in items) for quadrant in M.QUADRANTS},
        "pestel": {"count": len(M.pestel_factors(audit)), "top": top_pestel(audit)},
        "tows": {"count": len(M.strategies(audit))},
        "warnings": len([w for w in plan.warnings if w.file == "audit.yaml"]),
        "last_year": [{"action_id": a.action_id, "name": a.name, "cost": a.cost, "progress":
                       None if a.progress is None else round(a.progress, 6), "suggestion": a.suggestion,
                       "reason": reason_text(a, plan.currency, lang), "reason_code": a.reason,
                       "decision": a.decision, "final": a.final} for a in last_year(plan)],
    }}
