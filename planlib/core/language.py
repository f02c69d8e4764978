"""Which language a page, a report or a message speaks: one rule for every command, the report, the
workshop and the notebooks.

The language asked (a command's --lang or --messages, PLANLIB_MESSAGES, a
notebook's `lang` parameter), else the plan's (plan.yaml's `language`), else
the workspace's (the one `planlib new --lang` recorded in workspace.json),
else English (a workspace's own commands, `planlib lab` and `planlib upgrade`,
count the language it was created in as asked, as its notebooks do). The
plan's and the workspace's are read from their files alone, before the plan
is loaded, so even a list of problems found while loading it speaks the
plan's language.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .plan_path import plan_yaml_settings
from .runtime import WORKSPACE_FILE

DEFAULT = "en"


def resolve_language(asked: str | None = None, plan=None, workspace: str | Path | None = None) -> str:
    """The language to speak: `asked` when it has a catalog, else the plan's, else the workspace's, else English.

    `plan` is a loaded Plan, a plan folder, a workspace, or plan.yaml's settings
    already read; `workspace` defaults to the workspace the plan folder belongs to.
    """
    from .i18n import languages

    known = languages()
    if asked in known:
        return asked
    if hasattr(plan, "settings"):  # a loaded plan: its settings, and the folder it was read from
        plan, workspace = plan.settings, workspace or (_workspace_of(plan.path) if plan.path is not None else None)
    if isinstance(plan, dict) or plan is None:
        settings = plan or {}
    else:
        settings = plan_yaml_settings(plan)
    if settings.get("language") in known:
        return settings["language"]
    if workspace is None and plan is not None and not isinstance(plan, dict):
        workspace = _workspace_of(Path(plan))
    recorded = _workspace_language(workspace)
    return recorded if recorded in known else DEFAULT


def asked_language(argv: list[str]) -> str | None:
    """The language a command line asks for (--lang X, --language X, --messages X), else PLANLIB_MESSAGES."""
    from .i18n import languages

    for flag in ("--lang", "--language", "--messages"):
        for i, arg in enumerate(argv):
            value = argv[i + 1] if arg == flag and i + 1 < len(argv) else arg.partition("=")[2] \
                if arg.startswith(flag + "=") else None
            if value in languages():
                return value
    asked = os.environ.get("PLANLIB_MESSAGES")
    return asked if asked in languages() else None


def _workspace_of(plan_dir: Path) -> Path | None:
    """The workspace a plan folder belongs to (the folder holding workspace.json and plan/), if any."""
    for folder in (plan_dir, plan_dir.parent):
        if (folder / WORKSPACE_FILE).is_file():
            return folder
    return None


def _workspace_language(workspace: str | Path | None) -> str | None:
    if workspace is None:
        return None
    try:
        record = json.loads((Path(workspace) / WORKSPACE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record.get("lang") if isinstance(record, dict) else None
