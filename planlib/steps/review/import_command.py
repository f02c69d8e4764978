"""The `planlib import-actuals` command: its options and its run (the cli hands it its subparsers)."""
from __future__ import annotations

from pathlib import Path

from ...core.i18n import languages


def add_parser(commands) -> None:
    actuals = commands.add_parser("import-actuals", help="add an export's values (GA4, Search Console, ad platforms, "
                                  "e-mailing tools, any wide CSV) to actuals.csv")
    actuals.add_argument("plan", type=Path, help="plan folder")
    actuals.add_argument("file", type=Path, help="the export as downloaded (CSV, TSV, UTF-8, UTF-16 or French Excel)")
    actuals.add_argument("--source", default="auto",
                         help="auto (default: the file's shape says which), a kit source (ga4, search_console, "
                              "google_ads, meta_ads...) or <plan>/sources/NAME.yaml")
    actuals.add_argument("--mapping", type=Path, default=None, help="a source file of your own, anywhere")
    where = actuals.add_mutually_exclusive_group()
    where.add_argument("--channel", default="", help="channel id all the values belong to (e.g. C03)")
    where.add_argument("--channel-column", default=None,
                       help="header of the column naming each row's channel (an id or a name of channels.csv)")
    actuals.add_argument("--dates", choices=("dmy", "mdy", "ymd"), default=None,
                         help="the date order, when every date of the file reads both ways")
    actuals.add_argument("--dry-run", action="store_true", help="say what would be imported, write nothing")
    actuals.add_argument("--lang", choices=languages(), default=None,
                       help="language of the command's words (default: the plan's)")
    actuals.add_argument("--replace", action="store_true",
                         help="replace the values this source already gave over the same span")


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
