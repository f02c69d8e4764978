"""Step 7: the decisions taken on key results, and those whose due date has passed.

decisions.csv holds one row per decision: the key result, continue / adjust /
stop, why, the actions it starts or changes, who and by when, open or done.
An open decision past its due date is overdue and shows on the next report.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

COLUMNS = ["id", "date", "key_result_id", "decision", "reason", "action_ids", "owner", "due", "status"]


def overdue(plan, as_of: date) -> pd.DataFrame:
    """Open decisions whose due date is before the as-of date."""
    frame = plan.decisions
    late = (frame["status"] == "open") & frame["due"].notna() & (frame["due"] < pd.Timestamp(as_of))
    return frame[late][COLUMNS]


def latest_by_key_result(plan, as_of: date) -> dict[str, dict]:
    """The most recent decision on each key result taken on or before the as-of date."""
    frame = plan.decisions[plan.decisions["date"] <= pd.Timestamp(as_of)].sort_values(["date", "id"])
    return {row["key_result_id"]: row for row in frame.to_dict("records")}


def decision_counts(plan, as_of: date) -> dict:
    frame = plan.decisions
    late = overdue(plan, as_of)
    return {"total": int(len(frame)), "open": int((frame["status"] == "open").sum()),
            "overdue": int(len(late)), "overdue_ids": late["id"].tolist()}
