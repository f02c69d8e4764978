"""Numbers as objectives write them: digits in French or English style, or words.

Both the quantity and the time frame of a sentence are numbers ("500 leads",
"trois articles", "in the next six months"). Words are turned into values by
text2num, which knows French and English compounds (quatre-vingt-dix,
twenty-five) better than a table of our own would; this module only finds
where the words are. A sentence may be written in either language whatever the
reader's language, so both are always tried.
"""
from __future__ import annotations

import re

from text_to_num import text2num

_WORDS_FR = ("zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
             "vingt vingts trente quarante cinquante soixante cent cents mille")
_WORDS_EN = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
             "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand")
_WORD = "|".join(sorted(set((_WORDS_FR + " " + _WORDS_EN).split()), key=len, reverse=True))
WORDS = rf"\b(?:{_WORD})(?:(?:-et-|-|\s+et\s+|\s+and\s+|\s+)(?:{_WORD}))*\b"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\s\u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
ARTICLES = {"un", "une", "one"}  # "un livre blanc", "one of": an article more often than a count


def word_value(words: str) -> float | None:
    """The value of a number written in words, in French or English; None when it is not one."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    for lang in ("fr", "en"):
        try:
            return float(text2num(text, lang))
        except ValueError:
            continue
    return None


def digits_value(text: str) -> float:
    """1 250,5 and 1,250.5 both read 1250.5; a lone comma is a decimal comma (1,6 reads 1.6)."""
    text = re.sub(r"[\s\u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def value(text: str) -> float | None:
    """A count in digits or words."""
    text = text.strip()
    if re.fullmatch(DIGITS, text):
        return digits_value(text)
    return word_value(text)
