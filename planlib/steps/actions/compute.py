"""Step 5: what to do first, what happens in a period, who is overloaded, what is late.

Built on `planlib.schedule`: priorities respect dependencies, the period view
and capacity spread each occurrence's person-days over its working days, and
status is judged as of a date.
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from ...core import schema as S
from ...core.parse import to_date
from ...core.periods import Period
from ...core.plan import Plan
from .schedule import dependencies, occurrences, schedule, topological_order


def urgency(deadline: date | None, as_of: date) -> int:
    """3 within a month, 2 within a quarter, 1 later, 0 with no deadline."""
    if deadline is None or pd.isna(deadline):
        return 0
    days = (pd.Timestamp(deadline).date() - as_of).days
    return 3 if days <= 31 else 2 if days <= 92 else 1


def ranked_actions(plan: Plan, as_of: date) -> pd.DataFrame:
    """Actions still to do, ranked by a score that never puts an action before one it depends on.

    score = 2 x impact + (6 - difficulty) + urgency of the deadline + stated priority;
    an action then takes the highest score of anything that waits for it, and
    ties follow the dependency order.
    """
    actions = plan.actions[~plan.actions["status"].isin(["done", "cancelled"])].copy()
    impact = actions["impact"].astype("Float64").fillna(3)
    ease = 6 - actions["difficulty"].astype("Float64").fillna(3)
    actions["score"] = (2 * impact + ease + actions["priority"].map(S.PRIORITY_POINTS).fillna(0)
                        + [urgency(d, as_of) for d in actions["deadline"]]).astype(float)
    score = dict(zip(actions["id"], actions["score"]))
    deps = dependencies(actions)
    order = topological_order(actions)
    for action in reversed(order):  # raise each dependency to its dependents' score
        for need in deps.get(action, []):
            if need in score:
                score[need] = max(score[need], score[action])
    position = {action: n for n, action in enumerate(order)}
    actions["score"] = actions["id"].map(score)
    actions["order"] = actions["id"].map(position)
    ranked = actions.sort_values(["score", "order"], ascending=[False, True])
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked[["rank", "id", "workstream", "name", "owner", "status", "priority", "impact", "difficulty",
                   "deadline", "score"]].reset_index(drop=True)


def spread(plan: Plan, occurrence_rows: pd.DataFrame) -> pd.DataFrame:
    """Each occurrence's person-days spread evenly over its working days: id, owner, day, person_days."""
    rows = []
    for row in occurrence_rows.itertuples(index=False):
        days = plan.calendar.working_days(row.start, row.end) or [row.start]
        share = row.person_days / len(days)
        rows += [(row.id, row.owner, row.workstream, day, share) for day in days]
    return pd.DataFrame(rows, columns=["id", "owner", "workstream", "day", "person_days"])


def period_view(plan: Plan, period: Period, scheduled: pd.DataFrame | None = None) -> tuple[dict, pd.DataFrame]:
    """The period's figures and the actions running in it, with their estimate in the period."""
    scheduled = schedule(plan) if scheduled is None else scheduled
    daily = spread(plan, occurrences(plan, scheduled))
    inside = daily[(daily["day"] >= period.start) & (daily["day"] <= period.end)]
    estimate = inside.groupby("id")["person_days"].sum()
    running = scheduled[scheduled["planned_start"].notna()]
    running = running[(running["planned_start"] <= period.end) & (running["planned_end"] >= period.start)]
    details = plan.actions.set_index("id")
    view = pd.DataFrame({
        "id": running["id"], "workstream": running["workstream"], "name": running["name"],
        "description": [details.loc[i, "description"] for i in running["id"]],
        "owner": running["owner"], "start": running["planned_start"], "end": running["planned_end"],
        "status": running["status"],
        "person_days": [round(float(estimate.get(i, 0.0)), 2) for i in running["id"]],
    }).sort_values(["workstream", "start", "id"]).reset_index(drop=True)
    figures = {"period": period.id, "start": period.start.isoformat(), "end": period.end.isoformat(),
               "working_days": plan.calendar.count_working_days(period.start, period.end),
               "actions": int(len(view)), "person_days": round(float(view["person_days"].sum()), 2)}
    return figures, view


