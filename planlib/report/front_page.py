"""The front page: the period at a glance, for a manager with five minutes.

Every figure comes from the period's summary (the document `planlib summary
--json` prints) and from the glance computed beside it; each section says
where the plan stands and why, in one language.
"""
from __future__ import annotations

import html
from datetime import date, datetime
from types import SimpleNamespace

from .. import __version__
from ..core.i18n import format_date, format_measure, format_moment, format_money, format_period, joined, tr
from ..steps.review.show import backtest_text, chance_text, pace_text, window_text
from ..steps.summary import headline
from .pages import STYLESHEET


def _slippage(baseline: dict | None, lang: str) -> str:
    """The schedule against its baseline, in a sentence: how many actions slipped, the three that slipped most."""
    if not baseline:
        return ""
    esc = lambda text: html.escape(str(text), quote=False)  # noqa: E731
    day = format_date(_iso(baseline["frozen"]), lang) if baseline["frozen"] else "-"
    largest = [tr("report.slip_item", lang, id=s["id"], name=s["name"], count=s["end_variance"])
               for s in baseline["largest"]]
    text = tr("report.slipped", lang, count=baseline["slipped"], name=baseline["name"], day=day)
    if largest:
        text = tr("report.slipped_largest", lang, sentence=text, items=joined(largest, lang))
    return f'<p class="baseline">{esc(text)}</p>'


