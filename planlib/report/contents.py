"""reports/<plan>/index.html: every period report of a plan, with its headline figures.

A year run writes seventeen period folders; this page lists them all (the
year, halves, quarters, months, sprints), whichever run wrote each, so a
reader starts from one page and sees at a glance which period went wrong:
key results by status, late actions, the period's budget and spend, the day
each report was made as of. It is rewritten after every run of the plan.
"""
from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

from ..core.i18n import format_date, format_money, format_period, tr
from ..core.io.atomic import atomic_write_text
from ..core.periods import Period
from ..ui.stylesheet import stylesheet
from .pages import STYLESHEET

KIND_ORDER = ("year", "half", "quarter", "month", "sprint")
INDEX = "index.html"


def _summary_of(folder: Path) -> tuple[Period, dict] | None:
    """A complete report's period and summary.json, None for anything else in the folder."""
    try:
        document = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        period = document["period"]
        return Period(period["id"], period.get("kind", ""), date.fromisoformat(period["start"]),
                      date.fromisoformat(period["end"])), document
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _row(period: Period, document: dict, link: str, lang: str) -> str:
    esc = lambda text: html.escape(str(text), quote=True)  # noqa: E731
    counts = (document.get("kpi_review") or {}).get("counts") or {}
    statuses = " · ".join(f'<span class="status-{esc(s)}">{esc(n)} {esc(tr(f"status.{s}", lang))}</span>'
                          for s, n in counts.items() if n) or "–"
    actions, budget = document.get("actions") or {}, document.get("budget") or {}
    currency = document.get("currency") or "EUR"
    money = lambda key: esc(format_money(budget[key], currency, lang)) if isinstance(budget.get(key), (int, float)) else "–"  # noqa: E731
    as_of = document.get("as_of")
    return (f'<tr><td><a href="{esc(link)}">{esc(format_period(period, lang))}</a></td>'
            f"<td>{esc(format_date(period.start, lang))} – {esc(format_date(period.end, lang))}</td>"
            f"<td>{esc(format_date(date.fromisoformat(as_of), lang)) if as_of else '–'}</td>"
            f"<td>{statuses}</td><td class=\"number\">{esc(actions.get('late', '–'))}</td>"
            f'<td class="number">{money("period")}</td><td class="number">{money("spent_in_period_to_date")}</td></tr>')


def write_plan_index(root: Path, company: str, lang: str) -> Path:
    """Every complete period report under root, grouped by kind (year first), earliest first in each group."""
    found = [(*summary, folder) for folder in sorted(Path(root).iterdir())
             if folder.is_dir() and not folder.name.startswith(".") and (folder / INDEX).is_file()
             and (summary := _summary_of(folder)) is not None]
    esc = lambda text: html.escape(str(text), quote=True)  # noqa: E731
    header = "".join(f"<th>{esc(tr(f'report.index_{key}', lang))}</th>"
                     for key in ("period", "dates", "as_of", "key_results", "late_actions", "budget", "spent"))
    sections = []
    for kind in [*KIND_ORDER, *sorted({p.kind for p, _, _ in found} - set(KIND_ORDER))]:
        rows = [_row(p, d, f"{folder.name}/{INDEX}", lang)
                for p, d, folder in sorted(found, key=lambda item: (item[0].start, item[0].id)) if p.kind == kind]
        if rows:
            sections.append(f"<h2>{esc(tr(f'report.index_kind_{kind}', lang))}</h2>"
                            f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    atomic_write_text(Path(root) / STYLESHEET, stylesheet(company, ""), keep_history=False)  # the reports' style
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}"><head><meta charset="utf-8"><title>{esc(company)}</title>
<link rel="stylesheet" href="{STYLESHEET}"></head>
<body><h1>{esc(tr("report.title", lang))}</h1><p>{esc(tr("report.index_plan", lang, company=company))}</p>
{''.join(sections) or f"<p>{esc(tr('report.index_none', lang))}</p>"}</body></html>
"""
    target = Path(root) / INDEX
    atomic_write_text(target, page, keep_history=False)
    return target
