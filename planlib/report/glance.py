"""The period at a glance: what a manager reads first on a report's front page.

Which key results are off track (with pace, forecast and the decision taken),
which actions are late or at risk, where the money stands against plan and
envelope, and which decisions are open or overdue. A pure function of the
plan, the period and the as-of date; the report words it in one language.
"""
from __future__ import annotations

from datetime import date

from ..core.parse import to_date
from ..core.periods import Period
from .figures import (ActionState, CategorySpend, DecisionCounts, DecisionTaken, Glance, Headline, KeyResultBullet,
                      LateAction, MoneyAtGlance, ObjectiveFigures, OffTrack, OpenDecision, OverdueDecision, Overrun,
                      SlippedAction, Slippage, WhyBehind, backtests_of, pacings_of)


def at_a_glance(plan, period: Period, as_of: date, document: dict) -> Glance:
    """The front page's facts; `document` is the period's `summary` (its review and budget are not redone)."""
    from ..steps.actions.compute import status_as_of
    from ..steps.actions.schedule import schedule
    from ..steps.budget.compute import chosen_envelope, envelopes
    from ..steps.budget.spend import spend_vs_plan
    from ..steps.review.decisions import latest_by_key_result, overdue

    budget = document["budget"]
    pacings = pacings_of(document)
    titles = dict(zip(plan.key_results["id"], plan.key_results["title"]))
    decided = latest_by_key_result(plan, as_of)
    off_track = [_off_track(p, titles, decided.get(p.id)) for p in pacings if p.status in ("red", "amber")]
    status = status_as_of(plan, period, as_of, schedule(plan))
    actions, listed = [], set()
    for kind in ("late", "at_risk"):  # an action both late and at risk is listed once, as late
        for row in status[kind].to_dict("records"):
            if row["id"] in listed:
                continue
            listed.add(row["id"])
            actions.append(LateAction(kind, row["id"], row["name"], row["owner"], row["planned_end"] or None,
                                      int(row["slack"])))
    year = plan.calendar.fiscal_year(plan.calendar.year)
    versus = spend_vs_plan(plan, as_of)
    totals = versus["totals"]
    envelope = float(chosen_envelope(envelopes(plan, [year])).iloc[0])
    late_decisions = overdue(plan, as_of)
    # late wins over at risk, as the actions are listed
    states = {**{i: "at_risk" for i in status["at_risk"]["id"]}, **{i: "late" for i in status["late"]["id"]}}
    action_states = {a.id: _state(a, states, as_of) for a in plan.actions.itertuples(index=False)}
    return Glance(
        period=period, as_of=as_of, headline=Headline.of(document), pacings=pacings,
        dashboard=tuple(_bullet(p, titles, decided.get(p.id)) for p in pacings),
        why={kr.id: _why(plan, kr.id, action_states, versus["lines"], decided.get(kr.id)) for kr in off_track},
        objectives=_objectives(plan, pacings, action_states, versus["lines"]),
        by_category=_by_category(budget, versus["by_category"]),
        most_over_budget=_most_over(versus["lines"]),
        open_decisions=_open_decisions(plan, set(late_decisions["id"])),
        counts=document["kpi_review"]["counts"],
        backtest=backtests_of(document),
        off_track=tuple(sorted(off_track, key=lambda r: (r.status != "red", r.pace if r.pace is not None else 0))),
        actions=tuple(actions),
        baseline=_slippage(document["actions"].get("baseline")),
        budget=MoneyAtGlance(period_committed=budget["period"], period_spent=budget["spent_in_period_to_date"],
                             year_committed=budget["total_year"], year_spent=totals["spent_to_date"],
                             year_projection=totals["projection_year_end"], year_envelope=round(envelope, 2),
                             method=budget["envelope_method"]),
        decisions=DecisionCounts(
            open=tuple(plan.decisions.loc[plan.decisions["status"] == "open", "id"]),
            overdue=tuple(OverdueDecision(r["id"], r["key_result_id"], r["owner"], r["due"].date())
                          for r in late_decisions.to_dict("records"))),
    )


def _decision_code(decided: dict | None) -> tuple[str | None, str | None]:
    return (decided["decision"], decided["id"]) if decided else (None, None)


def _off_track(p, titles: dict, decided: dict | None) -> OffTrack:
    return OffTrack(p.id, titles.get(p.id, ""), p.status, p.pace, p.forecast, p.target, p.probability, p.window,
                    p.window_days, p.status_reason, *_decision_code(decided))


