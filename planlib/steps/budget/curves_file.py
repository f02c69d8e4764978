"""curves.csv written by an import or a fit: a channel's curve for a metric replaced whole, under the plan's lock."""
from __future__ import annotations

import math

import pandas as pd

from ...core import schema as S
from ...core.fresh import fresh_under_lock
from ...core.ids import next_ids


def store_curves(plan, rows: list[dict], dry_run: bool = False):
    """(the plan as saved, rows replaced): every (channel, metric) in `rows` replaces its old curve."""
    if dry_run or not rows:
        return plan, int(_same_curves(plan.tables["curves"], rows).sum())
    with fresh_under_lock(plan) as plan:
        existing = plan.tables["curves"]
        replaced = _same_curves(existing, rows)
        kept = existing[~replaced]
        table = S.table("curves")
        added = pd.DataFrame([{c.name: row.get(c.name, math.nan if c.kind in S.NUMERIC_KINDS else "")
                               for c in table.columns} for row in rows])
        added["id"] = next_ids(existing["id"], "RC", len(rows), 2)
        combined = pd.concat([kept, added[kept.columns]], ignore_index=True) if len(kept) else added
        return plan.save_table("curves", combined), int(replaced.sum())


def _same_curves(existing: pd.DataFrame, rows: list[dict]) -> pd.Series:
    """The rows of `existing` whose channel and metric a row of `rows` brings again."""
    keys = {(r["channel_id"], r["metric"]) for r in rows}
    return pd.Series([(c, m) in keys for c, m in zip(existing["channel_id"], existing["metric"])],
                     index=existing.index, dtype=bool)
