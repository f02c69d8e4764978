"""Step 1 as an analyst reads it: last year's review in words, the TOWS matrix, the checks, in one language."""
from __future__ import annotations

import pandas as pd

from ...core.i18n import format_money, format_number, format_percent, joined, labelled, tr
from . import model as M
from .lastyear import LastYearAction


def reason_text(judged: LastYearAction, currency: str, lang: str) -> str:
    """Why the kit suggests keep, fix or drop, in a sentence."""
    params = dict(judged.reason_params)
    for key in ("cost", "budget"):
        if key in params:
            params[key] = format_money(params[key], currency, lang, 0)
    return tr(f"lastyear.reason.{judged.reason}", lang, **params)


def last_year_table(judged: list[LastYearAction], currency: str, lang: str) -> pd.DataFrame:
    """One row per action of last year: cost, result, suggestion with its reason, and the analyst's decision."""
    rows = []
    for a in judged:
        per_result = "" if a.cost_per_result is None else \
            f"{format_money(a.cost_per_result, currency, lang)} / {a.unit}".strip(" /")
        rows.append({
            tr("lastyear.action", lang): f"{a.action_id} {a.name}",
            tr("lastyear.channel", lang): a.channel,
            tr("lastyear.cost", lang): format_money(a.cost, currency, lang, 0)
            + ("" if a.cost_source == "spend" else f" ({tr(f'lastyear.source.{a.cost_source}', lang)})"),
            tr("lastyear.result", lang): "" if a.progress is None else format_percent(100 * a.progress, lang, 0),
            tr("lastyear.cost_per_result", lang): per_result,
            tr("lastyear.suggestion", lang): labelled(tr(f"lastyear.decision.{a.suggestion}", lang),
                                                      reason_text(a, currency, lang), lang),
            tr("lastyear.decision", lang): "" if not a.decision else
            labelled(tr(f"lastyear.decision.{a.decision}", lang), a.decision_reason, lang) if a.decision_reason
            else tr(f"lastyear.decision.{a.decision}", lang),
        })
    return pd.DataFrame(rows)


def tows_matrix(audit: dict, lang: str) -> pd.DataFrame:
    """Rows: strengths, weaknesses; columns: opportunities, threats; each cell the strategies of that kind."""
    cells = {kind: [] for kind in M.PAIR_KINDS}
    for strategy in M.strategies(audit):
        if strategy.kind:
            named = f" → {', '.join(strategy.objectives)}" if strategy.objectives else ""
            cells[strategy.kind].append(labelled("+".join(strategy.pair), f"{strategy.text}{named}", lang))
    columns = {"O": tr("label.opportunities", lang), "T": tr("label.threats", lang)}
    index = {"S": tr("label.strengths", lang), "W": tr("label.weaknesses", lang)}
    frame = pd.DataFrame({columns[o]: [joined(cells[i + o], lang) for i in index] for o in columns})
    frame.insert(0, tr("label.tows_corner", lang), list(index.values()))
    return frame


def pestel_table(audit: dict, lang: str) -> pd.DataFrame:
    """The PESTEL factors, highest impact x likelihood first."""
    rows = []
    for f in sorted(M.pestel_factors(audit), key=lambda f: -_score(f)):
        rows.append({tr("pestel.dimension", lang): tr(f"pestel.{f.get('factor')}", lang),
                     tr("pestel.factor", lang): tr("pestel.nothing_material", lang) if not M.is_material(f)
                     else str(f.get("description") or ""),
                     tr("pestel.impact", lang): f.get("impact") or "", tr("pestel.likelihood", lang):
                     f.get("likelihood") or "",
                     tr("pestel.horizon", lang): tr(f"pestel.horizon.{M.code(f['horizon'])}", lang)
                     if f.get("horizon") else "",
                     tr("pestel.evidence", lang): str(f.get("evidence") or "")})
    return pd.DataFrame(rows)


def _score(factor: dict) -> float:
    impact, likelihood = factor.get("impact"), factor.get("likelihood")
    return impact * likelihood if isinstance(impact, int) and isinstance(likelihood, int) else 0


def top_pestel(audit: dict, count: int = 3) -> list[dict]:
    """The factors with the highest impact x likelihood (JSON-ready)."""
    ranked = sorted((f for f in M.pestel_factors(audit) if M.is_material(f) and _score(f)), key=lambda f: -_score(f))
    return [{"factor": f.get("factor"), "description": str(f.get("description") or ""), "impact": f["impact"],
             "likelihood": f["likelihood"], "score": _score(f)} for f in ranked[:count]]


def market_table(audit: dict, currency: str, lang: str) -> pd.DataFrame:
    """Size, growth, maturity, seasonality, share and TAM / SAM / SOM with their sources."""
    market = audit.get("market") if isinstance(audit.get("market"), dict) else {}
    rows = []

    def amount(value, unit=""):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return str(value)
        return format_money(value, unit or currency, lang, 0) if (unit or currency).isalpha() and \
            len(unit or currency) == 3 else f"{format_number(value, lang)} {unit}".strip()

    for key in ("size", "growth", "maturity", "seasonality", "share"):
        value = market.get(key)
        if value is None:
            continue
        shown = amount(value) if key == "size" else format_percent(value, lang, 2 if key == "share" else 1) \
            if key in ("growth", "share") and isinstance(value, (int, float)) else \
            tr(f"market.maturity.{M.code(value)}", lang) if key == "maturity" else str(value)
        rows.append({tr("market.item", lang): tr(f"market.{key}", lang), tr("market.value", lang): shown,
                     tr("market.source", lang): ""})
    for key in ("tam", "sam", "som"):
        entry = market.get(key)
        if entry is None:
            continue
        entry = entry if isinstance(entry, dict) else {"value": entry}
        rows.append({tr("market.item", lang): tr(f"market.{key}", lang),
                     tr("market.value", lang): amount(entry.get("value"), str(entry.get("unit") or "")),
                     tr("market.source", lang): str(entry.get("source") or "")})
    return pd.DataFrame(rows)


PRICE_LEVELS = ("low", "medium", "high")  # the form's suggested words; any other text is the analyst's own


def price_words(level, lang: str) -> str:
    """A price level written as a code (low, medium, high) in the reader's words; '' for the analyst's own text."""
    code = str(level or "").strip().lower()
    return tr(f"competitor.price.{code}", lang) if code in PRICE_LEVELS else ""


def competitors_table(audit: dict, lang: str) -> pd.DataFrame:
    axes = M.axes(audit)
    rows = []
    for c in M.competitors(audit):
        scores = c.get("scores") if isinstance(c.get("scores"), dict) else {}
        join = lambda v: ", ".join(map(str, v)) if isinstance(v, list) else str(v or "")  # noqa: E731
        rows.append({tr("competitor.name", lang): c["name"], tr("competitor.offer", lang): join(c.get("offer")),
                     tr("competitor.price_level", lang): price_words(c.get("price_level"), lang) or
                     join(c.get("price_level")),
                     tr("competitor.positioning", lang): join(c.get("positioning")),
                     tr("competitor.channels", lang): join(c.get("channels")),
                     tr("competitor.strengths", lang): join(c.get("strengths")),
                     tr("competitor.weaknesses", lang): join(c.get("weaknesses")),
                     str(axes.get("x") or "x"): scores.get("x", ""), str(axes.get("y") or "y"): scores.get("y", "")})
    return pd.DataFrame(rows)


def findings_lines(plan, lang: str) -> list[str]:
    """The audit's warnings (audit.yaml and plan.yaml's previous), each as `file:line:path: what`."""
    return [w.text(lang) for w in plan.warnings if w.file == "audit.yaml"]
