"""What a validation rule sees: the typed tables, the YAML documents, and where to put problems.

Steps check their own parts of a plan with rules: functions of a `Context`
that append `Problem`s. The core runs the rules it is given, in order; it
never imports a step, so a step's rules live (and change) in the step's room.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import schema as S
from ..errors import Problem
from ..io.readers import RawTable
from .yamlcheck import YamlChecker


@dataclass
class Context:
    """A plan being validated: typed tables, their raw text, YAML documents and their line numbers."""

    tables: dict[str, pd.DataFrame]
    raws: dict[str, RawTable]
    yaml: dict[str, object]  # file name -> parsed document (None when absent or unreadable)
    lines: dict[str, dict]  # file name -> {key path: line number}
    settings: dict
    problems: list[Problem]
    path: Path | None = None  # the plan folder, for files a plan names (last year's plan)
    rules: tuple = ()  # the rules being run, to load a plan the plan names with the same rules

    def checker(self, file_name: str) -> YamlChecker:
        """Locates problems of a YAML file by line and key path."""
        return YamlChecker(file_name, self.lines.get(file_name, {}), self.problems)

    def yaml_items(self, file_name: str, key: str) -> list:
        """The list under a top-level key of a YAML document, or [] if it is not one."""
        document = self.yaml.get(file_name)
        items = document.get(key) if isinstance(document, dict) else None
        return items if isinstance(items, list) else []

    def yaml_ids(self, ref: str) -> set[str]:
        """Ids of the records a YAML file holds (personas.yaml's personas), for references."""
        file_name, key = S.YAML_ID_SOURCES[ref]
        return {str(item["id"]) for item in self.yaml_items(file_name, key) if isinstance(item, dict) and item.get("id")}

    def for_rows(self, table: str, mask: pd.Series):
        """(spreadsheet row, row) for each row of a table where `mask` holds."""
        raw, frame = self.raws[table], self.tables[table]
        for index in mask.to_numpy().nonzero()[0]:
            yield raw.row_number(int(index)), frame.iloc[int(index)]

    def cell_problem(self, table: str, row: int, column: str, code: str, expected: str | None = None, **params) -> None:
        self.problems.append(Problem(self.raws[table].source, row, column, code, params, expected))

    def cell_warning(self, table: str, row: int, column: str, code: str, expected: str | None = None, **params) -> None:
        """A finding on a cell that does not block a save."""
        self.problems.append(Problem(self.raws[table].source, row, column, code, params, expected, severity="warning"))


Rule = Callable[[Context], None]
