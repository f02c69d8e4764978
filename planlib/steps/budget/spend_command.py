"""The `planlib import-spend` command: its options and its run (the cli hands it its subparsers)."""
from __future__ import annotations

from pathlib import Path

from ...core.i18n import languages


def add_parser(commands) -> None:
    spend = commands.add_parser("import-spend", help="help.command.import_spend")
    spend.add_argument("plan", type=Path, help="help.any.plan_folder")
    spend.add_argument("file", type=Path, help="help.import_spend.file")
    spend.add_argument("--source", default="auto", help="help.import_spend.source")
    spend.add_argument("--channel", default="", help="help.import_spend.channel")
    spend.add_argument("--line", default=None, help="help.import_spend.line")
    spend.add_argument("--accounts", type=Path, default=None,
                       help="help.import_spend.accounts")
    spend.add_argument("--dates", choices=("dmy", "mdy", "ymd"), default=None,
                       help="help.any.dates")
    spend.add_argument("--dry-run", action="store_true", help="help.any.dry_run_import")
    spend.add_argument("--lang", choices=languages(), default=None,
                       help="help.any.lang")
    spend.add_argument("--replace", action="store_true", help="help.import_spend.replace")


def run(args, plan, lang: str) -> int:
    """Import the file into `plan` (loaded by the cli, with every step's rules) and print what it did in `lang`."""
    from .spend_import import import_spend
    from .spend_story import spend_story

    _, result = import_spend(plan, args.file, args.source, args.channel, args.line, args.accounts, args.dates,
                             args.dry_run, args.replace)
    for line in spend_story(plan, result, lang, args.dry_run):
        print(line)
    return 0
