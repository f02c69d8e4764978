"""Forms worked as an analyst does: JupyterLab in headless Chromium, fill the fields, click Save."""
from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest
from browser import browser_page, jupyter_lab, notebook_for, open_and_run_all
from conftest import EXAMPLE, PREVIOUS, ROOT, ctrl_c_reaches_it

from planlib import load_plan

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def option_label(plan_dir, objective_id: str) -> str:
    """How the forms list an objective in a drop-down (ipywidgets shows labels, not values)."""
    title = load_plan(plan_dir).objectives.set_index("id").loc[objective_id, "title"]
    return f"{objective_id} – {title}"[:60]


@contextmanager
def notebook_in_lab(tmp_path, name: str, ready: str):
    """A copy of the example plan, and the notebook open in JupyterLab with all cells run."""
    plan_dir = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan_dir, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(PREVIOUS, tmp_path / "example-2025", ignore=shutil.ignore_patterns(".history"))
    notebooks = tmp_path / "notebooks"
    notebook_for(ROOT / "notebooks" / name, notebooks, plan_dir)
    home = tmp_path / "home"
    with jupyter_lab(notebooks, home) as (base, token), browser_page(home) as page:
        open_and_run_all(page, base, token, name, ready, home)
        yield page, plan_dir


@pytest.fixture
def lab_with_objectives(tmp_path):
    with notebook_in_lab(tmp_path, "02_objectives.ipynb", "button.planlib-key-result-save") as opened:
        yield opened


def test_objective_form_saves_from_the_browser(lab_with_objectives):
    page, plan_dir = lab_with_objectives
    page.select_option(".planlib-objective-level select", "marketing")
    page.fill(".planlib-objective-title input", "Win 20 office customers")
    page.select_option(".planlib-objective-parent-id select", label=option_label(plan_dir, "B1"))
    page.fill(".planlib-objective-owner input", "Camille")
    page.click("button.planlib-objective-save")
    page.wait_for_selector(".planlib-objective-message:has-text('Saved M9 in objectives.csv')", timeout=30_000)
    page.wait_for_selector(".planlib-view-tree-view:has-text('Win 20 office customers')", timeout=30_000)  # redrawn
    saved = load_plan(plan_dir).objectives.set_index("id").loc["M9"]
    assert (saved["title"], saved["parent_id"], saved["owner"]) == ("Win 20 office customers", "B1", "Camille")


def test_key_result_without_target_shows_message_and_saves_nothing(lab_with_objectives):
    page, plan_dir = lab_with_objectives
    before = (plan_dir / "key_results.csv").read_bytes()
    page.select_option(".planlib-key-result-objective-id select", label=option_label(plan_dir, "M1"))
    page.fill(".planlib-key-result-title input", "More visits from search")
    page.click("button.planlib-key-result-save")
    message = page.wait_for_selector(".planlib-key-result-message:has-text('needs a target')", timeout=30_000)
    assert "A key result needs a target: the number to reach" in message.inner_text()
    assert (plan_dir / "key_results.csv").read_bytes() == before
    assert not (plan_dir / ".history").exists()


def test_action_form_with_dates_from_the_browser(tmp_path):
    with notebook_in_lab(tmp_path, "05_action_plan.ipynb", "button.planlib-action-save") as (page, plan_dir):
        before = (plan_dir / "actions.csv").read_bytes()
        page.fill(".planlib-action-workstream input", "Acquisition")
        page.fill(".planlib-action-name input", "Podcast sponsoring")
        page.select_option(".planlib-action-owner select", "Hugo")
        page.fill(".planlib-action-start input", "2026-09-01")
        page.fill(".planlib-action-end input", "2026-09-30")
        page.fill(".planlib-action-person-days input", "3,5")
        page.fill(".planlib-action-depends-on input", "A28, A99")
        page.click("button.planlib-action-save")
        page.wait_for_selector(".planlib-action-message:has-text('unknown id')", timeout=30_000)
        assert "Depends on (ids): unknown id 'A99'" in page.inner_text(".planlib-action-message")  # the field's label
        assert (plan_dir / "actions.csv").read_bytes() == before
        page.fill(".planlib-action-depends-on input", "A28")
        page.click("button.planlib-action-save")
        page.wait_for_selector(".planlib-action-message:has-text('Saved A41')", timeout=30_000)
    saved = load_plan(plan_dir).actions.set_index("id").loc["A41"]
    assert (saved["name"], saved["owner"], saved["person_days"], saved["depends_on"]) == \
        ("Podcast sponsoring", "Hugo", 3.5, "A28")
    assert (str(saved["start"].date()), str(saved["end"].date()), saved["status"]) == ("2026-09-01", "2026-09-30", "planned")


