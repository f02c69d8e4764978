"""The `planlib` command: new, lab, upgrade, workshop, check, summary, import, export, report and the rest.

Schedulers and analysts both call it, so it prints plain problems, never a
traceback, and exits 0 on success, 1 on bad input, 2 on an internal error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from .core.errors import CodedError, PlanError
from .cli_errors import WordedParser, argv_language, say_error
from .core.i18n import languages, tr

EXAMPLE = Path("data") / "example"


def _plan_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", nargs="?", type=Path, default=None,
                        help="help.any.plan")
    parser.add_argument("--lang", choices=languages(), default=None,
                        help="help.any.lang")


def build_parser() -> argparse.ArgumentParser:
    parser = WordedParser(prog="planlib", description="help.description")
    parser.add_argument("--debug", action="store_true", help="help.parser.debug")
    parser.add_argument("--messages", choices=languages(), default=None,
                        help="help.parser.messages")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help="help.command.new")
    new.add_argument("name", type=Path, help="help.new.name")
    origin = new.add_mutually_exclusive_group()
    origin.add_argument("--from", dest="source", type=Path, default=None, metavar="PLAN",
                        help="help.new.from")
    origin.add_argument("--example", action="store_true", help="help.new.example")
    new.add_argument("--lang", "--language", dest="lang", choices=languages(), default=None,
                     help="help.new.language")
    new.add_argument("--company", default="My company", help="help.new.company")
    new.add_argument("--year", type=int, default=None, help="help.new.year")
    new.add_argument("--market", choices=("B2B", "B2C", "B2B2C"), default="B2C", help="help.new.market")

    lab = commands.add_parser("lab", help="help.command.lab")
    lab.add_argument("workspace", nargs="?", type=Path, default=Path("."),
                     help="help.lab.workspace")
    lab.add_argument("--port", type=int, default=None, help="help.lab.port")
    lab.add_argument("--no-browser", action="store_true", help="help.lab.no_browser")

    upgrade = commands.add_parser("upgrade", help="help.command.upgrade")
    upgrade.add_argument("workspace", type=Path, help="help.upgrade.workspace")

    from .workshop.commands import add_parser as add_workshop
    from .calendar.command import add_parser as add_calendar

    add_workshop(commands)
    add_calendar(commands)

    check = commands.add_parser("check", help="help.command.check")
    _plan_arg(check)

    summary = commands.add_parser("summary", help="help.command.summary")
    _plan_arg(summary)
    summary.add_argument("--period", default=None, help="help.summary.period")
    summary.add_argument("--as-of", default=None, help="help.summary.as_of")
    summary.add_argument("--json", action="store_true", help="help.any.print_json")

    export = commands.add_parser("export", help="help.command.export")
    _plan_arg(export)
    export.add_argument("--to", required=True, type=Path, help="help.export.to")
    export.add_argument("--format", choices=("xlsx", "csv-fr", "csv"), default=None,
                        help="help.export.format")

    imp = commands.add_parser("import", help="help.command.import")
    imp.add_argument("source", type=Path, help="help.import.source")
    imp.add_argument("--into", required=True, type=Path, help="help.import.into")
    imp.add_argument("--lang", choices=languages(), default=None, help="help.import.lang")
    from .steps.budget.spend_command import add_parser as add_import_spend
    from .steps.review.import_command import add_parser as add_import_actuals

    add_import_actuals(commands)
    add_import_spend(commands)
    smart = commands.add_parser("smart", help="help.command.smart")
    smart.add_argument("text", help="help.smart.text")
    smart.add_argument("--lang", choices=languages(), default=None,
                       help="help.smart.lang")
    smart.add_argument("--plan", type=Path, default=None, dest="periods_of",
                       help="help.smart.plan")
    smart.add_argument("--json", action="store_true", help="help.smart.json")

    diff = commands.add_parser("diff", help="help.command.diff")
    diff.add_argument("versions", nargs="*", type=Path, metavar="OLD NEW",
                      help="help.diff.versions")
    diff.add_argument("--rev", default=None, metavar="A..B",
                      help="help.diff.rev")
    diff.add_argument("--json", action="store_true", help="help.diff.json")
    diff.add_argument("--html", type=Path, default=None, metavar="FILE", help="help.diff.html")
    diff.add_argument("--lang", choices=languages(), default=None, help="help.diff.lang")
    diff.add_argument("--baseline", nargs="?", const="", default=None, metavar="NAME",
                      help="help.diff.baseline")
    from .steps.actions.baseline_command import add_parser as add_baseline

    add_baseline(commands)
    from .steps.budget.curves_command import add_parser as add_curves

    add_curves(commands)

    abtest = commands.add_parser("abtest", help="help.command.abtest")
    tests = abtest.add_subparsers(dest="abtest", required=True, metavar="size|read")
    size = tests.add_parser("size", help="help.command.abtest_size")
    size.add_argument("--baseline", required=True, help="help.abtest_size.baseline")
    size.add_argument("--target", required=True, help="help.abtest_size.target")
    size.add_argument("--alpha", default="0.05", help="help.abtest_size.alpha")
    size.add_argument("--power", default="0.8", help="help.abtest_size.power")
    size.add_argument("--one-sided", action="store_true", help="help.abtest_size.one_sided")
    size.add_argument("--daily", default=None, help="help.abtest_size.daily")
    size.add_argument("--variants", default="2", help="help.abtest_size.variants")
    size.add_argument("--json", action="store_true", help="help.any.json")
    size.add_argument("--lang", choices=languages(), default=None, help="help.abtest.lang")
    reading = tests.add_parser("read", help="help.command.abtest_read")
    reading.add_argument("--a", required=True, help="help.abtest_read.a")
    reading.add_argument("--b", required=True, help="help.abtest_read.b")
    reading.add_argument("--json", action="store_true", help="help.any.json")
    reading.add_argument("--lang", choices=languages(), default=None, help="help.abtest.lang")

    report = commands.add_parser("report", help="help.command.report")
    report.add_argument("plans", nargs="*", type=Path, metavar="PLAN",
                        help="help.report.plans")
    report.add_argument("--plans-root", type=Path, default=None, metavar="DIR",
                        help="help.report.plans_root")
    which = report.add_mutually_exclusive_group()
    which.add_argument("--period", default=None,
                       help="help.report.period")
    which.add_argument("--all", choices=("MONTHS", "QUARTERS", "SPRINTS", "HALVES"), type=str.upper,
                       help="help.report.all")
    which.add_argument("--year", action="store_true", help="help.report.year")
    report.add_argument("--as-of", default=None, help="help.report.as_of")
    report.add_argument("--lang", choices=languages(), default=None, help="help.report.lang")
    report.add_argument("--out", type=Path, default=Path("reports"), help="help.report.out")
    report.add_argument("--pdf", action="store_true", help="help.report.pdf")
    report.add_argument("--jobs", type=int, default=None, help="help.report.jobs")
    report.add_argument("--force", action="store_true",
                        help="help.report.force")
    report.add_argument("--quiet", action="store_true", help="help.report.quiet")
    report.add_argument("--notebooks", type=Path, default=None, help=argparse.SUPPRESS)
    return parser


def report_periods(plan, period_arg: str | None, all_kind: str | None, today=None, year: bool = False) -> list[str]:
    """Period ids from --period / --all / --year; this-month and friends follow the plan's calendar."""
    from .report.batch import period_ids

    return period_ids(plan, period_arg, all_kind, year, today)


