"""Workshops: each exercise wrong, partial and right; both cases; workshop new and progress end to end; the panel."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from planlib.cli import main
from planlib.workshop.cases import CASES_DIR
from planlib.workshop.engine import check_plan, exercises
from planlib.workshop.exercise import STATUSES

CASES = ("b2c-shop", "b2b-services")


@pytest.fixture(autouse=True)
def own_listeners(monkeypatch):
    """Panels built here listen to saves; they stop listening when the test ends."""
    from planlib.ui import live

    monkeypatch.setattr(live, "_LISTENERS", {})


@pytest.fixture
def solution(tmp_path):
    """A copy of the b2c-shop solution in English, to spoil one part at a time."""
    folder = tmp_path / "plan"
    shutil.copytree(CASES_DIR / "b2c-shop" / "solution" / "en", folder)
    return folder


def verdict(folder, exercise_id, lang="en"):
    return check_plan(folder, lang, only=(exercise_id,))[exercise_id]


def edit_csv(folder, name, change):
    path = folder / f"{name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = change(frame)
    frame.to_csv(path, index=False)


def edit_yaml(folder, name, change):
    path = folder / name
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def set_cell(frame, row_id, column, value):
    frame.loc[frame["id"] == row_id, column] = value
    return frame


# -- the two cases ------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ("en", "fr"))
def test_a_case_solution_is_correct_on_every_exercise_and_its_blank_not_attempted(case, lang):
    solved = check_plan(CASES_DIR / case / "solution" / lang, lang)
    blank = check_plan(CASES_DIR / case / "blank" / lang, lang)
    assert [e.id for e in exercises()] == list(solved) == list(blank)
    assert {k: v.status for k, v in solved.items() if v.status != "correct"} == {}
    assert {k: v.status for k, v in blank.items() if v.status != "not_attempted"} == {}
    assert len(exercises()) == 9 and {e.step for e in exercises()} == {
        "audit", "objectives", "personas", "channels", "actions", "budget", "review"}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ("en", "fr"))
def test_a_case_solution_is_a_valid_plan_without_warnings(case, lang):
    from planlib.steps import load_plan

    plan = load_plan(CASES_DIR / case / "solution" / lang)
    assert plan.language == lang and plan.warnings == []
    assert plan.settings["market"] == ("B2C" if case == "b2c-shop" else "B2B")


# -- each exercise: wrong, partial, right ----------------------------------------------------------

def test_swot_quadrants(solution):
    assert verdict(solution, "swot_quadrants").status == "correct"

    def drop_threat(doc):
        doc["swot"]["threats"].pop()
        doc["tows"] = [s for s in doc["tows"] if "T2" not in s["pair"]]
    edit_yaml(solution, "audit.yaml", drop_threat)
    partial = verdict(solution, "swot_quadrants")
    assert partial.status == "partial" and "7 of 8" in partial.message and "drought" in partial.message

    def strength_as_opportunity(doc):
        doc["swot"]["opportunities"].append({**doc["swot"]["strengths"].pop(0), "id": "O9"})
        doc["tows"] = [s for s in doc["tows"] if "S1" not in s["pair"]]
    edit_yaml(solution, "audit.yaml", strength_as_opportunity)
    wrong = verdict(solution, "swot_quadrants")
    assert wrong.status == "incorrect"
    assert "'Teas bought directly from small estates' is under Opportunities" in wrong.message
    assert "internal items are strengths or weaknesses" in wrong.message

    def weakness_as_strength(doc):
        doc["swot"]["opportunities"].pop()
        doc["swot"]["strengths"].append({**doc["swot"]["weaknesses"].pop(0), "id": "S8"})
        doc["swot"]["strengths"].append({"id": "S9", "text": "Teas bought directly from small estates"})
        doc["tows"] = [s for s in doc["tows"] if "W1" not in s["pair"]]
    edit_yaml(solution, "audit.yaml", weakness_as_strength)
    wrong = verdict(solution, "swot_quadrants", "fr")
    assert wrong.status == "incorrect" and "joue dans l'autre sens" in wrong.message


def test_tows_pairs(solution):
    assert verdict(solution, "tows_pairs").status == "correct"

    def only_so(doc):
        doc["tows"] = doc["tows"][:1]
    edit_yaml(solution, "audit.yaml", only_so)
    partial = verdict(solution, "tows_pairs")
    assert (partial.status, partial.message) == ("partial", "kinds covered: SO; still missing: ST, WO, WT")

    def same_side(doc):
        doc["tows"].append({"pair": ["S1", "W1"], "strategy": "Sell our estates' teas despite shipping costs"})
    edit_yaml(solution, "audit.yaml", same_side)
    wrong = verdict(solution, "tows_pairs")  # the validator words it, located in audit.yaml
    assert wrong.status == "incorrect"
    assert wrong.message.startswith("fix this first: audit.yaml:") and "S1 (strengths) and W1 (weaknesses) do not make a TOWS pair" in wrong.message


def test_smart_objective(solution):
    assert verdict(solution, "smart_objective").status == "correct"
    edit_csv(solution, "objectives", lambda f: set_cell(f, "M1", "title", "Be better known online"))
    assert verdict(solution, "smart_objective").status == "not_attempted"
    edit_csv(solution, "objectives", lambda f: set_cell(f, "M1", "title", "Be much more visible on social networks"))
    wrong = verdict(solution, "smart_objective")
    assert wrong.status == "incorrect" and "is not measurable yet" in wrong.message
    edit_csv(solution, "objectives", lambda f: set_cell(f, "M1", "title", "Grow newsletter subscribers from 4,000 to 7,000"))
    partial = verdict(solution, "smart_objective")
    assert partial.status == "partial" and "Time-bound" in partial.message and "Measurable" not in partial.message


def test_persona_criteria(solution):
    assert verdict(solution, "persona_criteria").status == "correct"

    def no_income_no_pains(doc):
        for persona in doc["personas"]:
            del persona["criteria"]["income"]
            persona["pains"] = []
    edit_yaml(solution, "personas.yaml", no_income_no_pains)
    partial = verdict(solution, "persona_criteria")
    assert partial.status == "partial" and "income" in partial.message.lower() and "pains" in partial.message.lower()

    def b2b_persona(doc):
        doc["personas"] = [{"id": "P1", "name": "A buyer", "type": "B2B", "criteria": {"sector": "retail"}}]
    edit_yaml(solution, "personas.yaml", b2b_persona)
    edit_csv(solution, "key_results", lambda f: f.assign(persona_ids=""))
    edit_csv(solution, "messages", lambda f: f[f["persona_id"] == "P1"])
    wrong = verdict(solution, "persona_criteria")
    assert wrong.status == "incorrect" and "P1 is a B2B persona, but this case sells B2C" in wrong.message


def test_channel_ranking(solution):
    assert verdict(solution, "channel_ranking").status == "correct"
    edit_csv(solution, "channels", lambda f: set_cell(f, "C3", "notes", ""))
    partial = verdict(solution, "channel_ranking")
    assert (partial.status, partial.message) == ("partial", "say why C3 suits P1: a short sentence in its notes (channels.csv)")

    def fits(values):
        def change(doc):
            doc["personas"][0]["fit"] = values
        return change
    edit_yaml(solution, "personas.yaml", fits({"C1": 5, "C3": 4}))
    partial = verdict(solution, "channel_ranking")
    assert partial.status == "partial" and "scores 2 channels; rank at least 3" in partial.message
    edit_yaml(solution, "personas.yaml", fits({"C1": 3, "C2": 3, "C3": 3}))
    wrong = verdict(solution, "channel_ranking")
    assert (wrong.status, wrong.message) == ("incorrect", "P1 gives every channel 3: a ranking tells them apart")


def test_message_variants(solution):
    assert verdict(solution, "message_variants").status == "correct"
    edit_csv(solution, "messages", lambda f: set_cell(f, "MS2", "call_to_action", ""))
    assert verdict(solution, "message_variants").message == "MS2 has no call to action"
    edit_csv(solution, "messages", lambda f: f[f["id"] != "MS2"])
    partial = verdict(solution, "message_variants")
    assert (partial.status, partial.message) == ("partial", "one variant on C3: write a variant B to test against it")
    edit_csv(solution, "messages", lambda f: set_cell(f, "MS1", "message", "Tea " * 39 + "Tea"))
    wrong = verdict(solution, "message_variants")
    assert (wrong.status, wrong.message) == ("incorrect", "MS1 is 159 characters long; the social_post format allows 125")


def test_kr_actions(solution):
    assert verdict(solution, "kr_actions").status == "correct"
    edit_csv(solution, "actions", lambda f: set_cell(f, "A7", "start", "2026-09-20"))
    wrong = verdict(solution, "kr_actions")
    assert wrong.status == "incorrect" and wrong.message.startswith("A7 cannot work as planned: A7 starts 21 September 2026")
    edit_csv(solution, "actions", lambda f: set_cell(set_cell(f, "A7", "start", "2026-10-12"), "A8", "depends_on", ""))
    edit_csv(solution, "actions", lambda f: set_cell(f, "A7", "depends_on", ""))
    partial = verdict(solution, "kr_actions")
    assert partial.status == "partial" and "do not depend on one another" in partial.message
    edit_csv(solution, "actions", lambda f: set_cell(f, "A8", "owner", ""))
    assert verdict(solution, "kr_actions").message == "A8 has no owner"
    edit_csv(solution, "actions", lambda f: f[f["id"] != "A8"])
    partial = verdict(solution, "kr_actions")
    assert (partial.status, partial.message) == ("partial", "2 actions on KR3; plan at least 3")


def test_quarter_budget(solution):
    assert verdict(solution, "quarter_budget").status == "correct"
    edit_csv(solution, "budget", lambda f: set_cell(f, "B7", "schedule", ""))
    partial = verdict(solution, "quarter_budget")
    assert partial.status == "partial" and "add a payment schedule" in partial.message
    edit_csv(solution, "budget", lambda f: set_cell(f, "B7", "amount", "7200"))
    wrong = verdict(solution, "quarter_budget", "fr")
    assert wrong.status == "incorrect"
    assert wrong.message.replace("\u202f", " ").replace("\xa0", " ") == "les lignes de 2026-Q2 totalisent 12 600,00 €, soit 600,00 € au-dessus de l'enveloppe de 12 000,00 €"


def test_red_kr_decision(solution):
    assert verdict(solution, "red_kr_decision").status == "correct"
    edit_csv(solution, "decisions", lambda f: set_cell(f, "D1", "action_ids", ""))
    assert verdict(solution, "red_kr_decision").message == "D1 adjusts, but names no action: which actions change or start?"
    edit_csv(solution, "decisions", lambda f: set_cell(f, "D1", "owner", ""))
    assert verdict(solution, "red_kr_decision").status == "partial"
    edit_csv(solution, "decisions", lambda f: set_cell(f, "D1", "decision", "continue"))
    wrong = verdict(solution, "red_kr_decision")
    assert wrong.status == "incorrect" and "a red key result needs a corrective decision" in wrong.message
    edit_csv(solution, "decisions", lambda f: set_cell(f, "D1", "key_result_id", "KR2"))
    wrong = verdict(solution, "red_kr_decision")
    assert wrong.status == "incorrect" and "D1 is on KR2, which is amber on" in wrong.message  # on pace, but
    # its forecast misses the target: amber, not the red a corrective decision is for


def test_a_plan_that_does_not_load_gives_each_exercise_a_located_verdict(solution):
    with (solution / "budget.csv").open("a", encoding="utf-8") as handle:
        handle.write('B99,"never closed\n')
    verdicts = check_plan(solution, "en")
    assert {v.status for v in verdicts.values()} == {"incorrect"}
    assert verdicts["quarter_budget"].message.startswith("fix this first: budget.csv:")
    assert verdicts["swot_quadrants"].message.startswith("the plan does not load, so this cannot be checked: budget.csv:")
    (solution / "workshop.yaml").unlink()
    assert "workshop.yaml is missing" in check_plan(solution, "en")["tows_pairs"].message


# -- workshop new and progress --------------------------------------------------------------------

def test_workshop_new_and_progress_end_to_end_with_a_broken_participant(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("# the Tuesday group\nÉlodie Martin\nJean Dupont\n\nJean | Dupont\n", encoding="utf-8")
    assert main(["workshop", "new", "tuesday", "--case", "b2b-services", "--names", str(names), "--lang", "fr",
                 "--out", str(tmp_path)]) == 0
    root = tmp_path / "tuesday"
    assert "créé pour 3 participants" in capsys.readouterr().out
    ids = [p.name for p in sorted((root / "participants").iterdir())]
    assert ids == ["elodie-martin", "jean-dupont", "jean-dupont-2"]
    first = root / "participants" / "elodie-martin"
    assert (first / "plan" / "plan.yaml").read_text(encoding="utf-8") == \
        (CASES_DIR / "b2b-services" / "blank" / "fr" / "plan.yaml").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "Atelier tuesday" in readme and "planlib workshop progress" in readme and "Élodie Martin" in readme
    assert "| Jean \\| Dupont |" in readme  # a pipe in a name stays in its cell
    assert f"planlib new corrige --from {CASES_DIR / 'b2b-services' / 'solution' / 'fr'}" in readme
    audit = json.loads((first / "notebooks" / "01_audit.ipynb").read_text(encoding="utf-8"))
    exercise_cells = [c for c in audit["cells"] if "exercise" in c["metadata"].get("tags", [])]
    assert [c["id"] for c in exercise_cells] == ["exercise-swot-quadrants", "exercise-tows-pairs"]
    parameters = "".join(audit["cells"][0]["source"])
    assert 'plan_dir = "../plan"' in parameters and 'as_of = "2026-06-30"' in parameters and 'lang = "fr"' in parameters

    shutil.rmtree(root / "participants" / "jean-dupont" / "plan")
    shutil.copytree(CASES_DIR / "b2b-services" / "solution" / "fr", root / "participants" / "jean-dupont" / "plan")
    (root / "participants" / "jean-dupont-2" / "plan" / "personas.yaml").write_text("personas: [unclosed\n")
    html_file = tmp_path / "progress.html"
    assert main(["workshop", "progress", str(root), "--json", "--html", str(html_file)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["exercises"] == [e.id for e in exercises()]
    rows = {p["id"]: p["results"] for p in document["participants"]}
    assert list(rows) == ids
    assert {r["status"] for r in rows["elodie-martin"].values()} == {"not_attempted"}
    assert {r["status"] for r in rows["jean-dupont"].values()} == {"correct"}
    broken = rows["jean-dupont-2"]
    assert {r["status"] for r in broken.values()} == {"incorrect"}
    assert broken["persona_criteria"]["message"].startswith("corrigez d'abord : personas.yaml:2 : YAML invalide")
    assert document["counts"]["tows_pairs"] == {"not_attempted": 1, "incorrect": 1, "partial": 0, "correct": 1}
    page = html_file.read_text(encoding="utf-8")
    from planlib.ui.stylesheet import stylesheet

    assert f"<style>{stylesheet()}</style></head><body class=\"projector\">" in page  # the kit's one stylesheet
    assert page.count('data-status="correct"') == 9 and page.count('data-status="not_attempted"') == 9
    assert 'class="legend"' in page and "Pas commencé : 1<br>Incorrect : 1<br>Partiel : 0<br>Correct : 1" in page
    assert "Décompte" in page and all(f'data-exercise="{e.id}"' in page for e in exercises())
    assert main(["workshop", "progress", str(tmp_path), "--lang", "en"]) == 0  # the --out folder holding it
    text = capsys.readouterr().out
    assert "jean-dupont (Jean Dupont): 9 of 9 correct" in text and "Per exercise:" in text


@pytest.mark.parametrize("arguments, expected", [
    (["--case", "nope", "--participants", "2"], "there is no workshop case 'nope' (the cases are: b2b-services, b2c-shop)"),
    (["--case", "b2c-shop", "--participants", "0"], "the number of participants is 0"),
    (["--case", "b2c-shop"], "the number of participants is -"),
])
def test_workshop_new_refuses_bad_arguments_with_a_message(tmp_path, capsys, arguments, expected):
    assert main(["workshop", "new", "w", "--out", str(tmp_path), *arguments]) == 1
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "w").exists()


def test_workshop_new_refuses_a_names_file_that_disagrees_and_an_existing_folder(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("Ann\nBob\n", encoding="utf-8")
    assert main(["workshop", "new", "w", "--case", "b2c-shop", "--names", str(names), "--participants", "3",
                 "--out", str(tmp_path)]) == 1
    assert "names.txt lists 2 names but --participants says 3" in capsys.readouterr().err
    assert main(["workshop", "new", "w", "--case", "b2c-shop", "--participants", "1", "--out", str(tmp_path)]) == 0
    assert main(["workshop", "new", "w", "--case", "b2c-shop", "--participants", "1", "--out", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["workshop", "progress", str(tmp_path / "nothing")]) == 1
    assert "is not a workshop" in capsys.readouterr().err


def test_upgrade_keeps_a_participants_exercise_cells(tmp_path, capsys):
    assert main(["workshop", "new", "w", "--case", "b2c-shop", "--participants", "1", "--out", str(tmp_path)]) == 0
    participant = tmp_path / "w" / "participants" / "p01"
    assert main(["upgrade", str(participant)]) == 0
    review = json.loads((participant / "notebooks" / "07_kpi_review.ipynb").read_text(encoding="utf-8"))
    ids = [c["id"] for c in review["cells"]]
    assert ids[-2:] == ["a8c69141", "exercise-red-kr-decision"]


def test_every_exercise_follows_a_cell_of_its_notebook_template():
    import nbformat

    from planlib.workspace.notebooks import TEMPLATES_DIR

    from planlib.workshop.participants import OVERVIEW

    for notebook, after in [(item.notebook, item.after) for item in exercises()] + [OVERVIEW]:
        cells = [c.id for c in nbformat.read(TEMPLATES_DIR / notebook, as_version=4).cells]
        assert after in cells, (notebook, after)


# -- the participant's panel ------------------------------------------------------------------------

def test_the_panel_checks_again_gives_hints_one_at_a_time_and_the_solution_when_asked(solution, monkeypatch):
    from planlib.workshop import panel
    from planlib.workshop.engine import by_id

    edit_csv(solution, "objectives", lambda f: set_cell(f, "M1", "title", "Be better known online"))
    item = by_id("smart_objective")
    givens = panel.case_givens(solution, item.id)
    box = panel.build_panel(item, solution, givens, verdict(solution, item.id, "fr"), "fr")
    assert 'data-status="not_attempted"' in box.verdict.value and "Pas commencé" in box.verdict.value
    assert [b.description for b in box.buttons.values()] == ["Vérifier", "Indice", "Solution"]
    edit_csv(solution, "objectives", lambda f: set_cell(f, "M1", "title", "Grow newsletter subscribers from 4,000 to "
                                                                           "7,000 by 31 December 2026"))
    box.buttons["check"].click()
    assert 'data-status="correct"' in box.verdict.value
    assert box.solution.value == ""
    for number in (1, 2, 3):
        box.buttons["hint"].click()
        assert f"Indice {number} sur 3" in box.hints.value
    assert box.buttons["hint"].disabled and box.hints.value.count("planlib-exercise-hint-text") == 3
    box.buttons["solution"].click()
    assert "from 4,000 to 7,000 by 31 December 2026" in box.solution.value  # the case's own solution
    bundle = box._repr_mimebundle_()
    assert "text/html" in bundle and "Correct" in bundle["text/plain"]


def test_statuses_are_the_four_of_the_issue():
    assert STATUSES == ("not_attempted", "incorrect", "partial", "correct")


# -- every workshop notebook, headless ------------------------------------------------------------

@pytest.mark.kernel
@pytest.mark.slow
def test_every_workshop_notebook_runs_headless_with_its_exercises_verdicts(tmp_path):
    """Each participant notebook, top to bottom under papermill, shows its exercises' verdicts as HTML.

    On a solution, so every panel says correct (the blanks' not_attempted is checked without kernels above).
    """
    case, lang, status = "b2b-services", "fr", "correct"
    import subprocess
    import sys

    assert main(["workshop", "new", "w", "--case", case, "--participants", "1", "--lang", lang,
                 "--out", str(tmp_path)]) == 0
    participant = tmp_path / "w" / "participants" / "p01"
    shutil.rmtree(participant / "plan")
    shutil.copytree(CASES_DIR / case / "solution" / lang, participant / "plan")
    notebooks = sorted((participant / "notebooks").glob("*.ipynb"))

    (tmp_path / "out").mkdir()
    # Papermill in a fresh interpreter, on local IPC sockets (the kit's AsyncIPCKernelManager): a TCP kernel
    # started while other workers start theirs can pick a port another one took, and wait forever.
    run = ("import sys, papermill; papermill.execute_notebook(sys.argv[1], sys.argv[2], cwd=sys.argv[3], "
           "kernel_name='python3', progress_bar=False, execution_timeout=60, "
           "kernel_manager_class='planlib.report.kernels.AsyncIPCKernelManager')")
    for path in notebooks:
        done = subprocess.run([sys.executable, "-c", run, str(path), str(tmp_path / "out" / path.name),
                               str(participant / "notebooks")], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
    ran = [json.loads((tmp_path / "out" / path.name).read_text(encoding="utf-8")) for path in notebooks]
    assert len(ran) == 8
    shown = {}
    for notebook in ran:
        for cell in notebook["cells"]:
            if "exercise" in cell["metadata"].get("tags", []):
                html_out = "".join("".join(o["data"]["text/html"]) for o in cell["outputs"] if "text/html" in o.get("data", {}))
                shown[cell["id"]] = html_out
    assert shown.pop("exercise-overview").count(f'data-status="{status}"') == 9  # the start notebook's table
    assert sorted(shown) == sorted(f"exercise-{e.id.replace('_', '-')}" for e in exercises())
    assert all(f'data-status="{status}"' in html_out for html_out in shown.values()), shown


def test_the_shipped_cases_are_never_written(tmp_path):
    from planlib.core.errors import PlanError
    from planlib.steps import load_plan

    plan = load_plan(CASES_DIR / "b2c-shop" / "blank" / "fr")
    before = (CASES_DIR / "b2c-shop" / "blank" / "fr" / "objectives.csv").read_bytes()
    with pytest.raises(PlanError) as refused:
        plan.save_table("objectives", plan.objectives)
    assert "is the kit's sample plan, kept as shipped" in refused.value.report("en")
    assert (CASES_DIR / "b2c-shop" / "blank" / "fr" / "objectives.csv").read_bytes() == before


def test_a_panel_never_raises_even_on_an_unknown_exercise_or_a_missing_plan(tmp_path, monkeypatch):
    import html

    from planlib.ui.mode import report_mode
    from planlib.workshop import panel

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, **_: shown.append(obj))
    panel.exercise("no_such_exercise", tmp_path, "fr")
    assert "il n'y a pas d'exercice « no_such_exercise »" in html.unescape(shown[-1].data)
    with report_mode():  # headless: HTML, no widget
        panel.exercise("kr_actions", tmp_path / "missing", "en")
    assert 'data-status="incorrect"' in shown[-1].data and "workshop.yaml is missing" in shown[-1].data


def test_a_task_names_the_cases_givens_in_the_readers_locale():
    from planlib.workshop.engine import by_id
    from planlib.workshop.givens import exercise_givens, read_givens

    givens = exercise_givens(read_givens(CASES_DIR / "b2c-shop" / "blank" / "fr"), "quarter_budget")
    task = by_id("quarter_budget").task(givens, "fr").replace("\u202f", " ").replace("\xa0", " ")
    assert task.startswith("Budgétez 2026-Q2") and "(12 000)" in task
    smart = by_id("smart_objective").task(exercise_givens(read_givens(CASES_DIR / "b2b-services" / "blank" / "en"),
                                                          "smart_objective"), "en")
    assert smart.startswith("Objective M1 reads 'Generate more leads'.")


def test_a_workshop_that_fails_halfway_leaves_no_folder(tmp_path, monkeypatch):
    from planlib.workshop import participants

    calls = []

    def failing(folder, lang, givens):
        calls.append(folder)
        if len(calls) == 2:
            raise OSError("No space left on device")
        participants.write_record(folder, {})
    monkeypatch.setattr(participants, "write_exercise_notebooks", failing)
    with pytest.raises(OSError):
        participants.new_workshop("w", "b2c-shop", 3, None, "en", out=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_swot_item_retyped_with_a_typo_still_counts_but_not_another_sentence(solution):
    def retype(doc):
        doc["swot"]["strengths"][0]["text"] = "Teas bought directly from smal estates."
        doc["swot"]["threats"][1]["text"] = "Our website is slow"
    edit_yaml(solution, "audit.yaml", retype)
    partial = verdict(solution, "swot_quadrants")
    assert (partial.status, partial.message) == (
        "partial", "7 of 8 items are in the right quadrant; still to place, e.g. 'Tea prices rise after harvests hit by drought'")


def test_a_forms_save_checks_the_panel_again(solution, monkeypatch):
    from planlib.steps import load_plan
    from planlib.ui import live
    from planlib.workshop import panel
    from planlib.workshop.engine import by_id

    edit_csv(solution, "decisions", lambda f: f.iloc[0:0])
    item = by_id("red_kr_decision")
    box = panel.build_panel(item, solution, {}, verdict(solution, item.id), "en")
    assert 'data-status="not_attempted"' in box.verdict.value
    shutil.copy(CASES_DIR / "b2c-shop" / "solution" / "en" / "decisions.csv", solution / "decisions.csv")
    live.plan_saved(load_plan(solution))  # what every form calls after writing
    assert 'data-status="correct"' in box.verdict.value


def test_a_check_the_kit_refuses_says_why_in_the_kits_words_and_a_defect_says_tell_the_trainer(solution, monkeypatch):
    """A check that meets a period the kit cannot read shows the kit's own sentence (in the participant's
    language); a check that breaks shows as a defect to report, never as a traceback."""
    from dataclasses import replace

    from planlib.core.periods import PeriodError
    from planlib.steps import load_plan
    from planlib.workshop import engine

    first = exercises()[0]

    def refused(plan, givens, say):
        plan.period("2031-Q7")
        raise AssertionError("the period above is refused")

    def broken(plan, givens, say):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(engine, "exercises", lambda: (replace(first, check=refused),))
    with pytest.raises(PeriodError) as said:
        load_plan(solution).period("2031-Q7")
    french = check_plan(solution, "fr", only=(first.id,))[first.id]
    assert french.status == "incorrect" and french.message == said.value.text("fr")
    assert "2031-Q7" in french.message and "PeriodError" not in french.message
    monkeypatch.setattr(engine, "exercises", lambda: (replace(first, check=broken),))
    defect = check_plan(solution, "en", only=(first.id,))[first.id]
    assert defect.message == "the check could not run (ZeroDivisionError: division by zero); tell the trainer"
