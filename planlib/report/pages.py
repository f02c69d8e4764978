"""The report's pages beside the front page (`front_page`) and the objectives' pages: the frame every page
shares (its language, title and the stylesheet it links) and the appendix. Every word comes from the catalogs
in the report's one language; plan text is escaped.
"""
from __future__ import annotations

import html

from ..core.i18n import tr

STYLESHEET = "report.css"  # the kit's one stylesheet (planlib/ui/stylesheet.py), beside the pages


def report_page(body: str, lang: str, title: str = "", body_class: str = "") -> str:
    """A page of the report around its body (escaped HTML): its language, its title, the report's stylesheet."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    opened = f'<body class="{body_class}">' if body_class else "<body>"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}<link rel="stylesheet" '
            f'href="{STYLESHEET}"></head>{opened}{body}</body></html>')


def appendix_page(tables: list[tuple[str, str]], lang: str) -> str:
    """The full versions of the long tables the step pages only summarise."""
    parts = "".join(f"<h2>{html.escape(title)}</h2>{body}" for title, body in tables)  # bodies are escaped tables
    return report_page(f'<h1>{html.escape(tr("report.appendix", lang))}</h1>{parts}', lang)
