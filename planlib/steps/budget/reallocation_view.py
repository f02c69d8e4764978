"""Notebook 06's reallocation: each channel's curve with its band and the planned and suggested points,
the suggestion as a table and sentences, and a button that records it as a decision of the review."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...core.i18n import format_money, format_number, label, tr
from ...ui.charts import amount_axis, new_figure
from .curves import curve_metrics, curves_of
from .curves_story import reallocation_lines
from .reallocation import Reallocation, reallocate


def curves_chart(plan, result: Reallocation, lang: str):
    """One panel per channel: the response over the period against its spend, the band, the fitted range, and
    the planned (circle) and suggested (diamond) points."""
    curves = curves_of(plan, result.metric)
    names = dict(zip(plan.channels["id"], plan.channels["name"]))
    columns = min(len(result.moves), 3)
    rows = -(-len(result.moves) // columns)
    figure, grid = new_figure(3.3 * columns, 2.4 * rows + 0.4, rows, columns)
    panels = np.ravel(grid) if hasattr(grid, "ravel") else [grid]
    days = plan.period(result.period).days
    for axes, move in zip(panels, result.moves):
        curve = curves[move.channel_id]
        ratio = curve.period_days / days
        top = max(move.upper, move.suggested, move.planned) * 1.4 or 1.0
        spend = np.linspace(0, top, 120)
        axes.plot(spend, curve.response(spend * ratio) / ratio, color="#1f4e79", linewidth=1.6)
        if curve.has_band:
            low, high = curve.band(spend * ratio)
            axes.fill_between(spend, low / ratio, high / ratio, color="#9dc3e6", alpha=0.5, linewidth=0)
        span = curve.fitted_range
        if span is not None:
            axes.axvspan(span[0] / ratio, min(span[1] / ratio, top), color="#eeeeee", zorder=0)
        axes.axvspan(move.lower, move.upper, ymax=0.04, color="#ffc000")
        axes.plot([move.planned], [move.response_planned], "o", color="#7f7f7f", label=label("curve_planned", lang))
        axes.plot([move.suggested], [move.response_suggested], "D", color="#c00000",
                  label=label("curve_suggested", lang))
        axes.set_title(f"{move.channel_id} {names.get(move.channel_id, '')}"[:40], fontsize=8, loc="left")
        axes.tick_params(labelsize=6)
        amount_axis(axes, lang, axis="x")
        amount_axis(axes, lang)
    for axes in panels[len(result.moves):]:
        axes.set_visible(False)
    handles, legend_names = panels[0].get_legend_handles_labels()
    figure.legend(handles, legend_names, loc="lower center", ncol=2, fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, 0.35 / (2.4 * rows + 0.4), 1, 1))
    return figure


def suggestion_table(plan, result: Reallocation, lang: str) -> pd.DataFrame:
    """Per channel: planned and suggested money, the move, the expected response with its band, the marginal
    return, and the bound that stops it or the warning on its curve."""
    names = dict(zip(plan.channels["id"], plan.channels["name"]))
    money = lambda value: format_money(value, plan.currency, lang, 0)
    rows = []
    for move in result.moves:
        note = [tr(f"reallocate.note_{move.bound}", lang)] if move.bound else []
        if move.outside_range:
            note.append(tr("reallocate.note_outside", lang))
        elif move.range_unknown:
            note.append(tr("reallocate.note_range_unknown", lang))
        rows.append({label("channel", lang): f"{move.channel_id} {names.get(move.channel_id, '')}",
                     label("planned", lang): money(move.planned), label("suggested", lang): money(move.suggested),
                     label("move", lang): ("+" if move.move > 0 else "") + money(move.move),
                     label("expected_response", lang): format_number(move.response_suggested, lang, 0),
                     label("band", lang): f"{format_number(move.response_low, lang, 0)} – "
                                          f"{format_number(move.response_high, lang, 0)}",
                     label("marginal_return", lang): format_number(move.marginal, lang, 2),
                     label("note", lang): "; ".join(note)})
    return pd.DataFrame(rows)


def decision_reason(plan, result: Reallocation, lang: str) -> str:
    """The decision's reason: every move with its budget lines, and the expected gain with its band."""
    money = lambda value: format_money(value, plan.currency, lang, 0)
    moves = [tr("reallocate.decision_move", lang, channel=m.channel_id,
                move=("+" if m.move > 0 else "") + money(m.move), lines=", ".join(m.line_ids) or "-")
             for m in result.moved]
    return tr("reallocate.decision_reason", lang, period=result.period, metric=result.metric,
              moves="; ".join(moves) or "-", gain=format_number(result.gain, lang, 0),
              low=format_number(result.gain_low, lang, 0), high=format_number(result.gain_high, lang, 0))


def default_key_result(plan, result: Reallocation) -> str:
    """The key result of the action behind the largest move, else the plan's first key result."""
    krs = plan.actions.set_index("id")["key_result_id"]
    for move in sorted(result.moves, key=lambda m: -abs(m.move)):
        for action in move.action_ids:
            if krs.get(action):
                return krs[action]
    return plan.key_results["id"].iloc[0] if len(plan.key_results) else ""


class RecordPanel:
    """The decision form, filled with the suggestion (adjust, the moves as its reason, the actions concerned),
    and one button: the analyst picks the key result, reads, and records. Budget lines stay as they are."""

    def __init__(self, plan, result: Reallocation, lang: str):
        import ipywidgets as widgets

        from ..review.forms import decision_form

        self.form = decision_form(plan, lang)
        values = {"key_result_id": default_key_result(plan, result), "decision": "adjust",
                  "reason": decision_reason(plan, result, lang),
                  "action_ids": ", ".join(dict.fromkeys(a for m in result.moved for a in m.action_ids))}
        for column, value in values.items():
            self.form.widgets[column].value = value
        self.button = widgets.Button(description=label("record_decision", lang), button_style="primary",
                                     icon="check")
        self.button.add_class("planlib-reallocation-record")
        self.button.on_click(lambda _: self.form.save())
        self.box = widgets.VBox([self.form.widgets["key_result_id"], self.form.widgets["reason"],
                                 self.form.widgets["action_ids"], self.button, self.form.message])

    def widget(self):
        return self.box


def show_reallocation(plan, period, as_of, lang: str) -> Reallocation | None:
    """The section as notebook 06 shows it; how to get curves when the plan has none."""
    from IPython.display import display

    from ...ui.display import display_markdown, table
    from ...ui.mode import interactive

    if not curve_metrics(plan):
        display_markdown(tr("reallocate.no_curves", lang))
        return None
    result = reallocate(plan, period, as_of)
    display_markdown(tr("reallocate.intro", lang))
    display(curves_chart(plan, result, lang))
    display(table(suggestion_table(plan, result, lang), lang))
    display_markdown("\n".join(f"- {line.strip()}" for line in reallocation_lines(plan, result, lang)))
    if interactive():
        display(RecordPanel(plan, result, lang).widget())
    return result
