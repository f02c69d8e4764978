"""One rule for the language of every page and message: asked, else the plan's, else the workspace's, else English."""
from __future__ import annotations

import json

from planlib.core.language import asked_language, resolve_language
from planlib.steps import load_plan


def _plan(folder, language=None):
    folder.mkdir(parents=True)
    lines = ["company: Test", "market: B2C", "year: 2026", "currency: EUR"]
    (folder / "plan.yaml").write_text("\n".join(lines + ([f"language: {language}"] if language else [])) + "\n")
    return folder


def test_asked_then_plan_then_workspace_then_english(tmp_path):
    french = _plan(tmp_path / "fr-plan", "fr")
    assert resolve_language("en", french) == "en"  # asked wins
    assert resolve_language(None, french) == "fr"  # the plan's
    assert resolve_language("xx", french) == "fr"  # a language without a catalog is not a choice
    workspace = tmp_path / "atelier"
    _plan(workspace / "plan")  # plan.yaml without a language
    (workspace / "workspace.json").write_text(json.dumps({"format": 1, "lang": "fr", "notebooks": {}}))
    assert resolve_language(None, workspace / "plan") == "fr"  # the workspace's
    assert resolve_language(None, workspace) == "fr"  # a workspace stands for its plan
    assert resolve_language(None, _plan(tmp_path / "bare")) == "en"
    assert resolve_language(None, tmp_path / "nowhere") == "en"
    assert resolve_language(None, {"language": "fr"}) == "fr"  # settings already read


def test_a_loaded_plan_and_a_command_line_follow_the_same_rule(monkeypatch):
    assert load_plan("data/exemple-fr").language == "fr" and resolve_language(None, load_plan("data/example")) == "en"
    monkeypatch.delenv("PLANLIB_MESSAGES", raising=False)
    assert asked_language(["check", "--lang", "fr"]) == "fr" and asked_language(["check", "--messages=fr"]) == "fr"
    assert asked_language(["check"]) is None
    monkeypatch.setenv("PLANLIB_MESSAGES", "fr")
    assert asked_language(["check"]) == "fr"
