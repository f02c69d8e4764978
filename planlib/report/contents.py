"""reports/<plan>/index.html: every period report of a plan, one link each.

A year run writes seventeen period folders; this page lists them all (the
year, halves, quarters, months, sprints), whichever run wrote each, so a
reader starts from one page. It is rewritten after every run of the plan.
"""
from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

from ..core.i18n import format_date, tr
from ..core.io.atomic import atomic_write_text
from ..core.periods import Period

KIND_ORDER = ("year", "half", "quarter", "month", "sprint")
INDEX = "index.html"


def _period_of(folder: Path) -> Period | None:
    try:
        document = json.loads((folder / "summary.json").read_text(encoding="utf-8"))["period"]
        return Period(document["id"], document.get("kind", ""), date.fromisoformat(document["start"]),
                      date.fromisoformat(document["end"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_plan_index(root: Path, company: str, lang: str) -> Path:
    """List the complete period reports under root, grouped by kind, earliest first."""
    periods = [(p, folder) for folder in sorted(Path(root).iterdir())
               if folder.is_dir() and not folder.name.startswith(".") and (folder / INDEX).is_file()
               and (p := _period_of(folder)) is not None]
    rank = lambda item: (KIND_ORDER.index(item[0].kind) if item[0].kind in KIND_ORDER else len(KIND_ORDER),  # noqa: E731
                         item[0].start, item[0].id)
    esc = lambda text: html.escape(str(text), quote=True)  # noqa: E731
    rows = "".join(f'<li><a href="{esc(folder.name)}/{INDEX}">{esc(period.id)}</a> · '
                   f"{esc(format_date(period.start, lang))} – {esc(format_date(period.end, lang))}</li>"
                   for period, folder in sorted(periods, key=rank))
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}"><head><meta charset="utf-8"><title>{esc(company)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em}}li{{margin:0.2em 0}}</style></head>
<body><h1>{esc(tr("report.title", lang))}</h1><p>{esc(tr("report.plan", lang))}: {esc(company)}</p>
<h2>{esc(tr("report.all_periods", lang))}</h2><ul>{rows}</ul></body></html>
"""
    target = Path(root) / INDEX
    atomic_write_text(target, page, keep_history=False)
    return target
