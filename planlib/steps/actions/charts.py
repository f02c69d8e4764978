"""Step 5's charts: the retroplanning (Gantt) and load against capacity."""
from __future__ import annotations

import pandas as pd

from ...core.parse import to_date
from ...core.plan import Plan
from ...core.i18n import format_date, tr
from ...ui.charts import month_axis, new_figure, period_tick, stack_labels

STATUS_COLOURS = {"done": "#a9d18e", "in_progress": "#2e75b6", "planned": "#9dc3e6", "idea": "#d9d9d9"}


def gantt(plan: Plan, scheduled: pd.DataFrame, as_of, late_ids: set[str] = frozenset(), period=None,
          title: str | None = None, labels: dict | None = None, *, lang: str, with_baseline: bool = True):
    """Actions as bars grouped by workstream, with dependencies, deadlines, busy periods and the as-of date;
    under each bar, where the plan has a baseline, the frozen span and the variance of its end in working days."""
    from datetime import timedelta

    import matplotlib.dates as mdates

    labels = labels or {"as_of": tr("label.as_of", lang)}
    title = tr("label.gantt_title", lang) if title is None else title
    frozen = _frozen_spans(plan, scheduled) if with_baseline else None
    rows = scheduled[scheduled["planned_start"].notna()].sort_values(["workstream", "planned_start", "id"])
    figure, axes = new_figure(13, max(3.0, 0.3 * len(rows) + 1.8))
    ypos = {}
    for n, row in enumerate(rows.itertuples(index=False)):
        y = len(rows) - n
        ypos[row.id] = y
        start, end = row.planned_start, row.planned_end + timedelta(days=1)
        recurring = row.recurrence != "none"
        axes.barh(y, (end - start).days, left=start, height=0.35 if recurring else 0.6,  # recurring: thin bar
                  color=STATUS_COLOURS.get(row.status, "#9dc3e6"),
                  edgecolor="#c00000" if row.id in late_ids else "none", linewidth=1.6, zorder=2)
        if frozen is not None and row.id in frozen.index:
            _draw_frozen(axes, y, frozen.loc[row.id], end, lang)
        if row.deadline is not None:
            axes.scatter([row.deadline], [y], marker="D", s=22, color="#c00000" if row.id in late_ids else "#404040",
                         zorder=4)
    from matplotlib.collections import LineCollection

    deps = {i: [d for d in v.split(",") if d] for i, v in zip(plan.actions["id"], plan.actions["depends_on"])}
    by_id = rows.set_index("id")
    links, heads = [], []
    for action, needs in deps.items():
        for need in needs:
            if action in ypos and need in ypos:
                head = (mdates.date2num(by_id.loc[action, "planned_start"]), ypos[action])
                links.append([(mdates.date2num(by_id.loc[need, "planned_end"] + timedelta(days=1)), ypos[need]), head])
                heads.append(head)
    if links:  # one artist for every dependency line: much faster to draw than an arrow each
        axes.add_collection(LineCollection(links, colors="#7f7f7f", linewidths=0.7, zorder=3))
        axes.scatter([h[0] for h in heads], [h[1] for h in heads], marker=">", s=12, color="#7f7f7f", zorder=3)
    busy_names = []
    for busy in plan.config.high_activity_periods:
        start, end = to_date(busy["start"]), to_date(busy["end"])
        axes.axvspan(start, end + timedelta(days=1), color="#ffe699", alpha=0.5, zorder=0)
        busy_names.append((mdates.date2num(start), busy["name"]))
    for deadline in plan.config.other_deadlines:
        day = to_date(deadline["date"])
        axes.axvline(day, color="#7030a0", linestyle=":", linewidth=1.2, zorder=1)
        axes.text(day, len(rows) + 0.3, f" {deadline['name']}", fontsize=7, color="#7030a0", va="bottom")
    if period is not None:
        axes.axvspan(period.start, period.end + timedelta(days=1), color="#deebf7", alpha=0.35, zorder=0)
    axes.axvline(as_of, color="#c00000", linestyle="--", linewidth=1, zorder=5)
    axes.text(as_of, 0.2, f" {labels['as_of']} {format_date(as_of, lang)}", color="#c00000", fontsize=8)
    axes.set_yticks(list(ypos.values()))
    axes.set_yticklabels([f"{r.id} {r.name[:32]}" for r in rows.itertuples(index=False)], fontsize=7.5)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    for n, (workstream, group) in enumerate(rows.groupby("workstream", sort=True)):
        top, bottom = max(ypos[i] for i in group["id"]), min(ypos[i] for i in group["id"])
        if n % 2:
            axes.axhspan(bottom - 0.5, top + 0.5, color="#f2f2f2", zorder=0)
        axes.text(year.end, top + 0.1, f"{workstream} ", ha="right", va="bottom", fontsize=8, fontweight="bold",
                  color="#404040", zorder=6)
    axes.set_xlim(year.start, year.end + timedelta(days=1))  # before the labels are measured against it
    tiers = stack_labels(figure, axes, busy_names, len(rows) + 0.9, 0.45, fontsize=7, va="bottom", color="#7f6000")
    axes.set_ylim(0, max([len(rows) + 1.6, *[t.get_position()[1] + 0.7 for t in tiers]]))
    month_axis(axes, lang)
    axes.grid(axis="x", color="#eeeeee", zorder=0)
    axes.set_title(title, loc="left")
    if frozen is not None:
        from matplotlib.patches import Patch

        axes.legend(handles=[Patch(facecolor="none", edgecolor="#595959", hatch="////",
                                   label=tr("chart.baseline_bar", lang, name=frozen.attrs["name"]))],
                    loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    figure.subplots_adjust(left=0.22, right=0.98, top=0.97, bottom=0.04)
    return figure


def _frozen_spans(plan: Plan, scheduled: pd.DataFrame) -> pd.DataFrame | None:
    """The newest baseline's span of each action and the variance of its end, by action id; None without one."""
    from .baseline import latest_baseline, slippage

    baseline = latest_baseline(plan)
    if baseline is None:
        return None
    table = slippage(plan, baseline, scheduled).set_index("id")
    table.attrs["name"] = baseline.name
    return table


def _draw_frozen(axes, y: float, row, current_end, lang: str) -> None:
    """The frozen span as a hatched outline under the bar; the end's variance beside the bar when it moved."""
    from datetime import timedelta

    start, end = row["baseline_start"], row["baseline_end"]
    if start is None or end is None or start != start or end != end:
        return
    axes.barh(y - 0.36, (end + timedelta(days=1) - start).days, left=start, height=0.16, color="none",
              edgecolor="#595959", hatch="////", linewidth=0.6, zorder=2)
    variance = row["end_variance"]
    if variance is not None and variance == variance and int(variance) != 0:
        axes.text(max(current_end, end + timedelta(days=1)), y, " " + tr("chart.variance", lang, days=f"{int(variance):+d}"),
                  va="center", fontsize=6.5, color="#c00000" if variance > 0 else "#375623", zorder=6)

def load_chart(load: pd.DataFrame, title: str | None = None, labels: tuple[str, str] | None = None, *, lang: str):
    """One panel per owner: load per period as bars (red when over capacity), capacity as a line."""
    title = tr("label.load_title", lang) if title is None else title
    labels = labels or (tr("label.load_axis", lang), tr("label.capacity_axis", lang))
    owners = list(dict.fromkeys(load["owner"]))
    columns = 3
    lines = max(1, -(-len(owners) // columns))
    figure, _ = new_figure(13, 2.6 * lines + 0.6)
    figure.clear()
    for n, owner in enumerate(owners):
        axes = figure.add_subplot(lines, columns, n + 1)
        mine = load[load["owner"] == owner]
        x = range(len(mine))
        axes.bar(x, mine["load"], color=["#c00000" if o else "#2e75b6" for o in mine["overloaded"]], label=labels[0])
        axes.step(list(x), mine["capacity"], where="mid", color="#404040", linewidth=1.2, label=labels[1])
        axes.set_xticks(list(x))
        axes.set_xticklabels([period_tick(p, lang) for p in mine["period"]], fontsize=7)
        axes.set_title(owner, fontsize=10, loc="left")
        if n == 0:
            axes.legend(fontsize=7, loc="upper right")
    figure.suptitle(title, x=0.01, ha="left")
    figure.subplots_adjust(left=0.05, right=0.98, top=0.86 if lines == 1 else 0.9, bottom=0.1, hspace=0.45, wspace=0.2)
    return figure
