"""The planlib command: exit codes, printed problems, never a traceback."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, run_planlib, set_cell, tree_bytes
from reading import faults_in_text, plan_words

from planlib import load_plan, summary
from planlib.core.i18n import format_money

PLANLIB = Path(sys.executable).parent / "planlib"


def run(*argv):
    """(exit code, stdout, stderr) of `planlib ARGV` run in this process."""
    ran = run_planlib(*argv)
    return ran.returncode, ran.stdout, ran.stderr


def test_help_lists_commands():
    result = subprocess.run([PLANLIB, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("new", "check", "summary", "export", "import"):
        assert command in result.stdout


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_help_text_is_worded_in_the_language_asked(lang):
    """Each command's --help, headings included, speaks the language asked: no catalog key, no other language."""
    import re

    from planlib.cli import COMMANDS

    top = run("--messages", lang, "--help")
    shown = [top] + [run("--messages", lang, *command.split(), "--help") for command in
                     list(COMMANDS) + ["abtest size", "abtest read", "workshop new", "workshop progress",
                                       "curves import", "curves fit"]]
    for code, out, _ in shown:
        assert code == 0 and not re.search(r"\bhelp\.[a-z_]+\.", out), out
        assert out.startswith("usage: " if lang == "en" else "utilisation : ")
        assert ("show this help message and exit" in out) == (lang == "en")
        assert ("afficher cette aide et quitter" in out) == (lang == "fr")
    assert ("valider un plan et lister chaque problème" in top[1]) == (lang == "fr")
    assert ("validate a plan and list every problem" in top[1]) == (lang == "en")
    code, out, _ = run("--messages", lang, "abtest", "size", "--help")
    assert ("0.20 or 20%" if lang == "en" else "0,20 ou 20 %") in out


def test_check_defaults_to_example_and_says_so(monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = run("check")
    assert code == 0 and err == "plan: data/example (no plan named and none here: the kit's example)\n"
    assert out.startswith("data/example: valid (12 objectives, 12 key results, 11 channels")
    assert "3 personas)" in out


def test_check_finds_example_from_another_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check")
    assert code == 0 and "valid" in out


def test_check_lists_problems_and_exits_1(plan_dir):
    set_cell(plan_dir / "actions.csv", "A04", "start", "soon")
    set_cell(plan_dir / "budget.csv", "B002", "amount", "-3")
    code, out, err = run("check", plan_dir)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "2 problems found:",
        "  actions.csv:5:start: not a date: 'soon' (expected a date such as 2026-03-15 or 15/03/2026)",
        "  budget.csv:3:amount: negative value: '-3' (expected zero or more)",
    ]


