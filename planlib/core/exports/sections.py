"""An export cut into its tables, with what the lines around them say.

Tools wrap their tables: GA4 puts `#` comment blocks (title, start and end
date) before each of several sections; Google Ads and Microsoft Ads put title
lines (report name, a date range) above the header; Microsoft Ads puts a
copyright line below. Each table keeps the file line of every row, so a
problem is located in the file as downloaded.

An export may weigh up to the size cap (200 MB, millions of lines), so the file
is read as bytes: lines are offsets found in chunks, only the lines around the
tables become text, and each table goes from the bytes straight to pandas.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import PlanError, Problem
from ..io.encodings import read_bytes, text_bytes
from ..io.readers import sniff_separator

_FACT = re.compile(r"^(account|property|compte|propriété|start date|end date|date de début|date de fin|report time|"
                   r"time zone|rows|last completed available day)\s*:", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*(.+?)\s*$")
_CHUNK = 1 << 22  # bytes scanned at once for line feeds
MAX_LINES = 6_000_000  # with MAX_CELLS, what bounds an import's memory (about 1 GB at the size cap)
MAX_CELLS = 40_000_000  # a table's cells, held at once as text (8 bytes each)
_MAX_NOTES = 200  # title lines kept above a table; a block of single cells past this is not a table's title
_FIRST_BYTES_OF_SPECIAL_LINES = np.frombuffer(b'#,;\t \r"', np.uint8)


@dataclass
class Section:
    """One table of an export: its header, its rows with their file lines, and the text around it."""

    header: list[str]
    frame: pd.DataFrame  # every cell as text, one column per header cell (by position)
    lines: np.ndarray  # file line (from 1) of each row
    header_line: int
    notes: list[str] = field(default_factory=list)  # comment and title lines above, without their `#`
    footer: list[int] = field(default_factory=list)  # lines of single-cell notes below the table

    @property
    def title(self) -> str:
        for note in self.notes:
            text = note.strip().strip("-").strip()
            if text and not _FACT.match(text):
                return text
        return ""

    def facts(self) -> dict[str, str]:
        """`Key: value` lines of the notes (Start date: 20240101, Report Time: 1/1/2024 - 1/31/2024)."""
        found = {}
        for note in self.notes:
            match = _KEY_VALUE.match(note.strip().strip('"'))
            if match:
                found[match.group(1).strip().lower()] = match.group(2).strip()
        return found


def read_sections(path: Path) -> tuple[list[Section], str]:
    """The tables of an export file (text, or an .xlsx workbook) and the file's encoding; PlanError when neither."""
    label = Path(path).name
    data = read_bytes(Path(path))
    if data[:4] == b"PK\x03\x04":  # a zip: an xlsx workbook (Meta, HubSpot and most tools offer one)
        return split_sections(workbook_text(Path(path), label).encode("utf-8"), label), "xlsx"
    raw, start, codec, encoding = text_bytes(data, label)
    del data
    return split_sections(raw, label, start, codec), encoding


def workbook_text(path: Path, label: str) -> str:
    """Every sheet of a workbook as tab-separated lines, one per spreadsheet row, so row numbers stay Excel's.

    Dates become ISO dates, numbers keep a decimal point; a sheet ends with a blank line."""
    from datetime import date, datetime

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign zip
        raise PlanError([Problem(label, None, None, "not_a_workbook", {}, "export_table")]) from None
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = []
            for value in row:
                if isinstance(value, datetime):
                    value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
                elif isinstance(value, date):
                    value = value.isoformat()
                elif isinstance(value, float) and value.is_integer():
                    value = int(value)
                cells.append("" if value is None else str(value))
            while cells and cells[-1] == "":
                cells.pop()
            writer.writerow(cells)
        out.write("\n")
    workbook.close()
    return out.getvalue()


