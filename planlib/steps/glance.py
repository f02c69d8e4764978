"""The period at a glance: what a manager reads first on a report's front page.

Which key results are off track (with pace, forecast and the decision taken),
which actions are late or at risk, where the money stands against plan and
envelope, and which decisions are open or overdue. A pure function of the
plan, the period and the as-of date; the report words it in one language.
"""
from __future__ import annotations

from datetime import date

from ..core.periods import Period


def at_a_glance(plan, period: Period, as_of: date) -> dict:
    from .actions.compute import status_as_of
    from .actions.schedule import schedule
    from .budget.compute import chosen_envelope, committed_flows, envelopes, total_in
    from .budget.spend import spend_vs_plan
    from .review.decisions import latest_by_key_result, overdue
    from .review.pacing import STATUSES, review

    pacings = review(plan, as_of)
    titles = dict(zip(plan.key_results["id"], plan.key_results["title"]))
    decided = latest_by_key_result(plan, as_of)
    off_track = [{"id": p.id, "title": titles.get(p.id, ""), "status": p.status, "pace": p.pace,
                  "forecast": p.forecast, "target": p.target,
                  "decision": decided[p.id]["decision"] if p.id in decided else None,
                  "decision_id": decided[p.id]["id"] if p.id in decided else None}
                 for p in pacings if p.status in ("red", "amber")]
    status = status_as_of(plan, period, as_of, schedule(plan))
    actions = []
    for kind in ("late", "at_risk"):
        for row in status[kind].to_dict("records"):
            actions.append({"kind": kind, "id": row["id"], "name": row["name"], "owner": row["owner"],
                            "planned_end": row["planned_end"].isoformat() if row["planned_end"] else "",
                            "slack": int(row["slack"])})
    flows = committed_flows(plan)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    versus = spend_vs_plan(plan, as_of)
    spend = plan.spend
    in_period = spend[(spend["date"] >= str(period.start)) & (spend["date"] <= str(min(as_of, period.end)))]
    envelope = float(chosen_envelope(envelopes(plan, [year], flows)).iloc[0])
    totals = versus["totals"]
    late_decisions = overdue(plan, as_of)
    return {
        "counts": {s: sum(p.status == s for p in pacings) for s in STATUSES},
        "off_track": sorted(off_track, key=lambda r: (r["status"] != "red", r["pace"] if r["pace"] is not None else 0)),
        "actions": actions,
        "budget": {"period_committed": total_in(plan, period, flows=flows),
                   "period_spent": round(float(in_period["amount"].sum()), 2),
                   "year_committed": round(float(flows["amount"].sum()), 2),
                   "year_spent": totals["spent_to_date"], "year_projection": totals["projection_year_end"],
                   "year_envelope": round(envelope, 2),
                   "method": (plan.settings.get("budget") or {}).get("method", "bottom_up")},
        "decisions": {"open": [r["id"] for r in plan.decisions[plan.decisions["status"] == "open"].to_dict("records")],
                      "overdue": [{"id": r["id"], "key_result_id": r["key_result_id"], "owner": r["owner"],
                                   "due": r["due"].date().isoformat()} for r in late_decisions.to_dict("records")]},
    }
