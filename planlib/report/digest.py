"""The period at a glance as lines of text: what `planlib summary` prints for a person.

The same facts as the report's front page (the glance), worded by the same
catalog entries in one language; schedulers read `planlib summary --json`.
"""
from __future__ import annotations

from ..core.i18n import format_date, format_measure, format_money, format_period, labelled, tr
from ..steps.review.show import backtest_text, chance_text, pace_text, window_text
from .figures import Glance
from .headline import headline


def digest(plan, glance: Glance, lang: str) -> str:
    """Plan, period and as-of date; key results off track with their decision; late actions; budget; decisions."""
    t = lambda key, **values: tr(f"report.{key}", lang, **values)  # noqa: E731
    money = lambda value: format_money(value, plan.currency, lang)  # noqa: E731
    number = lambda value, like: "–" if value is None else format_measure(value, lang, like)  # noqa: E731
    period = glance.period
    lines = [labelled(t("plan"), f"{plan.config.company or plan.name} ({plan.name})", lang),
             labelled(t("period"), t("period_span", period=format_period(period, lang), start=period.start, end=period.end),
                      lang),
             labelled(t("as_of"), format_date(glance.as_of, lang), lang)]

    lines += ["", t("key_results"), "  " + " · ".join(t("count", label=tr(f"status.{s}", lang), n=n)
                                                       for s, n in glance.counts.items() if n)]
    for kr in glance.off_track:
        decided = tr(f"decision.{kr.decision}", lang)
        decision = f"{decided} ({kr.decision_id})" if kr.decision else tr("review.no_decision", lang)
        lines.append("  " + " · ".join([f"{kr.id} {kr.title}", tr(f"status.{kr.status}", lang),
                                        labelled(t("pace"), pace_text(kr.pace, lang), lang)
                                        + (f" ({window_text(kr.window, kr.window_days, lang)})" if kr.window else ""),
                                        labelled(t("forecast_target"),
                                                 f"{number(kr.forecast, kr.target)} / {number(kr.target, kr.target)}", lang),
                                        labelled(tr("review.chance", lang), chance_text(kr.probability, lang) or "–",
                                                 lang),
                                        labelled(t("decision"), decision, lang)]))
    if glance.backtest:
        lines.append("  " + backtest_text(glance.backtest, lang))

    lines += ["", t("actions")]
    for action in glance.actions:
        end = format_date(action.planned_end, lang) if action.planned_end else "–"
        slack = t("slack_behind" if action.slack < 0 else "slack_ahead", count=abs(action.slack))
        lines.append("  " + " · ".join([tr(f"report.action_{action.kind}", lang),
                                        f"{action.id} {action.name}", action.owner or "–",
                                        labelled(t("planned_end"), end, lang), slack]))
    if not glance.actions:
        lines.append("  " + t("no_late_actions"))

    budget = glance.budget
    gap = budget.projection_gap
    lines += ["", t("budget")] + ["  " + labelled(t(key), money(getattr(budget, key)), lang) for key in
                                  ("period_committed", "period_spent", "year_committed", "year_spent",
                                   "year_projection", "year_envelope")]
    lines.append("  " + t("projection_over" if gap > 0 else "projection_under",
                          gap=format_money(abs(gap), plan.currency, lang)))

    decisions = glance.decisions
    lines += ["", t("decisions"), "  " + t("open_decisions", count=len(decisions.open))]
    lines += ["  " + t("overdue_line", id=d.id, kr=d.key_result_id, owner=d.owner,
                       due=d.due) for d in decisions.overdue] or ["  " + t("no_overdue")]

    lines += ["", t("figures")] + ["  " + labelled(name, value, lang) for name, value in headline(glance.headline, lang)]
    return "\n".join(lines)
