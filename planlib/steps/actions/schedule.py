"""Step 5: scheduling the action plan in working days.

Forward pass: the earliest start of each action once its dependencies have
ended. Backward pass (the retroplanning): from each deadline, the latest start
of the action and of everything it depends on. Slack is the gap between the
two; the critical path is the chain with the least slack. Conflicts name the
actions involved. Working days follow the plan's calendar (weekends, public
holidays); arithmetic is done on working-day numbers so 10,000 actions
schedule in well under a second.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ...core.i18n import tr
from ...core.parse import to_date
from ...core.plan import Plan

INACTIVE = ("cancelled",)  # cancelled actions take no time and block nothing


class WorkDays:
    """Working days of a span as numbers: add, subtract and count in O(1)."""

    def __init__(self, plan: Plan, first: date, last: date):
        calendar = plan.calendar
        self.days = calendar.working_days(first, last)
        self.index = {day: n for n, day in enumerate(self.days)}

    def number(self, day: date) -> int:
        """The number of `day`, or of the first working day after it."""
        found = self.index.get(day)
        return found if found is not None else bisect.bisect_left(self.days, day)

    def number_on_or_before(self, day: date) -> int:
        found = self.index.get(day)
        return found if found is not None else bisect.bisect_right(self.days, day) - 1

    def day(self, number: int) -> date:
        if number < 0:
            return self.days[0] - timedelta(days=1 - number)
        if number >= len(self.days):
            return self.days[-1] + timedelta(days=1 + number - len(self.days))
        return self.days[number]


@dataclass(frozen=True)
class Conflict:
    kind: str  # before_dependency, deadline_unreachable, end_after_deadline, in_busy_period, must_precede
    action_id: str
    other: str  # the other action or period involved
    message: str


def _date(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def dependencies(actions: pd.DataFrame) -> dict[str, list[str]]:
    return {i: [d for d in deps.split(",") if d] for i, deps in zip(actions["id"], actions["depends_on"])}


def topological_order(actions: pd.DataFrame) -> list[str]:
    """Action ids, each after every action it depends on (the loader refuses cycles)."""
    deps = dependencies(actions)
    dependents: dict[str, list[str]] = {i: [] for i in deps}
    waiting = {i: 0 for i in deps}
    for action, needs in deps.items():
        for need in needs:
            if need in dependents:
                dependents[need].append(action)
                waiting[action] += 1
    ready = [i for i in deps if waiting[i] == 0]
    order = []
    while ready:
        current = ready.pop()
        order.append(current)
        for child in dependents[current]:
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    return order


def schedule(plan: Plan) -> pd.DataFrame:
    """Planned dates, forward and backward schedules, slack and criticality of every active action.

    Columns: planned_start, planned_end, duration (working days), earliest_start,
    earliest_end, latest_start, latest_end, slack (working days), critical.
    Actions with no dates yet (ideas) start at the year's start in the forward pass.
    """
    actions = plan.actions
    active = actions[~actions["status"].isin(INACTIVE)].reset_index(drop=True)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    starts = [d for d in (_date(v) for v in active["start"]) if d] + [year.start]
    ends = [d for d in (_date(v) for v in pd.concat([active["end"], active["deadline"]])) if d] + [year.end]
    days = WorkDays(plan, min(starts) - timedelta(days=400), max(ends) + timedelta(days=800))
    year_first, year_last = days.number(year.start), days.number_on_or_before(year.end)
    rows: dict[str, dict] = {}
    for row in active.itertuples(index=False):
        start, end = _date(row.start), _date(row.end)
        first = days.number(start) if start else None
        if end is not None and first is not None:
            duration = max(1, days.number_on_or_before(end) - first + 1)
        elif pd.notna(row.duration_days):
            duration = max(1, int(row.duration_days))
        else:
            duration = 1
        last = first + duration - 1 if first is not None else None
        deadline = _date(row.deadline)
        rows[row.id] = {"first": first, "last": last, "duration": duration,
                        "deadline": days.number_on_or_before(deadline) if deadline else None}
    order = [i for i in topological_order(active) if i in rows]
    deps = {i: [d for d in needs if d in rows] for i, needs in dependencies(active).items()}
    dependents: dict[str, list[str]] = {i: [] for i in rows}
    for action, needs in deps.items():
        for need in needs:
            dependents[need].append(action)
    # What a dependent waits for: the end of a one-off action, the first day of a recurring or
    # continuous one (a newsletter must have started, not ended, before its A/B tests begin).
    lead = {row.id: (rows[row.id]["duration"] if row.recurrence == "none" else 1) for row in active.itertuples()}
    for action in order:  # forward: not before its own planned start, nor before its dependencies end
        info = rows[action]
        earliest = info["first"] if info["first"] is not None else year_first
        for need in deps[action]:
            earliest = max(earliest, rows[need]["early_first"] + lead[need])
        info["early_first"], info["early_last"] = earliest, earliest + info["duration"] - 1
    for action in reversed(order):  # backward: from deadlines, and from what depends on it
        info = rows[action]
        latest_first = (info["deadline"] if info["deadline"] is not None else
                        max(year_last, info["early_last"])) - info["duration"] + 1
        for child in dependents[action]:
            latest_first = min(latest_first, rows[child]["late_first"] - lead[action])
        info["late_first"], info["late_last"] = latest_first, latest_first + info["duration"] - 1
    out = []
    for row in active.itertuples(index=False):
        info = rows[row.id]
        out.append({
            "id": row.id, "workstream": row.workstream, "name": row.name, "owner": row.owner,
            "status": row.status, "recurrence": row.recurrence,
            "planned_start": days.day(info["first"]) if info["first"] is not None else None,
            "planned_end": days.day(info["last"]) if info["last"] is not None else None,
            "duration": info["duration"], "deadline": _date(row.deadline),
            "earliest_start": days.day(info["early_first"]), "earliest_end": days.day(info["early_last"]),
            "latest_start": days.day(info["late_first"]), "latest_end": days.day(info["late_last"]),
            "slack": info["late_first"] - info["early_first"],
        })
    frame = pd.DataFrame(out, columns=["id", "workstream", "name", "owner", "status", "recurrence", "planned_start",
                                       "planned_end", "duration", "deadline", "earliest_start", "earliest_end",
                                       "latest_start", "latest_end", "slack"])
    least = frame["slack"].min() if len(frame) else 0
    frame["critical"] = frame["slack"] == least
    return frame


def critical_path(plan: Plan, scheduled: pd.DataFrame | None = None) -> list[str]:
    """The longest chain of least-slack actions, linked by dependencies, in order."""
    scheduled = schedule(plan) if scheduled is None else scheduled
    critical = set(scheduled.loc[scheduled["critical"], "id"])
    deps = dependencies(plan.actions)
    best: dict[str, list[str]] = {}
    for action in topological_order(plan.actions):
        if action not in critical:
            continue
        chains = [best[d] for d in deps.get(action, []) if d in best]
        best[action] = max(chains, key=len, default=[]) + [action]
    return max(best.values(), key=len, default=[])


CONFLICTS = ("before_dependency", "deadline_unreachable", "end_after_deadline", "in_busy_period", "must_precede")


def _conflict(kind: str, action: str, other: str, lang: str, **values) -> Conflict:
    return Conflict(kind, action, other, tr(f"conflict.{kind}", lang, id=action, other=other, **values))


def conflicts(plan: Plan, scheduled: pd.DataFrame | None, lang: str) -> list[Conflict]:
    """Everything in the timing that cannot work, each naming the actions or periods involved."""
    scheduled = schedule(plan) if scheduled is None else scheduled
    by_id = scheduled.set_index("id")
    found: list[Conflict] = []
    deps = dependencies(plan.actions)
    for row in scheduled.itertuples(index=False):
        if row.planned_start is not None:
            for need in deps.get(row.id, []):
                if need not in by_id.index or by_id.loc[need, "planned_end"] is None:
                    continue
                ongoing = by_id.loc[need, "recurrence"] != "none"
                ready = by_id.loc[need, "planned_start"] if ongoing else by_id.loc[need, "planned_end"]
                if row.planned_start < ready or (not ongoing and row.planned_start == ready):
                    found.append(_conflict("before_dependency", row.id, need, lang, start=row.planned_start,
                                           ready=ready, verb=tr("conflict.verb_starts" if ongoing else "conflict.verb_ends", lang)))
        if row.deadline is not None and row.earliest_end > row.deadline:
            found.append(_conflict("deadline_unreachable", row.id, "", lang, deadline=row.deadline,
                                   end=row.earliest_end, late=-row.slack))
        elif row.deadline is not None and row.planned_end is not None and row.planned_end > row.deadline:
            found.append(_conflict("end_after_deadline", row.id, "", lang, end=row.planned_end, deadline=row.deadline))
    for period in plan.config.high_activity_periods:
        start, end = to_date(period.get("start")), to_date(period.get("end"))
        avoid = period.get("avoid") or []
        for row in scheduled.itertuples(index=False):
            if row.planned_start is None:
                continue
            overlaps = row.planned_start <= end and row.planned_end >= start
            if overlaps and ("all" in avoid or row.workstream in avoid):
                found.append(_conflict("in_busy_period", row.id, period["name"], lang, workstream=row.workstream,
                                       start=start, end=end))
        for action in period.get("prepare") or []:
            if action in by_id.index and by_id.loc[action, "planned_end"] is not None \
                    and by_id.loc[action, "planned_end"] >= start:
                found.append(_conflict("must_precede", action, period["name"], lang, start=start,
                                       end=by_id.loc[action, "planned_end"]))
    return found


# -- occurrences: what each action costs, day by day ---------------------------------------------

RECURRENCE_STEPS = {"weekly": ("weeks", 1), "monthly": ("months", 1), "quarterly": ("months", 3)}


def occurrences(plan: Plan, scheduled: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per occurrence: id, owner, start, end, person_days.

    A one-off or continuous action is one occurrence over its dates; a weekly,
    monthly or quarterly one repeats from its start until its end (moved to the
    next working day), its person-days shared equally between occurrences.
    """
    scheduled = schedule(plan) if scheduled is None else scheduled
    person_days = dict(zip(plan.actions["id"], plan.actions["person_days"]))
    rows = []
    for row in scheduled.itertuples(index=False):
        if row.planned_start is None:
            continue
        total = person_days.get(row.id)
        total = 0.0 if pd.isna(total) else float(total)
        if row.recurrence in RECURRENCE_STEPS:
            unit, step = RECURRENCE_STEPS[row.recurrence]
            starts, n = [], 0
            while True:
                offset = pd.DateOffset(**{unit: step * n})
                day = (pd.Timestamp(row.planned_start) + offset).date()
                if day > row.planned_end:
                    break
                while not plan.calendar.is_working_day(day) and day <= row.planned_end:
                    day += timedelta(days=1)
                if day <= row.planned_end:
                    starts.append(day)
                n += 1
            share = total / len(starts) if starts else 0.0
            rows += [(row.id, row.owner, row.workstream, day, day, share) for day in starts]
        else:
            rows.append((row.id, row.owner, row.workstream, row.planned_start, row.planned_end, total))
    return pd.DataFrame(rows, columns=["id", "owner", "workstream", "start", "end", "person_days"])
