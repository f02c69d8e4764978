"""Turn text tables into typed tables, collecting every problem on the way.

Each column is typed by its kind in `planlib.schema` with vectorised pandas
operations (a plan may hold hundreds of thousands of rows); each cell that
does not fit becomes a `Problem` naming file, spreadsheet row and column.
Cross-table rules (references, duplicate ids, cycles, date order) follow.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from . import schema as S
from .budget import SCHEDULE_FORM, parse_schedule
from .errors import Problem
from .kpis import FORMULA_FORM, formula_metrics
from .periods import PERIOD_FORMS, Calendar, PeriodError, to_date
from .readers import RawTable

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_NOISE = re.compile(r"[\s€$£%]|EUR", re.UNICODE)
_TRUE = {"true", "yes", "oui", "vrai", "1", "x"}
_FALSE = {"false", "no", "non", "faux", "0"}
_EXPECTED_NUMBER = {
    S.INT: "a whole number",
    S.FLOAT: "a number such as 1250.5 or 1 250,50",
    S.MONEY: "an amount such as 1250.50 or 1 250,50 €",
    S.PERCENT: "a percentage such as 3.5 or 3,5 %",
}
DATE_EXPECTED = "a date such as 2026-03-15 or 15/03/2026"


def restore_text(series: pd.Series) -> pd.Series:
    """Undo the quote an export put before text a spreadsheet would run as a formula."""
    quoted = series.str.startswith("'")
    if not quoted.any():
        return series
    mask = quoted & series.str[1:2].isin(FORMULA_PREFIXES)
    if mask.any():
        series = series.copy()
        series[mask] = series[mask].str[1:]
    return series


def parse_numbers(series: pd.Series, decimal_comma: bool) -> pd.Series:
    """Numbers from text as people write them: 1250.5, 1 250,50 €, 3,5 %."""
    numbers = pd.to_numeric(series.where(series != "", None), errors="coerce")
    failed = (series != "") & numbers.isna()
    if failed.any():  # only the cells plain parsing missed go through the cleaning
        clean = series[failed].str.replace(_NUMBER_NOISE, "", regex=True)
        if decimal_comma:
            clean = clean.str.replace(",", ".", regex=False)
        numbers[failed] = pd.to_numeric(clean.where(clean != "", None), errors="coerce")
    return numbers


def parse_dates(series: pd.Series) -> pd.Series:
    """ISO dates, else French day-first dates (15/03/2026, 15/03/26)."""
    values = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
    for form in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        missing = (series != "") & values.isna()
        if not missing.any():
            break
        values[missing] = pd.to_datetime(series[missing], format=form, errors="coerce")
    return values.astype("datetime64[ns]")


class TableChecker:
    """Types one RawTable against its schema.Table, appending problems."""

    def __init__(self, raw: RawTable, table: S.Table, problems: list[Problem], calendar: Calendar):
        self.raw, self.table, self.problems, self.calendar = raw, table, problems, calendar

    def problem(self, index, column: str, message: str, expected: str | None = None) -> None:
        row = self.raw.row_number(int(index)) if index is not None else 1
        self.problems.append(Problem(self.raw.source, row, column, message, expected))

    def bad_cells(self, mask: pd.Series, column: str, message, expected: str) -> None:
        positions = np.flatnonzero(mask.to_numpy(dtype=bool, na_value=False))
        if not len(positions):
            return
        values = self.raw.frame[column]
        for index in positions:
            self.problem(index, column, message(values.iloc[index]), expected)

    def typed(self) -> pd.DataFrame:
        if not len(self.raw.frame.columns):  # an empty file is an empty table
            self.raw.frame = pd.DataFrame(columns=self.table.column_names, dtype=str)
        frame = self.raw.frame
        missing = [c.name for c in self.table.columns if c.required and c.name not in frame.columns]
        for name in missing:
            self.problems.append(Problem(self.raw.source, 1, name, "missing required column",
                                         f"a header row with: {', '.join(self.table.column_names)}"))
        out = {}
        for column in self.table.columns:
            if column.name in frame.columns:
                values = frame[column.name]
            else:
                values = pd.Series([""] * len(frame), index=frame.index, dtype=str)
            out[column.name] = self.column(column, values)
        for extra in frame.columns:
            if extra not in out and extra:
                out[extra] = restore_text(frame[extra]) if self.raw.may_hold_quotes else frame[extra]
        return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))

    def column(self, column: S.Column, values: pd.Series) -> pd.Series:
        present = column.name in self.raw.frame.columns
        if column.default:
            values = values.where(values != "", column.default)
        empty = values == ""
        if column.required and present and empty.any():
            self.bad_cells(empty, column.name, lambda v: "missing value", _expected(column))
        kind = column.kind
        if kind not in S.NUMERIC_KINDS | {S.DATE, S.BOOL} and self.raw.may_hold_quotes:
            values = restore_text(values)
        if kind in S.NUMERIC_KINDS:
            return self.numbers(column, values, empty)
        if kind == S.DATE:
            parsed = parse_dates(values)
            self.bad_cells(~empty & parsed.isna(), column.name, lambda v: f"not a date: '{v}'", DATE_EXPECTED)
            return parsed
        if kind == S.BOOL:
            lower = _map_distinct(values, str.lower)
            bad = ~empty & ~lower.isin(_TRUE | _FALSE)
            self.bad_cells(bad, column.name, lambda v: f"not yes/no: '{v}'", "true/false, yes/no or oui/non")
            return lower.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA)).astype("boolean")
        if kind == S.ENUM:
            canon = _map_distinct(values, lambda v: S.ALIASES.get(v.lower(), v.lower()))
            bad = ~empty & ~canon.isin(column.allowed)
            self.bad_cells(bad, column.name, lambda v: f"'{v}' is not allowed", f"one of {', '.join(column.allowed)}")
            return canon.where(~bad, values).astype(str)
        if kind == S.REFLIST:
            return values.map(lambda v: ",".join(p.strip() for p in re.split(r"[,;]", v) if p.strip())).astype(str)
        if kind == S.PERIOD:
            self.check_each(values, empty, column.name, self.calendar.parse, PERIOD_FORMS)
            canonical = {v: self.calendar.parse(v).id for v in values.unique() if v and _ok(self.calendar.parse, v)}
            return values.map(lambda v: canonical.get(v, v)).astype(str)
        if kind == S.SCHEDULE:
            self.check_each(values, empty, column.name, parse_schedule, SCHEDULE_FORM)
        if kind == S.FORMULA:
            self.check_each(values, empty, column.name, formula_metrics, FORMULA_FORM)
        return values.astype(str)

    def check_each(self, values, empty, name, parse, expected) -> None:
        """Parse each distinct value once; report every row holding a bad one."""
        errors = {}
        for value in values[~empty].unique():
            try:
                parse(value)
            except (ValueError, PeriodError) as error:
                errors[value] = str(error).split(" (expected")[0]
        if errors:
            for index in np.flatnonzero(values.isin(list(errors)).to_numpy()):
                self.problem(index, name, errors[values.iloc[index]], expected)

    def numbers(self, column: S.Column, values: pd.Series, empty: pd.Series) -> pd.Series:
        parsed = parse_numbers(values, self.raw.decimal_comma)
        expected = _EXPECTED_NUMBER[column.kind]
        bad = ~empty & parsed.isna()
        self.bad_cells(bad, column.name, lambda v: f"not a number: '{v}'", expected)
        if column.kind == S.INT:
            fractional = parsed.notna() & (parsed != parsed.round())
            self.bad_cells(fractional, column.name, lambda v: f"not a whole number: '{v}'", expected)
        if column.minimum is not None:
            low = parsed < column.minimum
            word = "negative" if column.minimum == 0 else f"below {column.minimum:g}"
            self.bad_cells(low, column.name, lambda v: f"{word} value: '{v}'", _range(column))
        if column.maximum is not None:
            high = parsed > column.maximum
            self.bad_cells(high, column.name, lambda v: f"above {column.maximum:g}: '{v}'", _range(column))
        if column.kind == S.INT:
            return parsed.round().astype("Int64")
        return parsed.astype("float64")


def _map_distinct(values: pd.Series, function) -> pd.Series:
    """Apply a function once per distinct value: columns repeat few values many times."""
    mapping = {value: function(value) for value in values.unique()}
    return values.map(mapping).astype(str)


def _ok(parse, value) -> bool:
    try:
        parse(value)
        return True
    except (ValueError, PeriodError):
        return False


def _expected(column: S.Column) -> str:
    if column.kind == S.ENUM:
        return f"one of {', '.join(column.allowed)}"
    if column.kind in S.NUMERIC_KINDS:
        return _EXPECTED_NUMBER[column.kind]
    if column.kind == S.DATE:
        return DATE_EXPECTED
    if column.kind in (S.REF, S.REFLIST):
        return f"an id from {column.ref}"
    return column.help or "a value"


def _range(column: S.Column) -> str:
    if column.maximum is not None and column.minimum is not None:
        return f"a value from {column.minimum:g} to {column.maximum:g}"
    if column.minimum == 0:
        return "zero or more"
    return f"at least {column.minimum:g}"


def check_table(raw: RawTable, problems: list[Problem], calendar: Calendar,
                settings: dict | None = None) -> pd.DataFrame:
    """Type one table; a plan's own budget categories extend the allowed ones."""
    table = S.TABLES[raw.name]
    categories = tuple(S.plan_categories(settings or {}))
    if "category" in table.column_names and categories != S.BUDGET_CATEGORIES:
        columns = tuple(replace(c, allowed=categories) if c.name == "category" else c for c in table.columns)
        table = replace(table, columns=columns)
    return TableChecker(raw, table, problems, calendar).typed()


