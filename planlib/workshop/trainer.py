"""The trainer's README of a workshop folder, from a markdown template per language (trainer.<lang>.md)."""
from __future__ import annotations

from pathlib import Path

from .cases import CASES_DIR
from .engine import exercises

HERE = Path(__file__).resolve().parent


def trainer_readme(record: dict, root: Path) -> str:
    lang = record["lang"]
    template = HERE / f"trainer.{lang}.md"
    if not template.exists():
        template = HERE / "trainer.en.md"
    rows = "\n".join(f"| `{p['id']}` | {_cell(p['name'])} | `planlib lab {root / 'participants' / p['id']}` |"
                     for p in record["participants"])
    listed = "\n".join(f"{n}. `{e.id}`: {e.title(lang)} ({e.notebook})" for n, e in enumerate(exercises(), 1))
    return template.read_text(encoding="utf-8").format(
        name=record["name"], case=record["case"], count=len(record["participants"]), root=root, participants=rows,
        exercises=listed, solution=CASES_DIR / record["case"] / "solution" / lang)


def _cell(text: str) -> str:
    """A name as one Markdown table cell: its pipes and markup characters escaped."""
    return "".join("\\" + c if c in "|\\`*_[]<>#" else c for c in str(text))
