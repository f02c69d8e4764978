"""The calendar files a report keeps beside its periods: one for the team, one per owner.

A scheduled report run writes them again each time, so a calendar app
subscribed to `reports/<plan>/calendar.ics` (or to an owner's file) follows the
plan. An owner who no longer holds anything loses their file, rather than
keeping a feed frozen at the day they left the plan.
"""
from __future__ import annotations

from pathlib import Path

from ..core.i18n import tr
from ..core.io.atomic import atomic_write_bytes
from ..core.plan import Plan
from .feed import Items, calendar_items, ics_bytes, slug

TEAM_FILE = "calendar.ics"


def owner_file(owner: str) -> str:
    return f"calendar-{slug(owner)}.ics"


def title(plan: Plan, lang: str, owner: str | None = None) -> str:
    company = plan.config.company or plan.name
    if owner is None:
        return tr("calendar.title", lang, company=company, year=plan.calendar.year)
    return tr("calendar.title_owner", lang, company=company, year=plan.calendar.year, owner=owner)


def write_feeds(plan: Plan, folder: Path, lang: str, items: Items | None = None) -> list[Path]:
    """calendar.ics and calendar-<owner>.ics in `folder`; the files written."""
    items = items or calendar_items(plan, lang)
    folder = Path(folder)
    written = [folder / TEAM_FILE]
    atomic_write_bytes(written[0], ics_bytes(plan, items.of(None), lang, title(plan, lang)), keep_history=False)
    for owner in items.owners():
        path = folder / owner_file(owner)
        atomic_write_bytes(path, ics_bytes(plan, items.of(owner), lang, title(plan, lang, owner)), keep_history=False)
        written.append(path)
    for stale in set(folder.glob("calendar-*.ics")) - set(written):
        stale.unlink(missing_ok=True)
    return written
