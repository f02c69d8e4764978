"""Bad input that used to be read wrongly or crash: each case with the message it now gets, exit 1, no traceback.

One case per line: the file written into a copy of the example (or the workbook checked), what it holds,
and the located message expected.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_planlib

from planlib import load_plan
from planlib.core.io.writers import csv_text, write_xlsx


CHANNELS = "id,name,type\n"
CASES = [  # (case, file, content, expected message)
    ("unbalanced quote", "channels.csv", CHANNELS + 'C01,"Web shop,owned\nC02,Blog,owned\n',
     "channels.csv:2: a quote opened in this row is never closed"),
    ("unbalanced quote on a later row", "channels.csv", CHANNELS + 'C01,Web,owned\nC02,"Blog,owned\n',
     "channels.csv:3: a quote opened in this row is never closed"),
    ("row with cells beyond the header", "channels.csv", CHANNELS + "C01,Web,owned\nC02,Blog,owned,extra,more\n",
     "channels.csv:3: 5 cells in this row for 3 columns in the header"),
    ("first row with cells beyond the header", "channels.csv", CHANNELS + "C01,Web,owned,x\nC02,Blog,owned\n",
     "channels.csv:2: 4 cells in this row for 3 columns in the header"),
    ("French CSV with cells beyond the header", "channels.csv", "id;name;type\nC01;Web;owned;oops\n",
     "channels.csv:2: 4 cells in this row for 3 columns in the header"),
    ("truncated last row", "channels.csv", CHANNELS + "C01,Web,owned\nC02,Bl",
     "channels.csv:3: the last row stops after 2 of 3 cells and the file has no final line break"),
    ("comment lines before the header keep row numbers", "channels.csv",
     "# channels\n# second line\n" + CHANNELS + 'C01,"Web,owned\n',
     "channels.csv:4: a quote opened in this row is never closed"),
]


def check(plan: Path):
    return run_planlib("check", plan)


@pytest.mark.parametrize("case,file,content,expected", CASES, ids=[c[0] for c in CASES])
def test_csv_shape_problems_are_located(plan_dir, case, file, content, expected):
    (plan_dir / file).write_text(content, encoding="utf-8")
    result = check(plan_dir)
    assert result.returncode == 1, result.stdout
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_trailing_separators_are_empty_cells_not_an_error(plan_dir):
    """Spreadsheets leave a separator per empty column at the end of rows: the cells are read, not refused."""
    text = (EXAMPLE / "channels.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    (plan_dir / "channels.csv").write_text("\n".join([lines[0]] + [line + ",," for line in lines[1:]]) + "\n",
                                           encoding="utf-8")
    plan = load_plan(plan_dir)
    assert plan.channels["id"].tolist() == load_plan(EXAMPLE).channels["id"].tolist()


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 broken", b""])
def test_a_workbook_that_is_not_one(tmp_path, content):
    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(content)
    result = check(workbook)
    assert result.returncode == 1
    assert "plan.xlsx: not a readable .xlsx workbook" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_headers_are_neutralised_in_every_export_and_restored_on_import(tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    frame = pd.DataFrame({"id": ["C01"], "=HYPERLINK(\"http://x\")": ["a"], "+1": ["b"]})
    text = csv_text(frame, None, french=True, for_spreadsheet=True)
    assert text.splitlines()[0] == 'id;"\'=HYPERLINK(""http://x"")";\'+1'
    write_xlsx(tmp_path / "out.xlsx", {"channels": frame}, {}, keep_history=False)
    header = [c.value for c in next(load_workbook(tmp_path / "out.xlsx").active.iter_rows())]
    assert header == ["id", "'=HYPERLINK(\"http://x\")", "'+1"]
    from planlib.core.io.readers import read_csv_text

    read_back = read_csv_text(text, "channels.csv", "channels")
    assert list(read_back.frame.columns) == ["id", "=hyperlink(\"http://x\")", "+1"]


def test_a_dollar_in_plan_text_is_drawn_as_written(plan_dir):
    """matplotlib would read '$...$' as mathematics: one '$' broke the chart, two altered it."""
    import pandas as pd

    from planlib.steps.objectives.charts import objective_tree

    plan = load_plan(plan_dir)
    objectives = plan.objectives.copy()
    objectives.loc[0, "title"] = "Sell $5 vouchers"
    objectives.loc[1, "title"] = "Margin $x^2$ up, cost $ down"
    plan = plan.save_table("objectives", objectives)
    figure = objective_tree(plan, "Tree with $ in it")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")  # used to raise: a lone '$' is bad mathtext
    texts = {t.get_text() for t in figure.axes[0].texts} | {figure.axes[0].get_title(loc="left")}
    assert any("Sell $5 vouchers" in t for t in texts) and any("$x^2$" in t for t in texts)
    assert all(not t.get_parse_math() for t in figure.axes[0].texts)
    assert isinstance(plan.objectives, pd.DataFrame)


def test_french_headers_are_read_as_their_columns(plan_dir):
    text = (plan_dir / "actions.csv").read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace("owner", "Responsable").replace("deadline", "échéance")
    (plan_dir / "actions.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    plan, example = load_plan(plan_dir), load_plan(EXAMPLE)
    assert plan.actions["owner"].tolist() == example.actions["owner"].tolist()
    assert plan.actions["deadline"].equals(example.actions["deadline"])


def test_a_misspelled_header_is_reported_once_and_read(plan_dir):
    text = (plan_dir / "budget.csv").read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace("amount", "amout")
    (plan_dir / "budget.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    result = check(plan_dir)
    assert result.returncode == 1
    lines = [l for l in result.stderr.splitlines() if l.startswith("  ")]
    assert lines == ["  budget.csv:1:amout: the header 'amout' is not a column of this table: read as 'amount'; "
                     "correct the header (expected the column names of the template (planlib new shows them))"]


MORE = [  # (case, file, edit, expected message)
    ("percent sign in an amount", "budget.csv", ("14000", "15%"),
     "budget.csv:2:amount: a percentage where an amount is expected: '15%'"),
    ("header naming a column twice", "channels.csv", ("id,name,", "id,name,name,"),
     "channels.csv:1:name: the column 'name' is named twice in the header"),
    ("a date in year 9999", "actions.csv", ("2026-01-31", "9999-12-31"),
     "actions.csv:2:deadline: the date '9999-12-31' is outside the years 1900 to 2199"),
    ("a date in year 1", "actions.csv", ("2026-01-05", "0001-01-05"),
     "actions.csv:2:start: the date '0001-01-05' is outside the years 1900 to 2199"),
    ("a French date in year 1", "actions.csv", ("2026-01-05", "05/01/0001"),
     "actions.csv:2:start: the date '05/01/0001' is outside the years 1900 to 2199"),
    ("an infinite amount", "budget.csv", ("14000", "inf"), "budget.csv:2:amount: not a number: 'inf'"),
    ("an amount beyond floats", "budget.csv", ("14000", "1e999"), "budget.csv:2:amount: not a number: '1e999'"),
    ("a huge amount", "budget.csv", ("14000", "1e15"),
     "budget.csv:2:amount: the amount '1e15' is over 1,000,000,000,000: a typo?"),
    ("YAML key given twice", "plan.yaml", ("currency: EUR", "currency: EUR\ncurrency: USD"),
     "plan.yaml:7: the key 'currency' is given twice in the same block"),
]


@pytest.mark.parametrize("case,file,edit,expected", MORE, ids=[m[0] for m in MORE])
def test_accepted_silently_before_now_located(plan_dir, case, file, edit, expected):
    path = plan_dir / file
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = check(plan_dir)
    assert result.returncode == 1 and expected in result.stderr, result.stderr[-2000:]


def test_a_rate_above_100_percent_is_refused(plan_dir):
    import csv

    with open(plan_dir / "budget.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    column = rows[0].index("rate")
    number = next(n for n, row in enumerate(rows) if n and row[column])
    rows[number][column] = "140"
    with open(plan_dir / "budget.csv", "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    result = check(plan_dir)
    assert result.returncode == 1
    assert f"budget.csv:{number + 1}:rate: " in result.stderr and "140" in result.stderr


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9))


@pytest.mark.parametrize("case,content,expected", [
    ("alias bomb", BOMB, "audit.yaml: its aliases (*name) expand to more than 100,000 values: refused"),
    ("many aliases", "a: &a 1\nb: [" + ", ".join(["*a"] * 150) + "]\n", "audit.yaml:2: more than 100 aliases"),
    ("deep nesting", "swot: " + "[" * 5000 + "]" * 5000 + "\n", "audit.yaml:1: nested more than 50 levels deep"),
    ("deep block nesting", "swot:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 2000)),
     "audit.yaml:<line>: nested more than 50 levels deep"),
])
def test_yaml_bombs_are_refused_within_bounds(plan_dir, case, content, expected):
    """In a child process limited to 1 GB and 60 s: the check answers with a message, it does not blow up.

    Whichever layer refuses first (the kit's own count of levels, or the YAML library's cap, which
    PyYAML 6.0.4 added), the message names the file and line and says what was expected."""
    (plan_dir / "audit.yaml").write_text(content, encoding="utf-8")
    limited = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
               "from planlib.cli import main; sys.exit(main(['check', sys.argv[1]]))")
    result = subprocess.run([sys.executable, "-c", limited, str(plan_dir)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1, result.stderr[-1000:]
    assert re.search(re.escape(expected).replace("<line>", r"\d+"), result.stderr), result.stderr[-1000:]
    assert "(expected a plain YAML file" in result.stderr and "Traceback" not in result.stderr


def test_a_file_with_thousands_of_bad_rows_lists_the_first_ones_and_the_total(plan_dir):
    rows = (plan_dir / "spend.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    lines = [rows[0]] + [",".join(("S%05d" % n) if c == "id" else ("soon" if c == "date" else "1")
                                  for c in header) for n in range(5000)]
    (plan_dir / "spend.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(plan_dir)
    listed = [l for l in result.stderr.splitlines() if l.startswith("  ")]
    assert result.returncode == 1
    assert len(listed) == 301 and listed[-1].startswith("  ... and ") and "more problems" in listed[-1]
    total = int(result.stderr.split(" problems found")[0].split()[-1])
    assert total >= 5000 and f"and {total - 300} more problems" in listed[-1]


def test_a_two_digit_year_is_in_this_century(plan_dir):
    """15/03/99 is 2099 (then refused as outside the plan's year where a rule checks it), never 1999."""
    from planlib.core.parse import parse_date_text, parse_dates
    import pandas as pd

    assert parse_date_text("15/03/99").year == 2099 and parse_date_text("15/03/26").year == 2026
    assert [d.year for d in parse_dates(pd.Series(["15/03/99", "01/12/70", "15/03/26"]))] == [2099, 2070, 2026]


@pytest.mark.parametrize("hostile", [
    "[click me](javascript:alert(1))", "![pixel](http://tracker.example/p.png)", "<img src=x onerror=alert(1)>",
    "# Not a heading", "Sell $5 and $x^2$", "*not bold* and `not code`", "a <b>bold</b> & co",
])
def test_plan_text_in_markdown_stays_text(hostile):
    """What the notebooks show as Markdown (bullets, paragraphs, the session header) renders as typed."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    from planlib.ui.display import escape

    rendered = markdown2html_mistune(escape(hostile))
    assert "<a " not in rendered and "<img" not in rendered and "<h1" not in rendered and "<em>" not in rendered
    assert "<b>" not in rendered and "<code>" not in rendered and "<script" not in rendered
    import html as html_module
    import re as re_module

    text = html_module.unescape(re_module.sub(r"<[^>]+>", "", rendered)).strip()
    assert text == hostile


def _workbook_bomb(tmp_path, edit_sheet) -> Path:
    """The example exported to xlsx, each sheet's XML rewritten by edit_sheet (a small file, a huge reading)."""
    import re
    import zipfile

    from planlib.core.plan import export_plan

    book = tmp_path / "plan.xlsx"
    export_plan(load_plan(EXAMPLE), book)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", item.filename):
                data = edit_sheet(data)
            target.writestr(item, data)
    return bomb


def _limited_check(target: Path) -> subprocess.CompletedProcess:
    limited = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
               "from planlib.cli import main; sys.exit(main(['check', sys.argv[1]]))")
    return subprocess.run([sys.executable, "-c", limited, str(target)], capture_output=True, text=True, timeout=120)


