"""The progress table as an HTML page for the projector: colours, a legend, counts per exercise at the top."""
from __future__ import annotations

import html

from ..core.i18n import tr
from ..ui.stylesheet import stylesheet
from .engine import by_id
from .exercise import COLOURS, STATUSES


def progress_page(document: dict) -> str:
    lang = document["lang"]
    e = html.escape
    title = e(tr("workshop.progress_title", lang, workshop=document["workshop"]))
    heads = "".join(f'<th data-exercise="{e(x)}">{e(by_id(x).title(lang))}<br><code>{e(x)}</code></th>'
                    for x in document["exercises"])
    rows = []
    for person in document["participants"]:
        cells = []
        for x in document["exercises"]:
            result = person["results"][x]
            status = result["status"]
            cells.append(f'<td class="cell {status}" data-status="{status}" style="background:{COLOURS[status]}" '
                         f'title="{e(result["message"])}">{e(tr(f"workshop.status.{status}", lang))}'
                         f'<small>{e(result["message"])}</small></td>')
        done = sum(r["status"] == "correct" for r in person["results"].values())
        ident = "" if person["name"] == person["id"] else f'<br><code>{e(person["id"])}</code>'
        rows.append(f'<tr data-participant="{e(person["id"])}"><th>{e(person["name"])}{ident}</th>{"".join(cells)}'
                    f'<td>{done}/{len(document["exercises"])}</td></tr>')
    counts = "".join("<td>" + "<br>".join(_count(document, x, s, lang) for s in STATUSES) + "</td>"
                     for x in document["exercises"])
    legend = "".join(f'<span style="background:{COLOURS[s]}">{e(tr(f"workshop.status.{s}", lang))}</span>'
                     for s in STATUSES)
    return (f'<!DOCTYPE html>\n<html lang="{e(lang)}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="60"><title>{title}</title><style>{stylesheet()}</style></head><body class="projector">'
            f'<h1>{title}</h1><p>{e(tr("workshop.progress_case", lang, case=document["case"], count=len(document["participants"])))}</p>'
            f'<p class="legend">{legend}</p><table><thead><tr><th>{e(tr("workshop.participant", lang))}</th>{heads}'
            f'<th>{e(tr("workshop.status.correct", lang))}</th></tr>'
            f'<tr class="counts"><th>{e(tr("workshop.counts", lang))}</th>{counts}<td></td></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></body></html>\n')


def _count(document: dict, exercise: str, status: str, lang: str) -> str:
    return html.escape(tr("workshop.count_line", lang, status=tr(f"workshop.status.{status}", lang),
                          count=document["counts"][exercise][status]))
