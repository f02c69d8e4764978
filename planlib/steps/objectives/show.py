"""Step 2 as its notebook shows it: the sentence checker's verdict."""
from __future__ import annotations

import html

import pandas as pd

from ...core.i18n import tr
from ...ui.display import display_markdown, table
from .linter import letter_rows, smart, verdict


def smart_check(sentence: str, lang: str = "en"):
    """The SMART linter's verdict on a sentence, as a table."""
    result = smart(sentence, lang)
    columns = (tr("label.letter", lang), "", tr("label.why", lang))
    display_markdown(f"> {html.escape(sentence)}\n\n**{verdict(result)}**")
    return table(pd.DataFrame(letter_rows(result), columns=columns))
