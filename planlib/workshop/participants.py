"""`planlib workshop new`: one folder per participant, a copy of the blank case and its notebooks in exercise mode.

Each participant's folder is a workspace (`planlib lab participants/<id>`
opens it): plan/ is the blank case, notebooks/ the templates pointed at it,
on the case's period and date, with each exercise's panel inserted after the
task it follows. The exercise cells are not recorded as the kit's, so
`planlib upgrade` keeps them where they are. workshop.json lists the
participants for `planlib workshop progress`; README.md tells the trainer
what to do.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import nbformat

from ..core.errors import CodedError
from ..core.names import slug
from ..core.io.atomic import atomic_write_text
from ..core.io.encodings import decode, read_bytes
from ..workspace.create import copy_plan, write_record
from ..workspace.notebooks import is_parameters, pointed, record_of, templates
from .cases import case_folder
from .engine import exercises
from .givens import read_givens

RECORD = "workshop.json"
MAX_PARTICIPANTS = 500
OVERVIEW = ("00_start_here.ipynb", "471d18e3")  # every verdict at once, after "where the plan stands"


def participant_ids(count: int | None, names_file: str | Path | None) -> list[tuple[str, str]]:
    """(id, name) per participant: from a names file (one per line), else p01, p02..."""
    if names_file is None:
        if count is None or not 1 <= count <= MAX_PARTICIPANTS:
            raise CodedError("workshop_participants", "workshop_participants", count=count, limit=MAX_PARTICIPANTS)
        width = max(2, len(str(count)))
        return [(f"p{i:0{width}d}", f"p{i:0{width}d}") for i in range(1, count + 1)]
    text = decode(read_bytes(Path(names_file)), str(names_file))[0]
    names = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not names or len(names) > MAX_PARTICIPANTS:
        raise CodedError("workshop_names_empty", "workshop_names", file=str(names_file), limit=MAX_PARTICIPANTS)
    if count is not None and count != len(names):
        raise CodedError("workshop_names_count", "workshop_names", file=str(names_file), names=len(names),
                         count=count)
    found, seen = [], set()
    for name in names:
        base = slug(name) or "participant"
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}-{n}", n + 1
        seen.add(ident)
        found.append((ident, name))
    return found


def new_workshop(name: str, case: str, count: int | None, names_file, lang: str,
                 out: str | Path | None = None) -> Path:
    """Create the workshop folder NAME (under `out`), all of it or nothing, and return it."""
    if not name or name.strip(".") == "" or any(sep in name for sep in "/\\") or Path(name).is_absolute():
        raise CodedError("workshop_name_path", "workshop_name", name=name)  # --out says where, never the name
    blank = case_folder(case, "blank", lang)
    people = participant_ids(count, names_file)
    root = Path(out or ".") / name
    if root.exists() and any(root.iterdir()):
        raise CodedError("workspace_exists", "workshop_new", folder=str(root))
    givens = read_givens(blank)
    building = root.with_name(f".{root.name}.building-{os.getpid()}")  # renamed into place once complete
    try:
        for ident, _ in people:
            folder = building / "participants" / ident
            copy_plan(blank, folder)
            write_exercise_notebooks(folder, lang, givens)
        record = {"format": 1, "name": name, "case": case, "lang": lang,
                  "participants": [{"id": i, "name": n} for i, n in people]}
        atomic_write_text(building / RECORD, json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                          keep_history=False)
        from .trainer import trainer_readme

        atomic_write_text(building / "README.md", trainer_readme(record, root), keep_history=False)
        if root.exists():
            root.rmdir()  # empty, as checked above
        building.rename(root)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return root


def write_exercise_notebooks(folder: Path, lang: str, givens: dict) -> None:
    """The templates pointed at ../plan on the case's period and date, each exercise after its task."""
    target = folder / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    records = {}
    for template in templates():
        notebook = pointed(template, lang)
        on_case_dates(notebook, givens)
        records[template.name] = record_of(notebook)  # before the exercises: upgrade keeps them as the user's
        insert_exercises(notebook, template.name)
        nbformat.write(notebook, target / template.name)
    write_record(folder, {"format": 1, "lang": lang, "notebooks": records, "workshop": givens.get("case", "")})


def on_case_dates(notebook, givens: dict) -> None:
    """The parameters' period and as-of date set to the case's: the dashboard reads as on the case's day."""
    for cell in notebook.cells:
        if is_parameters(cell):
            for key in ("period", "as_of"):
                if givens.get(key):
                    cell.source = re.sub(rf'^{key} = [^#\n]*?(\s*#.*)?$', f"{key} = {json.dumps(str(givens[key]))}\\1",
                                         cell.source, count=1, flags=re.MULTILINE)


def exercise_cell(source: str, cell_id: str):
    cell = nbformat.v4.new_code_cell(source)
    cell.id = cell_id
    cell.metadata["tags"] = ["exercise"]
    return cell


def insert_exercises(notebook, notebook_name: str) -> None:
    """Each exercise's panel after its task's cell (at the end if the template lost that cell)."""
    cells = [(e.after, f'from planlib.workshop.panel import exercise\n\nexercise("{e.id}", plan_dir, lang)',
              f"exercise-{e.id.replace('_', '-')}") for e in exercises() if e.notebook == notebook_name]
    if notebook_name == OVERVIEW[0]:
        cells.append((OVERVIEW[1], "from planlib.workshop.panel import exercises_overview\n\n"
                                   "exercises_overview(plan_dir, lang)", "exercise-overview"))
    for after, source, cell_id in reversed(cells):
        ids = [cell.id for cell in notebook.cells]
        place = ids.index(after) + 1 if after in ids else len(notebook.cells)
        notebook.cells.insert(place, exercise_cell(source, cell_id))
