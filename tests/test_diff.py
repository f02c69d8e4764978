"""planlib diff: what changed between two plan versions, by id and typed value; git revisions; reports."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from conftest import EXAMPLE, PREVIOUS, ROOT, run_planlib

from planlib.core.plan import open_source
from planlib.report.runner import ReportJob
from planlib.versions.compare import compare
from planlib.versions.summary import lines



@pytest.fixture
def versions(tmp_path) -> tuple[Path, Path]:
    """Two identical copies of the example: old and new."""
    old, new = tmp_path / "old", tmp_path / "new"
    for target in (old, new):
        shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, tmp_path / "example-2025", ignore=shutil.ignore_patterns(".history"))
    return old, new


def rows_of(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def write_rows(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)


def edit(path: Path, row_id: str, column: str, value: str) -> None:
    rows = rows_of(path)
    rows[next(i for i, r in enumerate(rows) if r[0] == row_id)][rows[0].index(column)] = value
    write_rows(path, rows)


def diff_of(old: Path, new: Path):
    return compare(open_source(old), open_source(new))


def planlib(*args, cwd=None):
    return run_planlib(*args, cwd=cwd)


def test_the_same_plan_has_no_change(versions):
    assert diff_of(*versions).changes == []
    assert lines(diff_of(*versions), "fr") == ["aucun changement"]


def test_each_kind_of_change_with_numbers_deltas(versions):
    old, new = versions
    edit(new / "budget.csv", "B001", "amount", "18500")
    edit(new / "actions.csv", "A01", "owner", "Hugo")
    rows = rows_of(new / "actions.csv")
    removed = rows.pop(2)  # A02
    added = list(rows[1])
    added[0], added[rows[0].index("name")] = "A99", "Pop-up store"
    write_rows(new / "actions.csv", rows + [added])
    changes = {(c.file, c.id, c.column, c.kind): c for c in diff_of(old, new).changes}
    amount = changes[("budget.csv", "B001", "amount", "changed")]
    assert (amount.old, amount.new, amount.delta, round(amount.delta_pct, 2)) == (14000, 18500, 4500, 32.14)
    owner = changes[("actions.csv", "A01", "owner", "changed")]
    assert (owner.old, owner.new, owner.delta, owner.delta_pct) == ("Thomas", "Hugo", None, None)
    assert changes[("actions.csv", removed[0], None, "removed")].old["name"] == removed[rows[0].index("name")]
    assert changes[("actions.csv", "A99", None, "added")].new["name"] == "Pop-up store"
    assert len(changes) == 4


def test_reordered_rows_and_format_only_differences_are_no_change(versions):
    old, new = versions
    rows = rows_of(new / "budget.csv")
    header, body = rows[0], rows[1:]
    amount, period = header.index("amount"), header.index("period")
    french = [header] + [[*r[:amount], r[amount].replace(".", ",") if r[amount] else "", *r[amount + 1:]]
                         for r in reversed(body)]
    french[1][amount] = f"{float(body[-1][amount]):,.2f}".replace(",", " ").replace(".", ",")  # 1 250,00
    assert french[1][period] == body[-1][period]
    write_rows(new / "budget.csv", french, delimiter=";")
    actions = rows_of(new / "actions.csv")
    name, priority, start = (actions[0].index(c) for c in ("name", "priority", "start"))
    actions[1][name] = "  " + actions[1][name].replace(" ", "   ") + " "
    actions[1][priority] = {"high": "haute", "medium": "moyenne", "low": "basse"}.get(actions[1][priority], "")
    day = actions[1][start]
    actions[1][start] = f"{day[8:10]}/{day[5:7]}/{day[:4]}" if day else ""
    write_rows(new / "actions.csv", [actions[0], *reversed(actions[1:])])
    assert diff_of(old, new).changes == []


def test_yaml_values_are_found_by_path(versions):
    old, new = versions
    text = (new / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("days_per_week: 4", "days_per_week: 3")
    text = text.replace("absences: [{start: 2026-08-10, end: 2026-08-28}]", "absences: []")
    text = text.replace("sprint_length_days: 10", "sprint_length_days: 10\nnew_setting: yes")
    (new / "plan.yaml").write_text(text, encoding="utf-8")
    audit = (new / "audit.yaml").read_text(encoding="utf-8")
    first_strength = __import__("yaml").safe_load(audit)["swot"]["strengths"][0]
    shown = first_strength if isinstance(first_strength, str) else first_strength.get("text")
    (new / "audit.yaml").write_text(audit.replace(shown, shown + " (checked)", 1), encoding="utf-8")
    found = {(c.file, c.path, c.kind) for c in diff_of(old, new).changes}
    assert ("plan.yaml", "team[2].days_per_week", "changed") in found
    assert ("plan.yaml", "team[2].absences[0]", "removed") in found
    assert ("plan.yaml", "new_setting", "added") in found
    assert any(f == "audit.yaml" and p.startswith("swot.strengths[0]") and k == "changed" for f, p, k in found)
    days = next(c for c in diff_of(old, new).changes if c.path == "team[2].days_per_week")
    assert (days.old, days.new, days.delta, days.delta_pct) == (4, 3, -1, -25.0)


def test_a_renamed_id_is_one_removal_and_one_addition_with_a_hint(versions):
    old, new = versions
    edit(new / "key_results.csv", "KR01", "id", "KR01b")
    changes = diff_of(old, new).changes
    assert [(c.id, c.kind, c.hint) for c in changes] == [("KR01", "removed", "KR01b"), ("KR01b", "added", "KR01")]
    assert "id changed: 1 key result (KR01 → KR01b)" in lines(diff_of(old, new), "en")


def test_the_summary_speaks_in_counts_and_money(versions):
    old, new = versions
    for action in ("A01", "A02", "A03"):
        edit(new / "actions.csv", action, "owner", "Nadia")
    edit(new / "budget.csv", "B001", "amount", "18500")  # media, 2026-Q1, +4,500
    edit(new / "key_results.csv", "KR02", "target", "2.5")
    summary = lines(diff_of(old, new), "en")
    assert "Owner changed: 3 actions" in summary
    assert "budget +€4,500.00 on Media buying and advertising in 2026-Q1" in summary
    assert "Target raised: 1 key result" in summary
    french = lines(diff_of(old, new), "fr")
    assert "Responsable : changement pour 3 actions" in french
    assert "budget +4\u202f500,00\u00a0€ en Achat média et publicité sur 2026-Q1" in french


def test_a_budget_line_moved_within_its_quarter_moves_no_money(versions):
    old, new = versions
    rows = rows_of(new / "budget.csv")
    header = rows[0]
    line = next(r for r in rows[1:] if r[header.index("period")] == "2026-05")
    line[header.index("period")] = "2026-06"
    write_rows(new / "budget.csv", rows)
    summary = lines(diff_of(old, new), "en")
    assert not any(text.startswith("budget ") for text in summary), summary
    assert "Period changed: 1 budget line" in summary


def test_cli_json_and_html(versions, tmp_path):
    old, new = versions
    edit(new / "budget.csv", "B001", "amount", "15000")
    edit(new / "key_results.csv", "KR01", "id", "KR01b")
    page = tmp_path / "diff.html"
    result = planlib("diff", old, new, "--json", "--html", page, "--lang", "en")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    amount = next(c for c in document["changes"] if c["column"] == "amount")
    assert {k: amount[k] for k in ("file", "id", "column", "kind", "old", "new", "delta")} == {
        "file": "budget.csv", "id": "B001", "column": "amount", "kind": "changed", "old": 14000, "new": 15000,
        "delta": 1000}
    assert amount["delta_pct"] == pytest.approx(7.142857)
    assert {"path", "delta_pct"} <= set(amount)
    assert document["summary"][0] == "id changed: 1 key result (KR01 → KR01b)"
    html = page.read_text(encoding="utf-8")
    assert '<tr class="spec"><th>@@</th>' in html and '<tr class="add"><td>+++</td>' in html
    from planlib.ui.stylesheet import stylesheet

    assert f"<style>{stylesheet()}</style>" in html  # written alone, it carries the kit's one stylesheet
    assert '<tr class="remove"><td>---</td>' in html and '<td class="modify">14,000-&gt;15,000</td>' in html
    assert "the same row as KR01b" in html


def test_cli_text_speaks_the_newer_plans_language(versions):
    old, new = versions
    edit(new / "actions.csv", "A01", "owner", "Hugo")
    settings = new / "plan.yaml"  # the newer version is in French
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: en", "language: fr"), encoding="utf-8")
    result = planlib("diff", old, new)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "Responsable : changement pour 1 action"
    assert "plan.yaml language: en -> fr" in result.stdout
    assert "actions.csv A01 owner: Thomas -> Hugo" in result.stdout


def test_an_xlsx_workbook_against_its_folder_is_no_change(versions, tmp_path):
    old, _ = versions
    assert planlib("export", old, "--to", tmp_path / "plan.xlsx").returncode == 0
    result = planlib("diff", old, tmp_path / "plan.xlsx", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["changes"] == []


@pytest.mark.parametrize("make,expected", [
    (lambda tmp: (tmp / "nowhere", tmp / "nowhere2"), "no such plan folder or workbook"),
    (lambda tmp: (tmp, tmp), "not a plan folder or workbook"),
])
def test_two_paths_that_are_not_plans(tmp_path, make, expected):
    result = planlib("diff", *make(tmp_path), "--lang", "en")
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_a_table_without_ids_is_refused_with_its_row(versions):
    old, new = versions
    edit(new / "actions.csv", "A03", "id", "")
    result = planlib("diff", old, new, "--lang", "en")
    assert result.returncode == 1
    assert "actions.csv:4:id: a row without an id" in result.stderr
    rows = rows_of(new / "channels.csv")
    write_rows(new / "channels.csv", [r[1:] for r in rows])
    edit(new / "actions.csv", "", "id", "A03")
    result = planlib("diff", old, new, "--lang", "en")
    assert result.returncode == 1 and "channels.csv:1:id: this table has no id column" in result.stderr


def test_one_argument_without_rev_is_explained():
    result = planlib("diff", EXAMPLE)
    assert result.returncode == 1 and "give two versions to compare" in result.stderr


@pytest.fixture
def repository(tmp_path) -> Path:
    """A git repository holding a plan in plans/acme, with two commits."""
    root = tmp_path / "repo"
    plan = root / "plans" / "acme"
    shutil.copytree(EXAMPLE, plan, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, root / "plans" / "example-2025", ignore=shutil.ignore_patterns(".history"))

    def git(*args):
        subprocess.run(["git", "-C", str(root), "-c", "user.name=Planner", "-c", "user.email=planner@example.com",
                        *args], check=True, capture_output=True)
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "plan as approved")
    edit(plan / "actions.csv", "A01", "owner", "Hugo")
    git("commit", "-q", "-am", "A01 moves to Hugo")
    return root


def test_git_revisions_are_read_without_a_checkout(repository):
    plan = repository / "plans" / "acme"
    edit(plan / "budget.csv", "B001", "amount", "20000")  # uncommitted
    before = (plan / "budget.csv").read_bytes()
    result = planlib("diff", "--rev", "HEAD~1..HEAD", plan, "--json")
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)["changes"]
    assert [(c["id"], c["column"], c["old"], c["new"]) for c in changes] == [("A01", "owner", "Thomas", "Hugo")]
    working = json.loads(planlib("diff", "--rev", "HEAD", plan, "--json").stdout)["changes"]
    assert [(c["id"], c["column"]) for c in working] == [("B001", "amount")]
    inside = planlib("diff", "--rev", "HEAD~1..", "--json", cwd=plan)
    assert {c["id"] for c in json.loads(inside.stdout)["changes"]} == {"A01", "B001"}
    assert (plan / "budget.csv").read_bytes() == before
    status = subprocess.run(["git", "-C", str(repository), "status", "--porcelain"], capture_output=True, text=True)
    assert status.stdout.strip() == "M plans/acme/budget.csv"


def test_a_revision_that_does_not_exist(repository):
    result = planlib("diff", "--rev", "v9..HEAD", repository / "plans" / "acme", "--lang", "en")
    assert result.returncode == 1
    assert "no revision 'v9' in this repository" in result.stderr and "Traceback" not in result.stderr


def test_a_plan_outside_git(versions):
    result = planlib("diff", "--rev", "HEAD~1..HEAD", versions[0], "--lang", "en")
    assert result.returncode == 1
    assert "not inside a git repository" in result.stderr


@pytest.mark.kernel
def test_each_report_shows_what_changed_since_the_last_one(tmp_path):
    plan = tmp_path / "acme"
    shutil.copytree(EXAMPLE, plan, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, tmp_path / "example-2025", ignore=shutil.ignore_patterns(".history"))
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", folder)
    out = tmp_path / "out"
    [first] = ReportJob(plan, ["2026-03"], out=out, lang="en", jobs=1, notebooks=folder).run()
    assert (first.folder / "plan" / "budget.csv").read_bytes() == (plan / "budget.csv").read_bytes()
    assert "first report: the next one will say what changed" in (first.folder / "index.html").read_text()
    assert not (first.folder / "changes.html").exists()
    edit(plan / "key_results.csv", "KR02", "target", "2.5")
    edit(plan / "actions.csv", "A05", "owner", "Nadia")
    [second] = ReportJob(plan, ["2026-04"], out=out, lang="en", jobs=1, notebooks=folder).run()
    front = (second.folder / "index.html").read_text(encoding="utf-8")
    assert "Since the report 2026-03 (" in front
    assert "<li>Target raised: 1 key result</li>" in front
    assert "<li>key_results.csv KR02 target: 2.1 -&gt; 2.5 (+19.0 %)</li>" in front
    assert '<a href="changes.html">' in front
    page = (second.folder / "changes.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="report.css">' in page and "<style>" not in page  # the report's own
    name = next(r for r in rows_of(plan / "actions.csv") if r[0] == "A05")[rows_of(plan / "actions.csv")[0].index("name")]
    assert f'<tr><td>-&gt;</td><td>A05</td><td>{name}</td><td class="modify">Hugo-&gt;Nadia</td></tr>' in page
    executed = nbformat.read(second.folder / "00_start_here.ipynb", as_version=4)
    shown = "".join(str(o.get("data", {}).get("text/html", "")) for c in executed.cells for o in c.get("outputs", []))
    assert "Since the report 2026-03 (" in shown and "Target raised: 1 key result" in shown
