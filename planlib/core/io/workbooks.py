"""Read an .xlsx workbook into the same plain text tables as a CSV.

A workbook is read as it is stored, not as it declares itself: the declared
dimension of a sheet may be wrong (cutting columns off, or claiming the
whole grid), a formula may have no value saved, a stray cell may sit far
right. Each is either read correctly or a problem naming the sheet and cell.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..errors import PlanError, Problem
from .readers import RawTable, _strip_cells, value_without_header


def cell_text(value) -> str:
    """A spreadsheet cell as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


MAX_XLSX_CELLS = 5_000_000  # cells of one sheet, empty ones in a row's span included


def read_xlsx(path: Path) -> dict[str, list[list[str]]]:
    """Every sheet of a workbook as rows of cell texts, keyed by sheet name.

    The cells are read as stored, whatever range the file declares (a wrong
    declared dimension would cut columns off or make millions of empty rows);
    a formula whose value the file does not hold is a problem naming the cell,
    never a blank.
    """
    from zipfile import BadZipFile

    from openpyxl import load_workbook  # imported here: only xlsx imports need it

    name = Path(path).name
    try:
        values = load_workbook(Path(path), read_only=True, data_only=True)
        formulas = load_workbook(Path(path), read_only=True, data_only=False)
    except (BadZipFile, KeyError, OSError, ValueError, TypeError) as error:  # not an xlsx, or a damaged one
        raise PlanError([Problem(name, None, None, "xlsx_unreadable",
                                 {"reason": type(error).__name__}, "xlsx_file")]) from None
    problems: list[Problem] = []
    try:
        sheets = {}
        for sheet, formula_sheet in zip(values.worksheets, formulas.worksheets):
            sheets[sheet.title] = _sheet_rows(sheet, formula_sheet, f"{name}[{sheet.title}]", problems)
    finally:
        values.close()
        formulas.close()
    if problems:
        raise PlanError(problems)
    return sheets


def _sheet_rows(sheet, formula_sheet, label: str, problems: list[Problem]) -> list[list[str]]:
    from openpyxl.utils import get_column_letter

    sheet.reset_dimensions()
    formula_sheet.reset_dimensions()
    rows, count, header = [], 0, []
    for number, (cells, stored) in enumerate(zip(sheet.iter_rows(values_only=True),
                                                 formula_sheet.iter_rows(values_only=True)), 1):
        count += len(cells)
        if count > MAX_XLSX_CELLS:  # a cell far right or far down makes every row that long
            problems.append(Problem(label, number, None, "xlsx_too_many_cells", {"limit": f"{MAX_XLSX_CELLS:,}"},
                                    "xlsx_size"))
            return []
        for column, (value, formula) in enumerate(zip(cells, stored), 1):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                named = header[column - 1] if column <= len(header) and header[column - 1] else None
                problems.append(Problem(label, number, named, "xlsx_formula_without_value",
                                        {"cell": f"{get_column_letter(column)}{number}", "formula": formula[:60]},
                                        "xlsx_formula"))
        rows.append([cell_text(v) for v in cells])
        if number == 1:  # the header names the column a later cell is in (amount, not F)
            header = rows[0]
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def table_from_rows(name: str, source: str, rows: list[list[str]]) -> RawTable:
    """A sheet's rows (header first) as a RawTable; a value in a column without header is a problem."""
    if not rows:
        return RawTable(name, source, pd.DataFrame())
    header = [h for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    width = len(header)
    for number, row in enumerate(rows[1:], 2):
        beyond = next((i for i, cell in enumerate(row[width:], width) if cell.strip()), None)
        if beyond is not None:
            raise PlanError([value_without_header(source, number, beyond, row[beyond])])
    body = [(r + [""] * width)[:width] for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=str) if body else pd.DataFrame(columns=header, dtype=str)
    return RawTable(name, source, _strip_cells(frame))
