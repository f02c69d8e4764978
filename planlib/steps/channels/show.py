"""Step 4 as an analyst reads it: the ranking with its weights, the message matrix, the flags, in one language."""
from __future__ import annotations

import html

import pandas as pd

from ...core.i18n import format_money, format_number, format_percent, tr
from ..personas import model as P
from . import formats
from .findings import FLAGS
from .ranking import CRITERIA


def kind_label(kind: str, lang: str) -> str:
    found = tr(f"channel_kind.{kind}", lang)
    return kind if found.startswith("channel_kind.") else found


def ranking_table(ranking: pd.DataFrame, currency: str, lang: str) -> pd.DataFrame:
    """The ranking as shown: rank, channel, each criterion's score, the score, last year and missing skills."""
    def number(v, decimals=1):
        return "" if v is None or pd.isna(v) else format_number(v, lang, decimals)
    rows = []
    for row in ranking.itertuples(index=False):
        rows.append({
            tr("ranking.rank", lang): row.rank,
            tr("ranking.channel", lang): f"{row.id} {row.name}" + ("" if row.chosen else f" ({tr('ranking.candidate', lang)})"),
            **{tr(f"ranking.{c}", lang): number(getattr(row, c)) for c in CRITERIA},
            tr("ranking.score", lang): number(row.score),
            tr("ranking.cost_model", lang): tr(f"cost_model.{row.cost_model}", lang) if row.cost_model else "",
            tr("ranking.last_year", lang): "" if row.last_year_cost is None or pd.isna(row.last_year_cost) else
            format_money(row.last_year_cost, currency, lang, 0) + (
                "" if row.last_year_progress is None or pd.isna(row.last_year_progress)
                else f" · {format_percent(100 * row.last_year_progress, lang, 0)}"),
            tr("ranking.skills_missing", lang): row.skills_missing,
        })
    return pd.DataFrame(rows)


def weights_table(weights: dict, lang: str) -> pd.DataFrame:
    """The weights in use, beside the ranking, each with its share of the total."""
    total = sum(weights.values()) or 1
    return pd.DataFrame([{tr("ranking.criterion", lang): tr(f"ranking.{k}", lang),
                          tr("ranking.weight", lang): format_number(weights[k], lang, 1),
                          tr("ranking.weight_share", lang): format_percent(100 * weights[k] / total, lang, 0)}
                         for k in CRITERIA])


def matrix_html(plan, lang: str) -> str:
    """Messages by persona (rows) and channel (columns): variant, format, text, length against the limit. Escaped."""
    e = lambda v: html.escape(str(v))  # noqa: E731
    messages = plan.messages
    people = {p.id: p.name for p in P.personas(plan.yaml_data.get("personas.yaml"))}
    names = dict(zip(plan.channels["id"], plan.channels["name"]))
    channels = [c for c in plan.channels["id"] if c in set(messages["channel_id"])]
    known = formats.formats()
    head = "".join(f"<th>{e(c)} {e(names[c])}</th>" for c in channels)
    body = []
    for persona in people:
        cells = []
        for channel in channels:
            rows = messages[(messages["persona_id"] == persona) & (messages["channel_id"] == channel)]
            parts = []
            for m in rows.itertuples(index=False):
                size = ""
                if m.format in known:
                    length = formats.measure(m.message, m.format)
                    mark = " ⚠" if length.over else ""
                    size = f" <small>({length.length}/{length.limit}{mark})</small>" if length.limit else ""
                label = tr(f"format.{m.format}", lang) if m.format in known else m.format
                extra = "".join(f"<br><small>{e(tr('message.labelled', lang, label=tr(f'message.{k}', lang), value=getattr(m, k)))}</small>"
                                for k in ("proof", "call_to_action") if getattr(m, k))
                line = tr("message.labelled", lang, label=f"{m.variant or '–'} {label}", value=m.message)
                parts.append(f"{e(line)}{size}{extra}")
            cells.append("<td>" + "<hr style='margin:.3em 0'>".join(parts) + "</td>")
        body.append(f"<tr><th>{e(persona)} {e(people[persona])}</th>{''.join(cells)}</tr>")
    style = "<style>.planlib-messages td,.planlib-messages th{vertical-align:top;text-align:left;padding:.3em .5em;" \
            "border:1px solid #ddd}</style>"
    return f"{style}<table class='planlib-messages'><tr><th>{e(tr('message.matrix_corner', lang))}</th>{head}</tr>{''.join(body)}</table>"


def positioning_html(plan, lang: str) -> str:
    text = plan.config.positioning
    shown = html.escape(text) if text else f"<i>{html.escape(tr('message.no_positioning', lang))}</i>"
    return (f"<blockquote class='planlib-positioning' style='border-left:4px solid #2e7d32;margin:.5em 0;"
            f"padding:.3em 1em'><b>{html.escape(tr('message.positioning', lang))}</b><br>{shown}</blockquote>")


def flag_lines(plan, lang: str) -> list[str]:
    """Step 4's warnings (channels.csv, messages.csv, and a dropped channel reused), each as `file:row:column: what`."""
    codes = {code for group in FLAGS.values() for code in group}
    return [w.text(lang) for w in plan.warnings if w.code in codes]


def formats_table(lang: str) -> pd.DataFrame:
    """The length limits the checks use, with their sources (titles cited as published)."""
    table = pd.DataFrame([{tr("message.format", lang): tr(f"format.{f.format}", lang),
                          tr("message.limit", lang): "" if f.limit is None else
                          (tr("message.limit_sms", lang) if f.counting == "gsm7" else str(f.limit)),
                          tr("message.source", lang): f.source} for f in formats.formats().values()])
    table.attrs["cited"] = [tr("message.source", lang)]
    return table
