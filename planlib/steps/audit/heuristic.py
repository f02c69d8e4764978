"""Is a SWOT item on the right side? A documented heuristic, for warnings only.

Strengths and weaknesses are internal (what the company controls: its team,
offer, site, prices); opportunities and threats are external (the market,
competitors, regulation, the economy). cues.yaml lists words of each side in
English and French. An internal item is flagged when it names external cues
and no internal one ("The market grows 9 % a year" written as a strength),
and the reverse ("Our team knows SEO" written as an opportunity). An item
with cues of both sides, or none, is never flagged: the heuristic only
speaks when the wording points one way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ...core.yaml_text import safe_load
from .model import SwotItem

CUES_FILE = Path(__file__).with_name("cues.yaml")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    cues = safe_load(CUES_FILE.read_text(encoding="utf-8"))
    patterns = {}
    for side, by_language in cues.items():
        words = sorted({w.lower() for words in by_language.values() for w in words}, key=len, reverse=True)
        patterns[side] = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    return patterns


def cues_in(text: str) -> dict[str, list[str]]:
    """The internal and external cue words found in a text (lower case, in order, without repeats)."""
    lowered = text.lower().replace("’", "'")
    return {side: list(dict.fromkeys(pattern.findall(lowered))) for side, pattern in _patterns().items()}


def misplaced(item: SwotItem) -> list[str]:
    """The cue words that put an item on the other side, or [] when it reads as where it is."""
    found = cues_in(item.text)
    own, other = ("internal", "external") if item.internal else ("external", "internal")
    return found[other] if found[other] and not found[own] else []