def test_budget_form_from_the_browser(tmp_path):
    with notebook_in_lab(tmp_path, "06_budget.ipynb", "button.planlib-budget-line-save") as (page, plan_dir):
        page.fill(".planlib-budget-line-label input", "Regional fair")
        page.select_option(".planlib-budget-line-category select", "Events")
        page.fill(".planlib-budget-line-period input", "2026-09")
        page.fill(".planlib-budget-line-amount input", "2 400")
        page.fill(".planlib-budget-line-schedule input", "50% 2026-07-01; 40% 2026-09-30")
        page.click("button.planlib-budget-line-save")
        page.wait_for_selector(".planlib-budget-line-message:has-text('not 100%')", timeout=30_000)
        assert "Payment schedule: shares sum to 90%, not 100%" in page.inner_text(".planlib-budget-line-message")
        page.fill(".planlib-budget-line-schedule input", "50% 2026-07-01; 50% 2026-09-30")
        page.click("button.planlib-budget-line-save")
        page.wait_for_selector(".planlib-budget-line-message:has-text('Saved B061')", timeout=30_000)
    line = load_plan(plan_dir).budget.set_index("id").loc["B061"]
    assert (line["label"], line["category"], line["amount"], line["period"]) == ("Regional fair", "events", 2400.0, "2026-09")


def test_decision_form_saves_from_the_browser(tmp_path):
    """Step 7: a decision on a key result behind, logged from the notebook in JupyterLab."""
    with notebook_in_lab(tmp_path, "07_kpi_review.ipynb", "button.planlib-decision-save") as (page, plan_dir):
        title = load_plan(plan_dir).key_results.set_index("id").loc["KR03", "title"]
        page.select_option(".planlib-decision-key-result-id select", label=f"KR03 – {title}"[:60])
        page.select_option(".planlib-decision-decision select", "adjust")
        page.fill(".planlib-decision-reason textarea", "Bundles first, then the free delivery threshold")
        page.fill(".planlib-decision-owner input", "Camille")
        page.click("button.planlib-decision-save")
        page.wait_for_selector(".planlib-decision-message:has-text('Saved D04 in decisions.csv')", timeout=30_000)
    saved = load_plan(plan_dir).decisions.set_index("id").loc["D04"]
    assert (saved["key_result_id"], saved["decision"], saved["owner"], saved["status"]) == ("KR03", "adjust", "Camille", "open")


def test_swot_form_saves_from_the_browser(tmp_path):
    """Step 1: a threat added from the audit notebook in JupyterLab, with its importance and evidence."""
    with notebook_in_lab(tmp_path, "01_audit.ipynb", "button.planlib-swot-save") as (page, plan_dir):
        page.select_option(".planlib-swot-group select", label="Threats")
        page.fill(".planlib-swot-text textarea", "A new low-cost entrant on garden tools")
        page.select_option(".planlib-swot-importance select", "4")
        page.fill(".planlib-swot-evidence input", "Trade press, May 2026")
        page.click("button.planlib-swot-save")
        page.wait_for_selector(".planlib-swot-message:has-text('Saved T4')", timeout=30_000)
    saved = load_plan(plan_dir).audit["swot"]["threats"][-1]
    assert saved == {"id": "T4", "text": "A new low-cost entrant on garden tools", "importance": 4,
                     "evidence": "Trade press, May 2026"}


def test_persona_form_saves_from_the_browser(tmp_path):
    """Step 3: a persona added from its notebook in JupyterLab, with criteria, lists and fits."""
    with notebook_in_lab(tmp_path, "03_personas.ipynb", "button.planlib-persona-save") as (page, plan_dir):
        page.fill(".planlib-persona-name input", "Jules, first garden")
        page.fill(".planlib-persona-criteria-age input", "25-35")
        page.fill(".planlib-persona-needs input", "Simple kits, Advice")
        page.fill(".planlib-persona-channels input", "C02, C06")
        page.fill(".planlib-persona-fit input", "C02: 4, C06: 5")
        page.click("button.planlib-persona-save")
        page.wait_for_selector(".planlib-persona-message:has-text('Saved P4')", timeout=30_000)
    saved = load_plan(plan_dir).yaml_data["personas.yaml"]["personas"][-1]
    assert saved == {"id": "P4", "name": "Jules, first garden", "criteria": {"age": "25-35"},
                     "needs": ["Simple kits", "Advice"], "channels": ["C02", "C06"], "fit": {"C02": 4, "C06": 5},
                     "type": "B2C"}


