"""Each kind of bad input gives one line naming file, row, column and what was expected."""
from __future__ import annotations

from conftest import drop_column, problems_of, set_cell

from planlib import load_plan


def test_example_plan_is_valid(example):
    assert len(example.actions) == 40
    assert len(example.budget) == 60
    assert len(example.kpis) == 15
    assert len(example.personas) == 3
    assert example.actuals["date"].min().date().isoformat() == "2026-01-01"


def test_missing_required_column(plan_dir):
    drop_column(plan_dir / "actions.csv", "workstream")
    [line] = problems_of(plan_dir)
    assert line.startswith("actions.csv:1:workstream: missing required column (expected a header row with: id, workstream,")


def test_wrong_types(plan_dir):
    set_cell(plan_dir / "actions.csv", "A04", "start", "31/02/2026")
    set_cell(plan_dir / "actions.csv", "A05", "person_days", "three")
    set_cell(plan_dir / "actions.csv", "A06", "impact", "2.5")
    assert problems_of(plan_dir) == [
        "actions.csv:5:start: not a date: '31/02/2026' (expected a date such as 2026-03-15 or 15/03/2026)",
        "actions.csv:6:person_days: not a number: 'three' (expected a number such as 1250.5 or 1 250,50)",
        "actions.csv:7:impact: not a whole number: '2.5' (expected a whole number)",
    ]


def test_values_outside_allowed_sets_and_ranges(plan_dir):
    set_cell(plan_dir / "actions.csv", "A10", "status", "maybe")
    set_cell(plan_dir / "actions.csv", "A11", "impact", "9")
    assert problems_of(plan_dir) == [
        "actions.csv:11:status: 'maybe' is not allowed (expected one of idea, planned, in_progress, done, cancelled)",
        "actions.csv:12:impact: above 5: '9' (expected a value from 1 to 5)",
    ]


def test_french_aliases_are_accepted(plan_dir):
    set_cell(plan_dir / "actions.csv", "A10", "status", "En cours")
    set_cell(plan_dir / "actions.csv", "A11", "priority", "haute")
    plan = load_plan(plan_dir)
    actions = plan.actions.set_index("id")
    assert actions.loc["A10", "status"] == "in_progress"
    assert actions.loc["A11", "priority"] == "high"


def test_duplicate_ids(plan_dir):
    set_cell(plan_dir / "channels.csv", "C03", "id", "C01")
    lines = problems_of(plan_dir)
    assert "channels.csv:4:id: duplicate id 'C01', already on row 2 (expected a unique id per row)" in lines


def test_unknown_references(plan_dir):
    set_cell(plan_dir / "actions.csv", "A03", "key_result_id", "KR99")
    set_cell(plan_dir / "budget.csv", "B010", "action_id", "A99")
    set_cell(plan_dir / "messages.csv", "MS01", "persona_id", "P9")
    assert problems_of(plan_dir) == [
        "messages.csv:2:persona_id: unknown id 'P9' (expected an id from personas.yaml)",
        "actions.csv:4:key_result_id: unknown id 'KR99' (expected an id from key_results.csv)",
        "budget.csv:11:action_id: unknown id 'A99' (expected an id from actions.csv)",
    ]


def test_dependency_cycle_names_its_ids(plan_dir):
    set_cell(plan_dir / "actions.csv", "A01", "depends_on", "A02")
    assert problems_of(plan_dir) == [
        "actions.csv:2:depends_on: dependency cycle: A01 -> A02 -> A01 (expected links that never lead back to the same id)",
    ]


def test_longer_cycle_and_self_dependency(plan_dir):
    set_cell(plan_dir / "actions.csv", "A16", "depends_on", "A18")  # A18 -> A16 -> A18 via A18's own link
    set_cell(plan_dir / "actions.csv", "A40", "depends_on", "A40")
    lines = problems_of(plan_dir)
    assert any("dependency cycle: A16 -> A18 -> A16" in line for line in lines)
    assert "actions.csv:41:depends_on: dependency cycle: A40 -> A40 (expected links that never lead back to the same id)" in lines


