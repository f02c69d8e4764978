"""Read what people really have into plain text tables, before any typing.

A plan's tables arrive as UTF-8 CSV, as CSV saved by French Excel (`;`,
decimal comma, cp1252 or UTF-8 with BOM) or as an .xlsx workbook (`workbooks`). Each reader
returns a `RawTable` of text cells plus what it learnt of the file's dialect;
`planlib.core.validate` then types and checks the cells, so every source goes
through the same rules and gives the same values.
"""
from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..errors import PlanError, Problem
from ..parse import FORMULA_PREFIXES
from ..yaml_text import SAFE_LOADER, safe_load
from .encodings import BOM, decode, read_bytes


@dataclass
class RawTable:
    """Text cells of one table, with where they came from."""

    name: str
    source: str  # how messages name the file: "actions.csv", "plan.xlsx[actions]"
    frame: pd.DataFrame  # every cell a stripped str, headers lower-case
    decimal_comma: bool = False
    first_row: int = 2  # spreadsheet row number of the first data row
    preamble: str = ""  # leading '#' comment lines, kept when planlib saves the file
    may_hold_quotes: bool = True  # False when no cell can start with a neutralising quote
    row_lines: tuple[int, ...] | None = None  # the file's line of each row, where blank lines or cells spanning
    # lines make it differ from first_row + index

    def row_number(self, index: int) -> int:
        """The line a text editor shows for a row (blank lines, comments and multi-line cells counted)."""
        if self.row_lines is not None and 0 <= index < len(self.row_lines):
            return self.row_lines[index]
        return self.first_row + index


def sniff_separator(header_line: str) -> str:
    """The separator of a CSV from its header: the most frequent of ; , and tab."""
    counts = {sep: 0 for sep in ";,\t"}
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _split_preamble(text: str) -> tuple[str, str, int]:
    """Leading comment and blank lines, the rest, and how many lines were set aside."""
    lines = text.splitlines(keepends=True)
    count = 0
    while count < len(lines) and (lines[count].lstrip().startswith("#") or not lines[count].strip()):
        count += 1
    return "".join(lines[:count]), "".join(lines[count:]), count


# White space at the edge of a cell: next to a separator, a quote or a line end.
_EDGE_SPACE = re.compile(r"[^\S\r\n](?=[,;\t\r\n\"]|$)|(?<=[,;\t\n\"])[^\S\r\n]|^[^\S\r\n]", re.MULTILINE)


def _header(text) -> str:
    """A header as the kit names columns; the quote an export put before a formula-like header removed."""
    name = str(text).replace(BOM, "").strip()
    if name.startswith("'") and name[1:2] in FORMULA_PREFIXES:
        name = name[1:]
    return name.lower()


_TEXT = pd.Series([], dtype=str).dtype


def _strip_cells(frame: pd.DataFrame, needs_strip: bool = True) -> pd.DataFrame:
    frame.columns = [_header(c) for c in frame.columns]
    if not needs_strip and (frame.dtypes == _TEXT).all():  # read as text, no cell with edge spaces: as is
        return frame
    for column in frame.columns:
        values = frame[column].astype(str)
        frame[column] = values.str.strip() if needs_strip else values
    return frame


def read_csv(path: Path, name: str | None = None) -> RawTable:
    """One CSV file, whatever its encoding and separator."""
    path = Path(path)
    text, _ = decode(read_bytes(path), path.name)
    return read_csv_text(text, path.name, name or path.stem)


