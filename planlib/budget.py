"""Budget lines: payment schedules.

A schedule says when a budget line is paid: instalments, each a share and a
date or a milestone of the line's action, e.g. ``25% 2026-02-01; 75% end``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

SCHEDULE_FORM = "instalments such as '25% 2026-02-01; 75% end' (share, then a date, 'start' or 'end'), shares summing to 100%"
MILESTONES = ("start", "end")
_INSTALMENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s+(\S+)\s*$")


@dataclass(frozen=True)
class Instalment:
    share: float  # percent of the line's amount
    when: date | str  # a date, or a milestone of the action: "start" / "end"


def parse_date_text(text: str) -> date | None:
    """An ISO date or a French dd/mm/yyyy date, else None."""
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def parse_schedule(text: str) -> list[Instalment]:
    """Instalments of a schedule; ValueError says what is wrong."""
    instalments = []
    for part in [p for p in str(text).split(";") if p.strip()]:
        match = _INSTALMENT.match(part)
        if not match:
            raise ValueError(f"cannot read instalment '{part.strip()}'")
        share = float(match.group(1).replace(",", "."))
        when_text = match.group(2).lower()
        when = when_text if when_text in MILESTONES else parse_date_text(when_text)
        if when is None:
            raise ValueError(f"'{match.group(2)}' is neither a date nor a milestone")
        instalments.append(Instalment(share, when))
    total = sum(i.share for i in instalments)
    if instalments and abs(total - 100) > 0.01:
        raise ValueError(f"shares sum to {total:g}%, not 100%")
    return instalments
