"""Step 5 as a reader sees it: the period's figures in a sentence of the reader's language."""
from __future__ import annotations

from ...core.i18n import format_exact, format_period, tr


def period_line(period, figures: dict, lang: str) -> str:
    """The period's span, working days, actions and person-days (T2 2026 : du 1er avril 2026 au 30 juin 2026, ...)."""
    return tr("label.period_figures", lang, period=format_period(period, lang), start=period.start, end=period.end,
              working_days=figures["working_days"], actions=figures["actions"],
              person_days=format_exact(figures["person_days"], lang))
