"""Actual spend from the files that hold it: an ad platform's cost column, or the ledger's FEC.

An ad export's cost goes in per day, on the budget line of its channel whose
period holds the day (or the line given). A FEC's expense lines go in per
entry and account, on the category their account maps to (accounts.yaml,
the plan's own first) and on a budget line when the mapping names one or the
category has a single line for that period. Importing the same entries again
counts them once; a different amount for the same day and line is refused,
or replaced with `replace`. One validated, atomic save, or nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ...core.errors import PlanError, Problem
from ...core.exports.fec import is_fec, read_fec
from ...core.exports.reader import read_export
from ...core.exports.sections import read_sections
from ...core.exports.sources import read_yaml_file
from ...core.fresh import reread
from ...core.ids import next_ids
from ...core.io.plan_lock import plan_lock

KIT_ACCOUNTS = Path(__file__).resolve().parents[2] / "core" / "exports" / "accounts.yaml"


@dataclass
class SpendResult:
    kind: str  # "fec" or the ad source's name
    rows: int
    total: float
    first: object
    last: object
    already: int = 0  # rows the plan already held, counted once
    replaced: int = 0
    unmapped: dict[str, float] = field(default_factory=dict)  # account -> amount left out (no category)
    by_line: dict[str, float] = field(default_factory=dict)
    no_line: dict[str, float] = field(default_factory=dict)  # category -> amount with no line
    left_out: list[tuple[str, str]] = field(default_factory=list)
    other_lines: int = 0  # FEC lines on accounts outside class 6 (suppliers, VAT, bank): the entries' other side
    written: bool = False


@lru_cache(maxsize=4)
def _accounts_file(path: Path, stamp: float) -> dict:
    data = read_yaml_file(path)
    return {str(k).rstrip("x"): v for k, v in (data.get("accounts") or {}).items()}


def account_map(plan_path: Path | None, accounts_file: Path | None = None) -> dict[str, dict]:
    """Account prefix -> {category, line}: the kit's, then the plan's (or the file given) over it."""
    found = dict(_accounts_file(KIT_ACCOUNTS, KIT_ACCOUNTS.stat().st_mtime))
    own = accounts_file or (Path(plan_path) / "sources" / "accounts.yaml" if plan_path else None)
    if own is not None and Path(own).is_file():
        found.update(_accounts_file(Path(own), Path(own).stat().st_mtime))
    return found


def _mapped(account: str, accounts: dict[str, dict]) -> dict | None:
    for length in range(len(account), 0, -1):
        if account[:length] in accounts:
            return accounts[account[:length]]
    return None


def line_spans(plan) -> list[tuple]:
    """Each budget line as (row, first day, last day), its period parsed once per import (None: the whole plan)."""
    spans = []
    for row in plan.budget.itertuples():
        period = plan.period(row.period) if row.period else None
        spans.append((row, period.start if period else None, period.end if period else None))
    return spans


def _lines_for(spans, day, **match) -> list[str]:
    """The ids of the lines with these attributes whose period holds the day."""
    return [row.id for row, first, last in spans
            if all(getattr(row, key) == value for key, value in match.items())
            and (first is None or first <= day <= last)]


def _fec_rows(plan, path: Path, accounts_file: Path | None):
    fec = read_fec(path)
    accounts = account_map(plan.path, accounts_file)
    lines = fec.lines
    expense = lines[lines["account"].str.startswith("6")]
    mapping = {a: _mapped(a, accounts) for a in expense["account"].unique()}
    unmapped = expense[expense["account"].map(lambda a: mapping[a] is None)]
    kept = expense[expense["account"].map(lambda a: mapping[a] is not None)]
    grouped = kept.groupby(["journal", "entry", "account"], as_index=False, sort=False).agg(
        date=("date", "min"), amount=("amount", "sum"), label=("label", "first"), supplier=("supplier", "first"),
        row=("row", "min"))
    rows, problems = [], []
    spans, known, actions = line_spans(plan), set(plan.budget["id"]), plan.budget.set_index("id")["action_id"]
    for entry in grouped.itertuples():
        target = mapping[entry.account]
        category, line = str(target.get("category", "")), str(target.get("line", "") or "")
        if line and line not in known:
            problems.append(Problem(fec.file, int(entry.row), "CompteNum", "unknown_budget_line",
                                    {"value": line, "account": entry.account}, "budget_line_ids"))
            continue
        if not line:
            candidates = _lines_for(spans, entry.date, category=category)
            line = candidates[0] if len(candidates) == 1 else ""
        action = actions.get(line, "") if line else ""
        rows.append({"date": entry.date, "amount": round(float(entry.amount), 2), "budget_line_id": line,
                     "action_id": action, "category": category, "supplier": entry.supplier,
                     "label": entry.label,
                     "source": f"fec:{entry.journal}/{entry.entry}/{entry.account}/{entry.date:%Y%m%d}",
                     "row": int(entry.row)})
    if problems:
        raise PlanError(problems)
    left = unmapped.groupby("account")["amount"].sum().round(2).to_dict()
    return fec.file, rows, left, len(lines) - len(expense)


def _ad_rows(plan, path: Path, source: str, channel: str, line: str | None, dates: str | None):
    reading = read_export(path, source, plan.path, dates)
    cost = reading.rows[reading.rows["metric"] == "ad_cost"]
    if cost.empty:
        raise PlanError([Problem(reading.file, None, None, "no_cost_column", {"source": reading.source},
                                 "cost_column")])
    if line and line not in set(plan.budget["id"]):
        raise PlanError([Problem("--line", None, None, "unknown_budget_line", {"value": line, "account": ""},
                                 "budget_line_ids")])
    if not line and not channel:
        raise PlanError([Problem("--channel", None, None, "spend_needs_channel", {}, "channel_or_line")])
    rows, problems = [], []
    budget, spans = plan.budget.set_index("id"), line_spans(plan)
    for day in cost.itertuples():
        target = line
        if not target:
            candidates = _lines_for(spans, day.date, channel_id=channel)
            if len(candidates) != 1:
                problems.append(Problem(reading.file, int(day.row), None,
                                        "spend_line_unclear" if candidates else "spend_line_none",
                                        {"day": day.date.isoformat(), "channel": channel,
                                         "lines": ", ".join(candidates)}, "one_line"))
                continue
            target = candidates[0]
        rows.append({"date": day.date, "amount": round(float(day.value), 2), "budget_line_id": target,
                     "action_id": budget["action_id"].get(target, ""), "category": budget["category"].get(target, ""),
                     "supplier": reading.title, "label": f"{reading.title} {day.date.isoformat()}",
                     "source": reading.source, "row": int(day.row)})
    if problems:
        raise PlanError(problems[:20])
    return reading.file, rows, {}, reading.left_out, 0


def import_spend(plan, path: Path, source: str = "auto", channel: str = "", line: str | None = None,
                 accounts_file: Path | None = None, dates: str | None = None, dry_run: bool = False,
                 replace: bool = False):
    """Add a FEC's or an ad export's spend to spend.csv; PlanError (nothing written) when anything is wrong.

    Under the plan's lock, on the plan as it is on disk: imports run together all land."""
    if dry_run:
        return _import_spend(plan, path, source, channel, line, accounts_file, dates, True, replace)
    with plan_lock(plan.path):
        return _import_spend(reread(plan), path, source, channel, line, accounts_file, dates, False, replace)


