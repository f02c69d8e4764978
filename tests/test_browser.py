"""Step 2 worked as an analyst does: JupyterLab in headless Chromium, fill the forms, click Save."""
from __future__ import annotations

import shutil

import pytest
from browser import browser_page, jupyter_lab, notebook_for, open_and_run_all
from conftest import EXAMPLE, ROOT

from planlib import load_plan


def option_label(plan_dir, objective_id: str) -> str:
    """How the forms list an objective in a drop-down (ipywidgets shows labels, not values)."""
    title = load_plan(plan_dir).objectives.set_index("id").loc[objective_id, "title"]
    return f"{objective_id} – {title}"[:60]


@pytest.fixture
def lab_with_objectives(tmp_path):
    plan_dir = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan_dir, ignore=shutil.ignore_patterns(".history"))
    notebooks = tmp_path / "notebooks"
    notebook_for(ROOT / "notebooks" / "02_objectives.ipynb", notebooks, plan_dir)
    with jupyter_lab(notebooks, tmp_path / "home") as (base, token), browser_page(tmp_path / "home") as page:
        open_and_run_all(page, base, token, "02_objectives.ipynb", "button.planlib-key-result-save", tmp_path / "home")
        yield page, plan_dir


def test_objective_form_saves_from_the_browser(lab_with_objectives):
    page, plan_dir = lab_with_objectives
    page.select_option(".planlib-objective-level select", "marketing")
    page.fill(".planlib-objective-title input", "Win 20 office customers")
    page.select_option(".planlib-objective-parent-id select", label=option_label(plan_dir, "B1"))
    page.fill(".planlib-objective-owner input", "Camille")
    page.click("button.planlib-objective-save")
    page.wait_for_selector(".planlib-objective-message:has-text('Saved M9 in objectives.csv')", timeout=30_000)
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
