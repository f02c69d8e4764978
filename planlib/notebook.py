"""What every notebook does first: read its parameters, load the plan, say where it stands.

Papermill injects `plan_dir`, `period`, `as_of` and `lang`; `start` turns them
into a `Session` and shows a header, so each notebook's cells stay short.
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import date

import pandas as pd

from .errors import PlanError
from .i18n import check_language, format_date, t
from .periods import Period
from .plan import Plan, load_plan
from .keyfigures import parse_as_of


REPORT_ENV = "PLANLIB_REPORT"  # set by `planlib report` for the kernels it starts
PLAN_CACHE_ENV = "PLANLIB_PLAN_CACHE"  # where `planlib report` left the plan it loaded and validated


def interactive() -> bool:
    """False in a report run: forms are then neither built nor shown, only a line saying where they are."""
    return os.environ.get(REPORT_ENV) != "1"


@dataclass(frozen=True)
class Session:
    """One notebook run: the plan, the period reported on, the as-of date, the language."""

    plan: Plan
    period: Period
    as_of: date
    lang: str


def start(plan_dir: str, period: str | None = None, as_of: str | None = None, lang: str = "en",
          show: bool = True) -> Session:
    """Load and check the plan; raise PlanError (shown as a plain list) if anything is wrong."""
    check_language(lang)
    try:
        plan = report_plan(plan_dir) or load_plan(plan_dir)
    except PlanError as error:
        error.lang = lang  # the list shows in the notebook's language
        raise
    span = plan.period(period or str(plan.calendar.year))
    session = Session(plan, span, parse_as_of(as_of, span), lang)
    if show:
        display_markdown(header(session))
    return session


def report_plan(plan_dir: str) -> Plan | None:
    """In a report run, the plan the runner already loaded and validated (same folder only)."""
    import pickle

    from .plan import resolve_plan_path

    path = os.environ.get(PLAN_CACHE_ENV)
    if interactive() or not path or not os.path.exists(path):
        return None
    with open(path, "rb") as stream:
        plan = pickle.load(stream)
    wanted = resolve_plan_path(plan_dir).resolve()
    return plan if plan.path is not None and plan.path.resolve() == wanted else None


def header(session: Session) -> str:
    plan, period, lang = session.plan, session.period, session.lang
    working = plan.calendar.count_working_days(period.start, period.end)
    company = escape(plan.settings.get("company", ""))
    return (f"**{company}** · {t('period', lang)} **{period.id}** {t('from', lang)} "
            f"{format_date(period.start, lang)} {t('to', lang)} {format_date(period.end, lang)} "
            f"({working} {t('working_days', lang)}) · {t('as_of', lang)} {format_date(session.as_of, lang)}")


def display_markdown(text: str) -> None:
    from IPython.display import Markdown, display

    display(Markdown(text))


def guide(key: str, lang: str = "en") -> None:
    from .guides import guide_text

    display_markdown(guide_text(key, lang))


def table(frame: pd.DataFrame, lang: str | None = None):
    """A table for a notebook or report: no index, text escaped, headers in `lang` if given."""
    if lang:
        from .i18n import localize_columns

        frame = localize_columns(frame, lang)
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d").fillna("")
    styles = [{"selector": "th, td", "props": [("text-align", "left"), ("vertical-align", "top")]}]
    return frame.style.hide(axis="index").format(escape="html", na_rep="", precision=2).set_table_styles(styles)


def figures_table(document: dict, lang: str = "en"):
    """The summary's headline figures as a two-column table."""
    from .keyfigures import headline

    label, value = ("Indicateur", "Valeur") if lang == "fr" else ("Figure", "Value")
    return table(pd.DataFrame(headline(document, lang), columns=[label, value]))


def show_form(make_form, plan: Plan, lang: str = "en") -> None:
    """A form in JupyterLab; in a report run, only a line saying where to find it.

    The form is built only when shown: a report holds no widget and no widget state.
    """
    from IPython.display import display

    if interactive():
        guide("forms", lang)
        display(make_form(plan, lang).widget())
    else:
        guide("forms_in_report", lang)


def refresh(session: Session) -> Plan:
    """The plan as saved now: forms may have changed it since the notebook started (never in a report run)."""
    if not interactive():
        return session.plan
    return load_plan(session.plan.path or session.plan.name)


def smart_check(sentence: str, lang: str = "en"):
    """The SMART linter's verdict on a sentence, as a table."""
    from .linter import letter_rows, smart, verdict

    result = smart(sentence, lang)
    columns = ("Lettre", "", "Pourquoi") if lang == "fr" else ("Letter", "", "Why")
    display_markdown(f"> {html.escape(sentence)}\n\n**{verdict(result)}**")
    return table(pd.DataFrame(letter_rows(result), columns=columns))


def table_or_none(frame: pd.DataFrame, lang: str = "en") -> None:
    """Show a table, or a short 'None.' when it is empty (works inside loops)."""
    from IPython.display import display

    from .i18n import t

    if len(frame):
        display(table(frame, lang))
    else:
        display_markdown(t("nothing", lang))


def heading(text: str) -> None:
    display_markdown(f"**{html.escape(text)}**")


def escape(text: str) -> str:
    """Plan text made safe to put in Markdown or HTML."""
    return html.escape(str(text))


def text_block(lines: list[str]) -> None:
    """Lines shown as they are, in a fixed-width block (the text form of a tree)."""
    from IPython.display import HTML, display

    display(HTML("<pre>" + html.escape("\n".join(lines)) + "</pre>"))