def read_csv_text(text: str, label: str, name: str, skipped_before: int = 0) -> RawTable:
    """CSV text (already decoded); `skipped_before` lines were set aside above it, for row numbers."""
    preamble, body, skipped = _split_preamble(text)
    skipped += skipped_before
    if not body.strip():
        return RawTable(name, label, pd.DataFrame(), preamble=preamble)
    header = body.splitlines()[0]
    sep = sniff_separator(header)
    names = [_header(cell) for cell in next(csv.reader([header], delimiter=sep))]
    twice = next((name for i, name in enumerate(names) if name and name in names[:i]), None)
    if twice:  # pandas would rename the second one 'name.1' and read the first only
        raise PlanError([Problem(label, 1 + skipped, twice, "duplicate_header", {"header": twice}, "header_name")])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:  # index_col=False: a row with more fields than the header never turns a column into the index
            frame = pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False, index_col=False,
                                na_filter=False, skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL)
        except (pd.errors.ParserError, csv.Error):
            frame = None
    # the csv module's second look, only where pandas may have hidden a problem: a refusal, a warning, no final
    # line break, or a cell spanning lines (a quote closed rows later swallows them into one cell)
    may_span = '"' in body  # a cell spans lines only inside quotes
    if frame is None or caught or not text.endswith(("\n", "\r")) or (may_span and _spans_lines(frame)):
        problem = csv_shape_problem(body, sep, label, 2 + skipped, complete=text.endswith(("\n", "\r")))
        if problem is not None:
            raise PlanError([problem])
        frame = csv_records(body, sep) if frame is None else frame
    for position, header_name in enumerate(names):
        if not header_name and position < len(frame.columns):
            filled = frame.iloc[:, position].str.strip() != ""
            if filled.any():  # pandas would keep it as 'Unnamed: N', a column no view reads
                index = int(filled.to_numpy().argmax())
                raise PlanError([value_without_header(label, 2 + skipped + index, position,
                                                       frame.iloc[index, position])])
    row_lines = None
    if _BLANK_LINE.search(body) or (may_span and _spans_lines(frame)):
        row_lines = record_lines(body, sep, 1 + skipped, len(frame))
    return RawTable(name, label, _strip_cells(frame, bool(_EDGE_SPACE.search(body))),
                    decimal_comma=(sep != ","), first_row=2 + skipped, preamble=preamble,
                    may_hold_quotes="'" in body, row_lines=row_lines)


_BLANK_LINE = re.compile(r"\n[^\S\n]*(\n|$)")


def record_lines(body: str, sep: str, header_line: int, count: int) -> tuple[int, ...] | None:
    """The file line on which each data record starts, skipping the blank lines pandas skips; None when the
    records read here are not the rows pandas kept (then rows are counted from the first one)."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sep)
    offset = header_line - 1
    lines, previous = [], None
    for record in reader:
        start = offset + (previous or 0) + 1
        previous = reader.line_num
        if start == header_line or not record or (len(record) == 1 and not record[0].strip()):
            continue
        lines.append(start)
    return tuple(lines) if len(lines) == count else None


def _spans_lines(frame: pd.DataFrame) -> bool:
    return any(frame[column].str.contains("\n", regex=False).any() for column in frame.columns)


def value_without_header(label: str, row: int, position: int, value: str) -> Problem:
    from openpyxl.utils import get_column_letter

    return Problem(label, row, None, "cell_without_header",
                   {"cell": f"{get_column_letter(position + 1)}{row}", "value": str(value).strip()[:40]}, "header_above")


def csv_shape_problem(body: str, sep: str, label: str, first_row: int, complete: bool = True) -> Problem | None:
    """Where a CSV's shape is wrong, as a person counts rows: a quote never closed, or closed only rows
    later (a cell spanning lines that themselves look like whole rows), a row with fields beyond the
    header (not only empty ones, which spreadsheets leave with trailing separators), or a last row cut
    short in a file that does not end with a line break (an interrupted save)."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sep, strict=True)
    offset = first_row - 2  # body line 1 is the header, on row first_row - 1
    row = next_row = first_row
    last = None
    try:
        width = len(next(reader))
        for record in reader:
            row = offset + reader.line_num - sum(cell.count("\n") for cell in record)
            if not record:
                continue
            if len(record) > width and any(cell.strip() for cell in record[width:]):
                return Problem(label, row, None, "csv_too_many_fields", {"count": len(record), "width": width},
                               "csv_fields")
            if width > 2 and any(line.count(sep) >= width - 1 for cell in record for line in cell.split("\n")[1:]):
                return Problem(label, row, None, "csv_open_quote", {}, "csv_quotes")
            last, next_row = record, offset + reader.line_num + 1
    except csv.Error:  # the quote opened on the row after the last one read
        return Problem(label, next_row, None, "csv_open_quote", {}, "csv_quotes")
    if not complete and last is not None and len(last) < width:
        return Problem(label, row, None, "csv_truncated", {"count": len(last), "width": width}, "csv_fields")
    return None