def capacity(plan: Plan, periods: list[Period], scheduled: pd.DataFrame | None = None) -> pd.DataFrame:
    """Load against capacity per owner and period, with the actions causing an overload.

    Capacity = working days of the period x days_per_week / 5 (or x share, a
    share of time from 0 to 1), less the working days of the owner's absences
    (same ratio). Owners not in plan.yaml's team count as full time.
    """
    team = {m["owner"]: m for m in plan.config.team if m.get("owner")}
    daily = spread(plan, occurrences(plan, scheduled))
    owners = sorted(set(team) | set(daily["owner"]) - {""})
    rows = []
    for period in periods:
        days = plan.calendar.working_days(period.start, period.end)
        inside = daily[(daily["day"] >= period.start) & (daily["day"] <= period.end)]
        for owner in owners:
            member = team.get(owner, {})
            ratio = float(member["share"]) if member.get("share") is not None else \
                float(member.get("days_per_week", 5)) / 5
            absent = set()
            for absence in member.get("absences") or []:
                absent |= set(plan.calendar.working_days(to_date(absence["start"]), to_date(absence["end"])))
            available = round(ratio * len([d for d in days if d not in absent]), 2)
            mine = inside[inside["owner"] == owner]
            load = round(float(mine["person_days"].sum()), 2)
            causes = mine.groupby("id")["person_days"].sum().sort_values(ascending=False)
            rows.append({"period": period.id, "owner": owner, "capacity": available, "load": load,
                         "overloaded": load > available + 1e-9,
                         "actions": ", ".join(f"{i} ({v:.1f})" for i, v in causes.items()) if load > available else ""})
    return pd.DataFrame(rows, columns=["period", "owner", "capacity", "load", "overloaded", "actions"])


def status_as_of(plan: Plan, period: Period, as_of: date, scheduled: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Late, at risk, starting in the next period, done in the period: the one definition every page, the
    summary and the front page read.

    Late: not done nor cancelled, and its deadline or its planned end has passed. At risk: not late, but its
    slack is negative (its deadline cannot be met), or it waits, directly or through others, on a late action
    and has no more slack than that action's delay in working days: the delay reaches it."""
    scheduled = schedule(plan) if scheduled is None else scheduled
    following = next_period(plan, period)

    def when(column: str, test) -> pd.Series:
        return scheduled[column].map(lambda d: d is not None and not pd.isna(d) and test(d)).astype(bool)

    open_ = ~scheduled["status"].isin(["done", "cancelled"])
    late = open_ & (when("planned_end", lambda d: d < as_of) | when("deadline", lambda d: d < as_of))
    reached = _reached_by_delays(plan, scheduled[late], scheduled, as_of)
    at_risk = open_ & ~late & ((scheduled["slack"] < 0) | scheduled["id"].isin(reached))
    starting = scheduled[open_ & when("planned_start", lambda d: following.start <= d <= following.end)]
    done = scheduled[(scheduled["status"] == "done") & when("planned_end", lambda d: period.start <= d <= period.end)]
    columns = ["id", "workstream", "name", "owner", "status", "planned_start", "planned_end", "deadline", "slack"]
    return {"late": scheduled[late][columns], "at_risk": scheduled[at_risk][columns],
            "starting_next": starting[columns], "done_in_period": done[columns], "next_period": following}


def _reached_by_delays(plan: Plan, late: pd.DataFrame, scheduled: pd.DataFrame, as_of: date) -> set[str]:
    """The actions downstream of a late one whose slack its delay (working days since it should have ended)
    uses up."""
    if not len(late):
        return set()
    from .schedule import WorkDays

    passed = [min(d for d in (row.planned_end, row.deadline) if d is not None and not pd.isna(d) and d < as_of)
              for row in late.itertuples(index=False)]
    days = WorkDays(plan, min(passed) - timedelta(days=7), as_of + timedelta(days=7))
    delays = {row.id: days.number_on_or_before(as_of) - days.number_on_or_before(day)
              for row, day in zip(late.itertuples(index=False), passed)}
    dependents: dict[str, list[str]] = {}
    for action, needs in dependencies(plan.actions).items():
        for need in needs:
            dependents.setdefault(need, []).append(action)
    slack = dict(zip(scheduled["id"], scheduled["slack"]))
    reached = set()
    for action, delay in delays.items():
        waiting, seen = list(dependents.get(action, [])), set()
        while waiting:
            child = waiting.pop()
            if child in seen or child not in slack:
                continue
            seen.add(child)
            if slack[child] <= delay:
                reached.add(child)
            waiting.extend(dependents.get(child, []))
    return reached


def next_period(plan: Plan, period: Period) -> Period:
    """The period of the same kind that follows (for a year, the next year)."""
    day = period.end + timedelta(days=1)
    if period.kind == "year":
        return plan.calendar.fiscal_year(int(period.id) + 1)
    return plan.calendar.period_of(day, period.kind)
