"""An export at the size cap imports within 1 GB; past the lines or cells an import holds, it is refused with the figure.

The memory bound runs in a child process whose address space is limited to 1 GiB: the import either fits
or fails there, never on the machine of a user whose export is large.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_planlib

from planlib.core.exports.sections import MAX_CELLS, MAX_LINES, split_sections
from planlib.core.io.encodings import _utf8_error

GA4_PREAMBLE = ("# ----------------------------------------\n# Sessions by channel\n# Account: Bounds\n"
                "# Property: Bounds\n# ----------------------------------------\n#\n# Start date: 20260101\n"
                "# End date: 20260131\n")
GA4_HEADER = "Date,Session default channel group,Sessions,Total users,Key events,Total revenue,Engagement rate\n"


def _repeat(path: Path, head: str, line: str, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        block = line * 10_000
        for _ in range(rows // 10_000):
            out.write(block)
        out.write(line * (rows % 10_000))


def _limited(*args: str) -> subprocess.CompletedProcess:
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
            "from planlib.cli import main; sys.exit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


def _files(plan: Path) -> dict[str, bytes]:
    return {str(p.relative_to(plan)): p.read_bytes() for p in sorted(plan.rglob("*")) if p.is_file()}


@pytest.fixture
def empty_plan(tmp_path):
    plan = tmp_path / "plan"
    assert run_planlib("new", str(plan)).returncode == 0
    return plan


@pytest.mark.slow
def test_an_export_near_the_size_cap_imports_within_1_gb(tmp_path, empty_plan):
    """About 190 MB of one day repeated (5.2 million rows, two channels): summed per day and channel in 1 GiB."""
    rows = 5_200_000
    export = tmp_path / "ga4.csv"
    with export.open("w", encoding="utf-8") as out:
        out.write(GA4_PREAMBLE + GA4_HEADER)
        pair = "20260115,Organic Search,123,98,4,187.50,0.55\n20260115,Email,7,6,1,10.25,0.40\n"
        block = pair * 5_000
        for _ in range(rows // 10_000):
            out.write(block)
    assert export.stat().st_size > 185 * 2**20
    result = _limited("import-actuals", str(empty_plan), str(export))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    actuals = pd.read_csv(next(empty_plan.rglob("actuals.csv")), comment="#")
    total = actuals[actuals["date"] == "2026-01-15"].groupby("metric")["value"].sum()
    assert total["sessions"] == (123 + 7) * rows // 2
    assert total["revenue"] == pytest.approx((187.50 + 10.25) * rows // 2)


def test_an_export_past_the_lines_an_import_holds_is_refused_with_the_figure(tmp_path, empty_plan):
    before = _files(empty_plan)
    export = tmp_path / "long.csv"
    _repeat(export, "Date,Sessions\n", "20260115,1\n", MAX_LINES + 500_000)
    result = run_planlib("import-actuals", str(empty_plan), str(export), "--source", "ga4")
    assert result.returncode == 1
    assert (f"long.csv: the file holds {(MAX_LINES + 500_001 + 999_999) // 10**6} million lines, over the limit of "
            f"{MAX_LINES // 10**6} million for one import (expected an export split by period") in result.stderr
    assert _files(empty_plan) == before


def test_a_table_past_the_cells_an_import_holds_is_refused_with_the_figure(tmp_path, empty_plan):
    before = _files(empty_plan)
    rows = MAX_CELLS // 8 + 10_000
    export = tmp_path / "wide.csv"
    _repeat(export, "Day,a,b,c,d,e,f,g\n", "2026-01-15,1,2,3,4,5,6,7\n", rows)
    millions, limit = -(-rows * 8 // 10**6), MAX_CELLS // 10**6
    result = run_planlib("import-actuals", str(empty_plan), str(export), "--lang", "fr")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"wide.csv:1 : le tableau compte {millions} millions de cellules, au-delà de la limite de {limit} "
            "millions pour un import (attendu : un export découpé par période ou avec moins de colonnes") \
        in result.stderr, result.stderr
    assert _files(empty_plan) == before


def test_rows_keep_their_file_lines_around_notes_blank_lines_and_crlf():
    text = ("\ufeffCampaign report\r\n\"January 1, 2026 - January 31, 2026\"\r\nDay,Campaign,Cost\r\n"
            "2026-01-01,Spring ,1.50\r\nnote among the rows\r\n2026-01-02,  Spring,2\r\n\r\n\r\n"
            "Day,Clicks\r\n2026-01-03,4\r\n© 2026 Tool\r\n")
    raw = text.encode("utf-8")
    sections = split_sections(raw, "x.csv", 3)
    first, second = sections
    assert first.header == ["Day", "Campaign", "Cost"] and first.header_line == 3
    assert first.notes == ["Campaign report", "January 1, 2026 - January 31, 2026"]
    assert first.lines.tolist() == [4, 6] and first.footer == [5]
    assert first.frame[1].tolist() == ["Spring", "Spring"] and first.frame[2].tolist() == ["1.50", "2"]
    assert second.header_line == 9 and second.lines.tolist() == [10] and second.footer == [11]


def test_old_mac_line_ends_and_a_missing_final_line_feed_are_read():
    sections = split_sections(b"Date,Sessions\r20260101,5\r20260102,6", "mac.csv")
    assert sections[0].frame[1].tolist() == ["5", "6"] and sections[0].lines.tolist() == [2, 3]


@pytest.mark.parametrize("cut", [0, 1, 2])
def test_a_utf8_error_is_located_across_the_chunks_it_is_checked_in(cut):
    """A character split between two chunks is no error; a bad byte is found at its offset, wherever it falls."""
    good = ("é" * 10 + "€").encode("utf-8") * 3
    assert _utf8_error(good, 0, chunk=7) is None
    bad = good[:20 + cut] + b"\xff" + good[20 + cut:]
    with pytest.raises(UnicodeDecodeError) as expected:
        bad.decode("utf-8")
    assert _utf8_error(bad, 0, chunk=7) == expected.value.start
