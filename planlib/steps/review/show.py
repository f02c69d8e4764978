"""Step 7 as a manager reads it: statuses in words, numbers in the locale, decisions beside each result."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ...core.i18n import format_measure, format_number, format_percent, joined, labelled, tr
from .decisions import latest_by_key_result

if TYPE_CHECKING:
    from .backtest import Backtests


def status_label(status: str, lang: str) -> str:
    return tr(f"status.{status}", lang)


def _num(value, lang: str, like: float | None = None) -> str:
    return "" if value is None else format_measure(value, lang, like)


def pace_text(value, lang: str) -> str:
    """A pace in words: a percentage of the pace needed, or "moving away" where the key result goes the wrong
    way (a negative pace, -406 %, says nothing a reader can use)."""
    if value is None or value == float("inf"):
        return ""
    return tr("review.pace_away", lang) if value < 0 else format_percent(100 * value, lang, 0)


def review_table(plan, pacings: list, as_of, lang: str) -> pd.DataFrame:
    """One row per key result, in words: status, actual against expected and target, pace, forecast, decision."""
    titles = dict(zip(plan.key_results["id"], plan.key_results["title"]))
    units = dict(zip(plan.key_results["id"], plan.key_results["unit"]))
    decisions = latest_by_key_result(plan, as_of)
    rows = []
    for p in pacings:
        decided = decisions.get(p.id)
        forecast = forecast_text(p, lang)
        reason = "" if p.status != "no_data" else tr(f"nodata.{p.no_data_reason}", lang, metric=p.no_data_detail)
        if p.status_reason == "forecast":
            reason = tr("review.by_forecast", lang)
        actual = f"{_num(p.actual, lang, p.target)} {units.get(p.id, '')}".strip()
        rows.append({
            tr("review.key_result", lang): f"{p.id} {titles.get(p.id, '')}",
            tr("review.status", lang): status_label(p.status, lang) + (f" ({reason})" if reason else ""),
            tr("review.actual", lang): f"{actual} ({window_text(p.window, p.window_days, lang)})" if actual and p.window else actual,
            tr("review.expected", lang): _num(p.expected_to_date, lang, p.target),
            tr("review.target", lang): _num(p.target, lang, p.target),
            tr("review.pace", lang): pace_text(p.pace, lang),
            tr("review.forecast", lang): forecast,
            tr("review.chance", lang): chance_text(p.probability, lang),
            tr("review.decision", lang): tr(f"decision.{decided['decision']}", lang) + f" ({decided['id']})"
            if decided else tr("review.no_decision", lang),
        })
    return pd.DataFrame(rows)


def window_text(window: str, days: int | None, lang: str) -> str:
    """What a key result's actual covers: the year to date, its last N days, its last value."""
    return tr(f"review.window_{window}", lang, days=days) if window else ""


def chance_text(probability, lang: str) -> str:
    return "" if probability is None else format_percent(100 * probability, lang, 0)


def forecast_text(p, lang: str) -> str:
    """The forecast and its 80 % interval, and a word when the interval was cut to what the KPI can be."""
    text = _num(p.forecast, lang, p.target)
    if p.forecast_low is not None:
        text += f" ({_num(p.forecast_low, lang, p.target)} – {_num(p.forecast_high, lang, p.target)})"
        if p.interval_cut:
            text += f", {tr('review.interval_cut', lang)}"
    return text


def backtest_text(backtests: Backtests, lang: str) -> str:
    """What last year's backtests say of the bands, per kind, in a sentence."""
    from .backtest import MIN_OUTCOMES
    from .forecast import INTERVAL

    parts = []
    for kind in ("flow", "level"):
        found = getattr(backtests, kind)
        name = tr(f"review.backtest_kind_{kind}", lang)
        if found.coverage is None or found.flag == "too_few":
            parts.append(tr("review.backtest_too_few", lang, kind=name, outcomes=found.outcomes,
                            needed=MIN_OUTCOMES))
            continue
        line = tr("review.backtest_measured", lang, kind=name, coverage=format_percent(100 * found.coverage, lang, 0),
                  outcomes=found.outcomes)
        factor = format_number(found.widen, lang)
        if found.flag == "too_wide":
            line = tr("review.backtest_too_wide", lang, line=line)
        elif found.flag == "too_narrow":
            line = tr("review.backtest_too_narrow", lang, line=line, factor=factor)
        elif found.widen > 1:
            line = tr("review.backtest_widened", lang, line=line, factor=factor,
                      coverage=format_percent(100 * found.coverage_widened, lang, 0))
        parts.append(line)
    intro = tr("review.backtest_intro", lang, interval=format_percent(100 * INTERVAL, lang, 0))
    return labelled(intro, joined(parts, lang), lang)


def status_counts_line(pacings: list, lang: str) -> str:
    counts = {}
    for p in pacings:
        counts[p.status] = counts.get(p.status, 0) + 1
    return " · ".join(labelled(status_label(s, lang), n, lang) for s, n in counts.items())


def decisions_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Decisions with their words in the reader's language."""
    shown = frame.copy()
    shown["decision"] = [tr(f"decision.{d}", lang) for d in shown["decision"]]
    shown["status"] = [tr(f"decision_status.{s}", lang) for s in shown["status"]]
    return shown  # its days are worded by the table, like every table's
