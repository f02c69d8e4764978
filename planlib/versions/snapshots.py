"""Snapshots: the copy of the plan each report keeps, and "what changed since".

Each period report keeps the plan's files it was built from in `plan/` (the
plan's CSV and YAML files, or its workbook: a few hundred kilobytes) with
`snapshot.json` saying when. The next report of the same plan compares the
plan with the newest of those copies; the start notebook compares it with the
last git commit of the plan, or else with the newest report's copy.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import PlanError
from ..core.plan import PlanSource, file_order
from .compare import Diff, compare
from .sources import last_commit_source, open_version

SNAPSHOT_DIR = "plan"
STAMP = "snapshot.json"


@dataclass(frozen=True)
class Since:
    """A diff against an earlier version, and which version that was."""

    diff: Diff
    baseline: str       # "report" or "commit"
    label: str          # the report's period and time, or the commit
    folder: Path | None = None  # the report folder, for a link


def save_snapshot(plan_path: Path, report_folder: Path, generated: str, period: str,
                  files_from: Path | None = None) -> Path:
    """Copy the plan's own files into the report folder, with when and for which period.

    `files_from`: where the files were copied when the report read the plan (a report run's copy);
    by default the plan itself."""
    target = Path(report_folder) / SNAPSHOT_DIR
    target.mkdir(parents=True, exist_ok=True)
    plan_path = Path(plan_path)
    source = Path(files_from) if files_from is not None else plan_path if plan_path.is_dir() else plan_path.parent
    for file in file_order() if plan_path.is_dir() else (plan_path.name,):  # a folder's files, or the workbook
        if (source / file).is_file():
            shutil.copy2(source / file, target / file)
    (target / STAMP).write_text(json.dumps({"generated": generated, "period": period,
                                            "plan": str(plan_path.resolve())}) + "\n",
                                encoding="utf-8")
    return target


def _stamp(folder: Path) -> dict | None:
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) and isinstance(stamp.get("generated"), str) else None


def latest_snapshot(reports_root: Path, plan_path: Path | None = None) -> tuple[Path, dict] | None:
    """The newest plan copy among a plan's period reports (reports/<plan>/<period>/plan/).

    With plan_path, only copies of that plan: another plan of the same folder name may report there too.
    """
    found = []
    for folder in Path(reports_root).glob(f"*/{SNAPSHOT_DIR}"):
        stamp = _stamp(folder)
        if stamp is None or folder.parent.name.startswith("."):
            continue
        if plan_path is None or stamp.get("plan") == str(Path(plan_path).resolve()):
            found.append((stamp["generated"], folder, stamp))
    if not found:
        return None
    _, folder, stamp = max(found, key=lambda item: item[0])
    return folder, stamp


def snapshot_source(folder: Path) -> PlanSource:
    """A snapshot as a plan version: its folder, or the workbook it holds."""
    workbooks = sorted(Path(folder).glob("*.xls[xm]"))
    return open_version(workbooks[0] if workbooks and not (Path(folder) / "plan.yaml").exists() else folder)


def since_last_report(current: PlanSource, reports_root: Path, plan_path: Path | None = None) -> Since | None:
    """What changed since the newest report of this plan; None before the first report."""
    latest = latest_snapshot(reports_root, plan_path)
    if latest is None:
        return None
    folder, stamp = latest
    try:
        before = snapshot_source(folder)
    except PlanError:
        return None  # a damaged copy: nothing to compare with, and the report goes on
    return Since(compare(before, current), "report", f"{stamp.get('period', '')} ({stamp['generated']})",
                 folder.parent)


def since_last_version(plan_path: Path, current: PlanSource, reports_root: Path | None) -> Since | None:
    """What changed since the plan's last git commit (the version one saved), else since its newest report.

    A report run compares with the previous report only (since_last_report), once, for every page.
    """
    def by_commit():
        committed = last_commit_source(plan_path) if Path(plan_path).is_dir() else None
        return Since(compare(committed, current), "commit", committed.label) if committed is not None else None

    def by_report():
        return since_last_report(current, reports_root, plan_path) if reports_root is not None else None

    return by_commit() or by_report()
