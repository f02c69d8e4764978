"""Last year's plan, named in plan.yaml (`previous: ../acme-2025`), validated once per version of its files.

The path is relative to the plan folder. Last year's plan is validated with
the same rules as this year's; a chain of years is followed (each plan may
name its own previous one) and a loop in that chain is refused. A valid one
is kept in memory for the process and in the user's cache between commands
(core/plan_cache.py), keyed by every byte of its chain's files.
"""
from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

from ...core import plan_cache
from ...core.errors import PlanError
from ...core.plan import Plan, load_plan
from ...core.plan_path import plan_yaml_settings

_chain: ContextVar[tuple[Path, ...]] = ContextVar("previous_chain", default=())
_loaded: dict[tuple, Plan] = {}


def previous_path(settings: dict, plan_folder: Path | None) -> Path | None:
    """Where plan.yaml's `previous:` points, resolved from the plan folder; None when not set."""
    named = settings.get("previous")
    if not isinstance(named, str) or not named.strip():
        return None
    path = Path(named.strip()).expanduser()
    if not path.is_absolute() and plan_folder is not None:
        path = plan_folder / path
    return path.resolve()


def _version(path: Path) -> tuple:
    """What changes when any file of the folder changes."""
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    return (path,) + tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)


class PreviousCycle(Exception):
    """A plan whose chain of previous plans comes back to itself."""


def load_previous(path: Path, rules: tuple, current: Path | None) -> Plan:
    """Last year's plan (raises PlanError when invalid, PreviousCycle on a loop of `previous:`)."""
    chain = _chain.get() + ((current.resolve(),) if current is not None else ())
    if path in chain:
        raise PreviousCycle(path)
    version = _version(path)
    if version in _loaded:
        return _loaded[version]
    key = plan_cache.content_key(_folders_of_chain(path), rules)
    plan = plan_cache.cached_plan(key)
    if plan is None:
        token = _chain.set(chain)
        try:
            plan = load_plan(path, rules)
        finally:
            _chain.reset(token)
        plan_cache.keep_plan(key, plan)
    _loaded.clear()  # one previous plan at a time is enough: keep memory flat
    _loaded[version] = plan
    return plan


def _folders_of_chain(path: Path, limit: int = 20) -> list[Path]:
    """The folder and the previous plans it names in turn: a change to any of them changes its validation."""
    folders: list[Path] = []
    while path is not None and path.is_dir() and path not in folders and len(folders) < limit:
        folders.append(path)
        path = previous_path(plan_yaml_settings(path), path)
    return folders


def previous_plan(plan: Plan) -> Plan | None:
    """The plan's previous plan, or None when plan.yaml names none (validation already loaded it)."""
    path = previous_path(plan.settings, plan.path)
    if path is None or not path.exists():
        return None
    try:
        return load_previous(path, plan.rules, plan.path)
    except (PlanError, PreviousCycle):
        return None
