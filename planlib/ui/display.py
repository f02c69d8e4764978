"""Rich results in a notebook or a report page: tables, Markdown, text blocks, forms.

Plan text is escaped wherever it is shown; tables have no index and their
headers are in the reader's language. Nothing here knows a step.
"""
from __future__ import annotations

import html
import re
from datetime import date, datetime

import pandas as pd

from ..core.i18n import format_date, localize_columns, tr
from .mode import interactive


def display_markdown(text: str) -> None:
    from IPython.display import Markdown, display

    display(Markdown(text))


# Columns holding codes of the plan format, shown as words (`value.<code>` in the catalogs).
CODE_COLUMNS = ("status", "priority", "recurrence", "level", "kind", "flag", "cost_type", "critical", "overloaded",
                "smart", "over_budget")


def localize_values(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Codes (in_progress, high, True) in words of the reader's language; anything else as it is."""
    frame = frame.copy()
    for column in frame.columns:
        if column in CODE_COLUMNS or pd.api.types.is_bool_dtype(frame[column]):
            words = {v: tr(f"value.{v}", lang) for v in frame[column].dropna().unique()}
            frame[column] = frame[column].map(lambda v: v if pd.isna(v) or words[v].startswith("value.")
                                              else words[v])
    return frame


def table(frame: pd.DataFrame, lang: str | None = None):
    """A table for a notebook or report: no index, text escaped, codes and headers in `lang` if given.

    Columns named in frame.attrs["cited"] hold titles of sources, shown as <cite> in their own language.
    """
    cited = list(frame.attrs.get("cited", []))
    if lang:
        frame = localize_columns(localize_values(frame, lang), lang)
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]) or _holds_days(frame[column]):
            frame[column] = [_day_text(day, lang) for day in frame[column]]
    styles = [{"selector": "th, td", "props": [("text-align", "left"), ("vertical-align", "top")]}]
    numbers = {}
    if lang:  # numbers in the reader's locale: 1 250,5 in French, 1,250.5 in English
        from ..core.i18n import format_number

        for column in frame.columns:
            if pd.api.types.is_float_dtype(frame[column]):
                whole = frame[column].dropna().apply(float.is_integer).all()
                numbers[column] = (lambda d: lambda v: format_number(v, lang, d))(0 if whole else 2)
    # cells and headers alike: a header may be plan text (a competitor axis, a persona's name)
    styled = frame.style.hide(axis="index").format(escape="html", na_rep="", precision=2)
    styled = styled.format_index(escape="html", axis=1)
    if numbers:
        styled = styled.format(numbers, subset=list(numbers), na_rep="", escape="html")  # the other columns keep theirs
    if cited:
        styled = styled.format(lambda v: f"<cite>{html.escape(str(v))}</cite>" if v else "", subset=cited)
    return styled.set_table_styles(styles)


def _holds_days(values: pd.Series) -> bool:
    """A column of date objects (pandas keeps them as object): shown as days like a datetime column."""
    present = values.dropna()
    return values.dtype == object and len(present) > 0 and all(isinstance(v, date) for v in present)


def _day_text(day, lang: str | None) -> str:
    """A day of a table: 15 mai 2026 in the reader's language, ISO when the table has no language."""
    if day is None or pd.isna(day):
        return ""
    day = day.date() if isinstance(day, datetime) else day
    return format_date(day, lang, "medium") if lang else day.isoformat()


def table_or_none(frame: pd.DataFrame, lang: str) -> None:
    """Show a table, or a short 'None.' when it is empty (works inside loops)."""
    from IPython.display import display

    if len(frame):
        display(table(frame, lang))
    else:
        display_markdown(tr("label.nothing", lang))


def heading(text: str) -> None:
    display_markdown(f"**{escape(text)}**")


_MARKDOWN = re.compile(r"([\\`*_\[\]{}()#+\-.!|~:$])")


def escape(text: str) -> str:
    """Plan text made safe to put in Markdown: shown as typed, never a link, an image, a heading or math.

    Every Markdown punctuation gets a backslash (CommonMark shows the character itself) and HTML's own
    characters become entities, so '[x](javascript:...)', '![](...)', '<b>' or '$x$' stay text.
    """
    return html.escape(_MARKDOWN.sub(r"\\\1", str(text)), quote=False)


def text_block(lines: list[str]) -> None:
    """Lines shown as they are, in a fixed-width block (the text form of a tree)."""
    from IPython.display import HTML, display

    display(HTML("<pre>" + html.escape("\n".join(lines)) + "</pre>"))


def bullets(lines: list[str], empty_key: str, lang: str) -> None:
    """Plan text as a bulleted list, escaped; `empty_key` worded when there is nothing to list."""
    if lines:
        display_markdown("\n".join(f"- {escape(line)}" for line in lines))
    elif empty_key:
        display_markdown(tr(empty_key, lang))


def show_form(make_form, plan, lang: str, hint_key: str | None = "form.hint") -> None:
    """A form in JupyterLab; in a report run, only a line saying where to find it.

    The form is built only when shown: a report holds no widget and no widget state. `hint_key`: the line
    above it (None for a panel that says its own).
    """
    from IPython.display import display

    if interactive():
        if hint_key:
            display_markdown(tr(hint_key, lang))
        display(make_form(plan, lang).widget())
    elif not _said_before("form.in_report"):  # once per page, however many forms the step has
        display_markdown(tr("form.in_report", lang))


def _said_before(key: str) -> bool:
    """Whether this notebook's run already showed `key`; kept in the kernel's user namespace, which a warm
    kernel wipes between two notebooks, so that the next notebook says it again."""
    from IPython import get_ipython

    shell = get_ipython()
    said = shell.user_ns.setdefault("_planlib_said", set()) if shell is not None else set()
    if key in said:
        return True
    said.add(key)
    return False


def heading_text(key: str, lang: str, level: int = 2) -> None:
    """A heading worded by the catalogs (`heading.<...>`), in the notebook's one language."""
    display_markdown(f"{'#' * level} {tr(key, lang)}")


def paragraph(key: str, lang: str, **values) -> None:
    """A paragraph worded by the catalogs, with plan values escaped (days are worded by the catalogs)."""
    display_markdown(tr(key, lang, **{k: v if isinstance(v, date) else escape(v) for k, v in values.items()}))


APPENDIX_KEY = "planlib_appendix"  # output metadata: this table belongs in the report's appendix
PAGE_KEY = "planlib_page"  # output metadata: this output is a printed page of its own (its title)
SUMMARY_ROWS = 15


def long_table(frame: pd.DataFrame, lang: str, title_key: str, limit: int = SUMMARY_ROWS) -> None:
    """A table long by nature (a year's retroplanning): whole in JupyterLab; in a report, its first
    rows on the page and the whole table in the report's appendix."""
    from IPython.display import HTML, display

    if interactive() or len(frame) <= limit:
        display(table(frame, lang))
        return
    display(table(frame.head(limit), lang))
    display_markdown(tr("label.more_rows", lang, n=len(frame) - limit, title=tr(title_key, lang)))
    display(HTML(table(frame, lang).to_html()), metadata={APPENDIX_KEY: tr(title_key, lang)})
