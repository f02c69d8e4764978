"""The `planlib import-actuals` command: its options and its run (the cli hands it its subparsers)."""
from __future__ import annotations

from pathlib import Path

from ...core.i18n import languages


def add_parser(commands) -> None:
    actuals = commands.add_parser("import-actuals", help="help.command.import_actuals")
    actuals.add_argument("plan", type=Path, help="help.any.plan_folder")
    actuals.add_argument("file", type=Path, help="help.import_actuals.file")
    actuals.add_argument("--source", default="auto",
                         help="help.import_actuals.source")
    actuals.add_argument("--mapping", type=Path, default=None, help="help.import_actuals.mapping")
    where = actuals.add_mutually_exclusive_group()
    where.add_argument("--channel", default="", help="help.import_actuals.channel")
    where.add_argument("--channel-column", default=None,
                       help="help.import_actuals.channel_column")
    actuals.add_argument("--dates", choices=("dmy", "mdy", "ymd"), default=None,
                         help="help.any.dates")
    actuals.add_argument("--dry-run", action="store_true", help="help.any.dry_run_import")
    actuals.add_argument("--lang", choices=languages(), default=None,
                       help="help.any.lang")
    actuals.add_argument("--replace", action="store_true",
                         help="help.import_actuals.replace")


def run(args, plan, lang: str) -> int:
    """Import the file into `plan` (loaded by the cli, with every step's rules) and print what it did in `lang`."""
    from .import_story import import_story
    from .imports import import_actuals

    _, result = import_actuals(plan, args.file, args.source, args.channel, args.mapping, args.channel_column,
                               args.dates, args.dry_run, args.replace)
    detected = args.source == "auto" and args.mapping is None
    for line in import_story(result, lang, detected, args.dry_run):
        print(line)
    return 0
