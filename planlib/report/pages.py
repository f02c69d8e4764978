"""The report's pages beside the front page (`front_page`) and the objectives' pages: the appendix, and
the name of the stylesheet every page links. Every word comes from the catalogs in the report's one language; plan text is escaped.
"""
from __future__ import annotations

import html

from ..core.i18n import tr
from ..ui.stylesheet import stylesheet  # noqa: F401 - the report writes it as report.css

STYLESHEET = "report.css"  # the kit's one stylesheet (planlib/ui/stylesheet.py), beside the pages


def appendix_page(tables: list[tuple[str, str]], lang: str) -> str:
    """The full versions of the long tables the step pages only summarise."""
    parts = "".join(f"<h2>{html.escape(title)}</h2>{body}" for title, body in tables)  # bodies are escaped tables
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><link rel="stylesheet" '
            f'href="{STYLESHEET}"></head><body><h1>{html.escape(tr("report.appendix", lang))}</h1>{parts}</body></html>')
