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
    use_compact_png()
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


def compact_png(figure) -> bytes:
    """A figure as a 256-colour PNG: charts have few colours, and the page is a third of the weight."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=figure.dpi, bbox_inches="tight")
    image = Image.open(buffer).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    compact = io.BytesIO()
    image.save(compact, "PNG", optimize=True)
    return compact.getvalue()


def use_compact_png() -> None:
    """In IPython (notebooks, reports), figures display through `compact_png`; elsewhere nothing changes.

    Called when a figure is made, after pyplot's import has set up the inline backend, whose own
    PNG formatter it replaces.
    """
    try:
        from IPython import get_ipython
        from matplotlib.figure import Figure
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, compact_png)
