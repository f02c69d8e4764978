"""Chart helpers shared by every step: a figure that is shown once, labels that fit.

Library code never changes the backend: the notebook's inline backend draws
figures, headless or not, and reports embed them as PNG. Each step draws its
own charts (planlib.steps.<step>.charts) with these helpers.
"""
from __future__ import annotations


SCREEN_DPI = 72  # sharp on a screen, and a report page with six charts stays light


def new_figure(width: float, height: float):
    """A Figure and its axes, closed for pyplot so it is shown once, by whoever displays it."""
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(width, height), dpi=SCREEN_DPI)
    plt.close(figure)
    return figure, axes


def wrap(text: str, width: int = 34) -> str:
    """A label on two lines at most, cut with an ellipsis."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")
