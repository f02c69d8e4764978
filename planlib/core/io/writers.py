"""Write typed tables back to text: the plan's own CSV, French Excel CSV, xlsx.

Plan files are written in one canonical form (UTF-8, comma, ISO dates, dot
decimals) so diffs stay readable. Exports meant for a spreadsheet neutralise
text a spreadsheet would run as a formula by prefixing a quote, which
`planlib.core.parse.restore_text` removes again on import.
"""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd

from .. import schema as S
from ..parse import FORMULA_PREFIXES
from .atomic import atomic_write_bytes, atomic_write_with

TEXT_KINDS = {S.TEXT, S.ID, S.REF, S.REFLIST, S.ENUM, S.PERIOD, S.SCHEDULE, S.FORMULA}


def neutralise(text: str) -> str:
    """Quote text that a spreadsheet would otherwise execute as a formula."""
    if text and text[0] in FORMULA_PREFIXES:
        return "'" + text
    return text


def number_text(value, decimal_comma: bool = False) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    return text.replace(".", ",") if decimal_comma else text


def _column_kind(table: S.Table | None, name: str) -> str:
    if table is None or name not in table.column_names:
        return S.TEXT
    return table.column(name).kind


def text_frame(frame: pd.DataFrame, table: S.Table | None, french: bool = False,
               for_spreadsheet: bool = False) -> pd.DataFrame:
    """Every cell as the text a CSV holds, in canonical or French form."""
    out = {}
    for name in frame.columns:
        kind = _column_kind(table, name)
        values = frame[name]
        if kind in S.NUMERIC_KINDS:
            out[name] = [number_text(v, french) for v in values]
        elif kind == S.DATE:
            form = "%d/%m/%Y" if french else "%Y-%m-%d"
            out[name] = [v.strftime(form) if not pd.isna(v) else "" for v in values]
        elif kind == S.BOOL:
            out[name] = ["" if pd.isna(v) else ("true" if v else "false") for v in values]
        else:
            texts = ["" if pd.isna(v) else str(v) for v in values]
            out[name] = [neutralise(t) for t in texts] if for_spreadsheet else texts
    result = pd.DataFrame(out, columns=list(frame.columns))
    if for_spreadsheet:  # a header is a cell too: an unknown column named "=..." must not run either
        result.columns = [neutralise(str(c)) for c in result.columns]
    return result


def csv_text(frame: pd.DataFrame, table: S.Table | None, french: bool = False,
             for_spreadsheet: bool = False, preamble: str = "") -> str:
    buffer = io.StringIO()
    buffer.write(preamble)
    text_frame(frame, table, french, for_spreadsheet).to_csv(
        buffer, sep=";" if french else ",", index=False, lineterminator="\r\n" if french else "\n",
        quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame, table: S.Table | None, french: bool = False,
              for_spreadsheet: bool = False, preamble: str = "") -> bytes:
    """A table's file content; French form is cp1252 when it fits, else UTF-8 with BOM."""
    text = csv_text(frame, table, french, for_spreadsheet, preamble)
    if french:
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            return text.encode("utf-8-sig")
    return text.encode("utf-8")


def write_csv(path: Path, frame: pd.DataFrame, table: S.Table | None, french: bool = False,
              for_spreadsheet: bool = False, preamble: str = "", keep_history: bool = True) -> None:
    """Write one table atomically."""
    atomic_write_bytes(Path(path), csv_bytes(frame, table, french, for_spreadsheet, preamble), keep_history)


def write_xlsx(path: Path, tables: dict[str, pd.DataFrame], yaml_texts: dict[str, str],
               keep_history: bool = True) -> None:
    """One sheet per table, typed cells, plus one sheet per YAML file (a line per row)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in tables.items():
        table = S.registered().get(name)
        sheet = workbook.create_sheet(name)
        sheet.append([neutralise(str(c)) for c in frame.columns])
        kinds = [_column_kind(table, c) for c in frame.columns]
        for row in frame.itertuples(index=False):
            sheet.append([_xlsx_cell(value, kind) for value, kind in zip(row, kinds)])
        for column_cells, kind in zip(sheet.iter_cols(min_row=2), kinds):
            if kind == S.DATE:
                for cell in column_cells:
                    cell.number_format = "yyyy-mm-dd"
            elif kind in TEXT_KINDS:
                for cell in column_cells:
                    cell.number_format = "@"
    for name, text in yaml_texts.items():
        sheet = workbook.create_sheet(name)
        for number, line in enumerate(text.splitlines(), 1):
            cell = sheet.cell(row=number, column=1, value=neutralise(line) or None)
            cell.number_format = "@"
    atomic_write_with(Path(path), workbook.save, keep_history=keep_history)


def _xlsx_cell(value, kind: str):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == S.DATE:
        return pd.Timestamp(value).to_pydatetime()
    if kind in S.NUMERIC_KINDS:
        return int(value) if kind == S.INT else float(value)
    if kind == S.BOOL:
        return bool(value)
    text = str(value)
    return neutralise(text) if text else None