def run_report(args) -> int:
    from .report.command import run

    return run(args)


def run_smart(args) -> int:
    from .core.language import resolve_language
    from .steps import load_plan
    from .steps.objectives.linter import period_names, smart, smart_text

    plan = load_plan(args.periods_of) if args.periods_of else None
    lang = resolve_language(args.lang, plan)
    result = smart(args.text, lang, period_names(plan) if plan else ())
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else smart_text(result))
    return 0


def run_diff(args) -> int:
    if args.baseline is not None:
        from .core.plan_finder import find_plan
        from .steps import load_plan
        from .steps.actions.baseline_command import run_diff as run_baseline_diff

        if len(args.versions) > 1:
            raise CodedError("baseline_diff_arguments", "baseline_diff_arguments")
        return run_baseline_diff(args, load_plan(args.versions[0] if args.versions else find_plan().path))
    from .versions.command import run

    return run(args)


def run_baseline(args) -> int:
    from .steps import load_plan
    from .steps.actions.baseline_command import run

    return run(args, load_plan(args.plan))


def run_abtest(args) -> int:
    from .steps.channels import abtest

    lang = args.lang or args.messages
    if args.abtest == "size":
        result = abtest.size(args.baseline, args.target, args.alpha, args.power, args.one_sided, args.daily,
                             args.variants)
        text = abtest.size_text(result, lang)
    else:
        result = abtest.read(args.a, args.b)
        text = abtest.read_text(result, lang)
    print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) if args.json else text)
    return 0


def _workspace_command(name: str):
    """A workspace command (new, lab, upgrade), loaded only when it runs."""
    def run(args) -> int:
        from .workspace import commands

        return getattr(commands, name)(args)
    return run


def run_check(args) -> int:
    from .steps import load_plan

    from .core.i18n import tr

    plan = load_plan(args.plan)
    counts = [tr(f"diff.rows.{name}", args.messages, count=len(frame)) for name, frame in plan.tables.items()]
    counts.append(tr("check.personas", args.messages, count=len(plan.personas)))
    print(tr("check.valid", args.messages, plan=str(args.plan), counts=", ".join(counts)))
    if plan.warnings:
        print(tr("problem.warnings_heading", args.messages, count=len(plan.warnings), n=len(plan.warnings)))
        for warning in plan.warnings:
            print(f"  {warning.text(args.messages)}")
    return 0


