"""Chart helpers shared by every step: a figure that is shown once, labels that fit.

Library code never changes the backend: the notebook's inline backend draws
figures, headless or not, and reports embed them as PNG. Each step draws its
own charts (planlib.steps.<step>.charts) with these helpers.
"""
from __future__ import annotations


SCREEN_DPI = 72  # sharp on a screen, and a report page with six charts stays light


def plain_text() -> None:
    """Chart text is plan text, never mathematics: a '$' in a name is a dollar, not mathtext.

    matplotlib reads "$...$" as a formula by default; a plan title with one '$' would then fail to
    draw (and with two, be altered). The kit's charts turn that reading off before making a figure.
    """
    import matplotlib

    matplotlib.rcParams["text.parse_math"] = False


def new_figure(width: float, height: float, rows: int = 1, columns: int = 1):
    """A Figure and its axes, closed for pyplot so it is shown once, by whoever displays it."""
    import matplotlib.pyplot as plt

    plain_text()
    figure, axes = plt.subplots(rows, columns, figsize=(width, height), dpi=SCREEN_DPI)
    use_compact_png()
    plt.close(figure)
    return figure, axes


def month_name(day, lang: str) -> str:
    """A month as an axis names it, in the reader's language: janv., févr. / Jan, Feb."""
    from babel.dates import format_skeleton

    from ..core.i18n import babel_locale

    return format_skeleton("MMM", day, locale=babel_locale(lang))


def period_tick(period_id: str, lang: str) -> str:
    """A period's id as an axis names it: mai, T2 2026, S1 2026 (fr); May, Q2 2026, H1 2026 (en)."""
    import re
    from datetime import date

    from ..core.i18n import tr

    month = re.fullmatch(r"(\d{4})-(\d{2})", period_id)
    if month:
        return month_name(date(int(month[1]), int(month[2]), 1), lang)
    numbered = re.fullmatch(r"(\d{4})-([QHS])(\d+)", period_id)
    if numbered:
        kind = {"Q": "quarter", "H": "half", "S": "sprint"}[numbered[2]]
        return tr(f"label.period_{kind}", lang, n=int(numbered[3]), year=numbered[1])
    return period_id


def month_axis(axes, lang: str) -> None:
    """One tick per month on a date axis, named in the reader's language (never 04/26 or 2026-04)."""
    import matplotlib.dates as mdates

    axes.xaxis.set_major_locator(mdates.MonthLocator())
    axes.xaxis.set_major_formatter(lambda x, _: month_name(mdates.num2date(x).date(), lang))


def amount_axis(axes, lang: str, axis: str = "y") -> None:
    """Amounts in thousands, grouped as the language writes them: 12,5 k in French, 12.5k in English."""
    from ..core.i18n import format_number

    target = axes.yaxis if axis == "y" else axes.xaxis
    target.set_major_formatter(lambda value, _: f"{format_number(value / 1000, lang)}\u202fk")


def percent_axis(axes, lang: str, axis: str = "x") -> None:
    """Shares written as the language writes them: 85 % in French, 85% in English."""
    from ..core.i18n import format_percent

    target = axes.xaxis if axis == "x" else axes.yaxis
    target.set_major_formatter(lambda value, _: format_percent(100 * value, lang, 0))


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


CHART_COLOURS = 64  # a chart's few colours and their anti-aliased edges, without banding in a heat map's scale


