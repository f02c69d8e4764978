"""An export cut into its tables, with what the lines around them say.

Tools wrap their tables: GA4 puts `#` comment blocks (title, start and end
date) before each of several sections; Google Ads and Microsoft Ads put title
lines (report name, a date range) above the header; Microsoft Ads puts a
copyright line below. Each table keeps the file line of every row, so a
problem is located in the file as downloaded.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import PlanError, Problem
from ..io.readers import decode, read_bytes, sniff_separator

_FACT = re.compile(r"^(account|property|compte|propriété|start date|end date|date de début|date de fin|report time|"
                   r"time zone|rows|last completed available day)\s*:", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s*(.+?)\s*$")


@dataclass
class Section:
    """One table of an export: its header, its rows with their file lines, and the text around it."""

    header: list[str]
    frame: pd.DataFrame  # every cell as text, one column per header cell (by position)
    lines: list[int]  # file line (from 1) of each row
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
        return split_sections(workbook_text(Path(path), label), label), "xlsx"
    text, encoding = decode(data, label)
    return split_sections(text, label), encoding


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


def split_sections(text: str, label: str = "") -> list[Section]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    sections, notes, block = [], [], []
    for number, line in enumerate(lines + [""], start=1):
        if line.lstrip().startswith("#"):
            if block:
                sections.extend(_tables(block, notes, label))
                block, notes = [], []
            notes.append(line.lstrip()[1:].strip())
        elif not line.strip() or not line.strip(",;\t \"").strip():
            if block:
                sections.extend(_tables(block, notes, label))
                block, notes = [], []
        else:
            block.append((number, line))
    return sections


def _separator(line: str) -> str:
    """`;`, `,`, tab, or `|` (the FEC's other separator), whichever the line holds most outside quotes."""
    sep = sniff_separator(line)
    return "|" if line.count("|") > max(line.count(sep), 0) else sep


def _cells(line: str, sep: str) -> list[str]:
    return [cell.strip() for cell in next(csv.reader([line], delimiter=sep), [])]


def _tables(block: list[tuple[int, str]], notes: list[str], label: str) -> list[Section]:
    """A block of non-blank lines: title lines (one cell), then a header and its rows, then single-cell notes."""
    notes = list(notes)
    start = 0
    while start < len(block):
        if len(_cells(block[start][1], _separator(block[start][1]))) > 1:
            break
        notes.append(block[start][1].strip().strip('"'))
        start += 1
    if start >= len(block):
        return [Section([], pd.DataFrame(), [], block[0][0], notes)]
    header_line, header_text = block[start]
    sep = _separator(header_text)
    header = _cells(header_text, sep)
    body = [(number, line) for number, line in block[start + 1:] if sep in line or len(header) == 1]
    footer = [number for number, line in block[start + 1:] if not (sep in line or len(header) == 1)]
    try:
        frame = pd.read_csv(io.StringIO("\n".join(line for _, line in body)), sep=sep, header=None, dtype=str,
                            keep_default_na=False, names=range(len(header)), engine="c", skipinitialspace=True,
                            quoting=csv.QUOTE_MINIMAL, skip_blank_lines=False)
    except pd.errors.ParserError as error:
        found = re.search(r"line (\d+), saw (\d+)", str(error))
        row = body[int(found.group(1)) - 1][0] if found else header_line
        count = int(found.group(2)) if found else 0
        raise PlanError([Problem(label, row, None, "export_cell_count",
                                 {"count": count, "expected_count": len(header)}, "export_shape")]) from None
    if len(frame) != len(body):  # a quoted cell spanning lines: line numbers can no longer be trusted
        raise PlanError([Problem(label, header_line, None, "export_multiline_cell", {}, "export_shape")])
    from .cells import by_unique

    stripped = {column: by_unique(frame[column], lambda u: u.str.strip()) for column in frame.columns}
    return [Section(header, pd.DataFrame(stripped) if len(frame) else frame,
                    [number for number, _ in body], header_line, notes, footer)]
