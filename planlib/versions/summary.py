"""A diff in words: counts first, then the changes a manager looks for.

"owner changed: 3 actions", "budget +4 500,00 € on media in 2026-Q3",
"target raised: 1 key result". Budget moves are summed per category and
quarter (a monthly line counts in its quarter; a yearly line in its year), so
a line moved from one month to the next in the same quarter is no move.
The most important changes (targets, budget amounts, deadlines, owners, rows
added or removed in the objectives, key results, actions and budget) are
listed for the report's first page.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..core import schema as S
from ..core.i18n import column_label, format_exact, format_money, format_number, joined, tr
from ..core.periods import Calendar
from .compare import Change, Diff

DIRECTED = ("target", "baseline", "amount", "rate", "value", "person_days", "impact", "effort", "difficulty")
DATED = ("deadline", "end", "start", "due", "date")
IMPORTANT_COLUMNS = ("target", "baseline", "amount", "deadline", "end", "owner", "period", "status")
IMPORTANT_TABLES = ("objectives", "key_results", "actions", "budget")
MAX_IMPORTANT = 10


def _rows(table: str, count: int, lang: str) -> str:
    return tr(f"diff.rows.{table}", lang, count=count)


def _column(name: str, lang: str) -> str:
    return column_label(name, lang)


def _quarter_of(period_id: str, calendar: Calendar) -> str:
    try:
        period = calendar.parse(str(period_id))
    except Exception:  # noqa: BLE001 - a period the plan does not know stays as written
        return str(period_id)
    if period.kind in ("year", "half", "quarter"):
        return period.id
    quarter = calendar.period_of(period.start, "quarter")
    return quarter.id if quarter.contains(period.end) else period.id


def line_moves(rows_before: dict[str, dict], rows_after: dict[str, dict], calendar: Calendar) -> dict:
    """Net change per (category, quarter) between two sets of budget rows (id -> row)."""
    moves: dict[tuple[str, str], float] = defaultdict(float)
    for sign, rows in ((-1, rows_before), (1, rows_after)):
        for row in rows.values():
            amount = row.get("amount")
            if isinstance(amount, (int, float)) and row.get("category"):
                moves[(str(row["category"]), _quarter_of(row.get("period", ""), calendar))] += sign * amount
    return {key: value for key, value in moves.items() if abs(value) >= 0.005}


def lines(diff: Diff, lang: str) -> list[str]:
    """The summary in words, one line per kind of change, counts first."""
    changes = diff.changes
    if not changes:
        return [tr("diff.no_change", lang)]
    out = []
    for kind in ("added", "removed"):
        counts = Counter(c.table for c in changes if c.table and c.kind == kind and not c.hint)
        for table in S.table_order():
            if counts[table]:
                out.append(tr(f"diff.{kind}", lang, rows=_rows(table, counts[table], lang)))
    renamed = [c for c in changes if c.table and c.kind == "added" and c.hint]
    for table in S.table_order():
        ids = [f"{c.hint} → {c.id}" for c in renamed if c.table == table]
        if ids:
            out.append(tr("diff.renamed", lang, rows=_rows(table, len(ids), lang), ids=", ".join(ids)))
    cells = [c for c in changes if c.table and c.kind == "changed"]
    for table in S.table_order():
        own = [c for c in cells if c.table == table]
        for column in dict.fromkeys(c.column for c in own):
            of_column = [c for c in own if c.column == column]
            if column in DIRECTED and all(c.delta is not None for c in of_column):
                for direction, chosen in (("raised", [c for c in of_column if c.delta > 0]),
                                          ("lowered", [c for c in of_column if c.delta < 0])):
                    if chosen:
                        out.append(tr(f"diff.{direction}", lang, column=_column(column, lang),
                                      rows=_rows(table, len(chosen), lang)))
            elif column in DATED and all(isinstance(c.old, str) and isinstance(c.new, str) for c in of_column):
                for direction, chosen in (("later", [c for c in of_column if c.new > c.old]),
                                          ("earlier", [c for c in of_column if c.new < c.old])):
                    if chosen:
                        out.append(tr(f"diff.{direction}", lang, column=_column(column, lang),
                                      rows=_rows(table, len(chosen), lang)))
            else:
                out.append(tr("diff.changed", lang, column=_column(column, lang), rows=_rows(table, len(of_column), lang)))
    for (category, quarter), amount in sorted(line_moves(*diff.budget_rows, diff.calendar).items()):
        signed = ("+" if amount > 0 else "−") + format_money(abs(amount), diff.currency, lang)
        worded = tr(f"category.{category}", lang)
        out.append(tr("diff.budget_move", lang, amount=signed, period=quarter,
                      category=category if worded == f"category.{category}" else worded))
    for file in S.YAML_FILES:
        count = sum(1 for c in changes if c.file == file)
        if count:
            out.append(tr("diff.yaml_changes", lang, file=file, count=count))
    return out


def _rank(change: Change) -> tuple:
    column_rank = IMPORTANT_COLUMNS.index(change.column) if change.column in IMPORTANT_COLUMNS else len(IMPORTANT_COLUMNS)
    return (column_rank, -abs(change.delta or 0), IMPORTANT_TABLES.index(change.table), str(change.id))


def important(changes: list[Change]) -> list[Change]:
    """The changes a manager reads first: targets, budget, deadlines, owners; rows added or removed."""
    chosen = [c for c in changes if c.table in IMPORTANT_TABLES and
              (c.kind != "changed" or c.column in IMPORTANT_COLUMNS)]
    return sorted(chosen, key=_rank)[:MAX_IMPORTANT]


def value_text(value, lang: str) -> str:
    """One old or new value as a person reads it."""
    if value is None:
        return "∅"
    if isinstance(value, bool):
        return tr("value.yes" if value else "value.no", lang)
    if isinstance(value, (int, float)):
        return format_exact(value, lang)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(v, lang)}" for k, v in value.items())
    if isinstance(value, list):
        return joined((value_text(v, lang) for v in value), lang)
    return str(value)


def change_line(change: Change, lang: str) -> str:
    """One change as a line: where, what, from what to what."""
    where = f"{change.file} {change.id}" if change.id is not None else f"{change.file} {change.path or ''}".rstrip()
    if change.column:
        where += f" {change.column}"
    if change.kind == "changed":
        text = f"{where}: {value_text(change.old, lang)} -> {value_text(change.new, lang)}"
        if change.delta_pct is not None:
            text += f" ({'+' if change.delta_pct >= 0 else ''}{format_number(change.delta_pct, lang, 1)} %)"
        return text
    text = f"{where}: {tr(f'diff.kind.{change.kind}', lang)}"
    if change.hint:
        text += " " + tr(f"diff.hint_{change.kind}", lang, other=change.hint)
    return text
