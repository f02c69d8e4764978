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
    from ..steps.actions.compute import status_as_of
    from ..steps.actions.schedule import schedule
    from ..steps.budget.compute import chosen_envelope, envelopes
    from ..steps.budget.spend import spend_vs_plan
    from ..steps.review.decisions import latest_by_key_result, overdue

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
    versus = spend_vs_plan(plan, as_of)
    totals = versus["totals"]
    envelope = float(chosen_envelope(envelopes(plan, [year])).iloc[0])
    late_decisions = overdue(plan, as_of)
    # late wins over at risk, as the actions are listed
    states = {**{i: "at_risk" for i in status["at_risk"]["id"]}, **{i: "late" for i in status["late"]["id"]}}
    action_states = {a.id: _state(a, states, as_of) for a in plan.actions.itertuples(index=False)}
    return {
        "dashboard": [_bullet(p, titles, decided.get(p["id"])) for p in review["key_results"]],
        "why": {kr["id"]: _why(plan, kr["id"], action_states, versus["lines"], decided.get(kr["id"]))
                for kr in off_track},
        "objectives": _objectives(plan, review["key_results"], action_states, versus["lines"]),
        "by_category": _by_category(budget, versus["by_category"]),
        "most_over_budget": _most_over(versus["lines"]),
        "open_decisions": _open_decisions(plan, set(late_decisions["id"])),
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


def _bullet(p: dict, titles: dict, decided: dict | None) -> dict:
    """A key result's bullet bar: progress to date and expected progress (1 = the target), its status, the
    latest decision taken on it."""
    return {"id": p["id"], "title": titles.get(p["id"], ""), "status": p["status"], "actual": p["actual"],
            "target": p["target"], "expected": p["expected_to_date"], "progress": p["progress"],
            "expected_progress": p["expected_progress"], "probability": p["probability"], "window": p["window"],
            "window_days": p["window_days"], "decision": decided["decision"] if decided else None,
            "decision_id": decided["id"] if decided else None}


def _state(action, late_or_at_risk: dict, as_of: date) -> str:
    """An action's state on the as-of date: late or at risk (status_as_of's one definition), else done,
    cancelled, not started or in progress."""
    if action.status == "cancelled":
        return "cancelled"
    if action.id in late_or_at_risk:
        return late_or_at_risk[action.id]
    if action.status == "done":
        return "done"
    start = action.start.date() if hasattr(action.start, "date") and action.start == action.start else None
    return "not_started" if start is None or start > as_of or action.status == "idea" else "in_progress"


def _spend_of(lines, action_ids) -> dict:
    """The year's budget of the lines of these actions, committed and spent to date."""
    own = lines[lines["action_id"].isin(set(action_ids))]
    return {"budget": round(float(own["budget"].sum()), 2),
            "committed_to_date": round(float(own["committed_to_date"].sum()), 2),
            "spent_to_date": round(float(own["spent_to_date"].sum()), 2)}


def _objectives(plan, pacings: list[dict], action_states: dict, lines) -> list[dict]:
    """Each business objective with its key results, its actions by state and the spend of their budget
    lines; key results under no business objective (a marketing objective without parent) come last."""
    objectives = plan.objectives
    business = objectives[objectives["level"] == "business"]
    parent = dict(zip(objectives["id"], objectives["parent_id"]))
    group = {kr: parent.get(m, "") if parent.get(m, "") in set(business["id"]) else ""
             for kr, m in zip(plan.key_results["id"], plan.key_results["objective_id"])}
    found = []
    for objective_id, title, owner in [*zip(business["id"], business["title"], business["owner"]), ("", "", "")]:
        krs = [p["id"] for p in pacings if group.get(p["id"], "") == objective_id]
        if not objective_id and not krs:
            continue
        actions = plan.actions[plan.actions["key_result_id"].isin(krs)]
        states = [action_states[i] for i in actions["id"]]
        found.append({"id": objective_id, "title": title, "owner": owner, "key_results": krs,
                      "actions": {state: states.count(state) for state in ACTION_STATES if state in states},
                      "late_or_at_risk": [i for i in actions["id"] if action_states[i] in ("late", "at_risk")],
                      **_spend_of(lines, actions["id"])})
    return found


ACTION_STATES = ("late", "at_risk", "in_progress", "not_started", "done", "cancelled")


def _why(plan, kr_id: str, action_states: dict, lines, decided: dict | None) -> dict:
    """Why a key result is behind, from the plan: its owner and levers, its actions and their state, the
    budget lines of those actions against plan, and the decision taken on it (`decided`)."""
    kr = plan.key_results.set_index("id").loc[kr_id]
    actions = plan.actions[plan.actions["key_result_id"] == kr_id]
    listed = [{"id": a.id, "name": a.name, "owner": a.owner, "state": action_states[a.id]}
              for a in actions.itertuples(index=False)]
    return {"owner": kr.get("owner", ""), "levers": kr.get("levers", ""), "actions": listed,
            **_spend_of(lines, actions["id"]),
            "decision": None if decided is None else {
                "id": decided["id"], "decision": decided["decision"], "reason": decided.get("reason", ""),
                "owner": decided.get("owner", ""), "due": _iso_day(decided.get("due")), "status": decided.get("status", "")}}


def _by_category(budget: dict, year) -> list[dict]:
    """Each category's planned amount for the period and the year, and what was spent in the year to date."""
    categories = sorted(set(budget["by_category"]) | set(year.index))
    return [{"category": c, "period": round(float(budget["by_category"].get(c, 0.0)), 2),
             "year": round(float(year["budget"].get(c, 0.0)), 2),
             "spent_to_date": round(float(year["spent_to_date"].get(c, 0.0)), 2)} for c in categories]


def _most_over(lines, count: int = 5) -> list[dict]:
    """The lines most over budget (spent to date beyond their amount), the largest overrun first."""
    over = lines[lines["over_budget"]].assign(over=lambda f: (f["spent_to_date"] - f["budget"]).round(2))
    over = over.sort_values(["over", "line_id"], ascending=[False, True]).head(count)
    return [{"id": r.line_id, "label": r.label, "budget": float(r.budget), "spent_to_date": float(r.spent_to_date),
             "over": float(r.over)} for r in over.itertuples(index=False)]


def _open_decisions(plan, overdue_ids: set[str]) -> list[dict]:
    """Open decisions with their text, the overdue ones (review.decisions.overdue) flagged."""
    rows = plan.decisions[plan.decisions["status"] == "open"]
    return [{"id": r.id, "key_result_id": r.key_result_id, "decision": r.decision, "reason": r.reason,
             "owner": r.owner, "due": _iso_day(r.due), "overdue": r.id in overdue_ids}
            for r in rows.itertuples(index=False)]


def _iso_day(value) -> str | None:
    if value is None or value != value or value == "":
        return None
    return value.date().isoformat() if hasattr(value, "date") else str(value)