def run_summary(args) -> int:
    from .report.digest import digest
    from .steps import load_plan
    from .report.glance import at_a_glance
    from .steps.summary import summary

    plan = load_plan(args.plan)
    document = summary(plan, args.period or str(plan.calendar.year), args.as_of)
    glance = at_a_glance(plan, plan.period(document["period"]["id"]), date.fromisoformat(document["as_of"]), document)
    if args.json:  # the front page's facts too: a script reads what the manager reads
        print(json.dumps({**document, "front_page": glance.as_json()}, ensure_ascii=False, indent=2))
    else:  # a person reads the period at a glance, in the plan's language or the one asked for
        print(digest(plan, glance, args.messages))
    return 0


def run_export(args) -> int:
    from .core.outputs import refuse_folder_in_plan, refuse_output_over_plan
    from .core.plan import export_format, export_plan
    from .steps import load_plan

    if export_format(args.to, args.format) == "xlsx":
        refuse_output_over_plan(args.to, "--to", (".xlsx",))
    else:
        refuse_folder_in_plan(args.to, "--to")
    plan = load_plan(args.plan)
    target = export_plan(plan, args.to, args.format)
    print(tr("cli.exported", args.messages, plan=args.plan, target=target))
    return 0


def run_import(args) -> int:
    from .steps import import_plan

    plan = import_plan(args.source, args.into)
    print(tr("cli.imported", args.messages, source=args.source, plan=plan.path,
             rows=sum(len(f) for f in plan.tables.values()), history=plan.path / ".history"))
    return 0


def _step_command(module: str, function: str):
    """A command a step runs on the loaded plan, imported when it runs (start-up stays light)."""
    def run(args) -> int:
        import importlib

        return _import(getattr(importlib.import_module(f".steps.{module}", __package__), function), args)
    return run


def _import(run, args) -> int:
    """An import tells its story in --messages (or $PLANLIB_MESSAGES) when given, else in the plan's language."""
    from .core.language import resolve_language
    from .steps import load_plan

    plan = load_plan(args.plan)
    return run(args, plan, resolve_language(args.messages if args.messages_given else None, plan))


def run_calendar(args) -> int:
    from .calendar.command import run

    return run(args)


def run_workshop(args) -> int:
    from .workshop.commands import run

    return run(args)


COMMANDS = {"new": _workspace_command("run_new"), "import-actuals": _step_command("review.import_command", "run"),
            "import-spend": _step_command("budget.spend_command", "run"), "check": run_check, "summary": run_summary, "export": run_export,
            "import": run_import, "report": run_report, "smart": run_smart, "abtest": run_abtest,
            "diff": run_diff, "lab": _workspace_command("run_lab"), "upgrade": _workspace_command("run_upgrade"), "workshop": run_workshop,
            "calendar": run_calendar, "baseline": run_baseline,
            "curves": _step_command("budget.curves_command", "run_curves"),
            "reallocate": _step_command("budget.curves_command", "run_reallocate")}


def main(argv: list[str] | None = None) -> int:
    from .core.language import resolve_language

    parser = build_parser()
    WordedParser.lang = argv_language([str(a) for a in (sys.argv[1:] if argv is None else argv)])
    args = parser.parse_args(argv)
    args.messages_given = bool(args.messages or os.environ.get("PLANLIB_MESSAGES"))
    args.messages = args.messages or os.environ.get("PLANLIB_MESSAGES") or "en"
    if getattr(args, "lang", None) and not args.messages_given:  # one --lang: the command's words too
        args.messages, args.messages_given = args.lang, True
    try:
        from .core.plan_finder import find_plan

        if getattr(args, "plan", "absent") is None:
            found = find_plan()  # the workspace or plan folder here, else the kit's example: said, never silent
            args.plan = found.path
            print(found.announcement(args.messages if args.messages_given else None), file=sys.stderr)
        if not args.messages_given and getattr(args, "plan", None) is not None:
            args.messages = resolve_language(None, args.plan)  # a plan's commands speak its language unless asked
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # inside the try: a reader gone early (| head) is caught below, not at exit
        return code
    except PlanError as error:
        print(error.report(args.messages), file=sys.stderr)
        return 1
    except CodedError as error:
        say_error(error.text(args.messages), args.messages)
        return 1
    except BrokenPipeError:  # the reader stopped early (planlib ... | head): the work is done, say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # a path the system refused: named, with why, in the reader's language
        say_error(CodedError.from_os(error).text(args.messages), args.messages)
        return 1
    except ValueError as error:
        say_error(str(error), args.messages)
        return 1
    except KeyboardInterrupt:
        print(tr("cli.interrupted", args.messages), file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last guard before a traceback reaches a user
        if args.debug:
            raise
        print(tr("cli.internal_error", args.messages, what=f"{type(error).__name__}: {error}"), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
