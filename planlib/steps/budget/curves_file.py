"""curves.csv written by an import or a fit: a channel's curve for a metric replaced whole, under the plan's lock."""
from __future__ import annotations

import math
import re

import pandas as pd

from ...core import schema as S
from ...core.fresh import fresh_under_lock


def store_curves(plan, rows: list[dict], dry_run: bool = False):
    """(the plan as saved, rows replaced): every (channel, metric) in `rows` replaces its old curve."""
    if dry_run or not rows:
        return plan, _replaced(plan.tables["curves"], rows)
    with fresh_under_lock(plan) as plan:
        existing = plan.tables["curves"]
        replaced = _replaced(existing, rows)
        keys = {(r["channel_id"], r["metric"]) for r in rows}
        kept = existing[[(c, m) not in keys for c, m in zip(existing["channel_id"], existing["metric"])]]
        numbers = [int(m.group(1)) for i in existing["id"] if (m := re.fullmatch(r"RC(\d+)", str(i)))]
        start = max(numbers, default=0) + 1
        width = max(2, len(str(start + len(rows))))
        columns = S.TABLES["curves"].column_names
        added = pd.DataFrame([{c: row.get(c, math.nan if c not in _TEXT else "") for c in columns}
                              for row in rows])
        added["id"] = [f"RC{n:0{width}d}" for n in range(start, start + len(rows))]
        combined = pd.concat([kept, added[kept.columns]], ignore_index=True) if len(kept) else added[columns]
        return plan.save_table("curves", combined), replaced


_TEXT = {"id", "channel_id", "metric", "family", "source"}


def _replaced(existing: pd.DataFrame, rows: list[dict]) -> int:
    keys = {(r["channel_id"], r["metric"]) for r in rows}
    return sum((c, m) in keys for c, m in zip(existing["channel_id"], existing["metric"]))
