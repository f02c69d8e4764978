"""Step 2's charts: the objective tree and the impact-feasibility matrix."""
from __future__ import annotations

import pandas as pd

from ...core.plan import Plan
from ...ui.charts import new_figure, wrap

LEVEL_COLOURS = {"business": "#1f4e79", "marketing": "#2e75b6", "key_result": "#9dc3e6"}

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
    figure, axes = new_figure(13, max(2.5, 0.55 * len(rows) + 1))
    axes.set_axis_off()
    axes.set_title(title, loc="left", fontsize=13)
    positions, colours = {}, [LEVEL_COLOURS["business"], LEVEL_COLOURS["marketing"], LEVEL_COLOURS["key_result"]]
    for n, (column, ident, label, parent) in enumerate(rows):
        y = len(rows) - n
        positions[(column, ident)] = y
        if parent is not None and (column - 1, parent) in positions:
            axes.plot([(column - 1) * 3 + 2.2, column * 3], [positions[(column - 1, parent)], y],
                      color="#999999", linewidth=0.8, zorder=1)
        axes.text(column * 3 + 0.05, y, f"{ident}  {wrap(label)}", va="center", ha="left", fontsize=8.5,
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
    figure, axes = new_figure(8, 6)
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
