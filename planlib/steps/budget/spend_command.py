"""The `planlib import-spend` command: its options and its run (the cli hands it its subparsers)."""
from __future__ import annotations

from pathlib import Path

from ...core.i18n import languages


def add_parser(commands) -> None:
    spend = commands.add_parser("import-spend", help="add actual spend from an ad platform's export or the "
                                "accounting FEC to spend.csv")
    spend.add_argument("plan", type=Path, help="plan folder")
    spend.add_argument("file", type=Path, help="an ad platform's export as downloaded, or a FEC (tab or pipe separated)")
    spend.add_argument("--source", default="auto", help="auto (default), fec, or an ad source (google_ads, meta_ads...)")
    spend.add_argument("--channel", default="", help="the ads' channel id: each day goes on its budget line for "
                                                     "that day's period")
    spend.add_argument("--line", default=None, help="the budget line id every ad cost goes on")
    spend.add_argument("--accounts", type=Path, default=None,
                       help="account -> category mapping for a FEC (default: <plan>/sources/accounts.yaml over the kit's)")
    spend.add_argument("--dates", choices=("dmy", "mdy", "ymd"), default=None,
                       help="the date order, when every date of the file reads both ways")
    spend.add_argument("--dry-run", action="store_true", help="say what would be imported, write nothing")
    spend.add_argument("--lang", choices=languages(), default=None,
                       help="language of the command's words (default: the plan's)")
    spend.add_argument("--replace", action="store_true", help="replace rows already imported whose amount changed")


def run(args, plan, lang: str) -> int:
    """Import the file into `plan` (loaded by the cli, with every step's rules) and print what it did in `lang`."""
    from .spend_import import import_spend
    from .spend_story import spend_story

    _, result = import_spend(plan, args.file, args.source, args.channel, args.line, args.accounts, args.dates,
                             args.dry_run, args.replace)
    for line in spend_story(plan, result, lang, args.dry_run):
        print(line)
    return 0
