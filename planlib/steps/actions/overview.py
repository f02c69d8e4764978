"""Step 5 in the plan's overview and in `planlib summary`.

The actions running in a period are the period view's (scheduled dates,
cancelled actions aside), so the front page and notebook 05 count the same.
"""
from __future__ import annotations

from .compute import capacity, period_view, status_as_of
from .schedule import conflicts, schedule
from .schema import STATUSES

CHECKS_NOT_ENTRIES = ("owners", "dates")  # yes/no checks, not counts of entries


def progress(plan) -> list[tuple[str, int]]:
    actions = plan.actions
    scheduled = actions[~actions["status"].isin(["idea", "cancelled"])]  # ideas need no dates yet
    return [
        ("actions", len(actions)),
        ("owners", int(len(scheduled) > 0 and (scheduled["owner"] != "").all())),
        ("dates", int(len(scheduled) > 0 and scheduled["start"].notna().all())),
    ]


def summary(plan, period, as_of) -> dict:
    scheduled = schedule(plan)  # computed once, shared by every figure below
    status = status_as_of(plan, period, as_of, scheduled)
    figures, _ = period_view(plan, period, scheduled)
    load = capacity(plan, [period], scheduled)
    counts = plan.actions["status"].value_counts()
    return {"actions": {
        "total": int(len(plan.actions)),
        "by_status": {s: int(counts.get(s, 0)) for s in STATUSES},
        "in_period": figures["actions"],
        "late": int(len(status["late"])), "at_risk": int(len(status["at_risk"])),
        "late_ids": status["late"]["id"].tolist(), "at_risk_ids": status["at_risk"]["id"].tolist(),
        "person_days_in_period": figures["person_days"],
        "overloaded_owners": sorted(load.loc[load["overloaded"], "owner"].tolist()),
        "conflicts": len(conflicts(plan, scheduled, plan.language)),
        "baseline": against_baseline(plan, scheduled)}}


def against_baseline(plan, scheduled) -> dict | None:
    """The schedule against its newest baseline: how many actions end later than frozen, and the three that
    slipped most (working days); None when the plan has no baseline."""
    from .baseline import latest_baseline, slipped, slippage

    baseline = latest_baseline(plan)
    if baseline is None:
        return None
    late = slipped(slippage(plan, baseline, scheduled))
    return {"name": baseline.name, "frozen": baseline.frozen.isoformat() if baseline.frozen else None,
            "slipped": int(len(late)),
            "largest": [{"id": r.id, "name": r.name, "owner": r.owner, "end_variance": int(r.end_variance)}
                        for r in late.head(3).itertuples(index=False)]}