# -- cross-table rules -----------------------------------------------------------

def check_links(tables: dict[str, pd.DataFrame], sources: dict[str, RawTable],
                persona_ids: set[str], problems: list[Problem]) -> None:
    """Duplicate ids, unknown references, cycles and date order."""
    ids = {name: set(frame["id"].tolist()) - {""} for name, frame in tables.items()}
    ids["personas"] = persona_ids
    for name, frame in tables.items():
        raw = sources[name]
        _duplicates(frame, raw, problems)
        for column in S.TABLES[name].columns:
            if column.kind not in (S.REF, S.REFLIST):
                continue
            known = ids.get(column.ref, set())
            target = "personas.yaml" if column.ref == "personas" else f"{column.ref}.csv"
            values = frame[column.name]
            suspect = (values != "") & ~values.isin(list(known))  # a list of ids is suspect as a whole
            for index in np.flatnonzero(suspect.to_numpy()):
                value = values.iloc[index]
                for ref in (value.split(",") if column.kind == S.REFLIST else [value]):
                    if ref and ref not in known:
                        problems.append(Problem(raw.source, raw.row_number(index), column.name,
                                                f"unknown id '{ref}'", f"an id from {target}"))
    _cycles(tables["actions"], sources["actions"], "depends_on", problems)
    _cycles(tables["objectives"], sources["objectives"], "parent_id", problems)
    _date_order(tables["actions"], sources["actions"], "start", "end", problems)
    _budget_rules(tables["budget"], sources["budget"], problems)
    _drivers_forecast(tables["budget"], sources["budget"], set(tables["forecasts"]["driver"]), problems)


