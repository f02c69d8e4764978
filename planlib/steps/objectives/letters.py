"""The SMART letters: their keys, marks and the Realistic thresholds, in one place.

The key-result check (compute.py) and the sentence checker (linter.py) judge
the same letters with the same limits; both read them from here.
"""
from __future__ import annotations

LETTERS = ("specific", "measurable", "achievable", "realistic", "time_bound")  # wording: letter.<key>
MARKS = {True: "✓", False: "✗", None: "?"}  # met, missing, needs a person's judgement

REALISM = {
    "pace_vs_best_observed": 3.0,  # a required monthly change over 3x the best month seen is unrealistic
    "max_monthly_change_without_history": 0.08,  # 8% a month (relative to the baseline) when no actuals exist
}
