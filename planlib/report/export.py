"""An executed notebook as the report's pages: its step page, the tables that go to the appendix, and the
outputs that are printed pages of their own (a quarter of the marketing calendar), each its own light page.

A step page stays light whatever the plan's size: a year's report prints four
calendar quarters, which on the step page itself would weigh more than the
rest of it; pandas' per-cell ids and classes, which no stylesheet reads, go.
"""
from __future__ import annotations

import html
import re

from ..core.i18n import tr
from ..ui.display import APPENDIX_KEY, PAGE_KEY
from .pages import report_page


def split_outputs(notebook, stem: str, lang: str):
    """The notebook without its appendix tables and printed pages (each replaced by a link to its page), the
    appendix tables as [(title, html)], and the printed pages as [(title, file name, html)]."""
    appendix, printed = [], []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            metadata = output.get("metadata", {})
            if metadata.get(APPENDIX_KEY):
                appendix.append((metadata[APPENDIX_KEY], output["data"].get("text/html", "")))
                continue
            if metadata.get(PAGE_KEY):
                title, name = metadata[PAGE_KEY], f"printed-{stem}-{len(printed) + 1}.html"
                printed.append((title, name, report_page(output["data"].get("text/html", ""), lang, title) + "\n"))
                output["data"] = {"text/html": f'<p class="printed-page"><a href="{name}">{html.escape(title)}</a> '
                                               f'<span class="muted">({html.escape(tr("report.printed_page", lang))})'
                                               f"</span></p>"}
            kept.append(output)
        cell.outputs = kept
    return notebook, appendix, printed


def keep_headings_with_pictures(notebook):
    """A heading (and the lines under it) printed at the foot of a page while its chart, which cannot be cut,
    goes to the next: each chart joins the markdown run that heads it, in one block kept on one page."""
    import mistune

    outputs = [(cell, output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    dropped = set()
    for n, (cell, output) in enumerate(outputs):
        data = output.get("data", {})
        if "image/png" not in data or "text/html" in data:
            continue
        run = []
        for _, before in reversed(outputs[max(0, n - 3):n]):  # the heading and at most two paragraphs under it
            text = before.get("data", {}).get("text/markdown")
            if text is None or id(before) in dropped:
                break
            run.insert(0, before)
            if text.lstrip().startswith("#"):
                break
        if not run or not run[0]["data"]["text/markdown"].lstrip().startswith("#"):
            continue
        lines = "".join(mistune.html(before["data"]["text/markdown"]) for before in run)
        output["data"] = {"text/html": f'<div class="keep-together">{lines}'
                                       f'<img alt="" src="data:image/png;base64,{data["image/png"]}"></div>'}
        output["metadata"] = {}
        dropped.update(id(before) for before in run)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [output for output in cell.outputs if id(output) not in dropped]
    return notebook


_CELL_ID = re.compile(r' id="(T_[0-9a-f]+_(?:row\d+_col\d+|level\d+_row\d+|level\d+_col\d+))"')
_CELL_CLASS = re.compile(r' class="(?:data row\d+ col\d+|row_heading level\d+ row\d+|col_heading level\d+ col\d+'
                         r'|blank level\d+|index_name level\d+|blank)"')


def lighter(page: str) -> str:
    """A page without the ids and classes pandas gives every table cell, where no style rule names them."""
    styled = set(re.findall(r"#(T_[0-9a-f]+_\w+)", " ".join(re.findall(r"<style.*?</style>", page, re.S))))
    page = _CELL_ID.sub(lambda m: m[0] if m[1] in styled else "", page)
    return _CELL_CLASS.sub("", page)
