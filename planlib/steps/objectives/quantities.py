"""The quantities of an objective: what makes it Measurable.

A quantity is a number in digits or words with its unit (%, points, €, k€,
$, "fois", hours...), or a word that multiplies ("doubler", "halve", "diviser
par deux", "cut in half"). It is not a quantity when it is part of a word
(B2B, T3), an ordinal (1er, 3rd), a label ("version 2", "étape 3"), an
article ("un livre blanc"), or a year standing alone (linter.py drops those
once it knows what the number is attached to).

Vague words ("plus", "davantage", "significantly", "quelques") and
placeholders ("X %", "[nombre]", "…") are found here too: they are what a
sentence says instead of a quantity, and the verdict names them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ARTICLES, DIGITS, WORDS, value

_UNIT = (r"%|pts?\b|points?(?:\s+de\s+pourcentage)?\b|percentage\s+points?\b|-?points?\b|-point\b|"
         r"[kKM]\s?(?:€|EUR\b|euros?\b|\$)|k€|K€|M€|€|EUR\b|euros?\b|\$|[kKM]\b|millions?\b|milliers?\b|"
         r"fois\b|times\b|x\b|heures?\b|hours?\b|h\b|minutes?\b|min\b|jours?\b|days?\b|semaines?\b|weeks?\b|mois\b|"
         r"months?\b")
MULTIPLIERS = (r"doubler|tripler|quadrupler|décupler|diviser\s+par\s+(?:deux|2)|(?:réduire\s+)?de\s+moitié|"
               r"double|triple|quadruple|halve|in\s+half|by\s+half|twice|[x×]\s?\d+|"
               r"(?:d['’])?(?:un|one)\s+(?:tiers|quart|third)|a\s+third|(?:de\s+)?(?:deux|two)\s+tiers|two[\s-]thirds")
_QUANTITY = re.compile(
    rf"(?P<sign>[+\-−](?=\s*\d))?\s*(?P<currency>[$€]\s?)?(?<![\w.,])(?P<num>{DIGITS})(?![\d])\s*(?P<unit>{_UNIT})?"
    rf"(?![^\W\d_])|"
    rf"(?P<words>{WORDS})\s*(?P<wunit>%|pour\s*cent|percent|fois\b|times\b)?|"
    rf"\b(?P<multiplier>{MULTIPLIERS})\b",
    re.IGNORECASE)
_LABEL_BEFORE = re.compile(r"(?:\b(?:version|v|n°|no\.?|numéro|number|phase|étape|step|page|saison|season|chapitre|"
                           r"chapter|niveau|level|génération|generation|lot|article|#)\s*)$", re.IGNORECASE)
PLACEHOLDER = re.compile(r"(?<![\w])(?:X{1,3}|N{1,2}|Y|x(?=\s*%))(?![\w])\s*(?:%|€|k€|pts?|points?)?|"
                         r"\?{2,}\s*%?|\[[^\]]*\]|…|\.\.\.|<[^>]*>")
VAGUE = re.compile(
    r"\b(?:davantage|beaucoup|significativement|sensiblement|fortement|nettement|considérablement|largement|"
    r"un\s+maximum|au\s+maximum|quelques|plusieurs|mieux|meilleure?s?|plus\s+de|de\s+plus\s+en\s+plus|"
    r"more|better|significantly|substantially|considerably|drastically|greatly|a\s+lot|lots\s+of|some|several|"
    r"as\s+much\s+as\s+possible|far|much|many|higher|stronger|faster)\b", re.IGNORECASE)
_BASE_UNIT = r"(?:\s*(?:%|€|\$|k€|pts?|points?|EUR|euros?|[^\W\d_]+))?"
BASELINE = re.compile(rf"\b(?:de|from)\s+[$€]?\s?(?P<base>{DIGITS}){_BASE_UNIT}\s+(?:à|a|to)\s+[$€]?\s?"
                      rf"(?P<target>{DIGITS})", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    words: str            # as written: "+15 %", "500", "trois", "doubler"
    start: int
    end: int
    unit: str | None      # "%", "€", "points"...; None for a plain count
    year_like: bool       # a plain number 1900-2100: a year unless what is counted follows it


def _is_label(text: str, start: int) -> bool:
    return bool(_LABEL_BEFORE.search(text[max(0, start - 16):start]))


def find(text: str, time_spans: tuple[tuple[int, int], ...] = ()) -> list[Quantity]:
    """Every quantity of the sentence outside its time frame, in order."""
    found = []
    for match in _QUANTITY.finditer(text):
        words = match.group(0).strip()
        if not words:
            continue
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        end = match.end()
        if any(a < end and start < b for a, b in time_spans) or _is_label(text, start):
            continue
        if match.group("words"):
            if match.group("words").lower() in ARTICLES or value(match.group("words")) is None:
                continue
            unit = match.group("wunit")
        else:
            unit = match.group("unit") or (match.group("currency") or "").strip() or None
        number = match.group("num")
        year_like = bool(number) and not unit and not match.group("sign") and re.fullmatch(r"(?:19|20)\d{2}", number)
        found.append(Quantity(words, start, end, unit, bool(year_like)))
    return found


def placeholder(text: str) -> str | None:
    match = PLACEHOLDER.search(text)
    return match.group(0).strip() if match else None


def vague(text: str) -> str | None:
    match = VAGUE.search(text)
    return match.group(0) if match else None


def baseline(text: str) -> tuple[str, str] | None:
    """'from 1.6% to 2.1%', 'de 62 € à 70 €': the starting point and the target, as written."""
    match = BASELINE.search(text)
    return (match.group("base"), match.group("target")) if match else None