def test_console_script_never_shows_a_traceback(plan_dir):
    set_cell(plan_dir / "actions.csv", "A04", "status", "???")
    result = subprocess.run([PLANLIB, "check", plan_dir], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "actions.csv:5:status: '???' is not allowed" in result.stderr
    missing = subprocess.run([PLANLIB, "check", plan_dir / "nope"], capture_output=True, text=True)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "no such plan folder or workbook" in missing.stderr


def test_summary_json_matches_the_library():
    code, out, _ = run("summary", EXAMPLE, "--period", "2026-Q1", "--as-of", "2026-02-15", "--json")
    assert code == 0
    document = json.loads(out)
    front = document.pop("front_page")  # what the report's front page shows, from the same figures
    plan = load_plan(EXAMPLE)
    assert document == summary(plan, "2026-Q1", "2026-02-15")
    assert [row["id"] for row in front["dashboard"]] == plan.key_results["id"].tolist()
    assert front["counts"] == document["kpi_review"]["counts"]
    assert document["period"] == {"id": "2026-Q1", "kind": "quarter", "start": "2026-01-01",
                                  "end": "2026-03-31", "working_days": 63}
    assert document["objectives"] == {"total": 12, "business": 4, "marketing": 8}
    assert sum(document["actions"]["by_status"].values()) == 40


def test_the_front_pages_json_keeps_its_keys_and_writes_days_as_iso(plan_dir):
    """The report pages read typed figures; what scripts read of them stays the contract: the same keys, days as
    ISO text, no decision as null."""
    set_cell(plan_dir / "actions.csv", "A07", "status", "in_progress")
    set_cell(plan_dir / "actions.csv", "A07", "end", "2026-05-29")
    code, out, _ = run("summary", plan_dir, "--period", "2026-Q2", "--as-of", "2026-06-15", "--json")
    front = json.loads(out)["front_page"]
    assert list(front) == ["dashboard", "why", "objectives", "by_category", "most_over_budget", "open_decisions",
                           "counts", "backtest", "off_track", "actions", "baseline", "budget", "decisions"]
    assert front["why"]["KR02"]["decision"]["due"] == "2026-06-12"
    assert [(d["id"], d["due"], d["overdue"]) for d in front["open_decisions"]][0] == ("D02", "2026-06-12", True)
    assert front["decisions"]["overdue"] == [{"id": "D02", "key_result_id": "KR02", "owner": "Thomas",
                                              "due": "2026-06-12"}]
    assert ("late", "A07", "2026-05-29") in [(a["kind"], a["id"], a["planned_end"]) for a in front["actions"]]
    assert set(front["backtest"]) == {"interval", "flow", "level"}
    assert set(front["budget"]) == {"period_committed", "period_spent", "year_committed", "year_spent",
                                    "year_projection", "year_envelope", "method"}
    assert any(row["decision"] is None and row["decision_id"] is None for row in front["dashboard"])


def test_summary_budget_prorates_lines_spanning_longer_periods():
    from planlib.steps.budget.compute import line_amounts

    plan = load_plan(EXAMPLE)
    year = summary(plan, "2026", "2026-12-31")["budget"]["period"]
    quarters = sum(summary(plan, f"2026-Q{q}", "2026-12-31")["budget"]["period"] for q in range(1, 5))
    fixed = float(plan.budget["amount"].sum())
    assert round(quarters, 2) == year == round(float(line_amounts(plan).sum()), 2)
    assert year > fixed  # the variable marketplace commissions come on top of the fixed lines


def test_summary_rejects_bad_period_and_date():
    code, _, err = run("summary", EXAMPLE, "--period", "2026-Q9")
    assert code == 1 and err.strip() == "error: '2026-Q9': quarter 9 does not exist (expected Q1 to Q4)"
    code, _, err = run("summary", EXAMPLE, "--period", "2026-Q1", "--as-of", "15/02/2026")
    assert code == 1 and "as-of date '15/02/2026' is not a date (expected YYYY-MM-DD" in err


def test_new_creates_a_valid_commented_plan(tmp_path):
    target = tmp_path / "acme"
    code, out, _ = run("new", target, "--company", "Acme", "--year", "2027", "--language", "fr")
    assert code == 0 and f"{target} créé : le plan est dans {target / 'plan'}" in out
    plan = load_plan(target)
    assert plan.settings["company"] == "Acme" and plan.settings["year"] == 2027 and plan.language == "fr"
    assert all(frame.empty for frame in plan.tables.values())
    assert (target / "plan" / "actions.csv").read_text(encoding="utf-8").startswith("# actions.csv: The action plan.")
    code, _, err = run("new", target)
    assert code == 1 and f"the folder {target} already exists and is not empty" in err


def test_export_import_round_trip(plan_dir, tmp_path):
    workbook = tmp_path / "out.xlsx"
    assert run("export", plan_dir, "--to", workbook)[0] == 0
    before = tree_bytes(plan_dir)
    code, out, _ = run("import", workbook, "--into", plan_dir)
    assert code == 0 and "imported" in out
    assert tree_bytes(plan_dir) == before


def test_rejected_import_changes_nothing(plan_dir, tmp_path):
    source = tmp_path / "excel"
    assert run("export", plan_dir, "--to", source)[0] == 0  # a French Excel CSV folder
    text = (source / "budget.csv").read_text(encoding="cp1252").replace("B003;", "B001;", 1)
    (source / "budget.csv").write_text(text, encoding="cp1252")
    (source / "actions.csv").write_text((source / "actions.csv").read_text(encoding="cp1252")
                                        .replace(";Thomas;", ";Tom;"), encoding="cp1252")
    before = tree_bytes(plan_dir)
    code, _, err = run("import", source, "--into", plan_dir)
    assert code == 1
    assert "budget.csv:4:id: duplicate id 'B001', already on row 2" in err
    assert tree_bytes(plan_dir) == before
    assert not (plan_dir / ".history").exists()


def test_import_missing_source(tmp_path):
    code, _, err = run("import", tmp_path / "nothing.xlsx", "--into", tmp_path / "p")
    assert code == 1 and "no such plan folder or workbook" in err
    assert not (tmp_path / "p").exists()


# -- one real console-script run per command ------------------------------------------
# Every other test calls main([...]) in this process; these prove the installed `planlib` script reaches each
# command, does its work and exits with its code. `check`, `smart`, `report`, `import` (killed midway) and `lab`
# have theirs beside their other tests (test_console_script_never_shows_a_traceback, test_smart_linter,
# test_report, test_interrupted, test_workspace).

def _workspace(tmp_path, plan_dir):
    assert run("new", tmp_path / "acme")[0] == 0


def _workbook(tmp_path, plan_dir):
    assert run("export", plan_dir, "--to", tmp_path / "plan.xlsx")[0] == 0


EMAILING = ROOT / "tests" / "fixtures" / "exports" / "corpus" / "mailchimp_campaigns_en.csv"

# command: (what it needs made first, argv, a line it must print); {tmp} and {plan} are filled in.
SMOKES = {
    "new": (None, ["new", "{tmp}/fresh", "--language", "fr"], "{tmp}/fresh créé : le plan est dans {tmp}/fresh/plan"),
    "upgrade": (_workspace, ["upgrade", "{tmp}/acme"], "07_kpi_review.ipynb: brought to this version of the kit"),
    "summary": (None, ["summary", "{plan}", "--period", "2026-Q2"], "Period: Q2 2026: 1 April 2026 to 30 June 2026"),
    "export": (None, ["export", "{plan}", "--to", "{tmp}/again.xlsx"], "exported {plan} to {tmp}/again.xlsx"),
    "import": (_workbook, ["import", "{tmp}/plan.xlsx", "--into", "{plan}"], "imported"),
    "import-actuals": (None, ["import-actuals", "{plan}", str(EMAILING), "--channel", "C06"],
                       "detected: Mailchimp, campaign reports (English)"),
    "import-spend": (None, ["import-spend", "{plan}", str(ROOT / "tests" / "fixtures" / "exports" / "corpus" /
                                                      "123456789FEC20261231.txt")],
                     "detected: FEC (fichier des écritures comptables)"),
    "diff": (None, ["diff", str(EXAMPLE), "{plan}", "--lang", "en"], "no change"),
    "abtest": (None, ["abtest", "size", "--baseline", "0.20", "--target", "0.25", "--daily", "500"], "500"),
    "workshop": (None, ["workshop", "new", "room", "--case", "b2c-shop", "--participants", "1", "--out", "{tmp}"],
                 "created {tmp}/room for 1 participant; the trainer's guide is {tmp}/room/README.md"),
}


@pytest.mark.parametrize("command", sorted(SMOKES))
def test_each_command_runs_as_a_console_script(command, tmp_path, plan_dir):
    prepare, argv, shown = SMOKES[command]
    if prepare:
        prepare(tmp_path, plan_dir)
    fill = {"tmp": str(tmp_path), "plan": str(plan_dir)}
    result = subprocess.run([str(PLANLIB), *(a.format(**fill) for a in argv)], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert shown.format(**fill) in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_output_cut_short_by_the_reader_is_no_error(plan_dir):
    """`planlib ... | head -1`, or a reader that reads nothing: the work is done; no 'Broken pipe' error shows."""
    corpus = ROOT / "tests" / "fixtures" / "exports" / "corpus" / "google_ads_campaigns_by_day_en.csv"
    shell = f'"{PLANLIB}" import-actuals "{plan_dir}" "{corpus}" --channel C03 --dry-run | head -1'
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120)
    assert result.stdout == "detected: Google Ads, campaign report (English)\n"
    assert result.stderr == "" and result.returncode == 0
    gone = subprocess.run(["bash", "-o", "pipefail", "-c", shell.replace("| head -1", "| true")],
                          capture_output=True, text=True, timeout=120)  # `true` exits before the first line
    assert (gone.stderr, gone.returncode) == ("", 0)


def test_inside_a_workspace_every_command_takes_its_plan_and_names_it(tmp_path, monkeypatch):
    assert run_planlib("new", tmp_path / "lumen", "--from", ROOT / "data" / "exemple-fr").returncode == 0
    inside = tmp_path / "lumen" / "notebooks"
    for command in (["check"], ["summary", "--json"], ["export", "--to", str(tmp_path / "lumen.xlsx")]):
        result = run_planlib(*command, cwd=inside)
        assert result.returncode == 0, result.stderr
        assert result.stderr.startswith(f"plan : {tmp_path / 'lumen' / 'plan'} (l'espace de travail où vous êtes)")
    checked = run_planlib("check", cwd=inside)
    assert "valide (4 objectifs, 5 résultats clés" in checked.stdout and "2 personas)" in checked.stdout
    assert json.loads(run_planlib("summary", "--json", cwd=inside).stdout)["company"] == "Lumen Atelier"
    english = run_planlib("check", "--lang", "en", cwd=inside)
    assert "(the workspace you are in)" in english.stderr and "valid (4 objectives" in english.stdout


def test_inside_a_plan_folder_the_command_takes_that_plan(tmp_path):
    from planlib.core.plan_finder import find_plan

    shutil.copytree(ROOT / "data" / "example", tmp_path / "acme", ignore=shutil.ignore_patterns(".history"))
    (tmp_path / "acme" / "notes").mkdir()
    found = find_plan(tmp_path / "acme" / "notes")
    assert (found.path, found.reason) == (tmp_path / "acme", "folder")
    assert find_plan(tmp_path).reason == "example" and find_plan(tmp_path).path.name == "example"
    result = run_planlib("check", cwd=tmp_path / "acme" / "notes")
    assert result.stderr == f"plan: {tmp_path / 'acme'} (the plan folder you are in)\n"


def test_plain_summary_is_the_period_at_a_glance_in_the_plans_language():
    """A person reads the front page's facts in the plan's words; figures are those of --json."""
    lumen = ROOT / "data" / "exemple-fr"
    args = ("summary", lumen, "--period", "2026-Q2", "--as-of", "2026-05-15")
    out = run_planlib(*args).stdout
    document = json.loads(run_planlib(*args, "--json").stdout)
    assert out.splitlines()[:3] == ["Plan : Lumen Atelier (exemple-fr)",
                                    "Période : T2 2026 : du 1er avril 2026 au 30 juin 2026", "Situation au : 15 mai 2026"]
    assert f"  Engagé sur la période : {format_money(document['budget']['period'], 'EUR', 'fr')}" in out.splitlines()
    off_track = [kr["id"] for kr in document["kpi_review"]["key_results"] if kr["status"] in ("red", "amber")]
    assert off_track and all(re.search(rf"^  {kr} .* · Décision : ", out, re.M) for kr in off_track)
    assert faults_in_text(out, "fr", plan_words(lumen)) == []
    english = run_planlib(*args, "--lang", "en").stdout
    assert english.splitlines()[1] == "Period: Q2 2026: 1 April 2026 to 30 June 2026"
    assert faults_in_text(english, "en", plan_words(lumen)) == []


@pytest.mark.parametrize("argv, lang, expected", [
    (["new", "x", "--market", "PME"], "en",
     "error: planlib new: --market: 'PME' is not one of the choices (expected one of 'B2B', 'B2C', 'B2B2C')"),
    (["new", "x", "--year", "soon", "--lang", "fr"], "fr",
     "erreur : planlib new : --year : 'soon' n'est pas une valeur valide (attendu : un nombre entier)"),
    (["export"], "en", "error: planlib export: missing: --to"),
    (["--messages", "fr", "new", "x", "--example", "--from", "y"], "fr",
     "erreur : planlib new : --from et --example ne peuvent pas être donnés ensemble"),
])
def test_command_line_mistakes_are_worded_in_the_reader_s_language(argv, lang, expected, tmp_path):
    result = run_planlib(*argv, cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    first, hint = result.stderr.splitlines()
    assert first == expected
    assert hint.endswith("--help lists what it accepts" if lang == "en" else "--help liste ce qu'elle accepte")
    assert "usage:" not in result.stderr and not (tmp_path / "x").exists()


def test_new_from_a_sample_by_its_readme_path_works_from_any_folder(tmp_path):
    result = run_planlib("new", "lumen", "--from", "data/exemple-fr", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load_plan(tmp_path / "lumen").settings["company"] == "Lumen Atelier"
