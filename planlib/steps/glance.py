"""The period at a glance: what a manager reads first on a report's front page.

Which key results are off track (with pace, forecast and the decision taken),
which actions are late or at risk, where the money stands against plan and
envelope, and which decisions are open or overdue. A pure function of the
plan, the period and the as-of date; the report words it in one language.
"""
from __future__ import annotations

from datetime import date

from ..core.periods import Period


def at_a_glance(plan, period: Period, as_of: date, document: dict) -> dict:
    """The front page's facts; `document` is the period's `summary` (its review and budget are not redone)."""
    from .actions.compute import status_as_of
    from .actions.schedule import schedule
    from .budget.compute import chosen_envelope, envelopes
    from .budget.spend import spend_vs_plan
    from .review.decisions import latest_by_key_result, overdue

    review, budget = document["kpi_review"], document["budget"]
    titles = dict(zip(plan.key_results["id"], plan.key_results["title"]))
    decided = latest_by_key_result(plan, as_of)
    off_track = [{"id": p["id"], "title": titles.get(p["id"], ""), "status": p["status"], "pace": p["pace"],
                  "forecast": p["forecast"], "target": p["target"], "probability": p["probability"],
                  "window": p["window"], "window_days": p["window_days"], "status_reason": p["status_reason"],
                  "decision": decided[p["id"]]["decision"] if p["id"] in decided else None,
                  "decision_id": decided[p["id"]]["id"] if p["id"] in decided else None}
                 for p in review["key_results"] if p["status"] in ("red", "amber")]
    status = status_as_of(plan, period, as_of, schedule(plan))
    actions, listed = [], set()
    for kind in ("late", "at_risk"):  # an action both late and at risk is listed once, as late
        for row in status[kind].to_dict("records"):
            if row["id"] in listed:
                continue
            listed.add(row["id"])
            actions.append({"kind": kind, "id": row["id"], "name": row["name"], "owner": row["owner"],
                            "planned_end": row["planned_end"].isoformat() if row["planned_end"] else "",
                            "slack": int(row["slack"])})
    year = plan.calendar.fiscal_year(plan.calendar.year)
    totals = spend_vs_plan(plan, as_of)["totals"]
    envelope = float(chosen_envelope(envelopes(plan, [year])).iloc[0])
    late_decisions = overdue(plan, as_of)
    return {
        "counts": review["counts"],
        "backtest": review["backtest"],
        "off_track": sorted(off_track, key=lambda r: (r["status"] != "red", r["pace"] if r["pace"] is not None else 0)),
        "actions": actions,
        "baseline": document["actions"].get("baseline"),
        "budget": {"period_committed": budget["period"], "period_spent": budget["spent_in_period_to_date"],
                   "year_committed": budget["total_year"],
                   "year_spent": totals["spent_to_date"], "year_projection": totals["projection_year_end"],
                   "year_envelope": round(envelope, 2), "method": budget["envelope_method"]},
        "decisions": {"open": [r["id"] for r in plan.decisions[plan.decisions["status"] == "open"].to_dict("records")],
                      "overdue": [{"id": r["id"], "key_result_id": r["key_result_id"], "owner": r["owner"],
                                   "due": r["due"].date().isoformat()} for r in late_decisions.to_dict("records")]},
    }