def test_objective_parent_cycle(plan_dir):
    set_cell(plan_dir / "objectives.csv", "B1", "parent_id", "M1")
    assert problems_of(plan_dir) == [
        "objectives.csv:2:parent_id: dependency cycle: B1 -> M1 -> B1 (expected links that never lead back to the same id)",
    ]


def test_dates_in_wrong_order(plan_dir):
    set_cell(plan_dir / "actions.csv", "A02", "end", "2026-01-15")
    assert problems_of(plan_dir) == [
        "actions.csv:3:end: end 2026-01-15 is before start 2026-02-02 (expected end on or after start)",
    ]


def test_negative_amount_and_missing_value(plan_dir):
    set_cell(plan_dir / "budget.csv", "B001", "amount", "-500")
    set_cell(plan_dir / "budget.csv", "B002", "label", "")
    assert problems_of(plan_dir) == [
        "budget.csv:2:amount: negative value: '-500' (expected zero or more)",
        "budget.csv:3:label: missing value (expected a value)",
    ]


def test_budget_schedule_and_period(plan_dir):
    set_cell(plan_dir / "budget.csv", "B001", "schedule", "30% 2026-01-15; 60% 2026-02-15")
    set_cell(plan_dir / "budget.csv", "B002", "period", "2026-Q5")
    set_cell(plan_dir / "budget.csv", "B003", "schedule", "50% start; 50% end")
    set_cell(plan_dir / "budget.csv", "B003", "action_id", "")
    lines = problems_of(plan_dir)
    assert "budget.csv:3:period: '2026-Q5': quarter 5 does not exist (expected 2026 (year), 2026-H1 (half), 2026-Q2 (quarter), 2026-05 (month) or 2026-S03 (sprint))" in lines
    assert any(line.startswith("budget.csv:2:schedule: shares sum to 90%, not 100%") for line in lines)
    assert "budget.csv:4:schedule: a milestone instalment needs an action (expected an action_id, or dates instead of start/end)" in lines


def test_variable_cost_needs_rate_and_driver(plan_dir):
    set_cell(plan_dir / "budget.csv", "B001", "cost_type", "variable")
    set_cell(plan_dir / "budget.csv", "B001", "amount", "")
    lines = problems_of(plan_dir)
    assert lines == [
        "budget.csv:2:rate: a variable cost needs a rate (expected a percentage of its driver)",
        "budget.csv:2:driver: a variable cost needs a driver (expected the forecast the rate applies to)",
    ]


def test_bad_kpi_formula(plan_dir):
    set_cell(plan_dir / "kpis.csv", "K02", "formula", "orders / (sessions")
    set_cell(plan_dir / "kpis.csv", "K03", "formula", "__import__('os')")
    lines = problems_of(plan_dir)
    assert lines[0] == "kpis.csv:3:formula: cannot read formula 'orders / (sessions' (expected arithmetic over metric names, e.g. orders / sessions * 100)"
    assert lines[1].startswith("kpis.csv:4:formula: formula '__import__('os')' uses something other than")


def test_plan_yaml_problems_name_their_line(plan_dir):
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("currency: EUR", "currency: euros").replace("language: en", "language: de")
    text = text.replace("year: 2026\n", "")
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    lines = problems_of(plan_dir)
    assert "plan.yaml:year: missing setting (expected the plan's (fiscal) year, e.g. 2026)" in lines
    assert "plan.yaml:5:currency: 'euros' is not a currency code (expected three capital letters such as EUR)" in lines
    assert "plan.yaml:6:language: 'de' is not allowed (expected one of fr, en)" in lines


def test_yaml_syntax_error(plan_dir):
    (plan_dir / "audit.yaml").write_text("swot:\n  strengths: [a, b\n", encoding="utf-8")
    [line] = problems_of(plan_dir)
    assert line.startswith("audit.yaml:3: not valid YAML:")


