"""The report as one PDF in two parts: the manager's (the front page, one page per business objective), then
the analyst's annex (the step pages, the printed pages, the full tables).

Each page is rendered alone by WeasyPrint, the pages on all cores at once;
their page numbers are stamped once they are put together, so no page waits
for the length of the ones before it. Only the front page, whose contents
gives every part's first page, is rendered after the others are counted.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..core.i18n import tr

NEARLY_EMPTY = 0.2  # a page whose words end in its top fifth is a spill-over
# user stylesheets rank below the page's own: the tighter settings (smaller type, then narrower margins too) say
# !important
_SMALLER = "body{font-size:10px !important}table{font-size:8px !important}.trends{max-height:95mm !important}"
TIGHTER = (_SMALLER, _SMALLER + "@page{margin:11mm 11mm 13mm 11mm !important}")
NUMBER_SIZE, NUMBER_RIGHT, NUMBER_BOTTOM = 8, 14 * 72 / 25.4, 8 * 72 / 25.4  # points: 8 pt, 14 mm in, 8 mm up


def write_pdf(folder: Path, manager: list[tuple[str, str]], annex: list[tuple[str, str]], target: Path,
              lang: str, jobs: int = 1) -> None:
    """The PDF of a report's pages, `manager[0]` being the front page (index.html): its contents gets each
    entry's first page; the outline (bookmarks) names both parts and every page under its part."""
    from pypdf import PdfReader, PdfWriter

    entries = [href for _, href in manager[1:] + annex]
    parts = _render_all([folder / href for href in entries], jobs)  # (reader, first page, page count) each
    front_text = (folder / "index.html").read_text(encoding="utf-8")
    front_length = len(_layout(folder, _numbered(front_text, {})).pages)
    for _ in range(3):  # a front page that grows once numbered shifts every other part once more
        starts, next_page = {"index.html": 1}, front_length + 1
        for href, (_, _, count) in zip(entries, parts):
            starts[href] = next_page
            next_page += count
        front = _layout(folder, _numbered(front_text, starts))
        if len(front.pages) == front_length:
            break
        front_length = len(front.pages)
    parts.insert(0, (PdfReader(io.BytesIO(front.write_pdf())), 0, len(front.pages)))
    writer = PdfWriter()
    firsts = []
    for reader, first, count in parts:
        firsts.append(len(writer.pages))
        writer.append(reader, pages=(first, first + count), import_outline=False)
    _number(writer)
    titles = iter(zip([name for name, _ in manager + annex], firsts))
    for part, count in ((tr("report.part_manager", lang), len(manager)), (tr("report.part_annex", lang), len(annex))):
        heading = None
        for _ in range(count):
            title, first = next(titles)
            heading = heading or writer.add_outline_item(part, first)
            writer.add_outline_item(title, first, parent=heading)
    with open(target, "wb") as out:
        writer.write(out)


def _render_all(sources: list[Path], jobs: int) -> list[tuple]:
    """Every page laid out, as (PDF reader, its first page there, its page count), in `jobs` processes of
    their own (WeasyPrint holds Python's lock while it lays out a page), each given a share of the pages
    balanced by their size and writing them as one PDF, so that each font is embedded once per process."""
    from pypdf import PdfReader

    if jobs <= 1 or len(sources) <= 1:
        data, counts = render_pages(sources)
        shares, outputs = [list(range(len(sources)))], [(data, counts)]
    else:
        shares = [[] for _ in range(min(jobs, len(sources)))]
        weights = [0] * len(shares)
        sizes = [source.stat().st_size for source in sources]
        for index in sorted(range(len(sources)), key=lambda i: -sizes[i]):
            lightest = weights.index(min(weights))
            shares[lightest].append(index)
            weights[lightest] += sizes[index]
        with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(len(shares)) as pool:
            outputs = list(pool.map(lambda share: _render_apart([sources[i] for i in share], Path(scratch)), shares))
    found = [None] * len(sources)
    for share, (data, counts) in zip(shares, outputs):
        reader, first = PdfReader(io.BytesIO(data)), 0
        for index, count in zip(share, counts):
            found[index] = (reader, first, count)
            first += count
    return found


def _render_apart(sources: list[Path], scratch: Path) -> tuple[bytes, list[int]]:
    """`render_pages` in a process of its own."""
    out = scratch / f"{id(sources)}.pdf"
    ran = subprocess.run([sys.executable, "-m", "planlib.report.pdf", str(out), *map(str, sources)], check=True,
                         capture_output=True, text=True)
    return out.read_bytes(), json.loads(ran.stdout)


def render_pages(sources: list[Path]) -> tuple[bytes, list[int]]:
    """Report pages laid out one by one and written as one PDF without page numbers, and each one's count."""
    documents = [_layout(source) for source in sources]
    combined = documents[0].copy([page for document in documents for page in document.pages])
    return combined.write_pdf(), [len(document.pages) for document in documents]


def _layout(source: Path, text: str | None = None):
    """One report page (a file, or `text` with `source` as its folder) laid out without page numbers; set a
    little tighter when that saves a page of a few spilled lines."""
    from weasyprint import CSS, HTML

    page = HTML(filename=str(source)) if text is None else HTML(string=text, base_url=str(source))
    unnumbered = CSS(string="@page{@bottom-right{content:none !important}}")  # stamped once put together
    document = page.render(stylesheets=[unnumbered])
    sparse = _sparse_pages(document)
    for setting in TIGHTER if sparse else ():
        tighter = page.render(stylesheets=[unnumbered, CSS(string=setting)])
        if len(tighter.pages) <= len(document.pages) and _sparse_pages(tighter) < sparse:
            return tighter  # a few lines spilled over: set a little tighter rather than print a near-empty page
    return document


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
    import html

    return re.sub(r'<td class="page-number" data-href="([^"]*)"></td>',
                  lambda m: f'<td class="page-number" data-href="{m[1]}">'
                            f'{starts.get(html.unescape(m[1]), 8888)}</td>', front_text)


def _number(writer) -> None:
    """Each page's number at its foot, on the right, counted through the whole document (Helvetica, one of
    the fonts every PDF reader has: nothing to embed)."""
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    for number, page in enumerate(writer.pages, 1):
        resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
        fonts = resources.setdefault(NameObject("/Font"), DictionaryObject()).get_object()
        fonts[NameObject("/PlanlibPageNumber")] = font
        text = str(number)
        x = float(page.mediabox.width) - NUMBER_RIGHT - 0.556 * NUMBER_SIZE * len(text)  # Helvetica's digits
        stamp = f"q 0.4 g BT /PlanlibPageNumber {NUMBER_SIZE} Tf {x:.2f} {NUMBER_BOTTOM:.2f} Td ({text}) Tj ET Q"
        contents = ContentStream(None, None)
        contents.set_data(b"q\n" + page.get_contents().get_data() + b"\nQ\n" + stamp.encode("ascii"))
        page.replace_contents(contents)
        page.compress_content_streams()


if __name__ == "__main__":  # python -m planlib.report.pdf OUT PAGE...: one process's share, its counts printed
    written, page_counts = render_pages([Path(name) for name in sys.argv[2:]])
    Path(sys.argv[1]).write_bytes(written)
    print(json.dumps(page_counts))
