"""The front page: the period at a glance, for a manager with five minutes.

Every figure comes from the glance (`figures.Glance`, computed from the
period's summary and the plan); each section says where the plan stands and
why, in one language.
"""
from __future__ import annotations

import html
from datetime import date, datetime

from .. import __version__
from ..core.i18n import format_date, format_measure, format_moment, format_money, format_period, joined, tr
from ..steps.review.show import backtest_text, chance_text, pace_text, window_text
from .figures import Glance, KeyResultBullet, Slippage
from .headline import headline
from .pages import STYLESHEET


def _slippage(baseline: Slippage | None, lang: str) -> str:
    """The schedule against its baseline, in a sentence: how many actions slipped, the three that slipped most."""
    if baseline is None:
        return ""
    esc = lambda text: html.escape(str(text), quote=False)  # noqa: E731
    day = format_date(baseline.frozen, lang) if baseline.frozen else "-"
    largest = [tr("report.slip_item", lang, id=s.id, name=s.name, count=s.end_variance) for s in baseline.largest]
    text = tr("report.slipped", lang, count=baseline.slipped, name=baseline.name, day=day)
    if largest:
        text = tr("report.slipped_largest", lang, sentence=text, items=joined(largest, lang))
    return f'<p class="baseline">{esc(text)}</p>'


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def actual_against_target(kr: KeyResultBullet, lang: str) -> str:
    """A dashboard row's actual against its target, written alike, with the window the actual covers."""
    if kr.actual is None or kr.target is None:
        return ""
    figures = f"{format_measure(kr.actual, lang, kr.target)} / {format_measure(kr.target, lang, kr.target)}"
    return figures + (f" ({window_text(kr.window, kr.window_days, lang)})" if kr.window else "")


def _dashboard(plan, glance: Glance, lang: str) -> str:
    """Every key result as a bullet bar: progress to date (its status's colour), the expected progress (a
    thin mark) and the target (the end mark), with the figures and the chance beside it."""
    rows = []
    for kr in glance.dashboard:
        progress, expected = kr.progress, kr.expected_progress
        top = max(1.0, progress or 0.0, expected or 0.0) * 1.1
        at = lambda value: f"{100 * max(0.0, min(value, top)) / top:.1f}%"  # noqa: E731
        bar = '<span class="bullet">'
        if progress is not None:
            bar += f'<span class="bullet-actual status-bg-{kr.status}" style="width:{at(progress)}"></span>'
        if expected is not None:
            bar += f'<span class="bullet-expected" style="left:{at(expected)}"></span>'
        bar += f'<span class="bullet-target" style="left:{at(1.0)}"></span></span>'
        status = tr(f"status.{kr.status}", lang)
        decided = kr.decision
        decision = f"{tr(f'decision.{decided}', lang)} ({kr.decision_id})" if decided else "–"
        rows.append(f'<tr><td>{_esc(kr.id)} {_esc(kr.title)}</td><td>{bar}</td>'
                    f'<td>{_esc(actual_against_target(kr, lang))}</td>'
                    f'<td class="status-{kr.status}">{_esc(status)}</td>'
                    f'<td>{_esc(chance_text(kr.probability, lang))}</td><td>{_esc(decision)}</td></tr>')
    if not rows:
        return ""
    head = "".join(f"<th>{_esc(tr(key, lang))}</th>" for key in ("report.kr", "report.dashboard_bar",
                                                                 "report.actual_target", "report.status",
                                                                 "review.chance", "report.decision"))
    key = _esc(tr("report.dashboard_key", lang))
    return f'<table class="dashboard"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>' \
           f'<p class="muted">{key}</p>'


def why_blocks(plan, glance: Glance, lang: str, only: set[str] | None = None) -> str:
    """For each key result behind (of `only`, when given): its owner and levers, its actions and their state,
    the budget of those actions against plan, the decision taken (its text, owner and due date) or none yet."""
    money = lambda v: format_money(v, plan.currency, lang)  # noqa: E731
    blocks = []
    for kr in glance.off_track:
        why = glance.why.get(kr.id) if only is None or kr.id in only else None
        if why is None:
            continue
        lines = [tr("report.why_owner", lang, owner=why.owner or "–", levers=why.levers or "–")]
        if why.actions:
            states = [tr(f"report.state_{a.state}", lang) for a in why.actions]
            lines.append(tr("report.why_actions", lang, actions=joined(
                [f"{a.id} {a.name} ({state})" for a, state in zip(why.actions, states)], lang)))
        else:
            lines.append(tr("report.why_no_action", lang))
        if why.budget or why.spent_to_date:
            lines.append(tr("report.why_budget", lang, spent=money(why.spent_to_date),
                            committed=money(why.committed_to_date), budget=money(why.budget)))
        decision = why.decision
        if decision is None:
            lines.append(tr("review.no_decision", lang))
        else:
            lines.append(tr("report.why_decision", lang, id=decision.id,
                            decision=tr(f"decision.{decision.decision}", lang), reason=decision.reason,
                            owner=decision.owner or "–",
                            due=format_date(decision.due, lang) if decision.due else "–"))
        items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
        status = tr(f"status.{kr.status}", lang)
        blocks.append(f'<h3>{_esc(kr.id)} {_esc(kr.title)} · <span class="status-{kr.status}">'
                      f'{_esc(status)}</span></h3><ul class="why">{items}</ul>')
    return f'<div class="why-blocks">{"".join(blocks)}</div>' if blocks else ""


