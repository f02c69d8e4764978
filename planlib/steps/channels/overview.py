"""Step 4 in the plan's overview and in `planlib summary` (`channels`)."""
from __future__ import annotations

from .findings import FLAGS
from .ranking import rank


def progress(plan) -> list[tuple[str, int]]:
    return [("channels", len(plan.channels)), ("messages", len(plan.messages))]


def summary(plan, period, as_of) -> dict:
    ranking = rank(plan)
    codes = [w.code for w in plan.warnings]
    chosen = plan.channels["chosen"].fillna(True).astype(bool)
    return {"channels": {
        "total": int(len(plan.channels)),
        "chosen": int(chosen.sum()),
        "messages": int(len(plan.messages)),
        "ranking": [{"id": row.id, "score": None if row.score != row.score else float(row.score)}
                    for row in ranking.itertuples(index=False)],
        "flags": {flag: sum(codes.count(code) for code in group) for flag, group in FLAGS.items()},
    }}
