"""The time frame of an objective, as French and English writers state it.

Time-bound means the sentence says when: a date, a month, a quarter or half,
a year, a season or a calendar event, a relative span ("within 6 months",
"à horizon 12 mois", "sous 90 jours"), a named period of the plan (its
high-activity periods), or a frequency ("par mois", "every week"). Each way is
one named pattern below; the name is the kind the verdict reports.

A frequency adjective in front of or after a noun ("monthly active users",
"utilisateurs actifs mensuels", "weekly meetings") names what is counted, not
when: only the adverbial forms count ("per month", "chaque semaine",
"mensuellement", "monthly" at the end of a clause).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .numbers import WORDS, value

MONTHS = (r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
          r"january|february|march|april|(?-i:May)|june|july|august|september|october|november|december|"
          r"jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec")
UNIT_MONTHS = {"jour": 1 / 30, "day": 1 / 30, "semaine": 0.25, "week": 0.25, "mois": 1, "month": 1,
               "trimestre": 3, "quarter": 3, "semestre": 6, "an": 12, "année": 12, "annee": 12, "year": 12}
_UNIT = r"(?:jours?|days?|semaines?|weeks?|mois|months?|trimestres?|quarters?|semestres?|ans|an|années?|years?)"
_COUNT = rf"(?:\d+|{WORDS}|une?|an?)"
_SPAN_PREP = (r"d['’]ici(?:\s+à)?|dans|sous|en|sur|pendant|durant|au\s+cours\s+des|à\s+(?:l['’])?horizon(?:\s+de)?|"
              r"horizon|within|in|over|during|for|under")
_SPAN_FILLER = (r"les|the|next|coming|prochains?|prochaines?|moins\s+de|less\s+than|fewer\s+than|un\s+délai\s+de|"
                r"l['’]espace\s+de|the\s+space\s+of")
_ORDINAL = (r"premier|première|second|seconde|deuxième|troisième|quatrième|dernier|dernière|prochain|prochaine|"
            r"1er|1re|2e|2ème|3e|3ème|4e|4ème|first|second|third|fourth|last|final|next|this|current|coming|following")
_PERIOD = r"(?:trimestre|semestre|mois|année|an|exercice|quarter|half|semester|month|year|fiscal\s+year|week|semaine)"
_SEASON = r"printemps|été|automne|hiver|rentrée(?:\s+scolaire)?|spring|summer|autumn|fall|winter|back[\s-]to[\s-]school"
_EVENT = (r"no[eë]l|pâques|paques|(?:la\s+)?saint[\s-]valentin|(?:la\s+)?f[êe]te\s+des\s+(?:mères|pères)|"
          r"(?:les\s+)?soldes(?:\s+d['’](?:hiver|été))?|(?:les\s+)?f[êe]tes(?:\s+de\s+fin\s+d['’]année)?|"
          r"black\s+friday|cyber\s+monday|halloween|toussaint|(?:le\s+)?nouvel\s+an|christmas|easter|"
          r"valentine['’]s\s+day|mother['’]s\s+day|father['’]s\s+day|thanksgiving|new\s+year|"
          r"(?:the\s+)?(?:summer\s+|winter\s+|january\s+)?sales|(?:the\s+)?holiday\s+season|(?:the\s+)?holidays")
_BEFORE_NAMED = (r"d['’]ici|avant|pour|pendant|durant|lors\s+d[ue]s?|dès|jusqu['’]à|à|au|aux|en|cet|cette|ce|"
                 r"en\s+vue\s+d[ue]s?|by|before|for|during|over|until|ahead\s+of|around|in|this|next|at|through")
_ARTICLE = r"(?:(?:la|le|les|l['’]|the)\s*)?"
_CLAUSE_END = r"(?=\s*(?:$|[,.;:!?)]|\s(?:for|in|on|to|with|by|from|at|across|until|over|and|per)\b))"

# Each pattern is one way people give a time frame; the name is its kind (wording: linter.time_kind.<name>).
PATTERNS: list[tuple[str, str]] = [
    ("date", r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"),
    ("duration", rf"\b(?:{_SPAN_PREP})\s+(?:(?:{_SPAN_FILLER})\s+)*(?P<count>{_COUNT})[\s-]+"
                 rf"(?:(?:prochain|prochaine|dernier|dernière|next|coming|last)s?\s+)?(?P<unit>{_UNIT})\b"
                 rf"(?:\s+(?:prochain|suivant|à\s+venir)e?s?\b)?"),
    ("duration", rf"\b(?:an?\s+)?(?P<count>{_COUNT})[\s-]+(?P<unit>{_UNIT})\s+(?:horizon|window|period|time\s*frame)\b"),
    ("month", rf"\b(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+)?(?:{MONTHS})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
              rf"(?:,?\s+\d{{4}}\b)?"),
    ("quarter", r"(?-i:\b(?:T|Q|S|H)[1-4]\b)(?:\s+20\d{2}\b)?|\b20\d{2}[-\s]?(?-i:(?:Q|T|H|S)[1-4])\b|"
                r"(?-i:\bFY\s?\d{2,4}\b)"),
    ("period", rf"\b(?:{_ORDINAL})\s+{_PERIOD}\b(?:\s+(?:de\s+|of\s+)?20\d{{2}}\b)?|"
               rf"\b{_PERIOD}\s+(?:prochaine?|suivante?|en\s+cours|courante?)\b|"
               rf"\b(?:ce|cet|cette)\s+{_PERIOD}\b|"
               rf"\b(?:sur|pendant|durant|au\s+cours\s+de|dans|over|during|within)\s+(?:l['’]|the\s+)(?:année|exercice|year)\b"),
    ("period", rf"\b(?:(?:d['’]ici|avant|jusqu['’]à|pour|à|en|by|before|at|until|in)\s+)?(?:la\s+|the\s+)?"
               rf"(?:fin|end)\s+(?:du\s+|de\s+la\s+|de\s+l['’]|d['’]|de\s+|of\s+(?:the\s+)?)?(?:(?:{_ORDINAL})\s+)?"
               rf"(?:{_PERIOD}|(?-i:[TQSH][1-4])|20\d{{2}}|{MONTHS})\b|"
               r"\byear[\s-]end\b|\b(?-i:EOY|EOQ)\b"),
    ("year", r"\b(?:en|d['’]ici|pour|fin|début|courant|dès|avant|après|sur|à\s+fin|à\s+(?:l['’])?horizon|horizon|"
             r"in|by|for|during|before|until|through|end\s+of|early|late|mid|mi|de\s+l['’]année|"
             r"(?:l['’]|the\s+)?(?:exercice|fiscal\s+year|year))[\s-]+(?:19|20)\d{2}\b"),
    ("season", rf"\b(?:{_BEFORE_NAMED})\s+{_ARTICLE}(?:(?:fin|début|end|beginning)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|of\s+(?:the\s+)?))?"
               rf"(?:{_SEASON})\b(?:\s+(?:prochain|prochaine|20\d{{2}}))?|\b(?:{_SEASON})\s+20\d{{2}}\b"),
    ("event", rf"\b(?:{_BEFORE_NAMED})\s+{_ARTICLE}(?:{_EVENT})\b"),
    ("frequency", r"\b(?:par|chaque|tous\s+les|toutes\s+les|per|each|every|a)\s+"
                  r"(?:jour|semaine|mois|trimestre|semestre|an|année|day|week|month|quarter|year)s?\b|"
                  r"\b(?:quotidiennement|hebdomadairement|mensuellement|trimestriellement|annuellement)\b|"
                  rf"\b(?:daily|weekly|monthly|quarterly|yearly|annually){_CLAUSE_END}"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS]


@dataclass(frozen=True)
class TimeFrame:
    words: str | None            # the first time frame, as written
    kind: str | None             # its kind (a PATTERNS name, or "plan_period")
    months: float | None         # its length in months, when it states a duration
    spans: tuple[tuple[int, int], ...]  # every part of the sentence that says when


def _plain(text: str) -> str:
    """Lower case without accents, the same length as the text, to find a plan's period names."""
    return "".join(unicodedata.normalize("NFKD", ch)[0].lower() for ch in text)


def _duration_months(match: re.Match) -> float | None:
    count = match.group("count").lower()
    number = 1.0 if count in ("un", "une", "a", "an") else value(count)
    unit = match.group("unit").lower()
    unit = unit if unit in UNIT_MONTHS else unit.rstrip("s")
    return number * UNIT_MONTHS[unit] if number is not None and unit in UNIT_MONTHS else None


def find(text: str, period_names: tuple[str, ...] = ()) -> TimeFrame:
    """Every way the sentence says when; the first one (by position) is the one reported."""
    found: list[tuple[int, int, str, float | None]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if match.group(0).strip():
                months = _duration_months(match) if kind == "duration" else None
                found.append((match.start(), match.end(), kind, months))
    plain = _plain(text)
    for name in period_names:
        needle = _plain(str(name).strip())
        for match in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", plain) if needle else ():
            found.append((match.start(), match.end(), "plan_period", None))
    if not found:
        return TimeFrame(None, None, None, ())
    found.sort(key=lambda item: (item[0], -item[1]))
    start, end, kind, _ = found[0]
    months = next((m for *_, m in found if m is not None), None)
    return TimeFrame(text[start:end].strip(), kind, months, tuple((a, b) for a, b, *_ in found))
