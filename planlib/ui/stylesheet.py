"""The kit's one stylesheet: every page it writes (report pages, the plan's page, a diff, the workshop's
projector page) reads the same rules, printed or on screen.

A report writes it once per period as `report.css`, which its pages link; a
page that stands alone (a diff written by `planlib diff --html`, the
workshop's progress page) carries it inline.
"""
from __future__ import annotations

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
body.highlighter{max-width:80rem}.highlighter table{margin:0.5em 0 1.5em}.highlighter td,.highlighter th{border:1px solid #bbb}
.highlighter .spec{background:#aaa}.highlighter .add{background:#7fff7f}.highlighter .remove{background:#ff7f7f}
.highlighter td.modify,.highlighter .modify{background:#7f7fff;color:#fff}.highlighter .hint{color:#555;font-style:italic}
.legend span{padding:0.1em 0.5em;margin-right:1em}
.projector{max-width:none;margin:1.5em;font-size:18px}.projector th,.projector td{border:1px solid #ccc;padding:6px 8px}
.projector th{font-size:15px}.projector td.cell{color:#fff;font-weight:600;min-width:7em}
.projector td.cell small{display:block;font-weight:400;font-size:12px;opacity:.92}
.projector .legend span{display:inline-block;color:#fff;padding:4px 10px;margin-right:8px;border-radius:4px}
.projector tr.counts td{font-size:14px;background:#fafafa;white-space:nowrap}
@media print{body{max-width:none;margin:0;font-size:11px}.keep-together img{max-height:215mm;width:auto}.bullet{width:7rem}h2{margin-top:1rem}table{font-size:9px;width:auto;max-width:100%%;
table-layout:auto;word-break:break-word}h1,h2{break-after:avoid}tr{break-inside:avoid}}
"""


def stylesheet(plan_name: str = "", period_name: str = "") -> str:
    """The stylesheet; the PDF's running header names the plan and the period as the reader names it
    (T2 2026)."""
    text = f"{plan_name} · {period_name}" if period_name else plan_name
    # a CSS string: every character that could end it or the stylesheet (quote, backslash, line break, <) escaped
    header = "".join(c if c.isalnum() or c in " ·-_.,&'()" else f"\\{ord(c):06x}" for c in text)
    return CSS.replace("%(header)s", header).replace("%%", "%")
