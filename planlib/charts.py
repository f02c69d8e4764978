"""Charts of the plan, returned as matplotlib Figures.

Library code never changes the backend: the notebook's inline backend draws
them, headless or not, and reports embed them as PNG.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .periods import to_date
from .plan import Plan

LEVEL_COLOURS = {"business": "#1f4e79", "marketing": "#2e75b6", "key_result": "#9dc3e6"}


def _figure(width: float, height: float):
    figure, axes = plt.subplots(figsize=(width, height))
    plt.close(figure)  # shown once, by whoever displays the returned Figure
    return figure, axes


def _wrap(text: str, width: int = 34) -> str:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def objective_tree(plan: Plan, title: str = "Objectives and key results"):
    """Business objectives, the marketing objectives serving them and their key results, left to right."""
    objectives, krs = plan.objectives, plan.key_results
    rows: list[tuple[int, str, str, str | None]] = []  # (column, id, label, parent id)
    for business in objectives[objectives["level"] == "business"].itertuples(index=False):
        rows.append((0, business.id, business.title, None))
        for marketing in objectives[objectives["parent_id"] == business.id].itertuples(index=False):
            rows.append((1, marketing.id, marketing.title, business.id))
            for kr in krs[krs["objective_id"] == marketing.id].itertuples(index=False):
                rows.append((2, kr.id, kr.title, marketing.id))
    orphans = objectives[(objectives["level"] == "marketing") & ~objectives["parent_id"].isin(objectives["id"])]
    for marketing in orphans.itertuples(index=False):
        rows.append((1, marketing.id, marketing.title, None))
        for kr in krs[krs["objective_id"] == marketing.id].itertuples(index=False):
            rows.append((2, kr.id, kr.title, marketing.id))
    figure, axes = _figure(13, max(2.5, 0.55 * len(rows) + 1))
    axes.set_axis_off()
    axes.set_title(title, loc="left", fontsize=13)
    positions, colours = {}, [LEVEL_COLOURS["business"], LEVEL_COLOURS["marketing"], LEVEL_COLOURS["key_result"]]
    for n, (column, ident, label, parent) in enumerate(rows):
        y = len(rows) - n
        positions[(column, ident)] = y
        if parent is not None and (column - 1, parent) in positions:
            axes.plot([(column - 1) * 3 + 2.2, column * 3], [positions[(column - 1, parent)], y],
                      color="#999999", linewidth=0.8, zorder=1)
        axes.text(column * 3 + 0.05, y, f"{ident}  {_wrap(label)}", va="center", ha="left", fontsize=8.5,
                  color="white" if column < 2 else "black", zorder=2,
                  bbox=dict(boxstyle="round,pad=0.3", facecolor=colours[column], edgecolor="none"))
    axes.set_xlim(0, 9.2)
    axes.set_ylim(0.3, len(rows) + 0.7)
    if not rows:
        axes.text(0.5, 0.5, "—", ha="center", va="center", transform=axes.transAxes)
    return figure


def priority_matrix(ranked: pd.DataFrame, title: str = "Key results by impact and feasibility",
                    labels: tuple[str, str] = ("Feasibility (6 - effort)", "Impact")):
    """Impact against feasibility, one labelled point per key result, quadrants marked."""
    figure, axes = _figure(8, 6)
    axes.axhspan(3, 5.5, xmin=0.5, xmax=1, color="#e2f0d9", zorder=0)
    axes.axhspan(3, 5.5, xmin=0, xmax=0.5, color="#fff2cc", zorder=0)
    axes.axhspan(0.5, 3, xmin=0.5, xmax=1, color="#deebf7", zorder=0)
    axes.axhspan(0.5, 3, xmin=0, xmax=0.5, color="#f2f2f2", zorder=0)
    seen: dict[tuple, int] = {}
    for row in ranked.itertuples(index=False):
        x = float(row.feasibility) if pd.notna(row.feasibility) else 3.0
        y = float(row.impact) if pd.notna(row.impact) else 3.0
        offset = seen.get((x, y), 0)
        seen[(x, y)] = offset + 1
        axes.scatter([x], [y], s=60, color="#2e75b6", zorder=3)
        axes.annotate(row.id, (x, y), xytext=(6, 6 - 11 * offset), textcoords="offset points", fontsize=8)
    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.5, 5.5)
    axes.set_xlabel(labels[0])
    axes.set_ylabel(labels[1])
    axes.set_title(title, loc="left")
    return figure


STATUS_COLOURS = {"done": "#a9d18e", "in_progress": "#2e75b6", "planned": "#9dc3e6", "idea": "#d9d9d9"}


def gantt(plan: Plan, scheduled: pd.DataFrame, as_of, late_ids: set[str] = frozenset(), period=None,
          title: str = "Retroplanning", labels: dict | None = None):
    """Actions as bars grouped by workstream, with dependencies, deadlines, busy periods and the as-of date."""
    from datetime import timedelta

    import matplotlib.dates as mdates

    labels = labels or {"deadline": "deadline", "as_of": "as of", "late": "late"}
    rows = scheduled[scheduled["planned_start"].notna()].sort_values(["workstream", "planned_start", "id"])
    figure, axes = _figure(13, max(3.0, 0.3 * len(rows) + 1.8))
    ypos = {}
    for n, row in enumerate(rows.itertuples(index=False)):
        y = len(rows) - n
        ypos[row.id] = y
        start, end = row.planned_start, row.planned_end + timedelta(days=1)
        recurring = row.recurrence != "none"
        axes.barh(y, (end - start).days, left=start, height=0.35 if recurring else 0.6,  # recurring: thin bar
                  color=STATUS_COLOURS.get(row.status, "#9dc3e6"),
                  edgecolor="#c00000" if row.id in late_ids else "none", linewidth=1.6, zorder=2)
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
    for busy in plan.settings.get("high_activity_periods") or []:
        start, end = to_date(busy["start"]), to_date(busy["end"])
        axes.axvspan(start, end + timedelta(days=1), color="#ffe699", alpha=0.5, zorder=0)
        axes.text(start, len(rows) + 0.9, busy["name"], fontsize=7, rotation=0, va="bottom", color="#7f6000")
    for deadline in plan.settings.get("other_deadlines") or []:
        day = to_date(deadline["date"])
        axes.axvline(day, color="#7030a0", linestyle=":", linewidth=1.2, zorder=1)
        axes.text(day, len(rows) + 0.3, f" {deadline['name']}", fontsize=7, color="#7030a0", va="bottom")
    if period is not None:
        axes.axvspan(period.start, period.end + timedelta(days=1), color="#deebf7", alpha=0.35, zorder=0)
    axes.axvline(as_of, color="#c00000", linestyle="--", linewidth=1, zorder=5)
    axes.text(as_of, 0.2, f" {labels['as_of']} {as_of}", color="#c00000", fontsize=8)
    axes.set_yticks(list(ypos.values()))
    axes.set_yticklabels([f"{r.id} {r.name[:32]}" for r in rows.itertuples(index=False)], fontsize=7.5)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    for n, (workstream, group) in enumerate(rows.groupby("workstream", sort=True)):
        top, bottom = max(ypos[i] for i in group["id"]), min(ypos[i] for i in group["id"])
        if n % 2:
            axes.axhspan(bottom - 0.5, top + 0.5, color="#f2f2f2", zorder=0)
        axes.text(year.end, top + 0.1, f"{workstream} ", ha="right", va="bottom", fontsize=8, fontweight="bold",
                  color="#404040", zorder=6)
    axes.set_ylim(0, len(rows) + 1.6)
    axes.set_xlim(year.start, year.end + timedelta(days=1))
    axes.xaxis.set_major_locator(mdates.MonthLocator())
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%m/%y"))
    axes.grid(axis="x", color="#eeeeee", zorder=0)
    axes.set_title(title, loc="left")
    figure.subplots_adjust(left=0.22, right=0.98, top=0.97, bottom=0.04)
    return figure


def load_chart(load: pd.DataFrame, title: str = "Load and capacity per owner",
               labels: tuple[str, str] = ("load (person-days)", "capacity")):
    """One panel per owner: load per period as bars (red when over capacity), capacity as a line."""
    owners = list(dict.fromkeys(load["owner"]))
    columns = 3
    lines = max(1, -(-len(owners) // columns))
    figure, _ = _figure(13, 2.6 * lines + 0.6)
    figure.clear()
    for n, owner in enumerate(owners):
        axes = figure.add_subplot(lines, columns, n + 1)
        mine = load[load["owner"] == owner]
        x = range(len(mine))
        axes.bar(x, mine["load"], color=["#c00000" if o else "#2e75b6" for o in mine["overloaded"]], label=labels[0])
        axes.step(list(x), mine["capacity"], where="mid", color="#404040", linewidth=1.2, label=labels[1])
        axes.set_xticks(list(x))
        axes.set_xticklabels([p.split("-", 1)[1] if "-" in p else p for p in mine["period"]], fontsize=7)
        axes.set_title(owner, fontsize=10, loc="left")
        if n == 0:
            axes.legend(fontsize=7, loc="upper right")
    figure.suptitle(title, x=0.01, ha="left")
    figure.subplots_adjust(left=0.05, right=0.98, top=0.86 if lines == 1 else 0.9, bottom=0.1, hspace=0.45, wspace=0.2)
    return figure


CATEGORY_COLOURS = ["#1f4e79", "#2e75b6", "#9dc3e6", "#a9d18e", "#ffc000", "#ed7d31", "#7f7f7f", "#c00000", "#7030a0"]


def budget_by_quarter(by_category: pd.DataFrame, envelope: pd.Series | None, labels: dict[str, str],
                      title: str = "Budget by quarter and category", envelope_label: str = "envelope"):
    """Stacked bars: one per quarter, a segment per category; the envelope as a step line."""
    quarters = [c for c in by_category.columns if c != "total"]
    figure, axes = _figure(9, 5)
    bottom = [0.0] * len(quarters)
    for n, (category, row) in enumerate(by_category.iterrows()):
        values = [float(row[q]) for q in quarters]
        axes.bar(quarters, values, bottom=bottom, label=labels.get(category, category),
                 color=CATEGORY_COLOURS[n % len(CATEGORY_COLOURS)])
        bottom = [b + v for b, v in zip(bottom, values)]
    if envelope is not None and len(envelope):
        for n, quarter in enumerate(quarters):
            axes.hlines(float(envelope.get(quarter, 0)), n - 0.45, n + 0.45, color="#c00000", linewidth=2.2,
                        label=envelope_label if n == 0 else None, zorder=4)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.set_title(title, loc="left")
    axes.yaxis.set_major_formatter(lambda value, _: f"{value / 1000:,.0f} k")
    figure.tight_layout()
    return figure


def cumulative_plan_vs_spend(monthly: pd.DataFrame, as_of, title: str = "Cumulative plan and spend",
                             labels: tuple[str, str] = ("plan (committed)", "spend")):
    """Cumulative committed budget over the year against cumulative spend up to the as-of date."""
    figure, axes = _figure(9, 4.5)
    months = monthly["period"].tolist()
    axes.plot(months, monthly["committed"].cumsum(), color="#2e75b6", marker="o", label=labels[0])
    shown = monthly[[p <= f"{as_of.year}-{as_of.month:02d}" for p in months]]
    axes.plot(shown["period"], shown["spent"].cumsum(), color="#c00000", marker="o", label=labels[1])
    axes.set_xticks(range(len(months)))
    axes.set_xticklabels([m.split("-")[1] for m in months])
    axes.yaxis.set_major_formatter(lambda value, _: f"{value / 1000:,.0f} k")
    axes.legend(fontsize=8)
    axes.grid(color="#eeeeee")
    axes.set_title(title, loc="left")
    figure.tight_layout()
    return figure
