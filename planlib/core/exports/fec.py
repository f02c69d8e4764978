"""The French accounting export (FEC, "fichier des écritures comptables"), read into expense lines.

The 18 columns fixed by article A47 A-1 of the Livre des procédures fiscales
(JournalCode ... Idevise), tab or pipe separated (`;` and `,` also seen),
dates as YYYYMMDD, amounts with a decimal comma or point; a few tools write
Montant and Sens (D or C) instead of Debit and Credit. Each line's amount is
its debit less its credit, so a credit note lowers the spend it corrects.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import PlanError, Problem
from .cells import EXPECTED, NumberColumnError, parse_date_column, parse_number_column
from .sections import read_sections

COLUMNS = ("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
           "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
           "ValidDate", "Montantdevise", "Idevise")
REQUIRED = ("JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "EcritureLib")


def is_fec(header: list[str]) -> bool:
    names = {h.strip().lower() for h in header}
    return {"journalcode", "ecriturenum", "ecrituredate", "comptenum"} <= names


@dataclass
class FecLines:
    file: str
    lines: pd.DataFrame  # date, account, account_label, journal, entry, label, supplier, amount, row


def read_fec(path: Path) -> FecLines:
    label = Path(path).name
    sections, _ = read_sections(path)  # its problems already name the file
    table = next((s for s in sections if s.header and is_fec(s.header)), None)
    if table is None:
        raise PlanError([Problem(label, 1, None, "not_fec", {}, "fec_columns")])
    position = {h.strip().lower(): i for i, h in enumerate(table.header)}
    missing = [c for c in REQUIRED if c.lower() not in position]
    has_amounts = {"debit", "credit"} <= set(position) or {"montant", "sens"} <= set(position)
    if missing or not has_amounts:
        raise PlanError([Problem(label, table.header_line, None, "fec_missing_columns",
                                 {"columns": ", ".join(missing + ([] if has_amounts else ["Debit", "Credit"]))},
                                 "fec_columns")])
    frame = table.frame
    cell = lambda name: frame[position[name.lower()]] if name.lower() in position else pd.Series([""] * len(frame))
    problems = []
    try:
        days, _ = parse_date_column(cell("EcritureDate"), "ymd")
    except ValueError as error:
        value = getattr(error, "value", "")
        rows = [int(n) for n, v in zip(table.lines, cell("EcritureDate")) if v == value] or [table.header_line]
        raise PlanError([Problem(label, rows[0], "EcritureDate", "not_a_date",
                                 {"value": value, "formats": "YYYYMMDD"}, "import_date")]) from None
    def numbers(name: str):
        try:
            return parse_number_column(cell(name), ",")
        except NumberColumnError as error:
            raise PlanError([Problem(label, int(table.lines[error.position]), name, error.code,
                                     {"value": error.value, **error.params}, EXPECTED[error.code])]) from None

    if "debit" in position:
        debit, debit_empty = numbers("Debit")
        credit, credit_empty = numbers("Credit")
        for name, values, empty in (("Debit", debit, debit_empty), ("Credit", credit, credit_empty)):
            for index in values[values.isna() & ~empty].index[:10]:
                problems.append(Problem(label, int(table.lines[index]), name, "not_a_number",
                                        {"value": cell(name).iloc[index]}, "float"))
        amount = debit.fillna(0.0) - credit.fillna(0.0)
    else:
        value, empty = numbers("Montant")
        sense = cell("Sens").str.upper().str.strip()
        for index in sense[~sense.isin(["D", "C", "+1", "-1"])].index[:10]:
            problems.append(Problem(label, int(table.lines[index]), "Sens", "fec_sense", {"value": cell("Sens").iloc[index]},
                                    "fec_sense"))
        amount = value.fillna(0.0).where(sense.isin(["D", "+1"]), -value.fillna(0.0))
    for index in days[days.isna()].index[:10]:
        problems.append(Problem(label, int(table.lines[index]), "EcritureDate", "not_a_date",
                                {"value": cell("EcritureDate").iloc[index], "formats": "YYYYMMDD"}, "import_date"))
    if problems:
        raise PlanError(problems)
    lines = pd.DataFrame({
        "date": days.dt.date, "account": cell("CompteNum").str.strip(), "account_label": cell("CompteLib"),
        "journal": cell("JournalCode"), "entry": cell("EcritureNum"), "label": cell("EcritureLib"),
        "supplier": cell("CompAuxLib"), "amount": amount.round(2), "row": table.lines})
    return FecLines(label, lines)
