"""The versions a diff compares: plan folders, xlsx workbooks, or revisions in git.

A revision is read through git itself (`git show REV:path`), never by checking
anything out, so the working copy and the index are left as they are.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd

from ..core import schema as S
from ..core.errors import PlanError, Problem
from ..core.io.encodings import decode
from ..core.io.readers import RawTable, read_csv_text
from ..core.plan import PlanSource, file_order, folder_files, is_workbook, open_source



def _refuse(path, code: str, expected: str, **params) -> PlanError:
    return PlanError([Problem(str(path), None, None, code, params, expected)])


def open_version(path: str | Path) -> PlanSource:
    """A plan folder or workbook; anything else is refused with a message, not read as an empty plan."""
    path = Path(path)
    source = open_source(path)
    if path.is_dir() and source.yaml_texts.get("plan.yaml") is None:
        raise _refuse(path, "not_plan", "plan_folder")
    return source


def _without_shared_tables(old: dict, new: dict) -> tuple[dict, dict]:
    """Tables whose bytes are the same in both versions are left out of both: nothing to parse, nothing changed.

    YAML files stay: plan.yaml's settings type the other tables and name the currency.
    """
    shared = {f for f in file_order() if f.endswith(".csv") and old.get(f) is not None and old.get(f) == new.get(f)}
    return ({f: (None if f in shared else b) for f, b in old.items()},
            {f: (None if f in shared else b) for f, b in new.items()})


def _plan_folder(path: Path) -> Path:
    """A plan folder, or the message saying why this path is not one."""
    if not path.exists():
        raise _refuse(path, "no_plan", "plan_path")
    if not path.is_dir() or not (path / "plan.yaml").is_file():
        raise _refuse(path, "not_plan", "plan_folder")
    return path


def open_pair(old: str | Path, new: str | Path) -> tuple[PlanSource, PlanSource]:
    """Two versions to compare: folders are read as bytes first, so unchanged tables are not parsed."""
    old, new = Path(old), Path(new)
    if is_workbook(old) or is_workbook(new):
        return open_version(old), open_version(new)
    left, right = _without_shared_tables(folder_files(_plan_folder(old)), folder_files(_plan_folder(new)))
    return texts_source(str(old), left), texts_source(str(new), right)


def texts_source(label: str, files: dict[str, bytes | None]) -> PlanSource:
    """A plan made of file contents (file name -> bytes, None when the version has no such file)."""
    tables = {}
    for name in S.table_order():
        data, where = files.get(S.table(name).file), f"{label}/{S.table(name).file}"
        tables[name] = (read_csv_text(decode(data, where)[0], where, name) if data is not None
                        else RawTable(name, S.table(name).file, pd.DataFrame()))
    texts = {file: (decode(files[file], f"{label}/{file}")[0] if files.get(file) is not None else None) for file in S.YAML_FILES}
    return PlanSource(label, tables, texts)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True)
    except FileNotFoundError:
        raise _refuse(folder, "diff_no_git", "diff_git") from None


def repository_of(plan: Path) -> tuple[Path, str]:
    """The git repository holding a plan folder, and the folder's path inside it."""
    plan = Path(plan).resolve()
    if not plan.is_dir():
        raise _refuse(plan, "no_plan", "plan_path")
    found = _git(plan, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise _refuse(plan, "diff_not_in_git", "diff_git")
    root = Path(found.stdout.decode().strip()).resolve()
    inside = plan.relative_to(root).as_posix()
    return root, "" if inside == "." else inside + "/"


def _revision_files(plan: Path, revision: str) -> tuple[str, dict[str, bytes | None]]:
    """The plan's files as they were at a revision of its git repository."""
    root, inside = repository_of(plan)
    if revision.startswith("-") or _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode:
        raise _refuse(plan, "diff_no_revision", "diff_revision", revision=revision)
    listed = _git(root, "ls-tree", "--name-only", revision, inside or ".")
    present = {Path(line).name for line in listed.stdout.decode("utf-8", "replace").splitlines()}
    if "plan.yaml" not in present:
        raise _refuse(plan, "diff_no_plan_at_revision", "plan_folder", revision=revision)
    files = {}
    for file in file_order():
        shown = _git(root, "show", f"{revision}:{inside}{file}") if file in present else None
        files[file] = shown.stdout if shown is not None and shown.returncode == 0 else None
    return f"{revision}:{inside.rstrip('/') or '.'}", files


def revision_source(plan: Path, revision: str) -> PlanSource:
    """The plan as it was at a revision of its git repository."""
    return texts_source(*_revision_files(plan, revision))


def revision_range(plan: Path, spec: str) -> tuple[PlanSource, PlanSource]:
    """`A..B` (two revisions), `A..` or `A` (a revision against the working folder)."""
    old, _, new = spec.partition("..")
    if not old:
        raise _refuse(plan, "diff_no_revision", "diff_revision", revision=spec)
    old_label, old_files = _revision_files(plan, old)
    new_label, new_files = _revision_files(plan, new) if new else (str(plan), folder_files(_plan_folder(Path(plan))))
    left, right = _without_shared_tables(old_files, new_files)
    return texts_source(old_label, left), texts_source(new_label, right)


def last_commit_source(plan: Path) -> PlanSource | None:
    """The plan at the last commit that holds it, or None when it is not in git or never committed."""
    try:
        return revision_source(plan, "HEAD")
    except PlanError:
        return None
