"""Step 7's charts: the dashboard of key results (bullet bars) and a key result's trend."""
from __future__ import annotations

from datetime import timedelta

from ...core.i18n import format_measure, tr
from ...core.metrics import is_flow, kpi_value
from ...ui.charts import month_axis, new_figure, percent_axis, wrap

STATUS_COLOURS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828", "too_early": "#9e9e9e", "no_data": "#bdbdbd"}


def dashboard(pacings: list, titles: dict[str, str], status_labels: dict[str, str], title: str = "",
              axis: str | None = None, *, lang: str):
    """One bullet bar per key result: progress (coloured by status), expected progress (a tick), target (100 %)."""
    axis = tr("review.axis", lang) if axis is None else axis
    from matplotlib.patches import Patch

    rows = list(reversed(pacings))
    figure, axes = new_figure(9, 0.45 * len(rows) + 1.4)
    for y, p in enumerate(rows):
        axes.barh(y, 1.0, color="#eeeeee", height=0.7)
        if p.progress is not None:
            axes.barh(y, max(0.0, min(p.progress, 1.5)), color=STATUS_COLOURS[p.status], height=0.35)
        if p.expected_progress is not None:
            axes.plot([p.expected_progress] * 2, [y - 0.3, y + 0.3], color="#222222", linewidth=2)
    axes.axvline(1.0, color="#555555", linestyle=":", linewidth=1)
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels([wrap(f"{p.id} {titles.get(p.id, '')}", 48) for p in rows], fontsize=7)
    axes.set_xlim(0, 1.5)
    percent_axis(axes, lang)
    axes.set_xlabel(axis)
    used = [s for s in STATUS_COLOURS if any(p.status == s for p in pacings)]
    axes.legend(handles=[Patch(color=STATUS_COLOURS[s], label=status_labels.get(s, s)) for s in used],
                loc="lower right", fontsize=7, frameon=False)
    if title:
        axes.set_title(title, fontsize=10, loc="left")
    figure.tight_layout()
    return figure


def trend(plan, pacing, index, as_of, title: str = "", labels: tuple[str, str, str, str] | None = None, *,
          lang: str):
    """A key result over its window as known on `as_of`: actual (cumulative for a flow, weekly for a level) up to
    that day and no further, even where later actuals exist; expected pace; the forecast band from there on."""
    labels = labels or trend_labels(lang)
    figure, axes = new_figure(7, 3)
    _draw_trend(axes, plan, pacing, index, as_of, labels, lang)
    axes.legend(fontsize=7, frameon=False)
    if title:
        axes.set_title(title, fontsize=10, loc="left")
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure


def trend_labels(lang: str) -> tuple[str, str, str, str]:
    """The legend of a trend: actual, expected, forecast, as of."""
    return tuple(tr(f"review.trend_{line}", lang) for line in ("actual", "expected", "forecast", "as_of"))


def trends(plan, pacings: list, index, as_of, titles: dict[str, str],
           labels: tuple[str, str, str, str] | None = None, *, lang: str):
    """Several key results' trends side by side, small enough for one printed page per business objective:
    two columns (three beyond six key results), one legend for all."""
    labels = labels or trend_labels(lang)
    columns = min(len(pacings), 2 if len(pacings) <= 4 else 3)
    rows = -(-len(pacings) // columns)
    figure, grid = new_figure(3.6 * columns, 1.75 * rows + 0.35, rows, columns)
    panels = grid.ravel() if hasattr(grid, "ravel") else [grid]
    for axes, pacing in zip(panels, pacings):
        _draw_trend(axes, plan, pacing, index, as_of, labels, lang)
        axes.set_title(wrap(f"{pacing.id} {titles.get(pacing.id, '')}", 44),
                       fontsize=7, loc="left")
        for label in axes.get_xticklabels():
            label.set_fontsize(6)
    for axes in panels[len(pacings):]:
        axes.set_visible(False)
    handles, names = panels[0].get_legend_handles_labels()
    figure.legend(handles, names, loc="lower center", ncol=4, fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, 0.3 / (1.75 * rows + 0.35), 1, 1))
    return figure


def _draw_trend(axes, plan, pacing, index, as_of, labels, lang: str) -> None:
    import pandas as pd

    kpi = plan.kpis.set_index("id").loc[pacing.kpi_id]
    start, end = pd.Timestamp(pacing.start).date(), pd.Timestamp(pacing.deadline).date()
    known = min(end, as_of)
    days, values = [], []
    day = start + timedelta(days=6)
    while day <= known:
        window_start = start if is_flow(kpi) else day - timedelta(days=6)
        value = kpi_value(kpi, index, window_start, day).value
        if value is None and days:
            break
        if value is not None:
            days.append(day)
            values.append(value)
        day += timedelta(days=7)
    if days and days[-1] < known and start <= known:  # the last days up to the as-of date count too
        value = kpi_value(kpi, index, start if is_flow(kpi) else known - timedelta(days=6), known).value
        if value is not None:
            days.append(known)
            values.append(value)
    axes.plot(days, values, color="#1f4e79", label=labels[0])
    origin = 0.0 if pacing.kind == "flow" else (pacing.baseline or 0.0)
    if pacing.target is not None:
        axes.plot([start, end], [origin, pacing.target], color="#888888", linestyle="--", label=labels[1])
    if pacing.forecast is not None and days:
        axes.plot([days[-1], end], [values[-1], pacing.forecast], color="#c62828", linestyle=":", label=labels[2])
        if pacing.forecast_low is not None:
            axes.fill_between([days[-1], end], [values[-1], pacing.forecast_low], [values[-1], pacing.forecast_high],
                              color="#c62828", alpha=0.15)
    if start <= known < end:
        axes.axvline(known, color="#555555", linestyle=":", linewidth=1, label=labels[3])
    axes.set_xlim(start, end)
    month_axis(axes, lang)
    axes.yaxis.set_major_formatter(lambda value, _: format_measure(value, lang, pacing.target))  # 1 500 000, never 1e6
    axes.tick_params(labelsize=7)
