"""Where a plan named on a command line or in a notebook is: as given, else from a parent folder, else
in the kit; a workspace stands for its plan folder."""
from __future__ import annotations

from pathlib import Path

from .resources import kit_root
from .runtime import WORKSPACE_FILE


def resolve_plan_path(path: str | Path) -> Path:
    """A relative plan path as given, else from a parent folder (notebooks run in notebooks/); a workspace
    (a folder made by `planlib new`) stands for its plan."""
    path = Path(path)
    if (path / WORKSPACE_FILE).is_file() and (path / "plan").is_dir():
        return path / "plan"
    if path.is_absolute() or path.exists():
        return path
    for parent in Path.cwd().parents:
        if (parent / path).exists():
            return parent / path
    shipped = kit_root() / path
    return shipped if shipped.exists() else path


def plan_yaml_settings(plan: str | Path) -> dict:
    """A plan's plan.yaml read alone, unvalidated, before the plan is loaded (its language, the plan it names
    as last year's); {} when it is missing or unreadable, which loading the plan then reports."""
    import yaml

    from .yaml_text import safe_load

    try:
        settings = safe_load((resolve_plan_path(plan) / "plan.yaml").read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return {}
    return settings if isinstance(settings, dict) else {}
