"""What is filled and what is missing in each step of the plan.

The first notebook and a workshop's opening both need the same answer: how
far along is this plan, and what should be filled next.
"""
from __future__ import annotations

import pandas as pd

from .i18n import t
from .plan import Plan


def _step_checks(plan: Plan) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Each step: its key, files, and (label key, count) pairs that should be non-zero."""
    audit = plan.audit or {}
    swot = audit.get("swot") or {}
    objectives = plan.objectives
    actions = plan.actions
    scheduled = actions[~actions["status"].isin(["idea", "cancelled"])]  # ideas need no dates yet
    budget_settings = plan.settings.get("budget") or {}
    return [
        ("step_audit", "audit.yaml", [
            ("swot", sum(len(v or []) for v in swot.values())),
            ("pestel", len(audit.get("pestel") or [])),
            ("market", len(audit.get("market") or {})),
            ("competitors", len(audit.get("competitors") or [])),
            ("last_year_review", len(audit.get("last_year_review") or {})),
        ]),
        ("step_objectives", "objectives.csv, key_results.csv", [
            ("business_objective", int((objectives["level"] == "business").sum())),
            ("marketing_objective", int((objectives["level"] == "marketing").sum())),
            ("key_results", len(plan.key_results)),
        ]),
        ("step_personas", "personas.yaml", [("personas", len(plan.personas))]),
        ("step_channels", "channels.csv, messages.csv", [
            ("channels", len(plan.channels)), ("messages", len(plan.messages))]),
        ("step_actions", "actions.csv", [
            ("actions", len(actions)),
            ("owners", int(len(scheduled) > 0 and (scheduled["owner"] != "").all())),
            ("dates", int(len(scheduled) > 0 and scheduled["start"].notna().all())),
        ]),
        ("step_budget", "budget.csv, spend.csv", [
            ("budget", len(plan.budget)),
            ("envelope", int(bool(budget_settings.get("method")))),
        ]),
        ("step_kpis", "kpis.csv, actuals.csv, spend.csv", [
            ("kpis", len(plan.kpis)), ("actuals", len(plan.actuals)), ("spend", len(plan.spend))]),
    ]


def overview(plan: Plan, lang: str = "en") -> pd.DataFrame:
    """One row per step: files, number of entries, state and what is missing."""
    rows = []
    for step, files, checks in _step_checks(plan):
        missing = [t(key, lang) for key, count in checks if not count]
        entries = sum(count for key, count in checks if key not in ("owners", "dates", "envelope"))
        state = "empty" if len(missing) == len(checks) else ("partial" if missing else "filled")
        rows.append({
            t("step", lang): t(step, lang),
            t("file", lang): files,
            t("rows", lang): entries,
            t("state", lang): t(state, lang),
            t("missing", lang): ", ".join(missing) if missing else t("nothing_missing", lang),
        })
    return pd.DataFrame(rows)
