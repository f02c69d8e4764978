"""The report's pages beside the front page (`front_page`) and the objectives' pages: the shared
stylesheet and the appendix. Every word comes from the catalogs in the report's one language; plan text is escaped.
"""
from __future__ import annotations

import html

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
.muted{color:#666}td.number{text-align:right}.bullet{position:relative;display:inline-block;width:12rem;height:.9rem;background:#eee}
.bullet-actual{position:absolute;left:0;top:.2rem;height:.5rem;background:#2e75b6}.bullet-expected{position:absolute;
top:0;width:2px;height:.9rem;background:#555}.bullet-target{position:absolute;top:0;width:3px;height:.9rem;background:#000}
.status-bg-green{background:#2e7d32}.status-bg-amber{background:#e0a030}.status-bg-red{background:#c62828}.toc a{text-decoration:none;color:#1f4e79}.anchor-link{display:none}
@page{size:A4;margin:18mm 14mm 18mm 14mm;@top-left{content:"%(header)s";font-size:8pt;color:#666}
@bottom-right{content:counter(page);font-size:8pt;color:#666}}
@page wide{size:A4 landscape;margin:10mm}
.toc .part th{background:none;padding-top:.7rem}.keep-together{break-inside:avoid}.toc-parts{width:100%}.toc-parts>tbody>tr>td{width:50%;border:none;padding:0 1rem 0 0}
.toc-parts .toc{width:100%}.dashboard{width:100%}.figures{break-inside:avoid}.figures th{font-weight:normal;color:#444}.page-number{text-align:right}
@media screen{.page-number{display:none}}@media print{.screen-only{display:none}}
.objective-page h1{font-size:1.3rem;margin-bottom:.2rem}.objective-page h2{font-size:1.05rem;margin-top:.8rem}
.objective-page h3{font-size:.95rem;margin:.5rem 0 .1rem}.objective-page .why{margin:.1rem 0}.trends{max-height:120mm}
.planlib-page{page:wide;break-before:page;break-after:page}.planlib-page img{width:auto;height:auto;max-width:100%%;max-height:180mm}.planlib-page h2{margin-top:0}
.with-lead img{max-height:158mm}
@media print{body{max-width:none;margin:0;font-size:11px}.keep-together img{max-height:215mm;width:auto}.bullet{width:7rem}h2{margin-top:1rem}table{font-size:9px;width:auto;max-width:100%%;
table-layout:auto;word-break:break-word}h1,h2{break-after:avoid}tr{break-inside:avoid}}
"""


def stylesheet(plan_name: str, period_name: str) -> str:
    """The shared stylesheet of one period's pages; the PDF's running header names the plan and the period
    as the reader names it (T2 2026)."""
    text = f"{plan_name} · {period_name}" if period_name else plan_name
    # a CSS string: every character that could end it or the stylesheet (quote, backslash, line break, <) escaped
    header = "".join(c if c.isalnum() or c in " ·-_.,&'()" else f"\\{ord(c):06x}" for c in text)
    return CSS.replace("%(header)s", header).replace("%%", "%")


def appendix_page(tables: list[tuple[str, str]], lang: str) -> str:
    """The full versions of the long tables the step pages only summarise."""
    parts = "".join(f"<h2>{html.escape(title)}</h2>{body}" for title, body in tables)  # bodies are escaped tables
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><link rel="stylesheet" '
            f'href="{STYLESHEET}"></head><body><h1>{html.escape(tr("report.appendix", lang))}</h1>{parts}</body></html>')
