"""A SMART linter for objectives written as free text, in French and English.

Workshops start from sentences, not tables. `smart(text)` finds the metric
(what is counted), the quantity (a number, a percentage, an amount; "X %" is a
placeholder, not a number) and the time frame, and says which letters are
missing, with the question to answer. Everything is a documented regular
expression below: no network, no model.

Letters:
- Specific: a metric is named (list METRICS).
- Measurable: a real quantity is given (QUANTITY, outside the time frame).
- Achievable: judged only when a baseline is given ("from 2% to 3%",
  "de 1 000 à 1 500"): the target must differ from it; else needs judgement.
- Realistic: with a baseline and a time frame in months, the change per month
  must stay under REALISM's limit without history (letters.py); else needs judgement.
- Time-bound: a date or a time frame (TIME_FRAMES).
"""
from __future__ import annotations

import re

from ...core.i18n import format_percent, tr
from .letters import LETTERS, MARKS, REALISM

MAX_MONTHLY_CHANGE = REALISM["max_monthly_change_without_history"]

MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "six": 6, "neuf": 9, "douze": 12,
                "dix-huit": 18, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9, "twelve": 12, "eighteen": 18}
_COUNT = r"(?:\d+|" + "|".join(NUMBER_WORDS) + r")"
_UNIT_MONTHS = {"jour": 1 / 30, "jours": 1 / 30, "day": 1 / 30, "days": 1 / 30, "semaine": 0.25, "semaines": 0.25,
                "week": 0.25, "weeks": 0.25, "mois": 1, "month": 1, "months": 1, "trimestre": 3, "trimestres": 3,
                "quarter": 3, "quarters": 3, "semestre": 6, "semestres": 6, "an": 12, "ans": 12, "année": 12,
                "années": 12, "year": 12, "years": 12}
_SPAN_UNITS = "|".join(sorted(_UNIT_MONTHS, key=len, reverse=True))

# Each pattern is one way people give a time frame; the name says which.
TIME_FRAMES: list[tuple[str, str]] = [
    ("date", r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"),
    ("within_count", rf"\b(?:d['’]ici|dans|sous|en|within|in|over|over\s+the\s+next|in\s+the\s+next|au\s+cours\s+des|"
                     rf"sur\s+les)\s+(?:les\s+|the\s+)?(?:prochains?\s+|next\s+)?(?P<count>{_COUNT})\s+"
                     rf"(?P<unit>{_SPAN_UNITS})\b"),
    ("month_fr", rf"\b(?:d['’]ici|avant|au\s+plus\s+tard|jusqu['’]?(?:à|au)|fin|début|mi|en|pour|dès|courant|le|au)?"
                 rf"\s*(?:le\s+|la\s+fin\s+|fin\s+)?(?:\d{{1,2}}(?:er)?\s+)?(?:{MONTHS_FR})(?:\s+\d{{4}})?\b"),
    ("month_en", rf"\b(?:(?:by|before|until|in|no\s+later\s+than|from|end\s+of|by\s+the\s+end\s+of)\s+)?"
                 rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS_EN})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"),
    ("period_fr", r"\b(?:au\s+cours\s+d[ue]|d['’]ici\s+(?:la\s+)?fin\s+d[ue]|avant\s+la\s+fin\s+d[ue]|pendant\s+l[ea]|"
                  r"sur\s+l[ea]|d['’]ici\s+l[ea]|ce|cet|cette|l['’]|le|la|fin\s+d[ue])\s*(?:prochain\s+|premier\s+|"
                  r"second\s+|deuxième\s+|troisième\s+|quatrième\s+|1er\s+|2e\s+|3e\s+|4e\s+)?"
                  r"(?:trimestre|semestre|mois|année|an|exercice)(?:\s+prochain|\s+en\s+cours|\s+20\d{2})?\b"),
    ("end_of_year_fr", r"\b(?:d['’]ici\s+)?(?:la\s+)?fin\s+(?:d['’]année|de\s+l['’]année|20\d{2})\b|\bl['’]an\s+prochain\b"),
    ("period_en", r"\b(?:by|before|at|in|during|over|within|for)?\s*(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
                  r"(?:next|this|current|coming|first|second|third|fourth|following)\s+"
                  r"(?:quarter|month|year|semester|half|fiscal\s+year)\b"),
    ("end_of_en", r"\b(?:by|before|at|in)\s+the\s+end\s+of\s+(?:the\s+)?(?:year|quarter|month|semester|half|20\d{2}|Q[1-4])\b"),
    ("quarter_id", r"\b(?:T|Q|S|H)[1-4](?:\s+20\d{2})?\b|\b20\d{2}-(?:Q|T|H|S)\d{1,2}\b"),
    ("year", r"\b(?:en|d['’]ici|pour|fin|début|courant|in|by|for|during|before|end\s+of|avant)\s+20\d{2}\b"),
    ("frequency", r"\b(?:par|chaque|tous\s+les|per|each|every|a)\s+(?:jour|semaine|mois|trimestre|an|année|day|week|"
                  r"month|quarter|year)\b|\b(?:mensuel(?:le)?s?|hebdomadaires?|trimestriel(?:le)?s?|annuel(?:le)?s?|"
                  r"daily|weekly|monthly|quarterly|yearly|annually)\b"),
]

