"""`planlib workshop new|progress`: the trainer's two commands, added to the planlib command by cli.py."""
from __future__ import annotations

import json
from pathlib import Path

from ..core.i18n import languages, tr


def add_parser(commands) -> None:
    workshop = commands.add_parser("workshop", help="help.command.workshop")
    actions = workshop.add_subparsers(dest="workshop_command", required=True, metavar="ACTION")
    new = actions.add_parser("new", help="help.command.workshop_new")
    new.add_argument("name", help="help.workshop_new.name")
    new.add_argument("--case", required=True, help="help.workshop_new.case")
    new.add_argument("--participants", type=int, default=None, metavar="N", help="help.workshop_new.participants")
    new.add_argument("--names", type=Path, default=None, metavar="FILE",
                     help="help.workshop_new.names")
    new.add_argument("--lang", choices=languages(), default="en", help="help.workshop_new.lang")
    new.add_argument("--out", type=Path, default=None, metavar="DIR", help="help.workshop_new.out")
    progress = actions.add_parser("progress", help="help.command.workshop_progress")
    progress.add_argument("folder", type=Path, help="help.workshop_progress.folder")
    progress.add_argument("--json", action="store_true", help="help.any.print_json")
    progress.add_argument("--html", type=Path, default=None, metavar="FILE", help="help.workshop_progress.html")
    progress.add_argument("--lang", choices=languages(), default=None, help="help.workshop_progress.lang")


def run(args) -> int:
    if args.workshop_command == "new":
        from .participants import new_workshop

        if args.participants is None and args.names is None:
            from ..core.errors import CodedError

            raise CodedError("workshop_participants", "workshop_participants", count="-", limit=500)
        root = new_workshop(args.name, args.case, args.participants, args.names, args.lang, args.out)
        count = len(json.loads((root / "workshop.json").read_text(encoding="utf-8"))["participants"])
        print(tr("workshop.created", args.lang, folder=root, count=count, n=count, readme=root / "README.md"))
        return 0
    from ..core.io.atomic import atomic_write_text
    from ..core.outputs import refuse_output_over_plan
    from .page import progress_page
    from .progress import progress_text, workshop_progress

    if args.html:
        refuse_output_over_plan(args.html, "--html")
    document = workshop_progress(args.folder, args.lang)
    if args.html:
        atomic_write_text(args.html, progress_page(document), keep_history=False)
    print(json.dumps(document, ensure_ascii=False, indent=2) if args.json else progress_text(document))
    return 0
