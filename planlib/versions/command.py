"""`planlib diff`: what changed between two versions of a plan, for a person, a script or a page."""
from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import PlanError, Problem
from ..core.language import resolve_language
from ..core.io.atomic import atomic_write_text
from ..core.outputs import refuse_output_over_plan
from ..core.plan_finder import find_plan
from .compare import compare
from .page import diff_page
from .sources import open_pair, revision_range
from .summary import change_line, lines


def run(args) -> int:
    """`planlib diff`: two versions of a plan, or a plan's history (--rev), as lines, JSON or a page."""
    if args.html:
        refuse_output_over_plan(args.html, "--html")
    if args.rev:
        if len(args.versions) > 1:
            raise PlanError([Problem("planlib diff", None, None, "diff_arguments", {}, "diff_arguments")])
        plan = args.versions[0] if args.versions else find_plan().path
        old, new = revision_range(Path(plan), args.rev)
    elif len(args.versions) == 2:
        old, new = open_pair(args.versions[0], args.versions[1])
    else:
        raise PlanError([Problem("planlib diff", None, None, "diff_arguments", {}, "diff_arguments")])
    diff = compare(old, new)
    lang = resolve_language(args.lang, {"language": diff.language})
    summary = lines(diff, lang)
    if args.html:
        atomic_write_text(args.html, diff_page(diff, old.label, new.label, lang), keep_history=False)
    if args.json:
        print(json.dumps({"old": old.label, "new": new.label, "summary": summary, **diff.as_json()},
                         ensure_ascii=False, indent=2))
    else:
        print("\n".join([*summary, "", *(change_line(c, lang) for c in diff.changes)]).rstrip())
    return 0