METRICS_FR = (
    r"chiffre\s+d['’]affaires|\bCA\b|ventes?|revenus?|trafic|visites?|visiteurs?|sessions?|leads?|prospects?|"
    r"contacts?\s+qualifiés|(?:nouveaux\s+)?clients?|abonnés?|inscrits?|inscriptions?|followers?|fans?|"
    r"taux\s+d(?:e\s+|['’])(?:conversion|clic|clics|rebond|ouverture|transformation|fidélisation|rétention|désabonnement)|"
    r"conversions?|panier\s+moyen|notoriété|part\s+de\s+marché|marge|commandes?|téléchargements?|avis|\bNPS\b|"
    r"satisfaction|fidélisation|rétention|\bchurn\b|coût\s+par\s+(?:lead|clic|acquisition|contact|client)|"
    r"\bCPC\b|\bCPA\b|\bCPL\b|\bCAC\b|\bROI\b|\bROAS\b|impressions?|portée|engagement|mentions?|devis|"
    r"rendez-vous|démos?|essais|\bMQL\b|\bSQL\b|adhérents?|participants?|pages\s+vues|abonnements?|"
    r"retombées\s+presse|candidatures?|réservations?|parrainages?"
)
METRICS_EN = (
    r"revenue|sales|turnover|traffic|visits?|visitors?|sessions?|leads?|prospects?|customers?|clients?|"
    r"subscribers?|sign-?ups?|followers?|fans?|conversion\s+rate|conversions?|open\s+rate|click(?:-through)?\s+rate|"
    r"\bCTR\b|average\s+(?:order|basket)\s+(?:value|size)|\bAOV\b|basket|awareness|market\s+share|margin|orders?|"
    r"downloads?|reviews?|\bNPS\b|satisfaction|retention|churn|cost\s+per\s+(?:lead|click|acquisition|customer)|"
    r"\bCPC\b|\bCPA\b|\bCPL\b|\bCAC\b|\bROI\b|\bROAS\b|impressions?|reach|engagement|mentions?|quotes?|demos?|"
    r"trials?|\bMQL\b|\bSQL\b|members?|attendees?|bounce\s+rate|page\s*views?|bookings?|referrals?|applications?"
)
METRICS = re.compile(rf"(?:{METRICS_FR}|{METRICS_EN})", re.IGNORECASE)

PLACEHOLDER = re.compile(r"(?<![\w])(?:X{1,3}|N{1,2}|Y|x(?=\s*%))(?![\w])\s*(?:%|€|k€|pts?|points?)?|"
                         r"\?{2,}|\[[^\]]*\]|…|\.\.\.|<[^>]*>")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?"
QUANTITY = re.compile(
    rf"(?P<sign>[+\-])?\s*(?P<num>{_NUM})\s*(?P<unit>%|pts?\b|points?\b|k€|K€|M€|€|EUR\b|euros?\b|\$|"
    rf"k\b|K\b|M\b|millions?\b|milliers?\b|x\b)?|"
    r"\b(?P<word>doubler|tripler|quadrupler|diviser\s+par\s+(?:deux|2)|double|triple|halve|twice)\b",
    re.IGNORECASE)
