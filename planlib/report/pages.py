"""The report's pages beside the front page (`front_page`) and the objectives' pages: the shared
stylesheet, the appendix and the PDF. Every word comes from the catalogs in the report's one language; plan text is escaped.
"""
from __future__ import annotations

import html
import re
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
    text = f"{plan_name} · {period_name}"
    # a CSS string: every character that could end it or the stylesheet (quote, backslash, line break, <) escaped
    header = "".join(c if c.isalnum() or c in " ·-_.,&'()" else f"\\{ord(c):06x}" for c in text)
    return CSS.replace("%(header)s", header).replace("%%", "%")


def appendix_page(tables: list[tuple[str, str]], lang: str) -> str:
    """The full versions of the long tables the step pages only summarise."""
    parts = "".join(f"<h2>{html.escape(title)}</h2>{body}" for title, body in tables)  # bodies are escaped tables
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><link rel="stylesheet" '
            f'href="{STYLESHEET}"></head><body><h1>{html.escape(tr("report.appendix", lang))}</h1>{parts}</body></html>')


def write_pdf(folder: Path, manager: list[tuple[str, str]], annex: list[tuple[str, str]], target: Path,
              lang: str) -> None:
    """One PDF in two parts: the manager's (the front page, then one page per business objective), then the
    analyst's annex (the step pages, the full tables); page numbers run through the whole.

    Each page is rendered alone (WeasyPrint). The front page's contents is
    rendered first with wide placeholders, so its length is known before the
    other parts are numbered, then again with their first pages filled in; the
    outline (bookmarks) names both parts and every page under its part.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts, cache = FontConfiguration(), {}  # fonts and pictures loaded once for all the pages, not once each

    def render(source: str | Path, first_page: int):
        numbering = CSS(string=f"@page:first{{counter-reset:page {first_page}}}", font_config=fonts)
        page = HTML(filename=str(source)) if isinstance(source, Path) else HTML(string=source, base_url=str(folder))
        document = page.render(stylesheets=[numbering], font_config=fonts, cache=cache)
        sparse = _sparse_pages(document)
        for setting in TIGHTER if sparse else ():
            tighter = page.render(stylesheets=[numbering, CSS(string=setting, font_config=fonts)], font_config=fonts,
                                  cache=cache)
            if len(tighter.pages) <= len(document.pages) and _sparse_pages(tighter) < sparse:
                return tighter  # a few lines spilled over: set a little tighter rather than print a near-empty page
        return document

    entries = manager[1:] + annex  # the front page (manager[0]) is index.html itself
    front_text = (folder / "index.html").read_text(encoding="utf-8")
    front_length = len(render(_numbered(front_text, {}), 1).pages)
    for _ in range(3):  # a front page that grows once numbered shifts every other part once more
        rendered, starts, next_page = [], {"index.html": 1}, front_length + 1
        for _name, href in entries:
            document = render(folder / href, next_page)
            rendered.append(document)
            starts[href] = next_page
            next_page += len(document.pages)
        front = render(_numbered(front_text, starts), 1)
        if len(front.pages) == front_length:
            break
        front_length = len(front.pages)
    documents = [front, *rendered]
    combined = front.copy([page for document in documents for page in document.pages])
    parts = [(tr("report.part_manager", lang), len(manager)), (tr("report.part_annex", lang), len(annex))]
    _outline(combined, parts, [name for name, _ in manager + annex], documents)
    combined.write_pdf(str(target))


NEARLY_EMPTY = 0.2  # a page whose words end in its top fifth is a spill-over
# user stylesheets rank below the page's own: the tighter settings (smaller type, then narrower margins too) say
# !important
_SMALLER = "body{font-size:10px !important}table{font-size:8px !important}.trends{max-height:95mm !important}"
TIGHTER = (_SMALLER, _SMALLER + "@page{margin:11mm 11mm 13mm 11mm !important}")


def _sparse_pages(document) -> int:
    """How many pages of a rendered document are blank or nearly empty (a spill-over of a few lines)."""
    return sum(_filled(page) < NEARLY_EMPTY for page in document.pages)


def _filled(page) -> float:
    """How much of its height a laid-out page's words and pictures reach down to (0 to 1; the running header
    aside). WeasyPrint's laid-out boxes; its version is pinned by the lock."""
    from weasyprint.formatting_structure import boxes

    frame = page._page_box
    content = frame.children[0] if frame.children else None
    if content is None:
        return 0.0
    bottoms = [box.position_y + box.margin_height() for box in content.descendants()
               if isinstance(box, boxes.ReplacedBox) or (isinstance(box, boxes.TextBox) and box.text.strip())]
    return (max(bottoms) - frame.content_box_y()) / frame.height if bottoms else 0.0


def _numbered(front_text: str, starts: dict[str, int]) -> str:
    """The front page with each contents entry's first page; a wide placeholder where none is known yet."""
    return re.sub(r'<td class="page-number" data-href="([^"]*)"></td>',
                  lambda m: f'<td class="page-number" data-href="{m[1]}">'
                            f'{starts.get(html.unescape(m[1]), 8888)}</td>', front_text)


def _outline(combined, parts: list[tuple[str, int]], titles: list[str], documents) -> None:
    """Bookmarks: each part, and under it each of its pages, pointing at its first page."""
    for page in combined.pages:
        page.bookmarks = []
    first, titled = 0, iter(zip(titles, documents))
    for part, count in parts:
        for n in range(count):
            title, document = next(titled)
            if n == 0:
                combined.pages[first].bookmarks.append((1, part, (0, 0), "open"))
            combined.pages[first].bookmarks.append((2, title, (0, 0), "open"))
            first += len(document.pages)
