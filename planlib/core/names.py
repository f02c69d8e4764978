"""Names made from what people type, safe in a file name or an identifier: ASCII, lower case, dashes."""
from __future__ import annotations

import re
import unicodedata


def slug(text: str, limit: int = 40) -> str:
    """`Hélène D'Arc` -> `helene-d-arc`, cut at `limit` characters ("" when nothing is left)."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:limit]
