"""Which plan a command works on when none is named, how it says so, and in which language.

One rule for every command: the workspace or plan folder you are in (or
above), else the kit's example. The command names the plan it chose, so a
report of the wrong plan is never silent.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .language import resolve_language
from .plan_path import resolve_plan_path
from .runtime import WORKSPACE_FILE

EXAMPLE = Path("data") / "example"


@dataclass(frozen=True)
class FoundPlan:
    """A plan folder and why it was chosen: workspace, folder or example."""

    path: Path
    reason: str

    def announcement(self, lang: str | None = None) -> str:
        """The line naming the plan chosen and why, in `lang` (default: the plan's own language)."""
        from .i18n import tr

        return tr(f"cli.plan_chosen.{self.reason}", resolve_language(lang, self.path), plan=str(self.path))


def find_plan(start: Path | None = None) -> FoundPlan:
    """The plan of the workspace or plan folder `start` (default: here) is in, else the kit's example."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / WORKSPACE_FILE).is_file() and (folder / "plan").is_dir():
            return FoundPlan(folder / "plan", "workspace")
        if (folder / "plan.yaml").is_file():
            return FoundPlan(folder, "folder")
    return FoundPlan(resolve_plan_path(EXAMPLE), "example")
