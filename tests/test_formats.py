"""French Excel CSV, xlsx workbooks and formula neutralisation load to the same values."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXAMPLE, set_cell, tree_bytes

from planlib import export_plan, import_plan, load_plan, summary
from planlib.core import schema as S
from planlib.core.io.encodings import decode
from planlib.core.io.readers import sniff_separator
from planlib.core.io.workbooks import read_xlsx
from planlib.core.io.writers import csv_text, neutralise, text_frame

FIXTURES = Path(__file__).parent / "fixtures"


def test_decode_detects_encodings():
    assert decode("é;€".encode("cp1252")) == ("é;€", "cp1252")
    assert decode(b"\xef\xbb\xbfid;a") == ("id;a", "utf-8-sig")
    assert decode("id,é".encode("utf-8")) == ("id,é", "utf-8")


def test_sniff_separator_ignores_quoted_separators():
    assert sniff_separator('id;label;"a,b,c"') == ";"
    assert sniff_separator("id,label") == ","
    assert sniff_separator("id\tlabel\tx") == "\t"


@pytest.mark.parametrize("fixture", ["spend_excel_fr_cp1252.csv", "spend_excel_fr_utf8bom.csv"])
def test_french_excel_fixture_loads_like_utf8(plan_dir, fixture):
    shutil.copy(FIXTURES / "spend_canonical.csv", plan_dir / "spend.csv")
    original = load_plan(plan_dir).spend
    shutil.copy(FIXTURES / fixture, plan_dir / "spend.csv")
    french = load_plan(plan_dir).spend
    pd.testing.assert_frame_equal(french, original)
    assert french["amount"].tolist() == [2704.45, 12500.0, -150.5, 980.1]
    assert french["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-01-19", "2026-03-05", "2026-03-07", "2026-05-12"]
    assert french["label"].iloc[3] == 'Tournage reel "été"'


def group_thousands(text: str, separator: str) -> str:
    """1250000,5 -> 1<sep>250<sep>000,5, as French Excel shows amounts."""
    sign, whole, rest = re.match(r"(-?)(\d+)(.*)", text).groups()
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + separator.join([whole] + groups) + rest


def french_excel_copy(frame: pd.DataFrame, table: S.Table, separator: str) -> str:
    """A table as French Excel saves it: ';', decimal comma, grouped thousands, € and % signs, dd/mm/yyyy."""
    cells = text_frame(frame, table, french=True, for_spreadsheet=True)
    for column in table.columns:
        values = cells[column.name]
        if column.kind == S.MONEY:
            cells[column.name] = [group_thousands(v, separator) + " €" if v else v for v in values]
        elif column.kind == S.PERCENT:
            cells[column.name] = [v + " %" if v else v for v in values]
        elif column.kind == S.FLOAT:
            cells[column.name] = [group_thousands(v, separator) if v else v for v in values]
    return cells.to_csv(sep=";", index=False, lineterminator="\r\n")


@pytest.mark.parametrize("encoding,separator", [("cp1252", "\u00a0"), ("cp1252", " "), ("utf-8-sig", "\u202f")])
def test_every_table_in_french_excel_gives_same_values_and_summary(plan_dir, example, encoding, separator):
    for name in S.TABLE_ORDER:
        text = french_excel_copy(example.tables[name], S.TABLES[name], separator)
        (plan_dir / S.TABLES[name].file).write_bytes(text.encode(encoding, errors="strict"))
    french = load_plan(plan_dir)
    for name in S.TABLE_ORDER:
        pd.testing.assert_frame_equal(french.tables[name], example.tables[name], obj=name)
    for period in ("2026", "2026-Q2", "2026-05"):
        expected = summary(example, period, "2026-06-15")
        got = summary(french, period, "2026-06-15")
        assert {**got, "plan": ""} == {**expected, "plan": ""}


def test_french_excel_folder_import_writes_canonical_files(plan_dir, example, tmp_path):
    source = tmp_path / "from_excel"
    export_plan(example, source, "csv-fr")
    assert (source / "budget.csv").read_bytes().startswith(b"id;label;action_id")
    assert b"15/03/2026" in (source / "spend.csv").read_bytes() or b"/2026" in (source / "spend.csv").read_bytes()
    import_plan(source, plan_dir)
    assert tree_bytes(plan_dir) == tree_bytes(EXAMPLE)


def test_xlsx_export_then_import_changes_nothing(plan_dir, example, tmp_path):
    workbook = tmp_path / "plan.xlsx"
    export_plan(example, workbook)
    sheets = read_xlsx(workbook)
    assert set(S.TABLE_ORDER) | set(S.YAML_FILES) == set(sheets)
    assert sheets["actions"][0][:3] == ["id", "workstream", "name"]
    before = tree_bytes(plan_dir)
    import_plan(workbook, plan_dir)
    assert tree_bytes(plan_dir) == before
    fresh = tmp_path / "fresh"
    import_plan(workbook, fresh)
    assert tree_bytes(fresh) == before


def test_xlsx_loads_directly_as_a_plan(example, tmp_path):
    workbook = tmp_path / "plan.xlsx"
    export_plan(example, workbook)
    loaded = load_plan(workbook)
    for name in S.TABLE_ORDER:
        pd.testing.assert_frame_equal(loaded.tables[name], example.tables[name], obj=name)
    assert loaded.settings == example.settings


DANGEROUS = ["=HYPERLINK(\"http://x\",\"clic\")", "+33 6 12 34 56 78", "-20% on everything", "@SUM(A1:A2)",
             "\tindented", "=1+1"]


def test_neutralise_prefixes_formula_starts_only():
    assert [neutralise(t) for t in DANGEROUS] == ["'" + t for t in DANGEROUS]
    assert neutralise("Plain text") == "Plain text"
    assert neutralise("'quoted already") == "'quoted already"
    assert neutralise("") == ""


def test_formulas_are_neutralised_in_exports_and_restored_on_import(plan_dir, tmp_path):
    kept = [t for t in DANGEROUS if not t[0].isspace()]  # plan cells are stripped of edge spaces
    ids = ["A01", "A02", "A03", "A04", "A05"]
    for action_id, text in zip(ids, kept):
        set_cell(plan_dir / "actions.csv", action_id, "description", text)
    plan = load_plan(plan_dir)
    workbook = tmp_path / "plan.xlsx"
    export_plan(plan, workbook)
    rows = read_xlsx(workbook)["actions"]
    column = rows[0].index("description")
    assert [rows[i][column] for i in range(1, 6)] == ["'" + t for t in kept]
    csv_dir = export_plan(plan, tmp_path / "csv", "csv-fr")
    assert "'=HYPERLINK" in (csv_dir / "actions.csv").read_text(encoding="cp1252")
    for source in (workbook, csv_dir):
        target = tmp_path / f"back-{source.name}"
        back = import_plan(source, target)
        assert back.actions.set_index("id").loc[ids, "description"].tolist() == kept


def test_plan_files_themselves_are_not_neutralised(plan_dir):
    set_cell(plan_dir / "actions.csv", "A01", "description", "=1+1")
    plan = load_plan(plan_dir)
    text = csv_text(plan.actions, S.TABLES["actions"])
    assert ",=1+1," in text