def _bullet(p, titles: dict, decided: dict | None) -> KeyResultBullet:
    """A key result's bullet bar: progress to date and expected progress (1 = the target), its status, the
    latest decision taken on it."""
    return KeyResultBullet(p.id, titles.get(p.id, ""), p.status, p.actual, p.target, p.expected_to_date, p.progress,
                           p.expected_progress, p.probability, p.window, p.window_days, *_decision_code(decided))


def _slippage(baseline: dict | None) -> Slippage | None:
    if not baseline:
        return None
    return Slippage(baseline["name"], to_date(baseline["frozen"]), baseline["slipped"],
                    tuple(SlippedAction(s["id"], s["name"], s["owner"], s["end_variance"]) for s in baseline["largest"]))


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


def _objectives(plan, pacings, action_states: dict, lines) -> tuple[ObjectiveFigures, ...]:
    """Each business objective with its key results, its actions by state and the spend of their budget
    lines; key results under no business objective (a marketing objective without parent) come last."""
    objectives = plan.objectives
    business = objectives[objectives["level"] == "business"]
    parent = dict(zip(objectives["id"], objectives["parent_id"]))
    group = {kr: parent.get(m, "") if parent.get(m, "") in set(business["id"]) else ""
             for kr, m in zip(plan.key_results["id"], plan.key_results["objective_id"])}
    found = []
    for objective_id, title, owner in [*zip(business["id"], business["title"], business["owner"]), ("", "", "")]:
        krs = tuple(p.id for p in pacings if group.get(p.id, "") == objective_id)
        if not objective_id and not krs:
            continue
        actions = plan.actions[plan.actions["key_result_id"].isin(krs)]
        states = [action_states[i] for i in actions["id"]]
        found.append(ObjectiveFigures(
            objective_id, title, owner, krs,
            actions={state: states.count(state) for state in ACTION_STATES if state in states},
            late_or_at_risk=tuple(i for i in actions["id"] if action_states[i] in ("late", "at_risk")),
            **_spend_of(lines, actions["id"])))
    return tuple(found)


ACTION_STATES = ("late", "at_risk", "in_progress", "not_started", "done", "cancelled")


def _why(plan, kr_id: str, action_states: dict, lines, decided: dict | None) -> WhyBehind:
    """Why a key result is behind, from the plan: its owner and levers, its actions and their state, the
    budget lines of those actions against plan, and the decision taken on it (`decided`)."""
    kr = plan.key_results.set_index("id").loc[kr_id]
    actions = plan.actions[plan.actions["key_result_id"] == kr_id]
    listed = tuple(ActionState(a.id, a.name, a.owner, action_states[a.id]) for a in actions.itertuples(index=False))
    decision = None if decided is None else DecisionTaken(
        decided["id"], decided["decision"], decided.get("reason", ""), decided.get("owner", ""),
        to_date(decided.get("due")), decided.get("status", ""))
    return WhyBehind(kr.get("owner", ""), kr.get("levers", ""), listed, decision=decision,
                     **_spend_of(lines, actions["id"]))


def _by_category(budget: dict, year) -> tuple[CategorySpend, ...]:
    """Each category's planned amount for the period and the year, and what was spent in the year to date."""
    categories = sorted(set(budget["by_category"]) | set(year.index))
    return tuple(CategorySpend(c, round(float(budget["by_category"].get(c, 0.0)), 2),
                               round(float(year["budget"].get(c, 0.0)), 2),
                               round(float(year["spent_to_date"].get(c, 0.0)), 2)) for c in categories)


def _most_over(lines, count: int = 5) -> tuple[Overrun, ...]:
    """The lines most over budget (spent to date beyond their amount), the largest overrun first."""
    over = lines[lines["over_budget"]].assign(over=lambda f: (f["spent_to_date"] - f["budget"]).round(2))
    over = over.sort_values(["over", "line_id"], ascending=[False, True]).head(count)
    return tuple(Overrun(r.line_id, r.label, float(r.budget), float(r.spent_to_date), float(r.over))
                 for r in over.itertuples(index=False))


def _open_decisions(plan, overdue_ids: set[str]) -> tuple[OpenDecision, ...]:
    """Open decisions with their text, the overdue ones (review.decisions.overdue) flagged."""
    rows = plan.decisions[plan.decisions["status"] == "open"]
    return tuple(OpenDecision(r.id, r.key_result_id, r.decision, r.reason, r.owner, to_date(r.due), r.id in overdue_ids)
                 for r in rows.itertuples(index=False))

