"""`planlib workshop progress`: every participant's verdict on every exercise, from their plan folders alone.

Participant folders are independent: each is checked on its own, and a
broken file shows as that participant's verdicts, never as a failure of the
table. The document's keys (`exercises`, `participants` with `id` and
`results`) are those `--json` prints for scripts.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import CodedError
from ..core.i18n import tr
from .engine import by_id, check_plan, exercises
from .exercise import STATUSES
from .participants import RECORD


def find_workshop(root: str | Path) -> Path:
    """The workshop folder: DIR itself, or the one workshop inside DIR (as made by `--out DIR`)."""
    root = Path(root)
    if (root / RECORD).exists() or (root / "participants").is_dir() or not root.is_dir():
        return root
    inside = [p for p in root.iterdir() if p.is_dir() and (p / RECORD).exists()]
    return inside[0] if len(inside) == 1 else root


def read_workshop(root: str | Path) -> dict:
    """workshop.json; a folder of participants without it (copied by hand) is still read, in folder order."""
    root = Path(root)
    file = root / RECORD
    if file.exists():
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            if isinstance(record, dict) and isinstance(record.get("participants"), list):
                return record
        except (OSError, ValueError):
            pass
        raise CodedError("workshop_record_unreadable", "workshop_folder", folder=str(file))
    folder = root / "participants"
    if not folder.is_dir():
        raise CodedError("not_workshop", "workshop_folder", folder=str(root))
    people = sorted(p.name for p in folder.iterdir() if p.is_dir())
    return {"name": root.name, "case": "", "lang": "en", "participants": [{"id": p, "name": p} for p in people]}


def workshop_progress(root: str | Path, lang: str | None = None) -> dict:
    root = find_workshop(root)
    record = read_workshop(root)
    lang = lang or record.get("lang") or "en"
    ids = [e.id for e in exercises()]
    rows = []
    for person in record["participants"]:
        ident = str(person.get("id", "")) if isinstance(person, dict) else str(person)
        verdicts = check_plan(root / "participants" / ident / "plan", lang)
        rows.append({"id": ident, "name": str(person.get("name", ident)) if isinstance(person, dict) else ident,
                     "results": {e: verdicts[e].as_dict() for e in ids}})
    counts = {e: {s: sum(r["results"][e]["status"] == s for r in rows) for s in STATUSES} for e in ids}
    return {"workshop": record.get("name", root.name), "case": record.get("case", ""), "lang": lang,
            "exercises": ids, "participants": rows, "counts": counts}


def progress_text(document: dict) -> str:
    """The table as lines: one per participant and exercise, then the counts per exercise."""
    lang = document["lang"]
    titles = {e: by_id(e).title(lang) for e in document["exercises"]}  # ids are for the JSON; people read titles
    width = max(len(title) for title in titles.values())
    lines = [tr("workshop.progress_heading", lang, workshop=document["workshop"], case=document["case"],
                count=len(document["participants"]))]
    for person in document["participants"]:
        done = sum(r["status"] == "correct" for r in person["results"].values())
        lines.append("")
        lines.append(tr("workshop.progress_participant", lang, id=person["id"], name=person["name"], done=done,
                        total=len(document["exercises"])))
        for exercise in document["exercises"]:
            result = person["results"][exercise]
            status = tr(f"workshop.status.{result['status']}", lang)
            lines.append(f"  {titles[exercise]:<{width}}  {status:<14}  {result['message']}")
    lines.append("")
    lines.append(tr("workshop.progress_counts", lang))
    for exercise in document["exercises"]:
        counted = ", ".join(f"{tr(f'workshop.status.{s}', lang)} {n}" for s, n in document["counts"][exercise].items())
        lines.append(f"  {titles[exercise]:<{width}}  {counted}")
    return "\n".join(lines)
