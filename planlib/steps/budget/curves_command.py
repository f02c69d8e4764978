"""`planlib curves import|fit` and `planlib reallocate`: their options and their runs (the cli hands them its
subparsers and the loaded plan)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ...core.errors import CodedError
from ...core.i18n import languages

FIT_METRIC_PREFERENCE = ("revenue", "conversions", "orders", "leads")


def add_parser(commands) -> None:
    curves = commands.add_parser("curves", help="help.command.curves")
    actions = curves.add_subparsers(dest="curves_command", required=True, metavar="import|fit")
    brought = actions.add_parser("import", help="help.command.curves_import")
    brought.add_argument("plan", type=Path, help="help.any.plan_folder")
    brought.add_argument("file", type=Path, help="help.curves_import.file")
    brought.add_argument("--from", dest="source", required=True, choices=("meridian", "pymc-marketing", "robyn", "csv"))
    brought.add_argument("--metric", default=None, help="help.curves_import.metric")
    brought.add_argument("--period-days", type=int, default=None,
                         help="help.curves_import.period_days")
    brought.add_argument("--channel", action="append", default=[], metavar="NAME=ID",
                         help="help.curves_import.channel")
    brought.add_argument("--model", default=None, help="help.curves_import.model")
    brought.add_argument("--aggregated", type=Path, default=None,
                         help="help.curves_import.aggregated")
    brought.add_argument("--unit-cost", type=float, default=None, help="help.curves_import.unit_cost")
    _common(brought)

    fit = actions.add_parser("fit", help="help.command.curves_fit")
    fit.add_argument("plan", type=Path, help="help.any.plan_folder")
    fit.add_argument("--metric", default=None,
                     help="help.curves_fit.metric")
    fit.add_argument("--by", choices=("week", "month"), default="week", help="help.curves_fit.by")
    fit.add_argument("--channel", action="append", default=[], metavar="ID", help="help.curves_fit.channel")
    _common(fit)

    moves = commands.add_parser("reallocate", help="help.command.reallocate")
    moves.add_argument("plan", type=Path, help="help.any.plan_folder")
    moves.add_argument("--period", required=True, help="help.reallocate.period")
    moves.add_argument("--as-of", default=None, help="help.reallocate.as_of")
    moves.add_argument("--envelope", type=float, default=None, metavar="AMOUNT",
                       help="help.reallocate.envelope")
    moves.add_argument("--bounds", type=float, default=0.3, help="help.reallocate.bounds")
    moves.add_argument("--goal", choices=("response", "cost_per_result"), default="response",
                       help="help.reallocate.goal")
    moves.add_argument("--metric", default=None, help="help.reallocate.metric")
    moves.add_argument("--json", action="store_true", help="help.any.print_json")
    moves.add_argument("--lang", choices=languages(), default=None, help="help.any.lang_words")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="help.parser.dry_run")
    parser.add_argument("--lang", choices=languages(), default=None, help="help.any.lang_words")


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        name, sep, channel = pair.rpartition("=")
        if not sep or not name.strip() or not channel.strip():
            raise CodedError("curve_map_pair", "curve_map_pair", value=pair)
        mapping[name.strip()] = channel.strip()
    return mapping


def run_curves(args, plan, lang: str) -> int:
    if args.curves_command == "import":
        return _run_import(args, plan, lang)
    return _run_fit(args, plan, lang)


def _run_import(args, plan, lang: str) -> int:
    from . import curve_import as reader
    from .curves_file import store_curves
    from .curves_story import import_story

    match = reader.channel_matcher(plan, _mapping(args.channel))
    if args.source != "csv" and not args.metric:
        raise CodedError("curve_needs_metric", "curve_metric_option")
    if args.period_days is not None and args.period_days < 1:
        raise CodedError("curve_days_positive", "curve_days_option", value=args.period_days)
    days = args.period_days or 7
    if args.source == "meridian":
        reading = reader.read_meridian(args.file, match, args.metric, args.period_days, args.unit_cost)
    elif args.source == "pymc-marketing":
        reading = reader.read_pymc(args.file, match, args.metric, days)
    elif args.source == "robyn":
        reading = reader.read_robyn(args.file, match, args.metric, days, args.model, args.aggregated)
    else:
        reading = reader.read_neutral(args.file, match, args.metric, args.period_days)
    if not reading.rows:
        raise CodedError("curves_none_matched", "curve_map", name=", ".join(reading.left_out) or "-", value="",
                         ids=", ".join(plan.channels["id"]))
    if args.source in ("pymc-marketing", "robyn") and args.period_days is None:  # the 7 days above, said
        reading.notes.append("curves.note_period_days")
    _, replaced = store_curves(plan, reading.rows, args.dry_run)
    for line in import_story(plan, reading, args.source, replaced, lang, args.dry_run):
        print(line)
    return 0


def fit_metric(plan, asked: str | None) -> tuple[str, str]:
    """(metric, how it was chosen): the asked one, else the first of FIT_METRIC_PREFERENCE measured per channel."""
    if asked:
        return asked, "asked"
    measured = plan.actuals.loc[plan.actuals["channel_id"] != "", "metric"]
    if measured.empty:
        raise CodedError("fit_no_channel_actuals", "fit_channel_actuals")
    found = next((m for m in FIT_METRIC_PREFERENCE if (measured == m).any()), None)
    return (found, "default") if found else (measured.value_counts().index[0], "most_measured")


def _run_fit(args, plan, lang: str) -> int:
    from .curve_fit import fit_curves
    from .curves_file import store_curves
    from .curves_story import fit_story

    metric, how = fit_metric(plan, args.metric)
    fitted, span = fit_curves(plan, metric, args.by, args.channel or None)
    rows = [curve.row(metric, args.by, *span) for curve in fitted if not curve.refused]
    store_curves(plan, rows, args.dry_run)
    for line in fit_story(plan, metric, args.by, fitted, span, how, lang, args.dry_run):
        print(line)
    return 0


def run_reallocate(args, plan, lang: str) -> int:
    import json

    from ...core.periods import parse_as_of
    from .curves_story import reallocation_lines
    from .reallocation import reallocate

    period = plan.period(args.period)
    as_of = parse_as_of(args.as_of, period)
    result = reallocate(plan, period, as_of, args.envelope, args.bounds, args.goal, args.metric)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    for line in reallocation_lines(plan, result, lang):
        print(line)
    return 0