def _import_spend(plan, path, source, channel, line, accounts_file, dates, dry_run, replace):
    sections, _ = read_sections(Path(path))
    fec = source == "fec" or (source == "auto" and any(s.header and is_fec(s.header) for s in sections))
    del sections  # each reader reads the file again: two copies of a large export would double the memory
    if fec:
        label, rows, unmapped, other = _fec_rows(plan, Path(path), accounts_file)
        kind, left_out = "fec", []
    else:
        label, rows, unmapped, left_out, other = _ad_rows(plan, Path(path), source, channel, line, dates)
        kind = rows[0]["source"] if rows else source
    new = pd.DataFrame(rows, columns=["date", "amount", "budget_line_id", "action_id", "category", "supplier",
                                      "label", "source", "row"])
    existing = plan.spend.copy()
    existing_day = existing["date"].dt.date
    already, replaced, problems = 0, 0, []
    if len(new) and len(existing):
        if fec:
            held = dict(zip(existing["source"], existing["amount"].round(2)))
            same = new["source"].map(lambda key: key in held)
            changed = new[same & (new["source"].map(held) != new["amount"])]
            if len(changed) and replace:
                drop = existing["source"].isin(set(changed["source"]))
                replaced, existing = int(drop.sum()), existing[~drop]
                same = same & ~new["source"].isin(set(changed["source"]))
            else:
                for row in changed.head(20).itertuples():
                    problems.append(Problem(label, row.row, None, "spend_changed",
                                            {"what": row.source, "amount": row.amount, "held": held[row.source]},
                                            "replace_or_new_span"))
            already = int(same.sum())
            new = new[~same]
        else:
            key = pd.Series(list(zip(existing_day, existing["budget_line_id"], existing["source"])),
                            index=existing.index)
            held = dict(zip(key, existing["amount"].round(2)))
            keys = pd.Series(list(zip(new["date"], new["budget_line_id"], new["source"])), index=new.index)
            same = keys.map(lambda k: k in held)
            changed = same & (keys.map(held) != new["amount"])
            if changed.any() and replace:
                drop = key.isin(set(keys[changed]))
                replaced, existing = int(drop.sum()), existing[~drop]
                same = same & ~changed
            else:
                for row in new[changed].head(20).itertuples():
                    problems.append(Problem(label, row.row, None, "spend_changed",
                                            {"what": f"{row.source} {row.date.isoformat()} {row.budget_line_id}",
                                             "amount": row.amount, "held": held[(row.date, row.budget_line_id,
                                                                                 row.source)]},
                                            "replace_or_new_span"))
            already = int(same.sum())
            new = new[~same]
    if problems:
        raise PlanError(problems)
    by_line = new[new["budget_line_id"] != ""].groupby("budget_line_id")["amount"].sum().round(2).to_dict()
    no_line = new[new["budget_line_id"] == ""].groupby("category")["amount"].sum().round(2).to_dict()
    result = SpendResult(kind, len(new), round(float(new["amount"].sum()), 2),
                         min(new["date"]) if len(new) else None, max(new["date"]) if len(new) else None,
                         already, replaced, unmapped, by_line, no_line, left_out, other)
    if dry_run or new.empty:
        return plan, result
    added = new.drop(columns=["row"]).assign(id=next_ids(plan.spend["id"], "D", len(new), 4),
                                             date=pd.to_datetime(new["date"]))
    combined = pd.concat([existing, added[existing.columns]], ignore_index=True)
    saved = plan.save_table("spend", combined)
    result.written = True
    return saved, result