BASELINE = re.compile(rf"\b(?:de|from|passer\s+de)\s+(?P<base>{_NUM})\s*(?P<u1>%|€|k€|pts?|points?)?\s+"
                      rf"(?:à|a|to)\s+(?P<target>{_NUM})\s*(?P<u2>%|€|k€|pts?|points?)?", re.IGNORECASE)

def _say(key: str, lang: str, **values) -> str:
    return tr(f"linter.{key}", lang, **values)


def _to_float(text: str) -> float:
    """1 250,5 and 1,250.5 both read 1250.5; a lone comma is a decimal comma (1,6 reads 1.6)."""
    text = re.sub(r"[\s\u00a0\u202f]", "", text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def find_time_frame(text: str) -> tuple[str | None, float | None, list[tuple[int, int]]]:
    """The first time frame found, its length in months when it says one, and every span used."""
    spans, first, months = [], None, None
    for name, pattern in TIME_FRAMES:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if not match.group(0).strip():
                continue
            spans.append(match.span())
            if first is None or match.start() < first[1]:
                first = (match.group(0).strip(), match.start())
            if name == "within_count" and months is None:
                count = match.group("count").lower()
                number = NUMBER_WORDS.get(count) or int(count)
                months = number * _UNIT_MONTHS[match.group("unit").lower()]
    return (first[0] if first else None), months, spans


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in spans)


def smart(text: str, lang: str = "en") -> dict:
    """Check a sentence: one entry per letter with ok (True, False or None = needs judgement) and reason."""
    time_frame, months, time_spans = find_time_frame(text)
    metric = METRICS.search(text)
    placeholder = PLACEHOLDER.search(text)
    quantity = None
    for match in QUANTITY.finditer(text):
        if match.group(0).strip() and _outside(time_spans, *match.span()):
            quantity = match.group(0).strip()
            break
    result = {"text": text, "lang": lang}
    result["specific"] = {"ok": bool(metric), "reason": _say("specific_ok", lang, metric=metric.group(0)) if metric
                          else _say("specific_no", lang)}
    if placeholder and not quantity:
        measurable = {"ok": False, "reason": _say("measurable_placeholder", lang, placeholder=placeholder.group(0).strip())}
    elif quantity:
        measurable = {"ok": True, "reason": _say("measurable_ok", lang, quantity=quantity)}
    else:
        measurable = {"ok": False, "reason": _say("measurable_no", lang)}
    result["measurable"] = measurable
    baseline = BASELINE.search(text)
    if baseline:
        base, target = _to_float(baseline.group("base")), _to_float(baseline.group("target"))
        shown = dict(base=baseline.group("base"), target=baseline.group("target"))
        result["achievable"] = {"ok": base != target,
                                "reason": _say("achievable_ok" if base != target else "achievable_no", lang, **shown)}
        if months and base:
            pace = abs(target - base) / abs(base) / months
            ok = pace <= MAX_MONTHLY_CHANGE
            result["realistic"] = {"ok": ok, "reason": _say("realistic_ok" if ok else "realistic_no", lang,
                                                             pace=format_percent(100 * pace, lang, 1),
                                                             limit=format_percent(100 * MAX_MONTHLY_CHANGE, lang, 0))}
        else:
            result["realistic"] = {"ok": None, "reason": _say("realistic_judgement", lang)}
    else:
        result["achievable"] = {"ok": None, "reason": _say("achievable_judgement", lang)}
        result["realistic"] = {"ok": None, "reason": _say("realistic_judgement", lang)}
    result["time_bound"] = {"ok": bool(time_frame), "reason": _say("time_ok", lang, time_frame=time_frame)
                            if time_frame else _say("time_no", lang)}
    result["smart"] = all(result[letter]["ok"] is not False for letter in LETTERS)
    return result


def letter_rows(result: dict) -> list[tuple[str, str, str]]:
    """Each letter of a verdict as (name in the verdict's language, mark, reason)."""
    return [(tr(f"letter.{key}", result["lang"]), MARKS[result[key]["ok"]], result[key]["reason"]) for key in LETTERS]


def verdict(result: dict) -> str:
    return tr("linter.smart" if result["smart"] else "linter.not_smart", result["lang"])


def smart_text(result: dict) -> str:
    """The verdict as lines a person reads in a terminal or a notebook."""
    lines = [f"{mark} {name}: {reason}" for name, mark, reason in letter_rows(result)]
    return "\n".join(lines + [verdict(result)])
