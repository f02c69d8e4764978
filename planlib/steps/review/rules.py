"""Step 7's rules: the review's thresholds in plan.yaml (`review:`).

decisions.csv itself (a known key result, known actions, a decision among
continue / adjust / stop, a date) is checked by the core from the schema.
"""
from __future__ import annotations

from ...core.settings import block
from ...core.validate.context import Context
from .schema import REVIEW_DEFAULTS


def check_review_settings(ctx: Context) -> None:
    check = ctx.checker("plan.yaml")
    review = block(ctx.settings, "review")
    for key in ("green", "amber"):
        if review.get(key) is not None:
            check.number(review[key], ("review", key), 0, 2)
    for key, low, high in (("min_elapsed_days", 0, 366), ("level_window_days", 1, 366)):
        if review.get(key) is not None:
            check.number(review[key], ("review", key), low, high)
    green, amber = review.get("green", REVIEW_DEFAULTS["green"]), review.get("amber", REVIEW_DEFAULTS["amber"])
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (green, amber)) and amber > green:
        check.problem(("review", "amber"), "amber_above_green", "amber_below_green", amber=amber, green=green)


RULES = (check_review_settings,)