def csv_records(body: str, sep: str) -> pd.DataFrame:
    """A CSV pandas refused though its shape is right (trailing empty cells past the header): read by rows."""
    records = [r for r in csv.reader(io.StringIO(body, newline=""), delimiter=sep) if r]
    header, width = records[0], len(records[0])
    return pd.DataFrame([(r + [""] * width)[:width] for r in records[1:]], columns=header, dtype=str)


MAX_YAML_ALIASES = 100  # anchors reused more than this: an alias bomb, not a plan
MAX_YAML_DEPTH = 50  # nesting deeper than this: the composer would exhaust the interpreter's stack


def yaml_shape_problem(text: str, label: str) -> Problem | None:
    """Aliases and nesting counted from the event stream, which does not recurse nor expand anything."""
    aliases = depth = 0
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_YAML_ALIASES:
                    return Problem(label, event.start_mark.line + 1, None, "yaml_too_many_aliases",
                                   {"limit": MAX_YAML_ALIASES}, "yaml_plain")
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return Problem(label, event.start_mark.line + 1, None, "yaml_too_deep",
                                   {"limit": MAX_YAML_DEPTH}, "yaml_plain")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        if _refused_for_depth(error):  # libyaml's own cap (PyYAML >= 6.0.4 bundles one) can refuse first
            mark = getattr(error, "problem_mark", None)
            return Problem(label, mark.line + 1 if mark else None, None, "yaml_too_deep",
                           {"limit": MAX_YAML_DEPTH}, "yaml_plain")
        return None  # the syntax error is reported by the load below, with its line
    return None


def _refused_for_depth(error: yaml.YAMLError) -> bool:
    """True when the YAML library itself refused a document for its nesting, whatever its version says."""
    words = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''}".lower()
    return "nesting depth" in words or "flow level" in words


MAX_YAML_VALUES = 100_000  # values once every alias is expanded; a plan's largest file holds a few thousand


def _expanded_size(node, sizes: dict) -> int:
    """How many values a node stands for once aliases are expanded, each shared node counted once per use."""
    if node is None:
        return 0
    key = id(node)
    if key in sizes:
        return sizes[key]
    sizes[key] = 1  # a node met again while being counted (a recursive alias) counts one
    if isinstance(node, yaml.MappingNode):
        total = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        total = 1 + sum(_expanded_size(item, sizes) for item in node.value)
    else:
        total = 1
    sizes[key] = total
    return total


def parse_yaml(text: str, label: str, problems: list[Problem]) -> tuple[object, dict]:
    """A YAML document (safe_load only) and the line of each key, for messages."""
    shape = yaml_shape_problem(text, label)
    if shape is not None:
        problems.append(shape)
        return None, {}
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
        if _expanded_size(node, {}) > MAX_YAML_VALUES:  # aliases of aliases: small text, huge data
            problems.append(Problem(label, None, None, "yaml_too_large", {"limit": f"{MAX_YAML_VALUES:,}"},
                                    "yaml_plain"))
            return None, {}
        data = safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        row = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.append(Problem(label, row, None, "bad_yaml", {"reason": reason}, "yaml"))
        return None, {}
    lines: dict[tuple, int] = {}
    _index_lines(node, (), lines, label, problems)
    return data, lines


def _index_lines(node, path: tuple, lines: dict, label: str = "", problems: list | None = None) -> None:
    """The line of each key; a key given twice in one mapping is a problem (YAML would keep the last silently)."""
    if node is None:
        return
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if problems is not None and isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    problems.append(Problem(label, key.start_mark.line + 1, None, "yaml_duplicate_key",
                                            {"name": key.value}, "yaml_unique_keys"))
                seen.add(key.value)
            child = path + (key.value,)
            lines[child] = key.start_mark.line + 1
            _index_lines(value, child, lines, label, problems)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), lines, label, problems)