class _Lines:
    """Where each line of the text starts and ends (offsets into the bytes, 8 bytes a line)."""

    def __init__(self, raw: bytes, start: int):
        feeds = [(np.flatnonzero(np.frombuffer(raw, np.uint8, min(_CHUNK, len(raw) - at), at) == 10) + at)
                 .astype(np.int32) for at in range(start, len(raw), _CHUNK)]  # the size cap keeps offsets < 2**31
        self.ends = np.concatenate(feeds + [np.array([len(raw)], dtype=np.int32)])
        del feeds
        if len(self.ends) > 1 and self.ends[-2] == len(raw) - 1:  # the text ends with a line feed
            self.ends = self.ends[:-1]
        self.starts = np.empty_like(self.ends)
        self.starts[0], self.starts[1:] = start, self.ends[:-1] + 1


def split_sections(raw: bytes, label: str = "", start: int = 0, codec: str = "utf-8") -> list[Section]:
    """The tables of a text held as bytes in `codec` (UTF-8 or cp1252), from offset `start` (after a BOM)."""
    if b"\n" not in raw and b"\r" in raw:  # old Mac line ends
        raw = raw.replace(b"\r", b"\n")
    count = sum(int(np.count_nonzero(np.frombuffer(raw, np.uint8, min(_CHUNK, len(raw) - at), at) == 10))
                for at in range(start, len(raw), _CHUNK))
    if count > MAX_LINES:
        raise PlanError([Problem(label, None, None, "export_too_many_lines",
                                 {"millions": -(-count // 10**6), "limit": MAX_LINES // 10**6}, "export_split")])
    lines = _Lines(raw, start)
    text_of = lambda index: raw[lines.starts[index]:lines.ends[index]].decode(codec).rstrip("\r")
    special = _special_lines(raw, lines, text_of)  # index -> "note" (a `#` line) or "blank"
    sections, notes, block_start = [], [], 0
    for index in sorted(special) + [len(lines.starts)]:
        if block_start < index:
            sections.extend(_tables(raw, lines, block_start, index, notes, label, codec, text_of))
            notes = []
        block_start = index + 1
        if special.get(index) == "note":
            notes.append(text_of(index).lstrip()[1:].strip())
    return sections


def _special_lines(raw: bytes, lines: _Lines, text_of) -> dict[int, str]:
    """The comment and blank lines; a data line is told apart by its first two bytes without becoming text."""
    if not raw:
        return {0: "blank"}
    data = np.frombuffer(raw, np.uint8)
    last = len(data) - 1
    length = lines.ends - lines.starts
    first = data[np.minimum(lines.starts, last)]
    maybe = (length == 0) | np.isin(first, _FIRST_BYTES_OF_SPECIAL_LINES[:-1])
    quoted = np.flatnonzero((first == ord('"')) & ~maybe)
    del first
    second = data[np.minimum(lines.starts[quoted] + 1, last)]
    maybe[quoted] = (length[quoted] < 2) | np.isin(second, _FIRST_BYTES_OF_SPECIAL_LINES)
    del length
    special = {}
    for index in np.flatnonzero(maybe).tolist():
        line = text_of(index)
        if line.lstrip().startswith("#"):
            special[index] = "note"
        elif not line.strip() or not line.strip(",;\t \"").strip():
            special[index] = "blank"
    return special


def _separator(line: str) -> str:
    """`;`, `,`, tab, or `|` (the FEC's other separator), whichever the line holds most outside quotes."""
    sep = sniff_separator(line)
    return "|" if line.count("|") > max(line.count(sep), 0) else sep


def _cells(line: str, sep: str) -> list[str]:
    return [cell.strip() for cell in next(csv.reader([line], delimiter=sep), [])]


class _Span(io.RawIOBase):
    """A stretch of the bytes read as a file, so pandas parses a table without a copy of it."""

    def __init__(self, raw: bytes, start: int, end: int):
        self.view, self.at, self.end = memoryview(raw), start, end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = max(0, min(len(buffer), self.end - self.at))
        buffer[:count] = self.view[self.at:self.at + count]
        self.at += count
        return count


def _tables(raw, lines: _Lines, first: int, stop: int, notes: list[str], label: str, codec: str,
            text_of) -> list[Section]:
    """Lines first..stop-1 (none blank): title lines (one cell), then a header and its rows, then single-cell notes."""
    notes = list(notes)
    start = first
    while start < stop:
        text = text_of(start)
        if len(_cells(text, _separator(text))) > 1:
            break
        if len(notes) < _MAX_NOTES:
            notes.append(text.strip().strip('"'))
        start += 1
    if start >= stop:
        return [Section([], pd.DataFrame(), np.array([], dtype=np.int64), first + 1, notes)]
    header_text = text_of(start)
    sep = _separator(header_text)
    header = _cells(header_text, sep)
    body = np.arange(start + 1, stop, dtype=np.int32)
    footer = _lines_without(raw, lines, start + 1, stop, sep) if len(header) > 1 else np.array([], dtype=np.int64)
    rows = np.setdiff1d(body, footer, assume_unique=True).astype(np.int32) if len(footer) else body
    del body
    if len(rows) * len(header) > MAX_CELLS:
        raise PlanError([Problem(label, start + 1, None, "export_too_many_cells",
                                 {"millions": -(-len(rows) * len(header) // 10**6), "limit": MAX_CELLS // 10**6},
                                 "export_narrower")])
    span = _Span(raw, int(lines.starts[start + 1]) if start + 1 < stop else 0,
                 int(lines.ends[stop - 1]) if start + 1 < stop else 0)
    try:
        frame = _parsed(io.BufferedReader(span, 1 << 20), sep, codec, len(header), len(rows),
                        (footer - start - 1).tolist())
    except pd.errors.ParserError as error:
        found = re.search(r"line (\d+), saw (\d+)", str(error))
        row = start + 1 + int(found.group(1)) if found else start + 1
        count = int(found.group(2)) if found else 0
        raise PlanError([Problem(label, row, None, "export_cell_count",
                                 {"count": count, "expected_count": len(header)}, "export_shape")]) from None
    if frame is None:  # a quoted cell spanning lines: line numbers can no longer be trusted
        raise PlanError([Problem(label, start + 1, None, "export_multiline_cell", {}, "export_shape")])
    return [Section(header, frame, rows + 1, start + 1, notes, (footer + 1).tolist())]


def _parsed(stream, sep: str, codec: str, width: int, count: int, skipped: list[int]) -> pd.DataFrame | None:
    """The rows as text cells, read in chunks into columns sized once (no second copy of a large table);
    None when the rows do not number `count` (a quoted cell spanning lines)."""
    columns = [np.empty(count, dtype=object) for _ in range(width)]
    filled = 0
    chunks = pd.read_csv(stream, sep=sep, header=None, dtype=object, encoding=codec, keep_default_na=False,
                         names=range(width), engine="c", skipinitialspace=True, quoting=csv.QUOTE_MINIMAL,
                         skip_blank_lines=False, skiprows=skipped or None, chunksize=1 << 18)
    with chunks:
        for chunk in chunks:
            if filled + len(chunk) > count:
                return None
            for position in range(width):
                columns[position][filled:filled + len(chunk)] = _stripped(chunk[position].to_numpy(dtype=object))
            filled += len(chunk)
    if filled != count:
        return None
    return pd.DataFrame({position: column for position, column in enumerate(columns)}, dtype=object, copy=False)


def _lines_without(raw: bytes, lines: _Lines, first: int, stop: int, sep: str) -> np.ndarray:
    """Indexes of the lines first..stop-1 that hold no separator: notes below (or among) the rows."""
    if first >= stop:
        return np.array([], dtype=np.int64)
    pattern = re.compile(rb"(?:^|\n)[^\n" + re.escape(sep.encode()) + rb"]*(?=\n|$)")
    found = [match.start() + (raw[match.start():match.start() + 1] == b"\n")
             for match in pattern.finditer(raw, int(lines.starts[first]) - (first > 0), int(lines.ends[stop - 1]))]
    indexes = np.searchsorted(lines.starts, np.array(found, dtype=np.int64), side="right") - 1
    return np.unique(indexes[(indexes >= first) & (indexes < stop)])


def _stripped(cells: np.ndarray) -> np.ndarray:
    """The cells without surrounding spaces, worked once per distinct cell, and only when one has them."""
    codes, uniques = pd.factorize(cells, use_na_sentinel=False)
    clean = np.array([text.strip() for text in uniques], dtype=object)
    if all(a is b or a == b for a, b in zip(clean, uniques)):
        return cells
    return clean[codes]