def test_a_workbook_declaring_the_whole_grid_is_read_by_its_real_cells(tmp_path):
    """A dimension of A1:XFD1048576 (17 billion cells) on every sheet: read as stored, within 1 GB."""
    import re

    bomb = _workbook_bomb(tmp_path, lambda xml: re.sub(rb'<dimension ref="[^"]*"\s*/>',
                                                       b'<dimension ref="A1:XFD1048576"/>', xml))
    result = _limited_check(bomb)
    assert result.returncode == 0, result.stderr[-1000:]
    assert "valid" in result.stdout


@pytest.mark.slow
def test_a_workbook_with_a_value_far_right_on_every_row_is_refused_within_bounds(tmp_path):
    """Thousands of rows with a cell in column XFD: every row 16,384 cells long; refused at the cap, within 1 GB."""
    rows = b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (n, n) for n in range(100_000, 105_000))
    bomb = _workbook_bomb(tmp_path, lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>", 1))
    result = _limited_check(bomb)
    assert result.returncode == 1, result.stderr[-1000:]
    assert "the sheet spans more than 5,000,000 cells by this row: refused" in result.stderr


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(plan_dir):
    with open(plan_dir / "actuals.csv", "r+b") as stream:  # sparse: 300 MB on paper, nothing on disk
        stream.truncate(300 * 2**20)
    result = check(plan_dir)
    assert result.returncode == 1
    assert "actuals.csv: the file weighs 300 MB, over the limit of 200 MB for one plan file" in result.stderr


def test_a_hostile_company_name_stays_inside_the_report_stylesheet_string():
    """The PDF's running header is a CSS string: a quote, brace, line break or </style> cannot end it."""
    from planlib.ui.stylesheet import stylesheet

    css = stylesheet('Acme"; } body{display:none} </style><script>x</script>\n', "2026-Q1")
    header = next(line for line in css.splitlines() if "Acme" in line)
    content = header.split('content:"', 1)[1].split('";', 1)[0]
    assert not set(content) & set('"<>{}\n;\\') - {"\\"}
    assert "\\000022" in content and "\\00003c" in content and content.endswith(" · 2026-Q1")


@pytest.mark.unit
def test_plan_text_in_a_table_header_is_escaped_where_tables_become_html(plan_dir):
    """Competitor axes are column headers of the audit's table: escaped like the cells, in both languages."""
    from planlib.steps.audit.show import competitors_table
    from planlib.ui.display import table

    audit = (plan_dir / "audit.yaml").read_text(encoding="utf-8")
    hostile = "Price <script>alert(1)</script>"
    (plan_dir / "audit.yaml").write_text(re.sub(r"(?m)^(\s+x:\s*).*$", lambda m: f'{m.group(1)}"{hostile}"', audit,
                                                count=1), encoding="utf-8")
    plan = load_plan(plan_dir)
    frame = competitors_table(plan.audit, "fr")
    assert any(hostile in str(column) for column in frame.columns)
    for lang in ("fr", "en", None):
        page = table(frame, lang).to_html()
        assert "<script>" not in page and "Price &lt;script&gt;alert(1)&lt;/script&gt;" in page
