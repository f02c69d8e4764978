"""Structure checks of YAML files, locating each problem by line and key path.

YAML parts of a plan (plan.yaml, audit.yaml, personas.yaml) are free-form;
`YamlChecker` gives their rules one way to say "this key, on this line, is
not what was expected". The core checks plan.yaml's own settings here;
steps check their YAML parts in their rules with the same checker.
"""
from __future__ import annotations

import re

from .. import schema as S
from ..errors import Problem
from ..freetext import colon_text
from ..parse import DATE_RANGE, to_date


class YamlChecker:
    """Structure checks of a YAML file, locating problems by line and key path."""

    def __init__(self, label: str, lines: dict, problems: list[Problem]):
        self.label, self.lines, self.problems = label, lines, problems

    def problem(self, path: tuple, code: str, expected: str | None = None, **params) -> None:
        self.problems.append(self.located(path, code, expected, params))

    def warn(self, path: tuple, code: str, expected: str | None = None, **params) -> None:
        """A finding that does not block: an empty quadrant, a heuristic's doubt."""
        self.problems.append(self.located(path, code, expected, params, "warning"))

    def located(self, path: tuple, code: str, expected, params: dict, severity: str = "error") -> Problem:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        column = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")
        row = self.lines.get(probe) if probe else None
        return Problem(self.label, row, column or None, code, params, expected, severity)

    def mapping(self, data, path: tuple = ()) -> dict:
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(path, "not_mapping", "mapping")
            return {}
        return data

    def items(self, data: dict, key: str, path: tuple = ()) -> list:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path + (key,), "not_list", "list")
            return []
        return value

    def choice(self, value, allowed, path) -> None:
        if value not in allowed:
            self.problem(path, "not_allowed", "one_of", value=value, allowed=", ".join(map(str, allowed)))

    def number(self, value, path, low=None, high=None) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, "yaml_not_number", "number", value=value)
        elif (low is not None and value < low) or (high is not None and value > high):
            self.problem(path, "out_of_range", "range" if high is not None else "at_least", value=value, low=low, high=high)

    def span(self, item: dict, path: tuple) -> None:
        start, end = to_date(item.get("start")), to_date(item.get("end"))
        for key, value in (("start", start), ("end", end)):
            if value is None:
                self.problem(path + (key,), "not_a_date", "date", value=item.get(key))
            elif not DATE_RANGE[0] <= value.isoformat() <= DATE_RANGE[1]:
                self.problem(path + (key,), "date_out_of_range", "date_range", value=value.isoformat(),
                             low=DATE_RANGE[0][:4], high=DATE_RANGE[1][:4])
                start = end = None  # compared with nothing else
        if start and end and start > end:
            self.problem(path + ("end",), "end_before_start", "end_after_start", first="start", last="end",
                         start=start, end=end)

    def colon_texts(self, items, path: tuple, fields: tuple[str, ...] = ()) -> None:
        """Items of a list of texts that YAML split at a French colon: read as the sentence, with a note."""
        for index, entry in enumerate(items if isinstance(items, list) else []):
            text = colon_text(entry, fields)
            if text is not None:
                self.warn(path + (index,), "colon_read_as_text", "quoted_text", text=text)

    def list_of(self, item: dict, key: str, path: tuple, expected: str = "list") -> None:
        """A key that, when given, must hold a list."""
        if item.get(key) is not None and not isinstance(item[key], list):
            self.problem(path + (key,), "not_list", expected)


def check_plan_settings(data, lines, problems: list[Problem]) -> dict:
    """plan.yaml's own settings: who, when, in which currency, language and calendar."""
    from ..i18n import languages

    check = YamlChecker("plan.yaml", lines, problems)
    settings = check.mapping(data)
    for key, (types, required) in S.PLAN_SETTINGS.items():
        value = settings.get(key)
        if value is None or value == "":
            if required:
                check.problem((key,), "missing_setting", f"setting.{key}")
            continue
        if isinstance(value, bool) or not isinstance(value, types):
            check.problem((key,), "wrong_type", f"setting.{key}", value=value)
    if settings.get("market") is not None:
        check.choice(settings["market"], S.MARKETS, ("market",))
    if settings.get("language") is not None:
        check.choice(settings["language"], languages(), ("language",))
    currency = settings.get("currency")
    if isinstance(currency, str) and not re.fullmatch(r"[A-Z]{3}", currency):
        check.problem(("currency",), "not_currency", "currency", value=currency)
    if settings.get("fiscal_start_month") is not None:
        check.number(settings["fiscal_start_month"], ("fiscal_start_month",), 1, 12)
    if settings.get("sprint_length_days") is not None:
        check.number(settings["sprint_length_days"], ("sprint_length_days",), 1, 60)
    if isinstance(settings.get("year"), int) and not 1900 < settings["year"] < 2200:
        check.problem(("year",), "out_of_range", "a_year", value=settings["year"])
    country = settings.get("country")
    if isinstance(country, str) and country:
        from ..periods import has_holiday_calendar

        if not has_holiday_calendar(country):
            check.problem(("country",), "no_holidays", "country", value=country)
    return settings
