"""Step 1's charts: the SWOT grid, the PESTEL map, the competitors' positioning map, last year's actions.

Every label is placed so that none overlaps another (ui.charts.place_labels);
the titles and legends come in the caller's language.
"""
from __future__ import annotations

import math

from ...ui.charts import new_figure, place_labels, wrap
from . import model as M

QUADRANT_COLOURS = {"strengths": "#e8f5e9", "weaknesses": "#fff3e0", "opportunities": "#e3f2fd", "threats": "#fce4ec"}
DIMENSION_COLOURS = {"political": "#6a1b9a", "economic": "#1565c0", "social": "#2e7d32", "technological": "#00838f",
                     "environmental": "#9e9d24", "legal": "#c62828"}
DECISION_COLOURS = {"keep": "#2e7d32", "fix": "#f9a825", "drop": "#c62828"}
MAX_SWOT_ITEMS = 12  # per quadrant on the grid; the table below it lists them all


def swot_grid(items: list[M.SwotItem], titles: dict[str, str]):
    """Four quadrants, internal on top, items by importance (most important first), ids kept."""
    most = max([sum(i.quadrant == q for i in items) for q in M.QUADRANTS] + [1])
    height = max(4.0, 2 * (0.55 + 0.33 * min(most, MAX_SWOT_ITEMS)))
    figure, grid = new_figure(11, height, 2, 2)
    for axes, quadrant in zip(grid.flat, M.QUADRANTS):
        axes.set_facecolor(QUADRANT_COLOURS[quadrant])
        axes.set_xticks([])
        axes.set_yticks([])
        axes.set_title(titles.get(quadrant, quadrant), fontsize=10, loc="left", fontweight="bold")
        own = sorted((i for i in items if i.quadrant == quadrant), key=lambda i: (-(i.importance or 0), i.index))
        step = 1 / (min(most, MAX_SWOT_ITEMS) + 0.5)
        for n, item in enumerate(own[:MAX_SWOT_ITEMS]):
            marks = " " + "●" * item.importance if item.importance else ""
            axes.text(0.02, 1 - step * (n + 0.6), f"{item.id}{marks}  {wrap(item.text, 56)}", fontsize=7.5,
                      va="center", ha="left", transform=axes.transAxes, gid=f"swot-{item.id}")
        if len(own) > MAX_SWOT_ITEMS:
            axes.text(0.98, 0.02, f"+{len(own) - MAX_SWOT_ITEMS}", fontsize=8, ha="right", transform=axes.transAxes)
    figure.tight_layout()
    return figure


def _spread(points: list[tuple[float, float]], radius: float = 0.18) -> list[tuple[float, float]]:
    """Points sharing a place put around it on a small circle, so each stays visible."""
    groups: dict[tuple, list[int]] = {}
    for n, point in enumerate(points):
        groups.setdefault(point, []).append(n)
    placed = list(points)
    for (x, y), members in groups.items():
        if len(members) > 1:
            for k, n in enumerate(members):
                angle = 2 * math.pi * k / len(members) + math.pi / 4
                placed[n] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return placed