def _duplicates(frame, raw, problems) -> None:
    ids = frame["id"]
    repeated = ids.duplicated(keep=False) & (ids != "")
    seen: dict[str, int] = {}
    for index in np.flatnonzero(repeated.to_numpy()):
        value = ids.iloc[index]
        if value in seen:
            problems.append(Problem(raw.source, raw.row_number(index), "id",
                                    f"duplicate id '{value}', already on row {seen[value]}", "a unique id per row"))
        else:
            seen[value] = raw.row_number(index)


def _cycles(frame, raw, column, problems) -> None:
    """Report each cycle of a dependency column once, naming its ids in order."""
    ids, links = frame["id"].tolist(), frame[column].tolist()
    edges = {i: [p for p in v.split(",") if p] for i, v in zip(ids, links) if i and v}
    rows = {i: raw.row_number(n) for n, i in enumerate(ids) if i in edges}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset] = set()
    for root in edges:
        if state.get(root):
            continue
        stack = [(root, iter(edges.get(root, ())))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif child not in edges:
                continue
            elif state.get(child) == 1:
                cycle = path[path.index(child):]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    loop = " -> ".join(cycle + [child])
                    problems.append(Problem(raw.source, rows[cycle[0]], column, f"dependency cycle: {loop}",
                                            "links that never lead back to the same id"))
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges.get(child, ()))))


