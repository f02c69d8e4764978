"""The `planlib report` command: which plans and periods, then one line per report written, skipped or failed."""
from __future__ import annotations

import os
import sys

from ..cli_errors import say_error
from ..core.i18n import labelled, tr
from ..core.outputs import refuse_folder_in_plan
from ..core.language import resolve_language
from ..core.plan_finder import find_plan
from .batch import BatchRun, plans_under
from .runner import NOTEBOOKS_DIR


def run(args) -> int:
    """`planlib report`: the plans and periods asked, one line per report written, skipped or failed."""
    if args.out is not None:
        refuse_folder_in_plan(args.out, "--out")
    plans = list(args.plans)
    if args.plans_root is not None:
        if not args.plans_root.is_dir():
            say_error(tr("report.no_such_root", args.messages, folder=str(args.plans_root)), args.messages)
            return 1
        plans += plans_under(args.plans_root, skip=args.out)
    if not plans and args.plans_root is None:
        found = find_plan()
        plans = [found.path]
        print(found.announcement(args.messages if args.messages_given else None), file=sys.stderr)
    lang = resolve_language(args.messages if args.messages_given else None, plans[0] if plans else None)
    batch = BatchRun(plans, args.period, args.all, args.year, out=args.out, as_of=args.as_of, lang=args.lang,
                     pdf=args.pdf, jobs=args.jobs or os.cpu_count() or 1, notebooks=args.notebooks or NOTEBOOKS_DIR,
                     force=args.force, quiet=args.quiet)
    document = batch.run()
    several = len({entry["plan_dir"] for entry in document["runs"]}) > 1
    for entry in document["runs"]:
        who = f"{entry['plan']} {entry['period'] or ''}".strip() if several else entry["period"]
        if entry["status"] == "failed":
            where = entry["plan_dir"] if entry["period"] is None else ""
            say_error(labelled(where, entry["error"], lang) if where else entry["error"], lang)
        elif entry["status"] == "skipped":
            print(tr("report.skipped", lang, who=who, path=entry["report"]))
        else:
            print(tr("report.written", lang, who=who, path=entry["report"]))
    if not document["runs"]:
        say_error(tr("report.no_plans_under", lang, folder=str(args.plans_root)), lang)
        return 1
    return 0 if document["ok"] else 1
