"""What is filled and what is missing in each step of the plan.

The first notebook and a workshop's opening both need the same answer: how
far along is this plan, and what should be filled next. Each step says what
it expects in the registry.
"""
from __future__ import annotations

import pandas as pd

from ..core.i18n import label
from .registry import STEPS


def overview(plan, lang: str) -> pd.DataFrame:
    """One row per step: files, number of entries, state and what is missing."""
    rows = []
    for step in STEPS:
        checks = step.progress(plan)
        if checks is None:
            continue
        missing = [label(key, lang) for key, count in checks if not count]
        entries = sum(count for key, count in checks if key not in step.checks)
        state = "empty" if len(missing) == len(checks) else ("partial" if missing else "filled")
        rows.append({
            label("step", lang): step.title(lang),
            label("file", lang): ", ".join(step.files),
            label("rows", lang): entries,
            label("state", lang): label(state, lang),
            label("missing", lang): ", ".join(missing) if missing else label("nothing_missing", lang),
        })
    return pd.DataFrame(rows)
