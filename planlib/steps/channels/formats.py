"""Message formats and their length limits (formats.csv, with the source of each limit).

A message's length is counted as the reader's screen counts it: characters
for most formats; for an SMS, GSM-7 septets (the extension characters
€ [ ] { } ^ ~ \\ | take two) while every character is in the GSM-7 alphabet,
else UTF-16 units against the 70-character limit of a UCS-2 message.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FILE = Path(__file__).with_name("formats.csv")

# 3GPP TS 23.038, the GSM 7-bit default alphabet and its extension table.
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM7_EXTENSION = set("^{}\\[~]|€\f")
UCS2_LIMIT = 70


@dataclass(frozen=True)
class Format:
    format: str
    limit: int | None
    counting: str  # characters or gsm7
    source: str


@lru_cache(maxsize=None)
def formats() -> dict[str, Format]:
    with FILE.open(encoding="utf-8", newline="") as handle:
        return {row["format"]: Format(row["format"], int(row["limit"]) if row["limit"] else None, row["counting"],
                                      row["source"]) for row in csv.DictReader(handle)}


def is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


@dataclass(frozen=True)
class Length:
    length: int
    limit: int | None
    encoding: str  # characters, gsm7 or ucs2

    @property
    def over(self) -> bool:
        return self.limit is not None and self.length > self.limit


def measure(text: str, format_code: str) -> Length:
    """A message's length in its format's unit, and the limit that applies to it."""
    spec = formats()[format_code]
    text = unicodedata.normalize("NFC", text)
    if spec.counting != "gsm7":
        return Length(len(text), spec.limit, "characters")
    if is_gsm7(text):
        return Length(sum(2 if c in GSM7_EXTENSION else 1 for c in text), spec.limit, "gsm7")
    return Length(len(text.encode("utf-16-le")) // 2, UCS2_LIMIT, "ucs2")
