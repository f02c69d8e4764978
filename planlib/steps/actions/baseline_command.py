"""`planlib baseline` (freeze the schedule) and `planlib diff --baseline` (what slipped since): their options
and runs, handed the cli's subparsers."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ...core.errors import CodedError
from ...core.i18n import format_date, languages, tr


def add_parser(commands) -> None:
    baseline = commands.add_parser("baseline", help="help.command.baseline")
    baseline.add_argument("plan", nargs="?", type=Path, default=None,
                          help="help.baseline.plan")
    baseline.add_argument("--name", default=None, help="help.baseline.name")
    baseline.add_argument("--lang", choices=languages(), default=None,
                          help="help.any.lang")


def run(args, plan) -> int:
    """Freeze `plan`'s schedule (loaded by the cli, with every step's rules)."""
    from .baseline import save_baseline

    path, count, replaced = save_baseline(plan, args.name)
    print(tr("baseline.frozen", args.messages, count=count, file=f"{path.parent.name}/{path.name}",
             day=format_date(date.today(), args.messages)))
    if replaced:
        print(tr("baseline.replaced", args.messages))
    return 0


def run_diff(args, plan) -> int:
    """`planlib diff [PLAN] --baseline [NAME]`: each action's move since the baseline, in working days."""
    from .baseline import baseline_names, check_name, latest_baseline, read_baseline, slipped, slippage

    lang = args.lang or args.messages
    if args.baseline:
        check_name(args.baseline)
        if args.baseline not in baseline_names(plan.path):
            raise CodedError("baseline_unknown", "baseline_known", name=args.baseline,
                             names=", ".join(baseline_names(plan.path)) or "-")
        baseline = read_baseline(plan.path, args.baseline)
    else:
        baseline = latest_baseline(plan)
        if baseline is None:
            raise CodedError("baseline_none", "baseline_freeze")
    table = slippage(plan, baseline)
    moved = table[(table["start_variance"].fillna(0) != 0) | (table["end_variance"].fillna(0) != 0)]
    added = sorted(set(plan.actions["id"]) - set(baseline.rows["id"]) - set(
        plan.actions.loc[plan.actions["status"] == "cancelled", "id"]))
    gone = sorted(set(baseline.rows["id"]) - set(table["id"]))
    late = slipped(table)
    if args.json:
        print(json.dumps({"baseline": baseline.name, "frozen": baseline.frozen.isoformat() if baseline.frozen else None,
                          "slipped": int(len(late)), "moved": [_moved_json(r) for r in moved.itertuples(index=False)],
                          "added": added, "not_in_plan": gone}, ensure_ascii=False, indent=2))
        return 0
    frozen = format_date(baseline.frozen, lang) if baseline.frozen else "-"
    print(tr("baseline.diff_head", lang, name=baseline.name, day=frozen, count=len(late), moved=len(moved)))
    for row in moved.sort_values(["end_variance", "id"], ascending=[False, True]).itertuples(index=False):
        print(tr("baseline.diff_line", lang, id=row.id, name=row.name,
                 before=format_date(row.baseline_end, lang) if row.baseline_end else "-",
                 after=format_date(row.end, lang) if row.end else "-", days=_signed(row.end_variance)))
    if added:
        print(tr("baseline.diff_added", lang, count=len(added), ids=", ".join(added)))
    if gone:
        print(tr("baseline.diff_gone", lang, count=len(gone), ids=", ".join(gone)))
    return 0


def _signed(days) -> str:
    return "0" if days is None or days != days or int(days) == 0 else f"{int(days):+d}"


def _moved_json(row) -> dict:
    day = lambda d: d.isoformat() if d is not None and d == d else None  # noqa: E731
    variance = lambda v: None if v is None or v != v else int(v)  # noqa: E731
    return {"id": row.id, "name": row.name, "owner": row.owner, "baseline_start": day(row.baseline_start),
            "baseline_end": day(row.baseline_end), "start": day(row.start), "end": day(row.end),
            "start_variance": variance(row.start_variance), "end_variance": variance(row.end_variance)}
