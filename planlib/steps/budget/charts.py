"""Step 6's charts: the budget by quarter and category, cumulative plan against spend."""
from __future__ import annotations

from datetime import date

import pandas as pd

from ...core.i18n import format_money, tr
from ...ui.charts import amount_axis, month_name, new_figure, period_tick

CATEGORY_COLOURS = ["#1f4e79", "#2e75b6", "#9dc3e6", "#a9d18e", "#ffc000", "#ed7d31", "#7f7f7f", "#c00000", "#7030a0"]


def budget_by_quarter(by_category: pd.DataFrame, envelope: pd.Series | None, labels: dict[str, str],
                      title: str | None = None, envelope_label: str | None = None, *, lang: str):
    """Stacked bars: one per quarter, a segment per category; the envelope as a step line."""
    title = tr("label.budget_chart_title", lang) if title is None else title
    envelope_label = tr("label.envelope_line", lang) if envelope_label is None else envelope_label
    quarters = [c for c in by_category.columns if c != "total"]
    figure, axes = new_figure(9, 5)
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
    axes.set_xticks(range(len(quarters)), [period_tick(str(q), lang) for q in quarters])
    amount_axis(axes, lang)
    figure.tight_layout()
    return figure


def cumulative_plan_vs_spend(monthly: pd.DataFrame, as_of, title: str | None = None,
                             labels: tuple[str, ...] | None = None, *, lang: str, envelope: float | None = None,
                             currency: str):
    """The S-curve: cumulative committed, paid (the payment schedule) and spent to the as-of date, month by
    month, against the year's envelope."""
    title = tr("label.cumulative_title", lang) if title is None else title
    labels = labels or tuple(tr(f"label.{line}", lang) for line in ("plan_line", "spend_line", "paid_line",
                                                                      "envelope_line"))
    figure, axes = new_figure(9, 4.5)
    months = monthly["period"].tolist()
    names = dict(zip(("committed", "spent", "paid", "envelope"), labels))
    axes.plot(months, monthly["committed"].cumsum(), color="#2e75b6", marker="o", label=names["committed"])
    if "paid" in monthly and "paid" in names:
        axes.plot(months, monthly["paid"].cumsum(), color="#7f7f7f", linestyle="--", marker=".",
                  label=names["paid"])
    shown = monthly[[p <= f"{as_of.year}-{as_of.month:02d}" for p in months]]
    axes.plot(shown["period"], shown["spent"].cumsum(), color="#c00000", marker="o", label=names["spent"])
    if envelope is not None and "envelope" in names:
        axes.axhline(envelope, color="#375623", linestyle=":", linewidth=1.4,
                     label=f"{names['envelope']} ({format_money(envelope, currency, lang, 0)})")
    axes.set_xticks(range(len(months)))
    axes.set_xticklabels([month_name(date(int(m[:4]), int(m[5:7]), 1), lang) for m in months])
    amount_axis(axes, lang)
    axes.legend(fontsize=8, loc="upper left")
    axes.grid(color="#eeeeee")
    axes.set_title(title, loc="left")
    figure.tight_layout()
    return figure