def _money_tables(plan, glance: Glance, lang: str) -> str:
    """The budget by category (the period and the year against plan) and the five lines most over budget."""
    money = lambda v: _esc(format_money(v, plan.currency, lang))  # noqa: E731
    head = "".join(f"<th>{_esc(tr(key, lang))}</th>" for key in ("report.category", "report.period_planned",
                                                                 "report.year_planned", "report.year_spent"))
    categories = [(tr(f"category.{c.category}", lang), c) for c in glance.by_category]
    rows = "".join(f"<tr><td>{_esc(name)}</td><td>{money(c.period)}</td>"
                   f"<td>{money(c.year)}</td><td>{money(c.spent_to_date)}</td></tr>" for name, c in categories)
    html_text = f"<h3>{_esc(tr('report.by_category', lang))}</h3><table><thead><tr>{head}</tr></thead>" \
                f"<tbody>{rows}</tbody></table>"
    over = glance.most_over_budget
    html_text += f"<h3>{_esc(tr('report.most_over_budget', lang))}</h3>"
    if not over:
        return html_text + f"<p>{_esc(tr('report.none_over_budget', lang))}</p>"
    head = "".join(f"<th>{_esc(tr(key, lang))}</th>" for key in ("report.line", "report.line_budget",
                                                                 "report.year_spent", "report.over"))
    rows = "".join(f"<tr><td>{_esc(o.id)} {_esc(o.label)}</td><td>{money(o.budget)}</td>"
                   f"<td>{money(o.spent_to_date)}</td><td>{money(o.over)}</td></tr>" for o in over)
    return html_text + f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _decisions(glance: Glance, lang: str) -> str:
    """The open decisions with their text, the overdue ones said first."""
    found = sorted(glance.open_decisions, key=lambda d: (not d.overdue, d.due or date.max, d.id))
    if not found:
        return ""  # the count above already says none is open
    items = []
    for d in found:
        line = tr("report.open_decision_line", lang, id=d.id, kr=d.key_result_id,
                  decision=tr(f"decision.{d.decision}", lang), reason=d.reason, owner=d.owner or "–",
                  due=format_date(d.due, lang) if d.due else "–")
        flag = f' <strong class="status-red">{_esc(tr("report.overdue_flag", lang))}</strong>' if d.overdue else ""
        items.append(f"<li>{_esc(line)}{flag}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _contents(objectives: list[tuple[str, str]], pages: list[tuple[str, str]], lang: str) -> str:
    """The report in two parts, the manager's (this page, one page per business objective) and the analyst's
    annex (the step pages, the full tables); the PDF fills in each entry's page number."""
    def rows(entries):
        named = lambda name, href: _esc(name) if href == "index.html" else f'<a href="{html.escape(href)}">{_esc(name)}</a>'  # noqa: E731
        return "".join(f'<tr><td>{named(name, href)}</td>'
                       f'<td class="page-number" data-href="{html.escape(href)}"></td></tr>' for name, href in entries)

    def part(key):
        return (f'<tr class="part"><th colspan="2">{_esc(tr(f"report.part_{key}", lang))}<br>'
                f'<span class="muted">{_esc(tr(f"report.part_{key}_holds", lang))}</span></th></tr>')

    manager = [(tr("report.front_page", lang), "index.html"), *objectives]
    return (f'<table class="toc-parts"><tbody><tr><td><table class="toc"><tbody>{part("manager")}{rows(manager)}'
            f'</tbody></table></td><td><table class="toc"><tbody>{part("annex")}{rows(pages)}</tbody></table></td></tr>'
            f"</tbody></table>")


def front_page(plan, glance: Glance, pages: list[tuple[str, str]], lang: str, generated: str,
               changes: str = "", objectives: list[tuple[str, str]] = ()) -> str:
    """index.html: the period at a glance, then the contents (the objectives' pages, the step pages) and the
    headline figures. Printed, the key results' details give way to the objectives' pages that follow."""
    esc = lambda text: html.escape(str(text), quote=False)  # noqa: E731 - text content
    t = lambda key, **values: esc(tr(f"report.{key}", lang, **values))  # noqa: E731
    money = lambda v: esc(format_money(v, plan.currency, lang))  # noqa: E731
    number = lambda v, like=None: "" if v is None else esc(format_measure(v, lang, like))  # noqa: E731
    period = glance.period
    period_name = format_period(period, lang)
    company = plan.config.company or plan.name
    counts = " · ".join(f'<span class="status-{s}">{t("count", label=tr("status." + s, lang), n=n)}</span>'
                        for s, n in glance.counts.items() if n)
    word = lambda family, code: esc(tr(f"{family}.{code}", lang))  # noqa: E731 - a code in words
    rows = []
    for kr in glance.off_track:
        decision = (f'{word("decision", kr.decision)} ({esc(kr.decision_id)})' if kr.decision
                    else f'<span class="muted">{esc(tr("review.no_decision", lang))}</span>')
        pace = esc(pace_text(kr.pace, lang))
        window = f' <span class="muted">({esc(window_text(kr.window, kr.window_days, lang))})</span>' if kr.window else ""
        why = f' <span class="muted">({esc(tr("review.by_forecast", lang))})</span>' \
            if kr.status_reason == "forecast" else ""
        rows.append(f'<tr><td>{esc(kr.id)} {esc(kr.title)}</td>'
                    f'<td class="status-{kr.status}">{word("status", kr.status)}{why}</td>'
                    f'<td>{pace}{window}</td><td>{number(kr.forecast, kr.target)} / {number(kr.target, kr.target)}</td>'
                    f'<td>{esc(chance_text(kr.probability, lang))}</td><td>{decision}</td></tr>')
    off_track = (f'<table><thead><tr><th>{t("kr")}</th><th>{t("status")}</th><th>{t("pace")}</th>'
                 f'<th>{t("forecast_target")}</th><th>{esc(tr("review.chance", lang))}</th><th>{t("decision")}</th>'
                 f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
                 if rows else f"<p>{t('all_on_track')}</p>")
    sureness = f'<p class="muted">{esc(backtest_text(glance.backtest, lang))}</p>' if glance.backtest else ""
    action_rows = "".join(
        f'<tr><td>{word("report", "action_" + a.kind)}</td><td>{esc(a.id)} {esc(a.name)}</td>'
        f'<td>{esc(a.owner)}</td><td>{esc(format_date(a.planned_end, lang) if a.planned_end else "")}</td>'
        f'<td>{t("slack_behind" if a.slack < 0 else "slack_ahead", count=abs(a.slack))}</td></tr>'
        for a in glance.actions)
    actions = (f'<table><thead><tr><th>{t("action_state")}</th><th>{t("action")}</th><th>{t("owner")}</th>'
               f'<th>{t("planned_end")}</th><th>{t("slack")}</th></tr></thead><tbody>{action_rows}</tbody></table>'
               if action_rows else f"<p>{t('no_late_actions')}</p>")
    actions += _slippage(glance.baseline, lang)
    budget = glance.budget
    gap = budget.projection_gap
    pairs = [("period_committed", budget.period_committed), ("year_committed", budget.year_committed),
             ("period_spent", budget.period_spent), ("year_spent", budget.year_spent),
             ("year_projection", budget.year_projection), ("year_envelope", budget.year_envelope)]
    cells = [f"<th>{t(key)}</th><td>{money(value)}" + (f" ({word('method', budget.method)})" if key == "year_envelope" else "")
             + "</td>" for key, value in pairs]
    budget_html = (f'<table class="figures"><tbody>{"".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, 6, 2))}'
                   f"</tbody></table>"
                   f"<p>{t('projection_over' if gap > 0 else 'projection_under', gap=format_money(abs(gap), plan.currency, lang))}</p>")
    budget_html += _money_tables(plan, glance, lang)
    late = len(glance.decisions.overdue)
    decisions = (f"<p>{t('open_decisions', count=len(glance.decisions.open))} "
                 f"{t('overdue_count', count=late) if late else t('no_overdue')}</p>{_decisions(glance, lang)}")
    figures = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in headline(glance.headline, lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(company)} · {esc(period_name)}</title>
<link rel="stylesheet" href="{STYLESHEET}"></head>
<body><h1>{t('title')}</h1>
<dl><dt>{t('plan')}</dt><dd>{esc(company)} ({esc(plan.name)})</dd>
<dt>{t('period')}</dt><dd>{t('period_span', period=period_name, start=format_date(period.start, lang), end=format_date(period.end, lang))}</dd>
<dt>{t('as_of')}</dt><dd>{esc(format_date(glance.as_of, lang))}</dd>
<dt>{t('generated')}</dt><dd>{esc(format_moment(datetime.fromisoformat(generated), lang))} · {t('version')} {esc(__version__)}</dd></dl>
<h2>{t('dashboard')}</h2>{_dashboard(plan, glance, lang)}<p>{counts}</p>{sureness}
<h2>{t('changes')}</h2>{changes}
<div class="screen-only"><h2>{t('key_results')}</h2>{off_track}{why_blocks(plan, glance, lang)}</div>
<h2>{t('actions')}</h2>{actions}
<h2>{t('budget')}</h2>{budget_html}
<h2>{t('decisions')}</h2>{decisions}
<h2>{t('contents')}</h2>{_contents(list(objectives), pages, lang)}
<div class="screen-only"><h2>{t('figures')}</h2><table>{figures}</table></div></body></html>
"""