def pestel_map(factors: list[dict], dimension_labels: dict[str, str], title: str = "",
               axis_labels: tuple[str, str] = ("likelihood", "impact")):
    """Impact by likelihood, one colour per dimension; factors on the same cell spread around it."""
    from matplotlib.lines import Line2D

    scored = [f for f in factors if M.is_material(f) and isinstance(f.get("impact"), int)
              and isinstance(f.get("likelihood"), int)]
    figure, axes = new_figure(9, 6.5)
    points = _spread([(float(f["likelihood"]), float(f["impact"])) for f in scored])
    for factor, (x, y) in zip(scored, points):
        axes.scatter([x], [y], s=60, color=DIMENSION_COLOURS.get(factor.get("factor"), "#555555"), zorder=3)
    axes.set_xlim(0.4, 5.9)
    axes.set_ylim(0.4, 5.6)
    axes.set_xticks(range(1, 6))
    axes.set_yticks(range(1, 6))
    axes.axhline(3, color="#cccccc", linewidth=0.8)
    axes.axvline(3, color="#cccccc", linewidth=0.8)
    axes.set_xlabel(axis_labels[0])
    axes.set_ylabel(axis_labels[1])
    if title:
        axes.set_title(title, fontsize=10, loc="left")
    used = [d for d in DIMENSION_COLOURS if any(f.get("factor") == d for f in scored)]
    axes.legend(handles=[Line2D([], [], marker="o", linestyle="", color=DIMENSION_COLOURS[d],
                                label=dimension_labels.get(d, d)) for d in used],
                loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    figure.tight_layout()  # before the labels: they are placed where the axes finally are
    labels = place_labels(figure, axes, [p[0] for p in points], [p[1] for p in points],
                          [wrap(f.get("description") or "", 26) for f in scored], fontsize=7)
    figure.planlib_labels = labels
    return figure


def positioning_map(competitors: list[dict], axes_names: dict, company: str, ours: dict | None, title: str = ""):
    """The competitors on the two axes the analyst named, the company highlighted."""
    scored = [c for c in competitors if isinstance(c.get("scores"), dict)
              and all(isinstance(c["scores"].get(k), (int, float)) for k in ("x", "y"))]
    names = [c["name"] for c in scored]
    xs = [float(c["scores"]["x"]) for c in scored]
    ys = [float(c["scores"]["y"]) for c in scored]
    if ours and all(isinstance(ours.get(k), (int, float)) for k in ("x", "y")):
        names.append(company)
        xs.append(float(ours["x"]))
        ys.append(float(ours["y"]))
    points = _spread(list(zip(xs, ys)), 0.25)
    figure, axes = new_figure(8, 6)
    mine = len(names) - 1 if len(names) > len(scored) else None
    for n, (x, y) in enumerate(points):
        highlighted = n == mine
        axes.scatter([x], [y], s=160 if highlighted else 60, marker="*" if highlighted else "o",
                     color="#c62828" if highlighted else "#455a64", zorder=3)
    axes.set_xlim(-0.5, 10.5)
    axes.set_ylim(-0.5, 10.5)
    axes.axhline(5, color="#cccccc", linewidth=0.8)
    axes.axvline(5, color="#cccccc", linewidth=0.8)
    axes.set_xlabel(str(axes_names.get("x") or "x"))
    axes.set_ylabel(str(axes_names.get("y") or "y"))
    if title:
        axes.set_title(title, fontsize=10, loc="left")
    figure.tight_layout()
    labels = place_labels(figure, axes, [p[0] for p in points], [p[1] for p in points],
                          [wrap(n, 24) for n in names], fontsize=8)
    if mine is not None:
        labels[mine].set_fontweight("bold")
        labels[mine].set_color("#c62828")
    figure.planlib_labels = labels
    return figure


def last_year_chart(judged: list, decision_labels: dict[str, str], title: str = "",
                    axis_labels: tuple[str, str] = ("cost", "result")):
    """Last year's actions: cost across, progress of their key result up, coloured by the decision that counts."""
    from matplotlib.patches import Patch

    shown = [a for a in judged if a.progress is not None]
    figure, axes = new_figure(9, 5.5)
    xs = [a.cost for a in shown]
    ys = [100 * a.progress for a in shown]
    for a, x, y in zip(shown, xs, ys):
        axes.scatter([x], [y], s=70, color=DECISION_COLOURS[a.final], zorder=3)
    axes.axhline(100, color="#555555", linestyle=":", linewidth=1)
    axes.set_xlim(left=0, right=max(xs + [1]) * 1.25)
    axes.set_ylim(0, max(ys + [100]) * 1.15)
    axes.set_xlabel(axis_labels[0])
    axes.set_ylabel(axis_labels[1])
    if title:
        axes.set_title(title, fontsize=10, loc="left")
    used = [d for d in DECISION_COLOURS if any(a.final == d for a in shown)]
    axes.legend(handles=[Patch(color=DECISION_COLOURS[d], label=decision_labels.get(d, d)) for d in used],
                loc="lower right", fontsize=7, frameon=False)
    figure.tight_layout()
    labels = place_labels(figure, axes, xs, ys, [wrap(f"{a.action_id} {a.name}", 26) for a in shown], fontsize=7)
    figure.planlib_labels = labels
    return figure