def test_team_and_high_activity_periods(plan_dir):
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("{name: Black Friday, start: 2026-11-20, end: 2026-11-30,",
                        "{name: Black Friday, start: 2026-11-20, end: 2026-11-02,")
    text = text.replace("prepare: [A36]", "prepare: [A36, A99]")
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    assert problems_of(plan_dir) == [
        "plan.yaml:20:high_activity_periods[3].end: end 2026-11-02 is before start 2026-11-20 (expected end on or after start)",
        "plan.yaml:21:high_activity_periods[4].prepare[1]: unknown action 'A99' (expected an id from actions.csv)",
    ]


def test_persona_with_unknown_channel(plan_dir):
    text = (plan_dir / "personas.yaml").read_text(encoding="utf-8").replace("[C05, C07, C09]", "[C05, C77]")
    (plan_dir / "personas.yaml").write_text(text, encoding="utf-8")
    assert problems_of(plan_dir) == [
        "personas.yaml:57:personas[2].channels[1]: unknown channel 'C77' (expected an id from channels.csv)",
    ]


def test_every_problem_is_listed_at_once(plan_dir):
    set_cell(plan_dir / "actions.csv", "A04", "start", "someday")
    set_cell(plan_dir / "budget.csv", "B001", "amount", "-1")
    set_cell(plan_dir / "key_results.csv", "KR01", "objective_id", "M99")
    set_cell(plan_dir / "channels.csv", "C01", "reach", "0")
    drop_column(plan_dir / "objectives.csv", "title")
    lines = problems_of(plan_dir)
    assert len(lines) == 5
    assert {line.split(":")[0] for line in lines} == {"actions.csv", "budget.csv", "key_results.csv",
                                                      "channels.csv", "objectives.csv"}


def test_missing_or_empty_optional_files_are_empty_tables(plan_dir):
    for name in ("spend.csv", "audit.yaml", "messages.csv", "budget.csv"):
        (plan_dir / name).unlink()
    (plan_dir / "actuals.csv").write_text("", encoding="utf-8")
    plan = load_plan(plan_dir)
    assert plan.spend.empty and plan.actuals.empty and plan.messages.empty and plan.budget.empty
    assert list(plan.spend.columns)[:3] == ["id", "date", "amount"]
    assert plan.audit == {}


def test_missing_plan_yaml_is_reported(plan_dir):
    (plan_dir / "plan.yaml").unlink()
    assert problems_of(plan_dir) == [
        "plan.yaml: missing file (expected a plan.yaml with company, market, year, currency and language)",
    ]


def test_row_numbers_count_comment_lines(tmp_path):
    from planlib import new_plan

    new_plan(tmp_path / "p", year=2026)
    path = tmp_path / "p" / "channels.csv"
    header = "id,name,type,kind,platform,cost_model,skills,chosen,change,reach,cost,fit,notes"
    path.write_text(path.read_text(encoding="utf-8") + "C1,Shop,owned,,,,,,,4,2,5,\nC2,Ads,bought,,,,,,,4,2,5,\n",
                    encoding="utf-8")
    header_line = path.read_text(encoding="utf-8").splitlines().index(header) + 1
    assert problems_of(tmp_path / "p") == [
        f"channels.csv:{header_line + 2}:type: 'bought' is not allowed (expected one of owned, paid, earned)",
    ]


def test_team_share_and_other_deadlines(plan_dir):
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("share: 0.4 ", "share: 1.4 ").replace("{name: ERP migration, date: 2026-06-30}",
                                                            "{name: ERP migration, date: someday}")
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    lines = problems_of(plan_dir)
    assert any(line.startswith("plan.yaml:") and "team[4].share: 1.4 is out of range (expected a value from 0 to 1)" in line
               for line in lines)
    assert any("other_deadlines[0]: each deadline needs a name and a date" in line for line in lines)


