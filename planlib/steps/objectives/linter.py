"""A SMART linter for objectives written as free text, in French and English.

Workshops start from sentences, not tables. `smart(text)` reads what is
counted (counted.py), the quantity (quantities.py: a number, a percentage,
an amount, a count in words, "doubler"; "X %" is a placeholder, not a number)
and the time frame (timeframes.py), and says which letters are missing, with
the words that decided each letter. No network, no model, and no list of
metric nouns: any quantity of anything counts.

Letters:
- Specific: what is counted is named, and is not too broad to count.
- Measurable: a real quantity is given (outside the time frame).
- Achievable: judged only when a baseline is given ("from 2% to 3%",
  "de 1 000 à 1 500"): the target must differ from it; else needs judgement.
- Realistic: with a baseline and a duration, the change per month must stay
  under REALISM's limit without history (letters.py); else needs judgement.
- Time-bound: a date, a period, a season or event, a duration, a frequency,
  or a named period of the plan.
"""
from __future__ import annotations

from ...core.i18n import format_percent, labelled, tr
from . import counted, quantities, timeframes
from .letters import LETTERS, MARKS, REALISM
from .numbers import digits_value

MAX_MONTHLY_CHANGE = REALISM["max_monthly_change_without_history"]


def _say(key: str, lang: str, **values) -> str:
    return tr(f"linter.{key}", lang, **values)


def _measurable(found: list[quantities.Quantity], what: counted.Counted, text: str, lang: str) -> dict:
    if found:
        return {"ok": True, "reason": _say("measurable_ok", lang, quantity=found[0].words)}
    placeholder = quantities.placeholder(text)
    if placeholder:
        return {"ok": False, "reason": _say("measurable_placeholder", lang, placeholder=placeholder)}
    vague = quantities.vague(text)
    if vague:
        return {"ok": False, "reason": _say("measurable_vague", lang, word=vague)}
    return {"ok": False, "reason": _say("measurable_no", lang)}


def _specific(what: counted.Counted, lang: str) -> dict:
    if what.phrase and not what.vague:
        return {"ok": True, "reason": _say("specific_ok", lang, metric=what.phrase)}
    if what.phrase:
        return {"ok": False, "reason": _say("specific_vague", lang, metric=what.phrase)}
    return {"ok": False, "reason": _say("specific_no", lang)}


def _time_bound(frame: timeframes.TimeFrame, lang: str) -> dict:
    if not frame.words:
        return {"ok": False, "reason": _say("time_no", lang)}
    return {"ok": True, "reason": _say("time_ok", lang, time_frame=frame.words,
                                       kind=tr(f"linter.time_kind.{frame.kind}", lang))}


def period_names(plan) -> tuple[str, ...]:
    """The plan's named periods (high-activity periods): "pour les Soldes d'hiver" is a time frame in that plan."""
    return tuple(str(item["name"]) for item in plan.config.high_activity_periods
                 if isinstance(item, dict) and item.get("name"))


def smart(text: str, lang: str, period_names: tuple[str, ...] = ()) -> dict:
    """Check a sentence: one entry per letter with ok (True, False or None = needs judgement) and reason.

    period_names are the plan's named periods (its high-activity periods), which count as time frames.
    """
    frame = timeframes.find(text, tuple(period_names))
    found = quantities.find(text, frame.spans)
    what = counted.find(text, frame.spans, found, lang)
    found = [q for q in found if not q.year_like or q == what.quantity]  # "2000 clients" counts, "la gamme 2027" not
    result = {"text": text, "lang": lang, "specific": _specific(what, lang),
              "measurable": _measurable(found, what, text, lang)}
    baseline = quantities.baseline(text)
    if baseline:
        base, target = digits_value(baseline[0]), digits_value(baseline[1])
        shown = dict(base=baseline[0], target=baseline[1])
        result["achievable"] = {"ok": base != target,
                                "reason": _say("achievable_ok" if base != target else "achievable_no", lang, **shown)}
        if frame.months and base:
            pace = abs(target - base) / abs(base) / frame.months
            ok = pace <= MAX_MONTHLY_CHANGE
            result["realistic"] = {"ok": ok, "reason": _say("realistic_ok" if ok else "realistic_no", lang,
                                                             pace=format_percent(100 * pace, lang, 1),
                                                             limit=format_percent(100 * MAX_MONTHLY_CHANGE, lang, 0))}
        else:
            result["realistic"] = {"ok": None, "reason": _say("realistic_judgement", lang)}
    else:
        result["achievable"] = {"ok": None, "reason": _say("achievable_judgement", lang)}
        result["realistic"] = {"ok": None, "reason": _say("realistic_judgement", lang)}
    result["time_bound"] = _time_bound(frame, lang)
    result["smart"] = all(result[letter]["ok"] is not False for letter in LETTERS)
    return result


def letter_rows(result: dict) -> list[tuple[str, str, str]]:
    """Each letter of a verdict as (name in the verdict's language, mark, reason)."""
    return [(tr(f"letter.{key}", result["lang"]), MARKS[result[key]["ok"]], result[key]["reason"]) for key in LETTERS]


def verdict(result: dict) -> str:
    return tr("linter.smart" if result["smart"] else "linter.not_smart", result["lang"])


def smart_text(result: dict) -> str:
    """The verdict as lines a person reads in a terminal or a notebook."""
    lines = [f"{mark} {labelled(name, reason, result['lang'])}" for name, mark, reason in letter_rows(result)]
    return "\n".join(lines + [verdict(result)])
