"""Rules across rows and tables: unique ids, known references, no cycles, dates in order.

These follow from the schema alone (a column's kind and the table it points
to), so they hold for every table of every step without a step naming them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schema as S
from ..errors import Problem
from ..periods import Calendar
from .context import Context


def check_links(ctx: Context) -> None:
    """Duplicate ids, unknown references, cycles and date order, for every table."""
    ids = {name: set(frame["id"].tolist()) - {""} for name, frame in ctx.tables.items()}
    ids.update({name: ctx.yaml_ids(name) for name in S.YAML_ID_SOURCES})
    unreadable = _unreadable_targets(ctx)
    for name, frame in ctx.tables.items():
        raw = ctx.raws[name]
        _duplicates(frame, raw, ctx.problems)
        for column in S.table(name).columns:
            if column.kind not in (S.REF, S.REFLIST) or column.ref in unreadable:
                continue
            known = ids.get(column.ref, set())
            target = S.YAML_ID_SOURCES[column.ref][0] if column.ref in S.YAML_ID_SOURCES else f"{column.ref}.csv"
            values = frame[column.name]
            suspect = (values != "") & ~values.isin(list(known))  # a list of ids is suspect as a whole
            for index in np.flatnonzero(suspect.to_numpy()):
                value = values.iloc[index]
                for ref in (value.split(",") if column.kind == S.REFLIST else [value]):
                    if ref and ref not in known:
                        ctx.problems.append(Problem(raw.source, raw.row_number(index), column.name, "unknown_id",
                                                    {"value": ref, "target": target}, "id_from"))
        table = S.table(name)
        for column in table.columns:
            if column.kind == S.REF and column.ref == name:  # a link to the same table: no cycle allowed
                _cycles(frame, raw, column.name, ctx.problems)
            if column.kind == S.REFLIST and column.ref == name:
                _cycles(frame, raw, column.name, ctx.problems)
        for first, last in table.date_order:
            _date_order(frame, raw, first, last, ctx.problems)
        _dates_near_year(frame, raw, table, ctx.settings, ctx.problems)


def _unreadable_targets(ctx: Context) -> set[str]:
    """Tables without an id column and YAML files that could not be read: their own problem says why,
    so references to them are not also reported one by one as unknown ids."""
    broken_files = {p.file for p in ctx.problems if not p.is_warning}
    unreadable = {name for name, raw in ctx.raws.items() if len(raw.frame) and "id" not in raw.frame.columns}
    for name, (file, *_) in S.YAML_ID_SOURCES.items():
        document = ctx.yaml.get(file)
        if (document is None and file in broken_files) or (document is not None and not isinstance(document, dict)):
            unreadable.add(name)
    return unreadable


def _duplicates(frame, raw, problems) -> None:
    ids = frame["id"]
    repeated = ids.duplicated(keep=False) & (ids != "")
    seen: dict[str, int] = {}
    for index in np.flatnonzero(repeated.to_numpy()):
        value = ids.iloc[index]
        if value in seen:
            problems.append(Problem(raw.source, raw.row_number(index), "id", "duplicate_id_row",
                                    {"value": value, "row": seen[value]}, "unique_id"))
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
                    problems.append(Problem(raw.source, rows[cycle[0]], column, "cycle", {"loop": loop}, "no_cycle"))
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges.get(child, ()))))


def _date_order(frame, raw, first, last, problems) -> None:
    wrong = frame[first].notna() & frame[last].notna() & (frame[first] > frame[last])
    for index in np.flatnonzero(wrong.to_numpy()):
        problems.append(Problem(raw.source, raw.row_number(index), last, "end_before_start",
                                {"first": first, "last": last, "start": frame[first].iloc[index].date(),
                                 "end": frame[last].iloc[index].date()}, "end_after_start"))


def _dates_near_year(frame, raw, table: S.Table, settings: dict, problems) -> None:
    """A date outside the calendar's near years (1969-12-31 is a zero timestamp, 2062 a typo of 2026)
    counts in no period of the plan: a warning on the cell, the plan still loads."""
    year = settings.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or frame.empty:
        return
    try:
        first, last = (pd.Timestamp(day) for day in Calendar.from_settings(settings).near_years())
    except (TypeError, ValueError):  # a fiscal start that is no month: plan.yaml's own check says so
        return
    for column in table.columns:
        if column.kind != S.DATE or column.name not in frame.columns:
            continue
        days = frame[column.name]
        far = days.notna() & ((days < first) | (days > last))
        for index in np.flatnonzero(far.to_numpy())[:20]:  # the first twenty say enough of a shifted column
            problems.append(Problem(raw.source, raw.row_number(index), column.name, "date_far_from_plan",
                                    {"value": days.iloc[index].date(), "year": year}, "date_near_plan",
                                    severity="warning"))
