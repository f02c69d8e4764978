"""Fingerprints that tell a scheduler whether a report needs building again.

`plan_hash` covers the plan's own files (and last year's plan, which the audit
reads); `inputs_hash` adds what else shapes a period's report: the period, the
as-of date, the language, the notebooks and the kit's version. Both are
written in the report's summary.json; a re-run skips a period whose report
holds the same inputs_hash, unless asked to rebuild it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import __version__
from ..core.plan import Plan, file_order, folder_files

SUMMARY = "summary.json"


def _files_digest(digest, files: dict[str, bytes]) -> None:
    order = file_order()
    for name in sorted(files, key=order.index):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")


def plan_hash(plan_dir: Path, plan: Plan, files: dict[str, bytes] | None = None) -> str:
    """SHA-256 of the plan's files (a workbook's bytes), and of last year's plan when the plan names one.

    `files`: the plan's files as the caller read them (file name -> bytes), so they are not read again."""
    digest = hashlib.sha256()
    plan_dir = Path(plan_dir)
    if plan_dir.is_dir():
        _files_digest(digest, files if files is not None else folder_files(plan_dir))
        previous = plan.config.previous
        if isinstance(previous, str) and (plan_dir / previous).is_dir():
            digest.update(b"previous\0")
            _files_digest(digest, folder_files((plan_dir / previous).resolve()))
    else:
        digest.update(files[plan_dir.name] if files is not None else plan_dir.read_bytes())
    return digest.hexdigest()


def inputs_hash(plan_digest: str, period: str, as_of: str, lang: str, notebooks: list[Path]) -> str:
    """What a period's report is a function of: the same value, the same report."""
    digest = hashlib.sha256(json.dumps([plan_digest, period, as_of, lang, __version__]).encode())
    for notebook in notebooks:
        digest.update(notebook.name.encode() + b"\0" + notebook.read_bytes())
    return digest.hexdigest()


def built_with(report_folder: Path) -> str | None:
    """The inputs_hash of a complete report already in place, None when there is none."""
    try:
        if not (report_folder / "index.html").is_file():
            return None
        return json.loads((report_folder / SUMMARY).read_text(encoding="utf-8")).get("inputs_hash")
    except (OSError, ValueError, AttributeError):
        return None


def has_outputs(report_folder: Path, period: str, pdf: bool) -> bool:
    """Whether a report in place holds every output this run asks for: an unchanged report built without its PDF
    is rebuilt when --pdf asks for one."""
    return not pdf or (report_folder / f"report-{period}.pdf").is_file()
