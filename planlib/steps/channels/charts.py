"""Step 4's chart: the persona x channel heat map of fit scores."""
from __future__ import annotations

import pandas as pd

from ...ui.charts import new_figure, wrap


def fit_heat_map(matrix: pd.DataFrame, persona_names: dict[str, str], channel_names: dict[str, str], title: str,
                 blank_label: str):
    """Fit from 1 (pale) to 5 (dark green); an empty cell is a persona that does not use the channel."""
    import numpy as np

    rows, columns = len(matrix.index), len(matrix.columns)
    figure, axes = new_figure(max(6.0, 0.9 * columns + 2.5), max(2.5, 0.6 * rows + 1.6))
    values = np.ma.masked_invalid(matrix.to_numpy(dtype=float))
    image = axes.imshow(values, cmap="Greens", vmin=0.5, vmax=5, aspect="auto")
    for r in range(rows):
        for c in range(columns):
            value = matrix.iat[r, c]
            text = "–" if pd.isna(value) else f"{value:g}"
            axes.text(c, r, text, ha="center", va="center", fontsize=9,
                      color="white" if not pd.isna(value) and value >= 3.5 else "#333")
    axes.set_xticks(range(columns), [wrap(f"{c} {channel_names.get(c, '')}", 14) for c in matrix.columns],
                    fontsize=8, rotation=0)
    axes.set_yticks(range(rows), [wrap(f"{p} {persona_names.get(p, '')}", 22) for p in matrix.index], fontsize=8)
    axes.set_title(title, fontsize=11)
    colour_bar = figure.colorbar(image, ax=axes, ticks=[1, 2, 3, 4, 5], fraction=0.03)
    colour_bar.ax.tick_params(labelsize=8)
    axes.set_xlabel(f"– {blank_label}", fontsize=8, loc="left")
    figure.tight_layout()
    return figure