def _date_order(frame, raw, first, last, problems) -> None:
    wrong = frame[first].notna() & frame[last].notna() & (frame[first] > frame[last])
    for index in np.flatnonzero(wrong.to_numpy()):
        problems.append(Problem(raw.source, raw.row_number(index), last,
                                f"{last} {frame[last].iloc[index].date()} is before {first} {frame[first].iloc[index].date()}",
                                f"{last} on or after {first}"))


def _budget_rules(frame, raw, problems) -> None:
    variable = frame["cost_type"] == "variable"
    suspect = (variable & (frame["rate"].isna() | (frame["driver"] == ""))) | (~variable & frame["amount"].isna()) \
        | ((frame["schedule"] != "") & (frame["action_id"] == ""))
    for index in np.flatnonzero(suspect.to_numpy()):
        row = frame.iloc[index]
        where = raw.row_number(index)
        if row.cost_type == "variable":
            if pd.isna(row.rate):
                problems.append(Problem(raw.source, where, "rate", "a variable cost needs a rate", "a percentage of its driver"))
            if not row.driver:
                problems.append(Problem(raw.source, where, "driver", "a variable cost needs a driver", "the forecast the rate applies to"))
        elif pd.isna(row.amount):
            problems.append(Problem(raw.source, where, "amount", "a fixed cost needs an amount", "an amount such as 1250.50"))
        if row.schedule and not row.action_id and re.search(r"\b(start|end)\b", row.schedule, re.I):
            problems.append(Problem(raw.source, where, "schedule", "a milestone instalment needs an action",
                                    "an action_id, or dates instead of start/end"))


def _drivers_forecast(frame, raw, drivers: set[str], problems) -> None:
    """A variable cost applies its rate to a forecast: that forecast must exist."""
    missing = (frame["cost_type"] == "variable") & (frame["driver"] != "") & ~frame["driver"].isin(list(drivers))
    for index in np.flatnonzero(missing.to_numpy()):
        problems.append(Problem(raw.source, raw.row_number(index), "driver",
                                f"no forecast for driver '{frame['driver'].iloc[index]}'",
                                "a driver of forecasts.csv" + (f" ({', '.join(sorted(drivers))})" if drivers else "")))


# -- YAML files --------------------------------------------------------------------

class YamlChecker:
    """Structure checks of a YAML file, locating problems by line and key path."""

    def __init__(self, label: str, lines: dict, problems: list[Problem]):
        self.label, self.lines, self.problems = label, lines, problems

    def problem(self, path: tuple, message: str, expected: str | None = None) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        column = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")
        row = self.lines.get(probe) if probe else None
        self.problems.append(Problem(self.label, row, column or None, message, expected))

    def mapping(self, data, path: tuple = ()) -> dict:
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.problem(path, "not a mapping of 'key: value' lines", "key: value pairs")
            return {}
        return data

    def items(self, data: dict, key: str, path: tuple = ()) -> list:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path + (key,), "not a list", "a list of '- ' items")
            return []
        return value

    def choice(self, value, allowed, path) -> None:
        if value not in allowed:
            self.problem(path, f"'{value}' is not allowed", f"one of {', '.join(map(str, allowed))}")

    def number(self, value, path, low=None, high=None) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, f"not a number: '{value}'", "a number")
        elif (low is not None and value < low) or (high is not None and value > high):
            self.problem(path, f"{value} is out of range", f"a value from {low} to {high}" if high is not None else f"at least {low}")

    def span(self, item: dict, path: tuple) -> None:
        start, end = to_date(item.get("start")), to_date(item.get("end"))
        for key, value in (("start", start), ("end", end)):
            if value is None:
                self.problem(path + (key,), f"not a date: '{item.get(key)}'", DATE_EXPECTED)
        if start and end and start > end:
            self.problem(path + ("end",), f"end {end} is before start {start}", "end on or after start")


