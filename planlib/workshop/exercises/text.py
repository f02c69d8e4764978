"""How the checks compare and count what participants write."""
from __future__ import annotations

import re
import unicodedata


def normalized(text) -> str:
    """Case, accents, spaces and end punctuation aside: `Prix  élevés.` and `prix eleves` are the same item."""
    plain = unicodedata.normalize("NFKD", str(text or "")).casefold()
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"[’'`]", "'", plain)
    return " ".join(plain.split()).strip(" .;:!?")


def word_count(text) -> int:
    return len(re.findall(r"\w+", str(text or "")))


def quoted(text, limit: int = 60) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
