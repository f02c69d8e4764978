"""What every notebook does first: read its parameters, load the plan, say where it stands.

Papermill injects `plan_dir`, `period`, `as_of`, `lang` and, in a report run,
`report` (the run's context: the plan it validated, what changed since the
previous report); `start` turns them into a `Session` and shows a header, so
each notebook's cells stay short.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.errors import PlanError
from ..core.i18n import check_language, format_date, format_period, label
from ..core.periods import Period
from ..core.plan import Plan
from ..core.language import resolve_language
from ..report.context import ReportContext
from ..ui.mode import interactive, set_report_run
from ..ui.display import display_markdown, escape
from ..steps import load_plan
from ..core.periods import parse_as_of


@dataclass(frozen=True)
class Session:
    """One notebook run: the plan, the period reported on, the as-of date, the language."""

    plan: Plan
    period: Period
    as_of: date
    lang: str
    report: ReportContext | None = None  # the report run's context; None in JupyterLab


def plan_language(plan_dir: str, lang: str | None = None) -> str:
    """A notebook's language by the kit's one rule: its `lang` parameter, else the plan's, else its
    workspace's, else English (core/language.py)."""
    return resolve_language(lang, plan_dir)


def start(plan_dir: str, period: str | None = None, as_of: str | None = None, lang: str | None = None,
          report: dict | None = None, show: bool = True) -> Session:
    """Load and check the plan; raise PlanError (shown as a plain list) if anything is wrong.

    `lang` None speaks the plan's language (else its workspace's, else English).
    `report` is the report run's context (its papermill parameter): the kernel
    then shows no widget and reads the plan the run already validated.
    """
    lang = check_language(lang) if lang is not None else plan_language(plan_dir)
    context = ReportContext.from_parameter(report)
    set_report_run(context is not None)
    try:
        plan = (context.read_plan(plan_dir) if context else None) or load_plan(plan_dir)
    except PlanError as error:
        error.lang = lang  # the list shows in the notebook's language
        raise
    span = plan.period(period or str(plan.calendar.year))
    session = Session(plan, span, parse_as_of(as_of, span), lang, context)
    if show:
        display_markdown(header(session))
    return session


def what_changed(session: Session):
    """What changed: in a report run, since the previous report, as the front page says it (computed once by
    the run); in JupyterLab, since the plan's last git commit, else since its newest report."""
    from ..versions.show import changes_html, what_changed as since_last_version

    if session.report is None:
        return since_last_version(session.plan, session.lang)
    return changes_html(session.report.read_since(), session.lang)


def header(session: Session) -> str:
    plan, period, lang = session.plan, session.period, session.lang
    working = plan.calendar.count_working_days(period.start, period.end)
    company = escape(plan.config.company)
    return (f"**{company}** · {label('period', lang)} **{format_period(period, lang)}** {label('from', lang)} "
            f"{format_date(period.start, lang)} {label('to', lang)} {format_date(period.end, lang)} "
            f"({working} {label('working_days', lang)}) · {label('as_of', lang)} {format_date(session.as_of, lang)}")


def refresh(session: Session) -> Plan:
    """The plan as saved now: forms may have changed it since the notebook started (never in a report run)."""
    if not interactive():
        return session.plan
    return load_plan(session.plan.path or session.plan.name)


def live(session: Session, draw) -> Plan:
    """The plan as saved now, and `draw(plan)` shown below the forms, drawn again after every save."""
    from ..ui.live import live as live_view

    plan = refresh(session)
    live_view(draw, plan)
    return plan


def guide(step: str, section: str, lang: str) -> None:
    """A section of a step's guide, in the reader's language."""
    from ..steps.guides import guide_text

    display_markdown(guide_text(step, section, lang))


def figures_table(document: dict, lang: str):
    """The summary's headline figures as a two-column table."""
    import pandas as pd

    from ..core.i18n import tr
    from ..ui.display import table
    from ..report.figures import Headline
    from ..report.headline import headline

    return table(pd.DataFrame(headline(Headline.of(document), lang), columns=[tr("label.figure", lang), tr("label.value", lang)]))