def test_problems_read_in_french(plan_dir):
    from planlib import PlanError
    from planlib.core.i18n import has

    set_cell(plan_dir / "actions.csv", "A04", "start", "31/02/2026")
    set_cell(plan_dir / "actions.csv", "A05", "status", "maybe")
    set_cell(plan_dir / "actions.csv", "A06", "key_result_id", "KR99")
    set_cell(plan_dir / "actions.csv", "A01", "depends_on", "A02")
    set_cell(plan_dir / "actions.csv", "A07", "impact", "9")
    set_cell(plan_dir / "channels.csv", "C03", "id", "C01")
    set_cell(plan_dir / "budget.csv", "B001", "amount", "-5")
    set_cell(plan_dir / "budget.csv", "B002", "schedule", "30% start; 60% end")
    set_cell(plan_dir / "budget.csv", "B003", "period", "2026-Q5")
    set_cell(plan_dir / "budget.csv", "B004", "label", "")
    drop_column(plan_dir / "objectives.csv", "title")
    try:
        load_plan(plan_dir)
    except PlanError as error:
        problems = error.problems
        french = error.report("fr").splitlines()
    assert french[0] == f"{len(problems)} problèmes trouvés :"
    assert "  actions.csv:5:start : date invalide : '31/02/2026' (attendu : une date comme 2026-03-15 ou 15/03/2026)" in french
    assert "  actions.csv:2:depends_on : dépendance circulaire : A01 -> A02 -> A01 (attendu : des liens qui ne reviennent jamais au même id)" in french
    for problem in problems:  # every message and expectation of these problems has its French wording
        assert has(f"problem.{problem.code}", "fr"), problem.code
        assert problem.expected is None or has(f"expected.{problem.expected}", "fr"), problem.expected
        assert problem.text("fr") != problem.text("en")


def test_cli_lists_problems_in_french(plan_dir, capsys):
    from planlib.cli import main

    set_cell(plan_dir / "budget.csv", "B002", "amount", "-3")
    assert main(["--messages", "fr", "check", str(plan_dir)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "1 problème trouvé :",
        "  budget.csv:3:amount : valeur négative : '-3' (attendu : zéro ou plus)",
    ]


def test_every_team_members_absences_are_checked(plan_dir):
    text = (plan_dir / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("absences: [{start: 2026-08-03, end: 2026-08-21}]", "absences: [{start: 2026-08-03, end: 2026-07-21}]")
    (plan_dir / "plan.yaml").write_text(text, encoding="utf-8")
    assert problems_of(plan_dir) == [
        "plan.yaml:27:team[0].absences[0].end: end 2026-07-21 is before start 2026-08-03 (expected end on or after start)",
    ]


def test_validation_and_imports_share_one_window_of_years(plan_dir, tmp_path):
    """A date belongs to the plan from the start of the year before to the end of the year after
    (Calendar.near_years), for the check (a warning beyond) and for an import (the row left out beyond) alike."""
    from datetime import date

    from conftest import run_planlib

    from planlib.core.periods import Calendar

    assert Calendar(2026, fiscal_start_month=7).near_years() == (date(2025, 7, 1), date(2028, 6, 30))
    set_cell(plan_dir / "actions.csv", "A02", "deadline", "2027-12-31")  # the last day of the year after
    set_cell(plan_dir / "actions.csv", "A03", "deadline", "2028-01-01")  # one day beyond
    warned = [w.text("en") for w in load_plan(plan_dir).warnings if w.code == "date_far_from_plan"]
    assert len(warned) == 1 and warned[0].startswith("actions.csv:4:deadline: ")
    export = tmp_path / "crm.csv"
    export.write_text("Date,Leads\n2025-01-01,3\n2024-12-31,4\n2027-12-31,5\n2028-01-01,6\n", encoding="utf-8")
    ran = run_planlib("import-actuals", plan_dir, export, "--dry-run", "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "rows skipped (dated more than a year away from the plan's year): 2, lines 3, 5" in ran.stdout
