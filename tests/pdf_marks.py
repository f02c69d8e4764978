"""Where things are drawn on a PDF page, read from its content stream: a test of a printed page's fill."""
from __future__ import annotations

from pypdf.generic import ContentStream


def _multiply(m, n):
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def marks(page) -> list[float]:
    """The heights (PDF points from the bottom) of every piece of text and both edges of every picture."""
    heights = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            heights.append(_multiply(tm, cm)[5])

    page.extract_text(visitor_text=visit)
    ctm, stack = (1, 0, 0, 1, 0, 0), []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop() if stack else ctm
        elif operator == b"cm":
            ctm = _multiply(tuple(float(x) for x in operands), ctm)
        elif operator == b"Do":
            heights += [ctm[5], ctm[3] + ctm[5]]
    return heights


def reach(page) -> float:
    """How far down its body a page's words and pictures go: 0 (nothing) to 1 (the bottom margin); the running
    header (top 6 %) and the page number (bottom 6 %) aside."""
    height = float(page.mediabox.height)
    body = [y for y in marks(page) if 0.06 * height < y < 0.94 * height]
    return (0.94 * height - min(body)) / (0.88 * height) if body else 0.0
