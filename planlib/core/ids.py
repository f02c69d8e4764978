"""Ids the kit gives rows an import adds: the prefix, then numbers after the highest already used, zero-padded."""
from __future__ import annotations

import re


def next_ids(used, prefix: str, count: int, width: int) -> list[str]:
    """`count` new ids `<prefix><number>` after the highest of `used` written that way, at least `width` digits."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    numbers = [int(m.group(1)) for i in used if (m := pattern.fullmatch(str(i)))]
    start = max(numbers, default=0) + 1
    width = max(width, len(str(start + count)))
    return [f"{prefix}{n:0{width}d}" for n in range(start, start + count)]
