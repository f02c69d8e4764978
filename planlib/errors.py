"""Problems found in a plan, collected and raised together.

An analyst fixes a plan faster from one complete list than from one error at a
time, so readers and validators append `Problem`s and raise a single
`PlanError` at the end.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as a person would find it in a spreadsheet."""

    file: str
    row: int | None
    column: str | None
    message: str
    expected: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class PlanError(Exception):
    """Raised with every problem of a plan at once."""

    def __init__(self, problems: list[Problem], lang: str = "en"):
        self.problems = list(problems)
        self.lang = lang  # the language `report` and notebooks list the problems in
        super().__init__(self.report("en"))

    def _render_traceback_(self) -> list[str]:
        """IPython shows this instead of a traceback: the analyst sees only the list."""
        return self.report(self.lang).splitlines()

    def report(self, lang: str | None = None) -> str:
        from .messages import heading, problem_text

        lang = lang or self.lang
        lines = [heading(len(self.problems), lang)]
        return "\n".join(lines + [f"  {problem_text(p, lang)}" for p in self.problems])
