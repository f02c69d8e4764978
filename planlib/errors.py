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

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def _render_traceback_(self) -> list[str]:
        """IPython shows this instead of a traceback: the analyst sees only the list."""
        return self.report().splitlines()

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        return "\n".join([head] + [f"  {p}" for p in self.problems])
