"""Step 5's exercise: turn a key result into actions with owners, durations and dependencies."""
from __future__ import annotations

import pandas as pd

from ...steps.actions import schedule
from ..exercise import Exercise

MIN_ACTIONS = 3


def team_owners(plan) -> set[str]:
    return set(plan.config.owners)


def check_actions(plan, givens: dict, say):
    """The key result's actions: a timing that cannot work is wrong; a missing owner, duration or dependency partial."""
    key_result = str(givens.get("key_result", ""))
    if key_result not in set(plan.key_results["id"]):
        return say.verdict("incorrect", "no_key_result", key_result=key_result)
    actions = plan.actions[plan.actions["key_result_id"] == key_result]
    if actions.empty:
        return say.verdict("not_attempted", "none", key_result=key_result)
    ids = set(actions["id"])
    owners = team_owners(plan)
    for action in actions.to_dict("records"):
        owner = str(action["owner"] or "").strip()
        if owner and owners and owner not in owners:
            return say.verdict("incorrect", "unknown_owner", id=action["id"], owner=owner, team=", ".join(sorted(owners)))
    for conflict in schedule.conflicts(plan, None, say.lang):
        if conflict.action_id in ids and conflict.kind in ("before_dependency", "deadline_unreachable"):
            return say.verdict("incorrect", "timing", id=conflict.action_id, conflict=conflict.message)
    wanted = int(givens.get("at_least", MIN_ACTIONS))
    if len(actions) < wanted:
        return say.verdict("partial", "too_few", key_result=key_result, count=len(actions), n=len(actions),
                           wanted=wanted)
    for action in actions.to_dict("records"):
        if not str(action["owner"] or "").strip():
            return say.verdict("partial", "no_owner", id=action["id"])
        dated = not pd.isna(action["start"]) and not pd.isna(action["end"])
        if not dated and pd.isna(action["duration_days"]):
            return say.verdict("partial", "no_duration", id=action["id"])
    deps = schedule.dependencies(actions)
    if not any(deps.get(i) for i in ids):
        return say.verdict("partial", "no_dependency", key_result=key_result)
    chain = ", ".join(f"{a} ← {', '.join(needs)}" for a, needs in deps.items() if a in ids and needs)
    return say.verdict("correct", "correct", key_result=key_result, count=len(actions), n=len(actions), chain=chain)


EXERCISES = (
    Exercise("kr_actions", "actions", ("actions.csv",), check_actions, "05_action_plan.ipynb", "afe54a6f"),
)
