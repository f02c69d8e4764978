"""Step 1 in the plan's overview: what the audit holds."""
from __future__ import annotations


def progress(plan) -> list[tuple[str, int]]:
    """(label key, count) of each part of the audit that should be filled."""
    audit = plan.audit
    swot = audit.get("swot") if isinstance(audit.get("swot"), dict) else {}
    return [
        ("swot", sum(len(v or []) for v in swot.values())),
        ("pestel", len(audit.get("pestel") or [])),
        ("market", len(audit.get("market") or {})),
        ("competitors", len(audit.get("competitors") or [])),
        ("last_year_review", len(audit.get("last_year_review") or {})),
    ]