def test_message_form_with_variants_from_the_browser(tmp_path):
    """Step 4: a message with two variants for a persona on a channel, saved as two rows of messages.csv."""
    with notebook_in_lab(tmp_path, "04_channels_messages.ipynb", "button.planlib-message-save") as (page, plan_dir):
        page.select_option(".planlib-message-persona-id select", label="P2 – Marc, passionate retired gardener")
        page.select_option(".planlib-message-channel-id select", label="C03 – Search ads")
        page.select_option(".planlib-message-format select", label="search-ad headline")
        page.fill(".planlib-message-variant-A textarea", "Seeds for spring")
        page.fill(".planlib-message-variant-B textarea", "Sow now, harvest in June")
        page.click("button.planlib-message-save")
        page.wait_for_selector(".planlib-message-message:has-text('Saved MS23, MS24')", timeout=30_000)
    saved = load_plan(plan_dir).messages.set_index("id")
    assert (saved.loc["MS23", "message"], saved.loc["MS24", "variant"]) == ("Seeds for spring", "B")


def test_a_new_french_workspace_opens_in_lab_with_its_plan_and_french_forms(tmp_path):
    """planlib new, then planlib lab: the real server, a notebook run in the real browser, the form in French."""
    import signal
    import subprocess

    from browser import BIN, isolated_env

    from planlib.cli import main

    home = tmp_path / "home"
    env = isolated_env(home)
    subprocess.run([BIN / "jupyter", "labextension", "disable", "@jupyterlab/apputils-extension:announcements"],
                   env=env, check=True, capture_output=True)
    assert main(["new", str(tmp_path / "acme"), "--example", "--lang", "fr"]) == 0
    lab = subprocess.Popen([BIN / "planlib", "lab", str(tmp_path / "acme"), "--no-browser"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=ctrl_c_reaches_it)
    try:
        url = lab.stdout.readline().strip()
        base, token = url.split("/lab/")[0], url.split("token=")[1]
        with browser_page(home) as page:
            open_and_run_all(page, base, token, "notebooks/02_objectives.ipynb", "button.planlib-objective-save", home)
            assert "Verdure" in page.content()  # the plan was found from the workspace's notebook
            assert page.locator("button.planlib-objective-save").inner_text().strip() == "Enregistrer"
            page.select_option(".planlib-objective-level select", "marketing")
            page.fill(".planlib-objective-title input", "Gagner 20 clients bureaux")
            page.click("button.planlib-objective-save")
            message = page.wait_for_selector(".planlib-objective-message:has-text('choisissez-le')", timeout=30_000)
            assert "Nommez le responsable de l'objectif" in message.inner_text()
    finally:
        lab.send_signal(signal.SIGINT)
        assert lab.wait(timeout=60) == 0
    assert "JupyterLab arrêté" in lab.stderr.read()


def test_a_workshop_participant_checks_an_exercise_and_asks_a_hint_in_lab(tmp_path):
    """planlib workshop new, then a participant's notebook in the real browser: Check, Hint, Solution, in French."""
    import signal
    import subprocess

    import yaml
    from browser import BIN, isolated_env

    from planlib.cli import main
    from planlib.workshop.cases import CASES_DIR

    home = tmp_path / "home"
    env = isolated_env(home)
    subprocess.run([BIN / "jupyter", "labextension", "disable", "@jupyterlab/apputils-extension:announcements"],
                   env=env, check=True, capture_output=True)
    assert main(["workshop", "new", "w", "--case", "b2c-shop", "--participants", "1", "--lang", "fr",
                 "--out", str(tmp_path)]) == 0
    participant = tmp_path / "w" / "participants" / "p01"
    solved = yaml.safe_load((CASES_DIR / "b2c-shop" / "solution" / "fr" / "audit.yaml").read_text(encoding="utf-8"))
    started = yaml.safe_load((participant / "plan" / "audit.yaml").read_text(encoding="utf-8"))
    started["swot"]["strengths"] = solved["swot"]["strengths"]  # two of the eight items placed: partial
    (participant / "plan" / "audit.yaml").write_text(yaml.safe_dump(started, allow_unicode=True), encoding="utf-8")
    lab = subprocess.Popen([BIN / "planlib", "lab", str(participant), "--no-browser"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=ctrl_c_reaches_it)
    panel = ".planlib-exercise-swot-quadrants"
    try:
        url = lab.stdout.readline().strip()
        base, token = url.split("/lab/")[0], url.split("token=")[1]
        with browser_page(home) as page:
            open_and_run_all(page, base, token, "notebooks/01_audit.ipynb", f"{panel} button.planlib-exercise-check",
                             home)
            verdict = page.locator(f"{panel} .planlib-exercise-verdict")
            assert verdict.inner_text().startswith("Partiel") and "2 éléments sur 8" in verdict.inner_text()
            assert page.locator(f"{panel} .planlib-exercise-solution-text").count() == 0
            started["swot"] = solved["swot"]  # the participant completes the SWOT
            (participant / "plan" / "audit.yaml").write_text(yaml.safe_dump(started, allow_unicode=True),
                                                             encoding="utf-8")
            page.click(f"{panel} button.planlib-exercise-check")
            page.wait_for_selector(f"{panel} .planlib-exercise-verdict[data-status='correct']", timeout=30_000)
            assert "les 8 éléments sont dans le bon quadrant" in verdict.inner_text()
            page.click(f"{panel} button.planlib-exercise-hint")
            hint = page.wait_for_selector(f"{panel} .planlib-exercise-hint-text", timeout=30_000)
            assert hint.inner_text().startswith("💡 Indice 1 sur 3 : Forces et faiblesses sont internes")
            page.click(f"{panel} button.planlib-exercise-solution")
            solution = page.wait_for_selector(f"{panel} .planlib-exercise-solution-text", timeout=30_000)
            assert "Forces : achat en direct" in solution.inner_text()
    finally:
        lab.send_signal(signal.SIGINT)
        assert lab.wait(timeout=60) == 0


CORPUS = ROOT / "tests" / "fixtures" / "exports" / "corpus"


def choose_file(page, button: str, path) -> None:
    """Click the upload button and pick the file in the chooser it opens, as a person does."""
    with page.expect_file_chooser() as chooser:
        page.click(button)
    chooser.value.set_files(str(path))


def channel_label(plan_dir, channel_id: str) -> str:
    """The upload panels' channel choice as the page shows it."""
    return f"{channel_id} – {load_plan(plan_dir).channels.set_index('id').loc[channel_id, 'name']}"


def test_a_ga4_download_is_checked_and_imported_from_notebook_07(tmp_path):
    """Step 7: a GA4 file chosen in JupyterLab, its dry run read on the page, then Import."""
    export = CORPUS / "ga4_traffic_acquisition_fr.csv"
    with notebook_in_lab(tmp_path, "07_kpi_review.ipynb", ".planlib-actuals-upload-file") as (page, plan_dir):
        page.select_option(".planlib-actuals-upload-channel select", label=channel_label(plan_dir, "C12"))
        choose_file(page, ".planlib-actuals-upload-file", export)
        page.wait_for_selector(".planlib-actuals-upload-story:has-text('detected: GA4 report download (French)')",
                               timeout=30_000)
        assert "left out: “Taux d'engagement” (a rate" in page.inner_text(".planlib-actuals-upload-story")
        page.screenshot(path=str(tmp_path / "upload-07.png"), full_page=False)
        page.click("button.planlib-actuals-upload-import")
        page.wait_for_selector(".planlib-actuals-upload-message:has-text('imported 84 values')", timeout=30_000)
    actuals = load_plan(plan_dir).actuals
    assert set(actuals[actuals["source"] == "ga4"]["channel_id"]) == {"C12"}


def test_an_ads_report_goes_into_spend_from_notebook_06(tmp_path):
    """Step 6: a Google Ads report (UTF-16, tabs, as its Excel download) chosen in JupyterLab, onto its channel's line."""
    export = CORPUS / "google_ads_excel_utf16_en.csv"
    with notebook_in_lab(tmp_path, "06_budget.ipynb", ".planlib-spend-upload-file") as (page, plan_dir):
        page.select_option(".planlib-spend-upload-channel select", label=channel_label(plan_dir, "C03"))
        choose_file(page, ".planlib-spend-upload-file", export)
        page.wait_for_selector(".planlib-spend-upload-story:has-text('B001')", timeout=30_000)
        page.click("button.planlib-spend-upload-import")
        page.wait_for_selector(".planlib-spend-upload-message:has-text('imported 7 spend rows')", timeout=30_000)
    spend = load_plan(plan_dir).spend
    assert set(spend[spend["source"] == "google_ads"]["budget_line_id"]) == {"B001"}


def test_a_reallocation_is_recorded_as_a_decision_from_notebook_06(tmp_path):
    """Step 6: the suggestion read in JupyterLab, its key result picked, then recorded as an adjust decision."""
    with notebook_in_lab(tmp_path, "06_budget.ipynb", "button.planlib-reallocation-record") as (page, plan_dir):
        title = load_plan(plan_dir).key_results.set_index("id").loc["KR05", "title"]
        page.select_option(".planlib-decision-key-result-id select", label=f"KR05 – {title}"[:60])
        page.click("button.planlib-reallocation-record")
        page.wait_for_selector(".planlib-decision-message:has-text('Saved D04 in decisions.csv')", timeout=30_000)
    saved = load_plan(plan_dir).decisions.set_index("id").loc["D04"]
    assert (saved["key_result_id"], saved["decision"], saved["status"]) == ("KR05", "adjust", "open")
    assert saved["reason"].startswith("Reallocation for 2026-") and "(lines B00" in saved["reason"]
    assert load_plan(plan_dir).budget.equals(load_plan(EXAMPLE).budget)  # the budget lines stay as they were


def visible_in_lab(page) -> str:
    """What a person reads in the open notebook: every output and every form's labels, choices and buttons
    (the code cells are the kit's, not wording)."""
    return page.evaluate("""() => {
        const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
        const said = e => {  // text to type (<code>) and cited titles (<cite>) are quoted, not said
            const copy = e.cloneNode(true);
            copy.querySelectorAll('code, cite').forEach(q => q.remove());
            document.body.appendChild(copy);
            const text = copy.innerText;
            copy.remove();
            return text;
        };
        const parts = [...panel.querySelectorAll('.jp-OutputArea-output')].map(said);
        parts.push(...[...panel.querySelectorAll('option')].map(e => e.textContent));
        return parts.join('\\n');
    }""")


def test_a_french_workspace_reads_in_french_in_lab_after_run_all(tmp_path):
    """The French sample as a workspace: notebooks 05 and 07 after Run All, read as the browser shows them."""
    import signal
    import subprocess

    from browser import BIN, isolated_env
    from reading import faults_in_text, plan_words

    from planlib.cli import main

    home = tmp_path / "home"
    env = isolated_env(home)
    subprocess.run([BIN / "jupyter", "labextension", "disable", "@jupyterlab/apputils-extension:announcements"],
                   env=env, check=True, capture_output=True)
    assert main(["new", str(tmp_path / "lumen"), "--from", str(ROOT / "data" / "exemple-fr")]) == 0
    lab = subprocess.Popen([BIN / "planlib", "lab", str(tmp_path / "lumen"), "--no-browser"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=ctrl_c_reaches_it)
    seen = {}
    try:
        url = lab.stdout.readline().strip()
        base, token = url.split("/lab/")[0], url.split("token=")[1]
        with browser_page(home) as page:
            for notebook, ready in (("05_action_plan", "button.planlib-action-save"),
                                    ("07_kpi_review", "button.planlib-decision-save")):
                open_and_run_all(page, base, token, f"notebooks/{notebook}.ipynb", ready, home, workspace=notebook)
                page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
                page.screenshot(path=str(home / f"{notebook}.png"), full_page=True)
                seen[notebook] = visible_in_lab(page)
    finally:
        lab.send_signal(signal.SIGINT)
        lab.wait(timeout=60)
    assert "Enregistrer" in seen["05_action_plan"] and "en cours" in seen["05_action_plan"]  # a worded status choice
    assert "Résultats clés au" in seen["07_kpi_review"]
    allowed = plan_words(ROOT / "data" / "exemple-fr")
    faults = {name: faults_in_text(text, "fr", allowed) for name, text in seen.items()}
    assert faults == {"05_action_plan": [], "07_kpi_review": []}