def front_page(plan, document: dict, glance: dict, pages: list[tuple[str, str]], lang: str, generated: str,
               changes: str = "") -> str:
    """index.html: the period at a glance, then links to the step pages and the headline figures."""
    esc = lambda text: html.escape(str(text), quote=False)  # noqa: E731 - text content
    t = lambda key, **values: esc(tr(f"report.{key}", lang, **values))  # noqa: E731
    money = lambda v: esc(format_money(v, plan.currency, lang))  # noqa: E731
    number = lambda v, like=None: "" if v is None else esc(format_measure(v, lang, like))  # noqa: E731
    period = document["period"]
    period_name = format_period(plan.period(period["id"]), lang)
    company = plan.settings.get("company", plan.name)
    counts = " · ".join(f'<span class="status-{s}">{t("count", label=tr("status." + s, lang), n=n)}</span>'
                        for s, n in glance["counts"].items() if n)
    word = lambda family, code: esc(tr(f"{family}.{code}", lang))  # noqa: E731 - a code in words
    rows = []
    for kr in glance["off_track"]:
        decision = (f'{word("decision", kr["decision"])} ({esc(kr["decision_id"])})' if kr["decision"]
                    else f'<span class="muted">{esc(tr("review.no_decision", lang))}</span>')
        pace = esc(pace_text(kr["pace"], lang))
        window = f' <span class="muted">({esc(window_text(SimpleNamespace(**kr), lang))})</span>' if kr["window"] else ""
        why = f' <span class="muted">({esc(tr("review.by_forecast", lang))})</span>' \
            if kr["status_reason"] == "forecast" else ""
        rows.append(f'<tr><td>{esc(kr["id"])} {esc(kr["title"])}</td>'
                    f'<td class="status-{kr["status"]}">{word("status", kr["status"])}{why}</td>'
                    f'<td>{pace}{window}</td><td>{number(kr["forecast"], kr["target"])} / {number(kr["target"], kr["target"])}</td>'
                    f'<td>{esc(chance_text(kr["probability"], lang))}</td><td>{decision}</td></tr>')
    off_track = (f'<table><thead><tr><th>{t("kr")}</th><th>{t("status")}</th><th>{t("pace")}</th>'
                 f'<th>{t("forecast_target")}</th><th>{esc(tr("review.chance", lang))}</th><th>{t("decision")}</th>'
                 f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
                 if rows else f"<p>{t('all_on_track')}</p>")
    off_track += f'<p class="muted">{esc(backtest_text(glance["backtest"], lang))}</p>' if glance.get("backtest") else ""
    action_rows = "".join(
        f'<tr><td>{word("report", "action_" + a["kind"])}</td><td>{esc(a["id"])} {esc(a["name"])}</td>'
        f'<td>{esc(a["owner"])}</td><td>{esc(format_date(_iso(a["planned_end"]), lang) if a["planned_end"] else "")}</td>'
        f'<td>{t("slack_behind" if a["slack"] < 0 else "slack_ahead", count=abs(a["slack"]))}</td></tr>'
        for a in glance["actions"])
    actions = (f'<table><thead><tr><th>{t("action_state")}</th><th>{t("action")}</th><th>{t("owner")}</th>'
               f'<th>{t("planned_end")}</th><th>{t("slack")}</th></tr></thead><tbody>{action_rows}</tbody></table>'
               if action_rows else f"<p>{t('no_late_actions')}</p>")
    actions += _slippage(glance.get("baseline"), lang)
    budget = glance["budget"]
    gap = budget["year_projection"] - budget["year_envelope"]
    budget_html = (f"<table><tbody>"
                   f"<tr><th>{t('period_committed')}</th><td>{money(budget['period_committed'])}</td></tr>"
                   f"<tr><th>{t('period_spent')}</th><td>{money(budget['period_spent'])}</td></tr>"
                   f"<tr><th>{t('year_committed')}</th><td>{money(budget['year_committed'])}</td></tr>"
                   f"<tr><th>{t('year_spent')}</th><td>{money(budget['year_spent'])}</td></tr>"
                   f"<tr><th>{t('year_projection')}</th><td>{money(budget['year_projection'])}</td></tr>"
                   f"<tr><th>{t('year_envelope')}</th><td>{money(budget['year_envelope'])} "
                   f"({word('method', budget['method'])})</td></tr></tbody></table>"
                   f"<p>{t('projection_over' if gap > 0 else 'projection_under', gap=format_money(abs(gap), plan.currency, lang))}</p>")
    overdue = "".join(f"<li>{t('overdue_line', id=d['id'], kr=d['key_result_id'], owner=d['owner'], due=format_date(_iso(d['due']), lang))}</li>"
                      for d in glance["decisions"]["overdue"])
    decisions = (f"<p>{t('open_decisions', count=len(glance['decisions']['open']))}</p>"
                 + (f"<p>{t('overdue_decisions')}</p><ul>{overdue}</ul>" if overdue else f"<p>{t('no_overdue')}</p>"))
    links = "".join(f'<li><a href="{html.escape(href)}">{esc(name)}</a></li>' for name, href in pages)
    figures = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in headline(document, lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(company)} · {esc(period_name)}</title>
<link rel="stylesheet" href="{STYLESHEET}"></head>
<body><h1>{t('title')}</h1>
<dl><dt>{t('plan')}</dt><dd>{esc(company)} ({esc(plan.name)})</dd>
<dt>{t('period')}</dt><dd>{t('period_span', period=period_name, start=format_date(_iso(period['start']), lang), end=format_date(_iso(period['end']), lang))}</dd>
<dt>{t('as_of')}</dt><dd>{esc(format_date(_iso(document['as_of']), lang))}</dd>
<dt>{t('generated')}</dt><dd>{esc(format_moment(datetime.fromisoformat(generated), lang))} · {t('version')} {esc(__version__)}</dd></dl>
<h2>{t('changes')}</h2>{changes}
<h2>{t('key_results')}</h2><p>{counts}</p>{off_track}
<h2>{t('actions')}</h2>{actions}
<h2>{t('budget')}</h2>{budget_html}
<h2>{t('decisions')}</h2>{decisions}
<h2>{t('steps')}</h2><ol class="toc">{links}</ol>
<h2>{t('figures')}</h2><table>{figures}</table></body></html>
"""


def _iso(text: str):
    from datetime import date

    return date.fromisoformat(text)
