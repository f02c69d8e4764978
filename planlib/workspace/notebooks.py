"""The templates a workspace's notebooks come from, and how a copy is made to point at its plan."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat

from ..core.resources import notebooks_dir
from ..steps.registry import step_notebooks

TEMPLATES_DIR = notebooks_dir()
PLAN_FROM_NOTEBOOKS = "../plan"  # a workspace's notebooks run in NAME/notebooks/, its plan is NAME/plan/


def templates() -> list[Path]:
    """The kit's notebooks a workspace copies: the step registry's, in step order."""
    return [TEMPLATES_DIR / name for name in step_notebooks()]


def source_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def is_parameters(cell) -> bool:
    return "parameters" in cell.metadata.get("tags", [])


def pointed(template: Path, lang: str, period: str | None = None) -> nbformat.NotebookNode:
    """A template whose parameters name the workspace's plan, language and opening period, without outputs."""
    notebook = nbformat.read(template, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if is_parameters(cell):
            cell.source = re.sub(r'^plan_dir = "[^"\n]*"', f"plan_dir = {json.dumps(PLAN_FROM_NOTEBOOKS)}",
                                 cell.source, flags=re.MULTILINE)
            cell.source = re.sub(r'^lang = (?:None|"[^"\n]*")', f"lang = {json.dumps(lang)}", cell.source,
                                 flags=re.MULTILINE)
            if period:
                cell.source = re.sub(r'^period = "[^"\n]*"', f"period = {json.dumps(period)}", cell.source,
                                     flags=re.MULTILINE)
    return notebook


def record_of(notebook: nbformat.NotebookNode) -> dict:
    """What a copy held when the kit wrote it: its cells' ids and sources, to tell the user's cells and edits apart."""
    return {"cells": {cell.id: source_digest(cell.source) for cell in notebook.cells}}