def check_plan_settings(data, lines, problems: list[Problem]) -> dict:
    check = YamlChecker("plan.yaml", lines, problems)
    settings = check.mapping(data)
    for key, (types, required, help_text) in S.PLAN_SETTINGS.items():
        value = settings.get(key)
        if value is None or value == "":
            if required:
                check.problem((key,), "missing setting", help_text)
            continue
        if isinstance(value, bool) or not isinstance(value, types):
            check.problem((key,), f"wrong type: '{value}'", help_text)
    if settings.get("market") is not None:
        check.choice(settings["market"], S.MARKETS, ("market",))
    if settings.get("language") is not None:
        check.choice(settings["language"], S.LANGUAGES, ("language",))
    currency = settings.get("currency")
    if isinstance(currency, str) and not re.fullmatch(r"[A-Z]{3}", currency):
        check.problem(("currency",), f"'{currency}' is not a currency code", "three capital letters such as EUR")
    if settings.get("fiscal_start_month") is not None:
        check.number(settings["fiscal_start_month"], ("fiscal_start_month",), 1, 12)
    if settings.get("sprint_length_days") is not None:
        check.number(settings["sprint_length_days"], ("sprint_length_days",), 1, 60)
    if isinstance(settings.get("year"), int) and not 1900 < settings["year"] < 2200:
        check.problem(("year",), f"{settings['year']} is out of range", "a year such as 2026")
    country = settings.get("country")
    if isinstance(country, str) and country:
        import holidays
        if country not in holidays.list_supported_countries():
            check.problem(("country",), f"'{country}' has no holiday calendar", "an ISO country code such as FR, BE, CH, CA")
    budget = check.mapping(settings.get("budget"), ("budget",)) if isinstance(settings.get("budget"), dict) else {}
    if budget.get("method") is not None:
        check.choice(budget["method"], S.BUDGET_METHODS, ("budget", "method"))
    for key in ("envelope", "revenue_forecast"):
        if budget.get(key) is not None:
            check.number(budget[key], ("budget", key), 0)
    if budget.get("revenue_share") is not None:
        check.number(budget["revenue_share"], ("budget", "revenue_share"), 0, 100)
    for i, extra in enumerate(check.items(budget, "categories", ("budget",))):
        if not isinstance(extra, dict) or not extra.get("id"):
            check.problem(("budget", "categories", i), "each category needs an id", "id, en, fr")
    for i, item in enumerate(check.items(settings, "high_activity_periods")):
        path = ("high_activity_periods", i)
        if not isinstance(item, dict) or not item.get("name"):
            check.problem(path, "each high-activity period needs a name, start and end", "name, start, end")
            continue
        check.span(item, path)
        for key, expected in (("avoid", "a list of workstreams (or all) whose actions should not run then"),
                              ("prepare", "a list of action ids that must end before it starts")):
            if item.get(key) is not None and not isinstance(item[key], list):
                check.problem(path + (key,), "not a list", expected)
    for i, member in enumerate(check.items(settings, "team")):
        path = ("team", i)
        if not isinstance(member, dict) or not member.get("owner"):
            check.problem(path, "each team member needs an owner name", "owner, days_per_week, absences")
            continue
        if member.get("days_per_week") is not None:
            check.number(member["days_per_week"], path + ("days_per_week",), 0, 7)
        if member.get("share") is not None:
            check.number(member["share"], path + ("share",), 0, 1)
        for j, absence in enumerate(check.items(member, "absences", path)):
            if isinstance(absence, dict):
                check.span(absence, path + ("absences", j))
            else:
                check.problem(path + ("absences", j), "not a start/end span", "start and end dates")
    for i, item in enumerate(check.items(settings, "other_deadlines")):
        if not isinstance(item, dict) or not item.get("name") or to_date(item.get("date")) is None:
            check.problem(("other_deadlines", i), "each deadline needs a name and a date",
                          "{name: Catalogue print, date: 2026-09-15}")
    return settings


