"""The short guides shown in each notebook: one markdown file per step and language.

A guide lives beside its step (`planlib/steps/<step>/guide.<lang>.md`), cut
into sections by `<!-- section: NAME -->` lines, so a trainer or translator
edits text, never code. A language without its own file reads the English one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

STEPS_DIR = Path(__file__).resolve().parent
_SECTION = re.compile(r"^<!--\s*section:\s*([\w-]+)\s*-->\s*$", re.MULTILINE)


@lru_cache(maxsize=None)
def sections(step: str, lang: str) -> dict[str, str]:
    """Every section of a step's guide in a language (English when that language has no file)."""
    path = STEPS_DIR / step / f"guide.{lang}.md"
    if not path.exists():
        path = STEPS_DIR / step / "guide.en.md"
    if not path.exists():
        return {}
    parts = _SECTION.split(path.read_text(encoding="utf-8"))
    return {name: text.strip() for name, text in zip(parts[1::2], parts[2::2])}


def guide_text(step: str, section: str, lang: str) -> str:
    """One section of a step's guide; KeyError names what is missing."""
    found = sections(step, lang)
    if section not in found:
        raise KeyError(f"no section '{section}' in the guide of step '{step}'")
    return found[section]
