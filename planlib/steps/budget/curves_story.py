"""What `planlib curves` and `planlib reallocate` say, in the reader's language (notebook 06 shows the same)."""
from __future__ import annotations

from ...core.i18n import format_money, format_number, tr


def _channel_names(plan) -> dict[str, str]:
    return dict(zip(plan.channels["id"], plan.channels["name"]))


def import_story(plan, reading, source: str, replaced: int, lang: str, dry_run: bool) -> list[str]:
    names = _channel_names(plan)
    curves = {(r["channel_id"], r["metric"]) for r in reading.rows}
    lines = [tr("curves.would_import" if dry_run else "curves.imported", lang, count=len(curves), rows=len(reading.rows),
                source=source)]
    for model_channel, channel in reading.matched.items():
        lines.append(tr("curves.matched", lang, model=model_channel, channel=channel, name=names.get(channel, "")))
    for model_channel, why in reading.left_out.items():
        lines.append(tr(f"curves.left_out_{why}", lang, model=model_channel))
    for note in dict.fromkeys(reading.notes):
        lines.append(tr(note, lang))
    if replaced:
        lines.append(tr("curves.replaced", lang, count=replaced))
    if dry_run:
        lines.append(tr("import.dry_run", lang))
    return lines


def fit_story(plan, metric: str, by: str, fitted: list, span: tuple, chosen_how: str, lang: str,
              dry_run: bool) -> list[str]:
    names = _channel_names(plan)
    money = lambda value: format_money(value, plan.currency, lang, 0)
    lines = [tr(f"curves.fit_metric_{chosen_how}", lang, metric=metric),
             tr("curves.fit_span", lang, first=span[0] or "-", last=span[1] or "-", by=tr(f"curves.by_{by}", lang))]
    for curve in fitted:
        name = names.get(curve.channel_id, "")
        if curve.refused:
            lines.append(tr(f"curves.refused_{curve.refused}", lang, channel=curve.channel_id, name=name,
                            points=curve.points, metric=metric))
            continue
        lines.append(tr("curves.fitted", lang, channel=curve.channel_id, name=name, family=curve.family,
                        points=curve.points, r2=format_number(curve.r2, lang, 2),
                        low=money(curve.fitted_from), high=money(curve.fitted_to)))
    lines.append(tr("curves.correlation", lang))
    if dry_run:
        lines.append(tr("import.dry_run", lang))
    return lines


def reallocation_lines(plan, result, lang: str) -> list[str]:
    """The suggestion as sentences: per channel, what binds, what is outside its range, the gain with its band."""
    names = _channel_names(plan)
    money = lambda value: format_money(value, plan.currency, lang, 0)
    number = lambda value: format_number(value, lang, 0)
    lines = [tr(f"reallocate.heading_{result.goal}", lang, period=result.period, metric=result.metric,
                envelope=money(result.envelope), bounds=format_number(result.bounds * 100, lang, 0))]
    if result.period_over:
        lines.append(tr("reallocate.period_over", lang, period=result.period))
    for move in result.moves:
        lines.append(tr("reallocate.channel", lang, channel=move.channel_id, name=names.get(move.channel_id, ""),
                        planned=money(move.planned), suggested=money(move.suggested),
                        response=number(move.response_suggested), low=number(move.response_low),
                        high=number(move.response_high), marginal=format_number(move.marginal, lang, 2)))
        if move.bound:
            lines.append(tr(f"reallocate.bound_{move.bound}", lang, channel=move.channel_id, lower=money(move.lower),
                            upper=money(move.upper), fixed=money(move.fixed)))
        if move.outside_range:
            lines.append(tr("reallocate.outside_range", lang, channel=move.channel_id))
        elif move.range_unknown:
            lines.append(tr("reallocate.range_unknown", lang, channel=move.channel_id))
    for channel, amount in result.without_curve.items():
        lines.append(tr("reallocate.without_curve", lang, channel=channel, name=names.get(channel, ""),
                        amount=money(amount)))
    if result.unchanged:
        lines.append(tr(f"reallocate.unchanged_{result.unchanged}", lang))
    if result.goal == "cost_per_result":
        key = "reallocate.target_missed" if result.target_missed else "reallocate.saving"
        lines.append(tr(key, lang, amount=money(result.unspent)))
    elif result.unspent > 0.5:
        lines.append(tr("reallocate.beyond_bounds", lang, amount=money(result.unspent)))
    lines.append(tr("reallocate.gain", lang, gain=number(result.gain), low=number(result.gain_low),
                    high=number(result.gain_high), metric=result.metric))
    if result.other_metrics:
        lines.append(tr("reallocate.other_metrics", lang, metrics=", ".join(result.other_metrics)))
    lines.append(tr("reallocate.caution", lang))
    return lines
