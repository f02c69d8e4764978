"""The manager's pages after the front page: one printed page per business objective.

Each page holds the objective's key results (status, figures, chance, decision),
their trends with the forecast band as small charts, why the ones behind are
behind, its actions by state and the spend of their budget lines. Every figure
comes from the glance (`summary --json`'s `front_page`); the charts draw the
same pacings the KPI review shows.
"""
from __future__ import annotations

import base64
import html

from ..core.i18n import format_money, format_percent, joined, tr
from ..core.metrics import MetricIndex
from ..steps.review.charts import trends
from ..steps.review.show import chance_text
from ..ui.charts import compact_png
from .figures import Glance, ObjectiveFigures
from .front_page import actual_against_target, why_blocks
from .pages import report_page


def page_name(objective_id: str) -> str:
    """The file of a business objective's page; key results under none get `objective-none.html`."""
    return f"objective-{objective_id or 'none'}.html"


def objective_title(objective: ObjectiveFigures, lang: str) -> str:
    """How the contents and the page's heading name an objective."""
    if not objective.id:
        return tr("report.objective_none", lang)
    return f"{objective.id} {objective.title}"


def objective_pages(plan, glance: Glance, lang: str) -> list[tuple[str, str, str]]:
    """(title, file name, HTML) of every business objective's page, in the plan's order."""
    pacings = {p.id: p for p in glance.pacings}
    index = MetricIndex(plan.actuals)
    titles = dict(zip(plan.key_results["id"], plan.key_results["title"]))
    pages = []
    for objective in glance.objectives:
        drawn = [pacings[i] for i in objective.key_results if pacings[i].start and pacings[i].deadline]
        chart = ""
        if drawn:
            png = compact_png(trends(plan, drawn, index, glance.as_of, titles, lang=lang), colors=32, dpi=110)
            chart = (f'<img class="trends" alt="{html.escape(tr("report.trends", lang))}" '
                     f'src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">')
        title = objective_title(objective, lang)
        body = (f"<h1>{_esc(title)}</h1>{_owner_line(objective, lang)}{_key_results(objective, glance, lang)}{chart}"
                f"{why_blocks(plan, glance, lang, only=set(objective.key_results))}"
                f"{_actions(plan, objective, lang)}{_spend(plan, objective, lang)}")
        pages.append((title, page_name(objective.id), report_page(body, lang, title, "objective-page") + "\n"))
    return pages


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def _owner_line(objective: ObjectiveFigures, lang: str) -> str:
    if not objective.id:
        return f'<p class="muted">{_esc(tr("report.objective_none_why", lang))}</p>'
    return f'<p class="muted">{_esc(tr("report.objective_owner", lang, owner=objective.owner or "–"))}</p>'


def _key_results(objective: ObjectiveFigures, glance: Glance, lang: str) -> str:
    """The objective's key results: status, actual against target (and the window read), chance, decision."""
    bullets = {kr.id: kr for kr in glance.dashboard}
    rows = []
    for kr in (bullets[i] for i in objective.key_results if i in bullets):
        figures = actual_against_target(kr, lang)
        decided = kr.decision
        decision = f"{tr(f'decision.{decided}', lang)} ({kr.decision_id})" if decided else tr("review.no_decision", lang)
        status = tr(f"status.{kr.status}", lang)
        rows.append(f'<tr><td>{_esc(kr.id)} {_esc(kr.title)}</td>'
                    f'<td class="status-{kr.status}">{_esc(status)}</td>'
                    f"<td>{_esc(figures)}</td><td>{_esc(chance_text(kr.probability, lang))}</td>"
                    f"<td>{_esc(decision)}</td></tr>")
    head = "".join(f"<th>{_esc(tr(key, lang))}</th>" for key in ("report.kr", "report.status", "report.actual_target",
                                                                 "review.chance", "report.decision"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _actions(plan, objective: ObjectiveFigures, lang: str) -> str:
    """Its actions by state in one sentence; the late and at-risk ones named."""
    counts = objective.actions
    if not counts:
        return f"<h2>{_esc(tr('report.objective_actions_title', lang))}</h2><p>{_esc(tr('report.objective_no_action', lang))}</p>"
    parts = [tr(f"report.objective_state_{state}", lang, count=n) for state, n in counts.items()]
    text = tr("report.objective_actions", lang, count=sum(counts.values()), states=joined(parts, lang))
    names = dict(zip(plan.actions["id"], plan.actions["name"]))
    flagged = ""
    if objective.late_or_at_risk:
        listed = joined([f"{i} {names.get(i, '')}" for i in objective.late_or_at_risk], lang)
        flagged = f"<p>{_esc(tr('report.objective_flagged', lang, actions=listed))}</p>"
    return f"<h2>{_esc(tr('report.objective_actions_title', lang))}</h2><p>{_esc(text)}</p>{flagged}"


def _spend(plan, objective: ObjectiveFigures, lang: str) -> str:
    """The year's budget of its actions' lines, committed and spent to date, and the share spent."""
    money = lambda value: format_money(value, plan.currency, lang)  # noqa: E731
    share = format_percent(100 * objective.spent_to_date / objective.budget, lang, 0) if objective.budget else "–"
    text = tr("report.objective_spend", lang, budget=money(objective.budget),
              committed=money(objective.committed_to_date), spent=money(objective.spent_to_date), share=share)
    return f"<h2>{_esc(tr('report.objective_budget_title', lang))}</h2><p>{_esc(text)}</p>"
