"""The report's pages beside the front page (`front_page`): the shared stylesheet, the appendix, the
contents and the PDF. Every word comes from the catalogs in the report's one language; plan text is escaped.
"""
from __future__ import annotations

import html
from pathlib import Path

from ..core.i18n import tr

STYLESHEET = "report.css"

CSS = """\
body{font-family:"DejaVu Sans",sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#222;font-size:14px}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:1.6rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:12px}th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;
text-align:left;vertical-align:top}thead th{background:#f3f3f3}img{max-width:100%;height:auto}
pre{white-space:pre-wrap;font-size:12px}dt{font-weight:bold;float:left;clear:left;width:11rem}dd{margin-left:11rem}
.jp-OutputPrompt,.jp-InputPrompt,.jp-InputArea{display:none}.jp-Cell{margin:0}.jp-OutputArea-output{overflow-x:auto}
.status-red{color:#c62828;font-weight:bold}.status-amber{color:#b26a00;font-weight:bold}.status-green{color:#2e7d32}
.muted{color:#666}.bullet{position:relative;display:inline-block;width:12rem;height:.9rem;background:#eee}
.bullet-actual{position:absolute;left:0;top:.2rem;height:.5rem;background:#2e75b6}.bullet-expected{position:absolute;
top:0;width:2px;height:.9rem;background:#555}.bullet-target{position:absolute;top:0;width:3px;height:.9rem;background:#000}
.status-bg-green{background:#2e7d32}.status-bg-amber{background:#e0a030}.status-bg-red{background:#c62828}.toc a{text-decoration:none;color:#1f4e79}.anchor-link{display:none}
@page{size:A4;margin:18mm 14mm 18mm 14mm;@top-left{content:"%(header)s";font-size:8pt;color:#666}
@bottom-right{content:counter(page);font-size:8pt;color:#666}}
@page wide{size:A4 landscape;margin:10mm}
.planlib-page{page:wide;break-before:page;break-after:page}.planlib-page img{width:auto;height:auto;max-width:100%%;max-height:180mm}
@media print{body{max-width:none;margin:0;font-size:11px}table{font-size:9px;width:auto;max-width:100%%;
table-layout:auto;word-break:break-word}h1,h2{break-after:avoid}tr{break-inside:avoid}}
"""


def stylesheet(plan_name: str, period_name: str) -> str:
    """The shared stylesheet of one period's pages; the PDF's running header names the plan and the period
    as the reader names it (T2 2026)."""
    text = f"{plan_name} · {period_name}"
    # a CSS string: every character that could end it or the stylesheet (quote, backslash, line break, <) escaped
    header = "".join(c if c.isalnum() or c in " ·-_.,&'()" else f"\\{ord(c):06x}" for c in text)
    return CSS.replace("%(header)s", header).replace("%%", "%")


def appendix_page(tables: list[tuple[str, str]], lang: str) -> str:
    """The full versions of the long tables the step pages only summarise."""
    parts = "".join(f"<h2>{html.escape(title)}</h2>{body}" for title, body in tables)  # bodies are escaped tables
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><link rel="stylesheet" '
            f'href="{STYLESHEET}"></head><body><h1>{html.escape(tr("report.appendix", lang))}</h1>{parts}</body></html>')


def contents_page(pages: list[tuple[str, int]], lang: str) -> str:
    """The PDF's table of contents: each step page and the page it starts on."""
    rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{number}</td></tr>" for name, number in pages)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><link rel="stylesheet" '
            f'href="{STYLESHEET}"></head><body><h1>{html.escape(tr("report.contents", lang))}</h1>'
            f'<table class="toc">{rows}</table></body></html>')


def write_pdf(folder: Path, pages: list[tuple[str, str]], target: Path, lang: str) -> None:
    """One PDF: the front page, a table of contents, then each step; page numbers run through the whole.

    Each page is rendered alone (WeasyPrint), so the step pages' start pages are
    known before the contents page is written; the outline (bookmarks) names
    the front page and every step.
    """
    from weasyprint import CSS, HTML

    def render(source: str | Path, first_page: int, is_file: bool = True):
        numbering = CSS(string=f"@page:first{{counter-reset:page {first_page}}}")
        document = HTML(filename=str(source)) if is_file else HTML(string=source, base_url=str(folder))
        return document.render(stylesheets=[numbering])

    front = render(folder / "index.html", 1)
    steps_first = len(front.pages) + 2  # after the front page and a one-page contents page
    rendered, starts, next_page = [], [], steps_first
    for name, href in pages:
        document = render(folder / href, next_page)
        rendered.append(document)
        starts.append((name, next_page))
        next_page += len(document.pages)
    contents = render(contents_page(starts, lang), len(front.pages) + 1, is_file=False)
    documents = [front, contents, *rendered]
    all_pages = [page for document in documents for page in document.pages]
    combined = front.copy(all_pages)
    _outline(combined, [tr("report.title", lang), tr("report.contents", lang)] + [name for name, _ in pages], documents)
    combined.write_pdf(str(target))


def _outline(combined, titles: list[str], documents) -> None:
    """Bookmarks: one per part, pointing at its first page."""

    first = 0
    entries = []
    for title, document in zip(titles, documents):
        entries.append((title, first))
        first += len(document.pages)
    for page in combined.pages:
        page.bookmarks = []
    for title, index in entries:
        combined.pages[index].bookmarks.append((1, title, (0, 0), "open"))
