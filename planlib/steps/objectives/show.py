"""Step 2 as its notebook shows it: the sentence checker's verdict."""
from __future__ import annotations


import pandas as pd

from ...core.i18n import tr
from ...ui.display import display_markdown, escape, table
from .linter import letter_rows, period_names, smart, verdict


def smart_check(sentence: str, lang: str, plan=None):
    """The SMART linter's verdict on a sentence, as a table; a plan's named periods count as time frames."""
    result = smart(sentence, lang, period_names(plan) if plan is not None else ())
    columns = (tr("label.letter", lang), tr("label.letter_met", lang), tr("label.why", lang))
    display_markdown(f"> {escape(sentence)}\n\n**{verdict(result)}**")
    return table(pd.DataFrame(letter_rows(result), columns=columns))
