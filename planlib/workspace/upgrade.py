"""`planlib upgrade WORKSPACE`: the workspace's notebooks brought to the kit's current templates.

The plan is not touched. In each notebook, the kit's cells are replaced by
the template's, keeping their outputs where the code did not change and the
parameters cell as the user set it (period, date, language); the
user's own cells (cells the kit did not write) are kept, each placed after
the nearest kit cell above it that the new template still has. What cannot
be kept is said: a kit cell the user edited (the template's version
replaces it; the old notebook is kept in notebooks/.history/).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..core.io.atomic import atomic_write_text, keep_previous
from .create import read_record, write_record
from .notebooks import is_parameters, pointed, record_of, source_digest, templates


@dataclass
class Upgrade:
    """What an upgrade did to one notebook, for the lines the command prints."""

    notebook: str
    added: bool = False
    kept: list[str] = field(default_factory=list)  # the user's cells kept, by their first line
    replaced_edits: list[str] = field(default_factory=list)  # kit cells the user had changed


def upgrade_workspace(root: str | Path) -> list[Upgrade]:
    root = Path(root)
    record = read_record(root)
    lang = record.get("lang", "en")
    written = record.get("notebooks", {})
    results, records = [], {}
    for template in templates():
        target = root / "notebooks" / template.name
        fresh = pointed(template, lang)
        result = Upgrade(template.name)
        if target.exists():
            merge(nbformat.read(target, as_version=4), fresh, written.get(template.name, {}).get("cells", {}), result)
            keep_previous(target)
        else:
            result.added = True
        atomic_write_text(target, nbformat.writes(fresh), keep_history=False)
        records[template.name] = record_of(fresh)
        results.append(result)
    write_record(root, {**record, "notebooks": records})
    return results


def merge(mine, fresh, kit_cells: dict, result: Upgrade) -> None:
    """Put the user's cells and unchanged outputs of `mine` into `fresh` (changed in place)."""
    by_id = {cell.id: cell for cell in fresh.cells}
    anchor = None  # the last kit cell above, in `mine`, that the new template still has
    placed: dict[str | None, int] = {}
    for cell in mine.cells:
        if cell.id in kit_cells:
            if cell.id in by_id:
                anchor = cell.id
                new = by_id[cell.id]
                if is_parameters(cell):  # the user's period, date or language stay as they set them
                    new.source = with_new_parameters(cell.source, new.source)
                elif cell.cell_type == "code" and new.source == cell.source:
                    new.outputs, new.execution_count = cell.outputs, cell.execution_count
            edited = source_digest(cell.source) != kit_cells[cell.id] and not is_parameters(cell)
            if edited and (cell.id not in by_id or by_id[cell.id].source != cell.source):
                result.replaced_edits.append(first_line(cell))
            continue
        position = (fresh.cells.index(by_id[anchor]) + 1 if anchor else 0) + placed.get(anchor, 0)
        fresh.cells.insert(position, cell)
        placed[anchor] = placed.get(anchor, 0) + 1
        result.kept.append(first_line(cell))


def with_new_parameters(mine: str, fresh: str) -> str:
    """The user's parameters cell, with the lines of parameters the kit's new template added (`report = None`)."""
    assigned = {line.split("=", 1)[0].strip() for line in mine.splitlines() if "=" in line and not line.startswith("#")}
    added = [line for line in fresh.splitlines()
             if "=" in line and not line.startswith("#") and line.split("=", 1)[0].strip() not in assigned]
    return "\n".join([mine.rstrip("\n"), *added]) if added else mine


def first_line(cell) -> str:
    line = next((text for text in cell.source.splitlines() if text.strip()), "")
    return line.strip()[:60] or f"({cell.cell_type})"
