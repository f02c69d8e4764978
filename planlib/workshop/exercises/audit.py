"""Step 1's exercises: sort SWOT items into their quadrants; cross them into TOWS strategies."""
from __future__ import annotations

from difflib import SequenceMatcher

from ...core.i18n import tr
from ...steps.audit import model
from ..exercise import Exercise
from .text import normalized, quoted, word_count

MIN_STRATEGY_WORDS = 4
SAME_ITEM = 0.85  # an item retyped with a typo or two is still the item


def placed_as(text: str, placed: dict[str, str]) -> str | None:
    """The quadrant an item was put in: the same words, or close enough to be a typo (SAME_ITEM of similarity)."""
    wanted = normalized(text)
    if wanted in placed:
        return placed[wanted]
    close = [(SequenceMatcher(None, wanted, written).ratio(), written) for written in placed]
    best = max(close, default=(0.0, ""))
    return placed[best[1]] if best[0] >= SAME_ITEM else None


def check_swot(plan, givens: dict, say):
    """Each given item must sit in its quadrant; a misplaced one is named with the axis it got wrong."""
    expected = [(str(i.get("text", "")), str(i.get("quadrant", ""))) for i in givens.get("items") or []
                if isinstance(i, dict)]
    placed = {normalized(item.text): item.quadrant for item in model.swot_items(plan.audit)}
    found = [(text, quadrant, placed_as(text, placed)) for text, quadrant in expected]
    if not any(where for _, _, where in found):
        return say.verdict("not_attempted", "none_placed", total=len(expected))
    wrong = [(text, quadrant, where) for text, quadrant, where in found if where and where != quadrant]
    if wrong:
        text, quadrant, where = wrong[0]
        axis = "wrong_side" if (quadrant in model.INTERNAL) != (where in model.INTERNAL) else "wrong_sign"
        return say.verdict("incorrect", axis, item=quoted(text), placed=tr(f"label.{where}", say.lang),
                           count=len(wrong), n=len(wrong))
    missing = [text for text, _, where in found if not where]
    if missing:
        return say.verdict("partial", "missing", done=len(expected) - len(missing), total=len(expected),
                           item=quoted(missing[0]))
    return say.verdict("correct", "correct", total=len(expected))


def check_tows(plan, givens: dict, say):
    """Strategies each cross one internal and one external item, with a text; the four kinds covered."""
    strategies = model.strategies(plan.audit)
    if not strategies:
        return say.verdict("not_attempted", "none")
    known = model.swot_by_id(plan.audit)
    for strategy in strategies:
        number = strategy.index + 1
        if len(strategy.pair) != 2 or not all(p in known for p in strategy.pair):
            unknown = ", ".join(p for p in strategy.pair if p not in known) or "-"
            return say.verdict("incorrect", "bad_pair", number=number, pair=" + ".join(strategy.pair) or "-",
                               unknown=unknown)
        if strategy.kind is None:
            return say.verdict("incorrect", "same_side", number=number, first=strategy.pair[0],
                               second=strategy.pair[1])
    short = [s for s in strategies if word_count(s.text) < MIN_STRATEGY_WORDS]
    if short:
        return say.verdict("partial", "no_text", number=short[0].index + 1, pair=" + ".join(short[0].pair))
    wanted = int(givens.get("kinds", len(model.PAIR_KINDS)))
    covered = sorted({s.kind for s in strategies})
    if len(covered) < wanted:
        missing = [k for k in model.PAIR_KINDS if k not in covered]
        return say.verdict("partial", "kinds_missing", covered=", ".join(covered), missing=", ".join(missing))
    return say.verdict("correct", "correct", count=len(strategies), n=len(strategies), kinds=", ".join(covered))


EXERCISES = (
    Exercise("swot_quadrants", "audit", ("audit.yaml",), check_swot, "01_audit.ipynb", "ee90b257"),
    Exercise("tows_pairs", "audit", ("audit.yaml",), check_tows, "01_audit.ipynb", "14959e4b"),
)