def compact_png(figure, colors: int = CHART_COLOURS, dpi: float | None = None) -> bytes:
    """A figure as a PNG of a few colours: charts have few, and the page is a third of the weight."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi or figure.dpi, bbox_inches="tight")
    image = Image.open(buffer).convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
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


# Offsets (in points) tried for a label, nearest first: right, left, above, below, then the diagonals, then farther.
_OFFSETS = [(dx * k, dy * k) for k in (1, 2, 3) for dx, dy in
            ((7, -3), (-7, -3), (0, 7), (0, -12), (7, 7), (-7, 7), (7, -12), (-7, -12))]


def place_labels(figure, axes, xs, ys, texts, fontsize: float = 7, **style) -> list:
    """Label points so that no two labels overlap, nor a label its neighbours' markers when avoidable.

    Greedy: each label takes the first of a few positions around its point
    (right, left, above, below, diagonals, then farther) that overlaps
    nothing placed yet; when every position overlaps, the least crowded one.
    Returns the text artists, in the order of `texts`.
    """
    renderer = _renderer(figure)
    taken = []
    for x, y in zip(xs, ys):  # the markers themselves
        px, py = axes.transData.transform((x, y))
        taken.append((px - 3, py - 3, px + 3, py + 3))
    placed = []
    for x, y, text in zip(xs, ys, texts):
        best, best_overlap = None, None
        for dx, dy in _OFFSETS:
            artist = axes.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                                   ha="left" if dx > 0 else "right" if dx < 0 else "center",
                                   va="bottom" if dy > 0 else "top" if dy < -6 else "center", **style)
            box = artist.get_window_extent(renderer)
            extent = (box.x0, box.y0, box.x1, box.y1)
            overlap = sum(_overlap(extent, other) for other in taken)
            if best is None or overlap < best_overlap:
                if best is not None:
                    best[0].remove()
                best, best_overlap = (artist, extent), overlap
            else:
                artist.remove()
            if overlap == 0:
                break
        taken.append(best[1])
        placed.append(best[0])
    return placed


def _renderer(figure):
    """The renderer that measures text, also for a figure closed for pyplot (whose canvas has none)."""
    get = getattr(figure.canvas, "get_renderer", None)
    if get is None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        get = FigureCanvasAgg(figure).get_renderer
    return get()


def _overlap(a: tuple, b: tuple) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def overlapping_labels(figure, artists) -> int:
    """How many pairs of text artists overlap once drawn (for tests and checks of a chart)."""
    renderer = _renderer(figure)
    boxes = [a.get_window_extent(renderer) for a in artists]
    boxes = [(b.x0, b.y0, b.x1, b.y1) for b in boxes]
    return sum(_overlap(a, b) > 0 for i, a in enumerate(boxes) for b in boxes[i + 1:])


def stack_labels(figure, axes, items: list[tuple], y: float, step: float, **style) -> list:
    """Labels along one line (x, text), each lifted to the first tier where it overlaps no label already there:
    the names of nearby periods stay readable instead of printing over each other. Returns the text artists."""
    renderer = _renderer(figure)
    tiers: list[list[tuple[float, float]]] = []
    artists = []
    for x, text in sorted(items, key=lambda item: item[0]):
        artist = axes.text(x, y, text, **style)
        box = artist.get_window_extent(renderer)
        span = (box.x0 - 2, box.x1 + 2)
        tier = next((n for n, spans in enumerate(tiers) if all(span[1] <= a or span[0] >= b for a, b in spans)),
                    len(tiers))
        if tier == len(tiers):
            tiers.append([])
        tiers[tier].append(span)
        artist.set_y(y + tier * step)
        artists.append(artist)
    return artists


PRINT_DPI = 130  # a page meant for paper: sharp enough printed, light enough in 16 colours (about 30 KB)


def show_page(figure, title: str = "", lead: str = "") -> None:
    """A figure that is a printed page of its own (a quarter of the marketing calendar): shown in the notebook
    like any chart, printed by the report's PDF on an A4 landscape page (the `planlib-page` class). `lead` (HTML,
    escaped by the caller) heads the page: a heading printed apart from its page would stand on a page alone."""
    import base64
    import html

    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    data = base64.b64encode(compact_png(figure, colors=16, dpi=PRINT_DPI)).decode("ascii")
    plt.close(figure)
    from .display import PAGE_KEY

    kind = "planlib-page with-lead" if lead else "planlib-page"
    display(HTML(f'<div class="{kind}">{lead}<img alt="{html.escape(title)}" src="data:image/png;base64,{data}">'
                 f"</div>"), metadata={PAGE_KEY: title})
