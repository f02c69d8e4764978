"""What a notebook cell calls: start a session, show guides, headings, tables and forms.

The notebooks' entry point, as `planlib.cli` is the terminal's: it gathers
the session (`session.py`: the plan, the period and the language a notebook
works on) and display helpers (ui) under one short name,
`from planlib import notebook as nb`.
"""
from __future__ import annotations

from ..ui.mode import interactive  # noqa: F401
from .session import Session, figures_table, guide, header, live, plan_language, refresh, what_changed  # noqa: F401
from .session import start  # noqa: F401
from ..ui.display import bullets, display_markdown, escape, heading, heading_text, paragraph  # noqa: F401
from ..ui.display import long_table, show_form, table, table_or_none, text_block  # noqa: F401