def check_audit(data, lines, problems: list[Problem]) -> dict:
    check = YamlChecker("audit.yaml", lines, problems)
    audit = check.mapping(data)
    swot = check.mapping(audit.get("swot"), ("swot",))
    for key in swot:
        if key not in S.SWOT_KEYS:
            check.problem(("swot", key), f"unknown SWOT part '{key}'", f"one of {', '.join(S.SWOT_KEYS)}")
        elif swot[key] is not None and not isinstance(swot[key], list):
            check.problem(("swot", key), "not a list", "a list of '- ' items")
    for i, factor in enumerate(check.items(audit, "pestel")):
        path = ("pestel", i)
        if not isinstance(factor, dict):
            check.problem(path, "not a factor", "factor, description, impact, likelihood")
            continue
        check.choice(factor.get("factor"), S.PESTEL_FACTORS, path + ("factor",))
        for key in ("impact", "likelihood"):
            if factor.get(key) is not None:
                check.number(factor[key], path + (key,), 1, 5)
    market = check.mapping(audit.get("market"), ("market",))
    for key in ("size", "growth"):
        if market.get(key) is not None:
            check.number(market[key], ("market", key))
    for i, competitor in enumerate(check.items(audit, "competitors")):
        if not isinstance(competitor, dict) or not competitor.get("name"):
            check.problem(("competitors", i), "each competitor needs a name", "name, strengths, weaknesses")
    return audit


def check_period_actions(settings: dict, action_ids: set[str], lines: dict, problems: list[Problem]) -> None:
    """Actions a high-activity period must follow exist in actions.csv."""
    check = YamlChecker("plan.yaml", lines, problems)
    for i, item in enumerate(settings.get("high_activity_periods") or []):
        if isinstance(item, dict) and isinstance(item.get("prepare"), list):
            for j, action in enumerate(item["prepare"]):
                if str(action) not in action_ids:
                    check.problem(("high_activity_periods", i, "prepare", j), f"unknown action '{action}'",
                                  "an id from actions.csv")


def check_personas(data, lines, problems: list[Problem]) -> list[dict]:
    check = YamlChecker("personas.yaml", lines, problems)
    root = check.mapping(data)
    personas, seen = [], set()
    for i, persona in enumerate(check.items(root, "personas")):
        path = ("personas", i)
        if not isinstance(persona, dict) or not persona.get("id"):
            check.problem(path, "each persona needs an id", "id, name, type, criteria, needs, objections, channels")
            continue
        if persona["id"] in seen:
            check.problem(path + ("id",), f"duplicate id '{persona['id']}'", "a unique id per persona")
        seen.add(persona["id"])
        if not persona.get("name"):
            check.problem(path + ("name",), "missing name", "a name such as 'Claire, young parent'")
        check.choice(persona.get("type"), S.PERSONA_TYPES, path + ("type",))
        for key in ("needs", "objections", "channels"):
            if persona.get(key) is not None and not isinstance(persona[key], list):
                check.problem(path + (key,), "not a list", "a list of '- ' items")
        personas.append(persona)
    return personas


def check_persona_channels(personas: list[dict], channel_ids: set[str], lines: dict, problems: list[Problem]) -> None:
    check = YamlChecker("personas.yaml", lines, problems)
    for i, persona in enumerate(personas):
        for j, channel in enumerate(persona.get("channels") or []):
            if str(channel) not in channel_ids:
                check.problem(("personas", i, "channels", j), f"unknown channel '{channel}'", "an id from channels.csv")
