"""`planlib new NAME`: a workspace holding a plan and its own notebooks, ready to open.

NAME/plan/ is a blank plan, a copy of a plan (folder or workbook) or of the
kit's example; the plan it names as last year's (`previous:`) comes along as
NAME/previous/. NAME/notebooks/ holds the templates with their parameters
pointing at ../plan, in the plan's language (or the one asked), so nothing
is edited by hand and the templates stay untouched. workspace.json records
what each notebook held when written, for `planlib upgrade`.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import yaml

from ..core.errors import CodedError
from ..core.io.atomic import atomic_write_text
from ..core.runtime import PACKAGED_PLANS, WORKSPACE_FILE
from ..core.templates import new_plan
from ..steps.session import plan_language
from .notebooks import pointed, record_of, templates

EXAMPLE = PACKAGED_PLANS[0]
COPY_IGNORED = shutil.ignore_patterns(".history", ".import", "__pycache__", ".ipynb_checkpoints")


def new_workspace(name: str | Path, lang: str | None = None, source: str | Path | None = None,
                  example: bool = False, **blank) -> Path:
    """Create the workspace NAME; `blank` holds new_plan's company, year and market for a blank plan."""
    root = Path(name)
    if root.exists() and any(root.iterdir()):
        raise CodedError("workspace_exists", "workspace_new", folder=str(root))
    plan = root / "plan"
    if example or source is not None:
        origin = EXAMPLE if example else Path(source)
        if not origin.exists():
            raise CodedError("workspace_no_source", "workspace_source", folder=str(origin))
        if origin.is_file():
            from ..steps import import_plan

            import_plan(origin, plan)
        else:
            copy_plan(origin, root)
    else:
        new_plan(plan, language=lang or "en", **blank)
    lang = plan_language(plan, lang)
    write_notebooks(root, lang)
    return root


def copy_plan(origin: Path, root: Path) -> None:
    """A plan folder into root/plan/, with the plan it names as last year's into root/previous/."""
    shutil.copytree(origin, root / "plan", ignore=COPY_IGNORED)
    settings_file = root / "plan" / "plan.yaml"
    text = settings_file.read_text(encoding="utf-8") if settings_file.exists() else ""
    try:
        previous = (yaml.safe_load(text) or {}).get("previous")
    except yaml.YAMLError:
        return  # copied as it is: the notebooks will show what to fix
    if isinstance(previous, str) and (origin / previous).is_dir():
        shutil.copytree(origin / previous, root / "previous", ignore=COPY_IGNORED)
        settings_file.write_text(re.sub(r"^previous:[ \t]*[^#\n]*?([ \t]*#.*)?$", r"previous: ../previous\1",
                                        text, count=1, flags=re.MULTILINE), encoding="utf-8")


def write_notebooks(root: Path, lang: str) -> None:
    folder = root / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    records = {}
    for template in templates():
        notebook = pointed(template, lang)
        nbformat.write(notebook, folder / template.name)
        records[template.name] = record_of(notebook)
    write_record(root, {"format": 1, "lang": lang, "notebooks": records})


def write_record(root: Path, record: dict) -> None:
    atomic_write_text(root / WORKSPACE_FILE, json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                      keep_history=False)


def read_record(root: Path) -> dict:
    file = Path(root) / WORKSPACE_FILE
    if not file.exists():
        raise CodedError("not_workspace", "workspace_new", folder=str(root))
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except ValueError:
        raise CodedError("workspace_record_unreadable", "workspace_new", folder=str(file)) from None
