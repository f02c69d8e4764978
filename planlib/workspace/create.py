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

from ..core.errors import CodedError, PlanError, os_reason
from ..core.io.atomic import atomic_write_text
from ..core.plan import is_workbook
from ..core.plan_path import plan_yaml_settings, resolve_plan_path
from ..core.language import resolve_language
from ..core.runtime import PACKAGED_PLANS, WORKSPACE_FILE
from ..steps import new_plan
from .notebooks import pointed, record_of, templates

EXAMPLE = PACKAGED_PLANS[0]
COPY_IGNORED = shutil.ignore_patterns(".history", ".import", "__pycache__", ".ipynb_checkpoints")


def new_workspace(name: str | Path, lang: str | None = None, source: str | Path | None = None,
                  example: bool = False, **blank) -> Path:
    """Create the workspace NAME; `blank` holds new_plan's company, year and market for a blank plan."""
    root = Path(name)
    if root.is_dir() and any(root.iterdir()):
        raise CodedError("workspace_exists", "workspace_new", folder=str(root))
    origin = None
    if example or source is not None:
        origin = EXAMPLE if example else source_plan(Path(source))
        if origin.is_dir():
            refuse_copy_into_itself(origin, root)
    existed = root.is_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
        plan = root / "plan"
        if origin is None:
            new_plan(plan, language=lang or "en", **blank)
        elif origin.is_file():
            from ..steps import import_plan

            import_plan(origin, plan)
        else:
            copy_plan(origin, root)
        lang = resolve_language(lang, plan)
        write_notebooks(root, lang, opening_period(plan))
    except OSError as error:
        _remove_half_made(root, existed)
        raise CodedError("workspace_cannot_write", "workspace_folder", folder=str(root),
                         reason=os_reason(error)) from None
    except BaseException:
        _remove_half_made(root, existed)  # a refusal half-way leaves no half-made workspace behind
        raise
    return root


def source_plan(origin: Path) -> Path:
    """The plan a `--from` names: a workbook, a plan folder (it holds plan.yaml) or a workspace's plan; a
    relative path is found as every command finds a plan (above here, or the kit's samples: data/exemple-fr)."""
    origin = resolve_plan_path(origin) if not origin.is_absolute() and not origin.exists() else origin
    if not origin.exists():
        raise CodedError("workspace_no_source", "workspace_source", folder=str(origin))
    if origin.is_dir() and (origin / WORKSPACE_FILE).is_file() and (origin / "plan").is_dir():
        origin = origin / "plan"
    if origin.is_dir() and not (origin / "plan.yaml").is_file():
        raise CodedError("workspace_source_not_plan", "workspace_source", folder=str(origin))
    if origin.is_file() and not is_workbook(origin):
        raise CodedError("workspace_source_not_plan", "workspace_source", folder=str(origin))
    return origin


def refuse_copy_into_itself(origin: Path, root: Path) -> None:
    """A copy whose destination lies in what it copies would copy itself until the disk is full: refused
    before anything is written, for the plan and for the last year's plan it names."""
    target = root.resolve()
    folders = [origin.resolve()]
    previous = _previous_named(origin)
    if previous is not None:
        folders.append(previous)
        if folders[0].is_relative_to(previous):  # previous: .. holds the plan itself
            raise CodedError("workspace_previous_holds_plan", "workspace_previous", folder=str(origin),
                             previous=str(previous))
    for folder in folders:
        if target == folder or target.is_relative_to(folder):
            raise CodedError("workspace_inside_source", "workspace_new", folder=str(root), source=str(folder))


def _previous_named(origin: Path) -> Path | None:
    previous = plan_yaml_settings(origin).get("previous")
    if not isinstance(previous, str) or not previous.strip() or not (origin / previous.strip()).is_dir():
        return None
    return (origin / previous.strip()).resolve()


def _remove_half_made(root: Path, existed: bool) -> None:
    if existed:
        for child in root.iterdir():
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)
    else:
        shutil.rmtree(root, ignore_errors=True)


def copy_plan(origin: Path, root: Path) -> None:
    """A plan folder into root/plan/, with the plan it names as last year's into root/previous/."""
    shutil.copytree(origin, root / "plan", ignore=COPY_IGNORED)
    settings_file = root / "plan" / "plan.yaml"
    text = settings_file.read_text(encoding="utf-8") if settings_file.exists() else ""
    try:
        previous = (yaml.safe_load(text) or {}).get("previous")
    except (yaml.YAMLError, AttributeError):
        return  # copied as it is: the notebooks will show what to fix
    if isinstance(previous, str) and previous.strip() and (origin / previous.strip()).is_dir():
        shutil.copytree(origin / previous.strip(), root / "previous", ignore=COPY_IGNORED)
        settings_file.write_text(re.sub(r"^previous:[ \t]*[^#\n]*?([ \t]*#.*)?$", r"previous: ../previous\1",
                                        text, count=1, flags=re.MULTILINE), encoding="utf-8")


def opening_period(plan: Path) -> str | None:
    """The period the notebooks open on, from the plan's year (None: a plan that does not load keeps the
    templates' own, and its notebooks show what to fix)."""
    from datetime import date

    from ..steps import load_plan

    try:
        return load_plan(plan).calendar.opening_quarter(date.today()).id
    except (PlanError, ValueError):
        return None


def write_notebooks(root: Path, lang: str, period: str | None = None) -> None:
    folder = root / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    records = {}
    for template in templates():
        notebook = pointed(template, lang, period)
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
