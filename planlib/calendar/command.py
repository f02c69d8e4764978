"""`planlib calendar`: the plan's iCalendar feed, for the team or one owner, to a file or the standard output."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ..core.errors import CodedError
from ..core.i18n import joined, languages, tr
from ..core.language import resolve_language


def add_parser(commands) -> None:
    calendar = commands.add_parser("calendar", help="help.command.calendar")
    calendar.add_argument("plan", nargs="?", type=Path, default=None,
                          help="help.any.plan")
    calendar.add_argument("--owner", default=None, metavar="NAME", help="help.calendar.owner")
    calendar.add_argument("--ics", type=Path, default=None, metavar="FILE",
                          help="help.calendar.ics")
    calendar.add_argument("--lang", choices=languages(), default=None,
                          help="help.calendar.lang")


def run(args) -> int:
    from ..core.io.atomic import atomic_write_bytes
    from ..core.outputs import refuse_output_over_plan
    from ..steps import load_plan
    from .feed import calendar_items, ics_bytes
    from .files import title

    if args.ics is not None:
        refuse_output_over_plan(args.ics, "--ics", suffixes=(".ics",))
    plan = load_plan(args.plan)
    lang = resolve_language(args.lang, plan)
    items = calendar_items(plan, lang)
    owner = None
    if args.owner is not None:
        owners = {name.casefold(): name for name in items.owners()}
        owner = owners.get(args.owner.strip().casefold())
        if owner is None:
            raise CodedError("calendar_owner", "calendar_owners", owner=args.owner,
                             owners=joined(items.owners(), args.messages) or "-")
    chosen = items.of(owner)
    data = ics_bytes(plan, chosen, lang, title(plan, lang, owner))
    kinds = Counter(item.kind for item in chosen)
    counts = joined([tr(f"calendar.count_{kind}", args.messages, count=kinds[kind])
                     for kind in ("action", "payment", "decision", "period", "holiday") if kinds[kind]], args.messages)
    if args.ics is not None:
        atomic_write_bytes(args.ics, data, keep_history=False)
        print(tr("calendar.written", args.messages, file=str(args.ics), count=len(chosen), items=counts))
    else:
        if hasattr(sys.stdout, "buffer"):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:  # a captured output (tests, notebooks) takes text
            sys.stdout.write(data.decode("utf-8"))
        print(tr("calendar.written_out", args.messages, count=len(chosen), items=counts), file=sys.stderr)
    owned = set(plan.actions.loc[plan.actions["owner"] == owner, "id"])
    undated = [a for a in items.undated if owner is None or a in owned]
    if undated:
        print(tr("calendar.undated", args.messages, count=len(undated), ids=joined(undated, args.messages)),
              file=sys.stderr)
    return 0
