"""The steps of the method, one room each, and what loads a plan with all their rules.

`load_plan` here is the one the kit uses: the core's loader given every
registered step's validation rules (see registry.py).
"""
from __future__ import annotations

from pathlib import Path


def load_plan(path: str | Path = "data/example"):
    """Read and validate a plan folder (or workbook) with every step's rules; raise PlanError listing every problem."""
    from ..core.plan import load_plan as core_load
    from .registry import rules

    return core_load(path, rules())


def import_plan(source_path: str | Path, into: str | Path):
    """Validate an xlsx workbook or CSV folder in full (every step's rules), then write it into a plan folder."""
    from ..core.plan import import_plan as core_import
    from .registry import rules

    return core_import(source_path, into, rules())


def new_plan(path: str | Path, company: str = "My company", year: int | None = None, language: str = "en",
             market: str = "B2C") -> Path:
    """Create a plan folder with every registered step's files, empty but for their headers."""
    from ..core.templates import new_plan as core_new

    return core_new(path, company, year, language, market)


from . import registry  # noqa: E402,F401  (registers every step's tables with the core on first import)
