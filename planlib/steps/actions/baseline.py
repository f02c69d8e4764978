"""Baselines: the schedule as it was approved, frozen, to measure the slippage of today's against it.

`planlib baseline` writes `baselines/<name>.csv` into the plan folder (each
action's start, end and deadline on that day, with the day it was frozen in a
comment line). The Gantt draws the newest baseline under the current bars, and
the front page counts what slipped. Variances are in working days of the
plan's calendar: a Friday-to-Monday move is one day, not three.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ...core.errors import CodedError, Problem
from ...core.io.atomic import atomic_write_text
from ...core.io.plan_lock import plan_lock
from ...core.parse import to_date
from ...core.plan import Plan
from .schedule import WorkDays, schedule

BASELINES_DIR = "baselines"
COLUMNS = ["id", "name", "owner", "start", "end", "deadline"]
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")
_FROZEN = re.compile(r"^#\s*frozen:\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Baseline:
    name: str
    frozen: date | None
    rows: pd.DataFrame  # id, name, owner, start, end, deadline (dates or None), row (the file's line)
    problems: tuple[Problem, ...] = ()

    @property
    def file(self) -> str:
        return f"{BASELINES_DIR}/{self.name}.csv"


def check_name(name: str) -> str:
    """A baseline's name is a file name in baselines/, never a path."""
    if not _NAME.match(name or ""):
        raise CodedError("baseline_name", "baseline_name", name=name)
    return name


def current_dates(plan: Plan, scheduled: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each active action's start and end as the schedule places it today (planned, else the earliest)."""
    scheduled = schedule(plan) if scheduled is None else scheduled
    start = scheduled["planned_start"].where(scheduled["planned_start"].notna(), scheduled["earliest_start"])
    end = scheduled["planned_end"].where(scheduled["planned_end"].notna(), scheduled["earliest_end"])
    return pd.DataFrame({"id": scheduled["id"], "name": scheduled["name"], "owner": scheduled["owner"],
                         "start": start, "end": end, "deadline": scheduled["deadline"]})


def next_name(plan_path: Path) -> str:
    """v1, v2...: the first name no baseline of the plan holds (a name in no language)."""
    taken = set(baseline_names(plan_path))
    return next(f"v{n}" for n in range(1, len(taken) + 2) if f"v{n}" not in taken)


def save_baseline(plan: Plan, name: str | None = None, today: date | None = None) -> tuple[Path, int, bool]:
    """Freeze today's schedule as baselines/<name>.csv (by default the next of v1, v2...): (file, actions
    frozen, whether one was replaced). Under the plan's lock, on the plan as it is on disk; the file it
    replaces is kept in .history."""
    from ...core.fresh import reread

    if name is not None:
        check_name(name)
    if plan.path is None or not Path(plan.path).is_dir():
        raise CodedError("baseline_needs_folder", "plan_folder")
    with plan_lock(plan.path):
        plan = reread(plan)
        name = name or next_name(plan.path)
        frame = current_dates(plan)
        folder = Path(plan.path) / BASELINES_DIR
        folder.mkdir(exist_ok=True)
        target = folder / f"{name}.csv"
        existed = target.exists()
        text = frame.assign(**{c: frame[c].map(lambda d: d.isoformat() if isinstance(d, date) else "")
                               for c in ("start", "end", "deadline")}).to_csv(index=False, lineterminator="\n")
        stamp = (today or date.today()).isoformat()
        atomic_write_text(target, f"# baseline: the schedule of {plan.name} as it stood that day\n"
                                  f"# frozen: {stamp}\n" + text)
    return target, len(frame), existed


def read_baseline(plan_path: Path, name: str) -> Baseline:
    """A baseline file with its problems located (file, line, column); rows that cannot be read left aside."""
    path = Path(plan_path) / BASELINES_DIR / f"{name}.csv"
    label = f"{BASELINES_DIR}/{name}.csv"
    text = path.read_text(encoding="utf-8-sig")
    frozen = _FROZEN.search(text)
    lines = text.splitlines()
    header_at = next((n for n, line in enumerate(lines) if line.strip() and not line.startswith("#")), None)
    problems, rows = [], []
    if header_at is None:
        return Baseline(name, None, pd.DataFrame(columns=COLUMNS + ["row"]),
                        (Problem(label, None, None, "baseline_empty", {}, "baseline_columns"),))
    import csv

    reader = csv.reader(lines[header_at:])
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in ("id", "start", "end") if c not in header]
    if missing:
        return Baseline(name, None, pd.DataFrame(columns=COLUMNS + ["row"]),
                        (Problem(label, header_at + 1, None, "baseline_missing_columns",
                                 {"columns": ", ".join(missing)}, "baseline_columns"),))
    for offset, cells in enumerate(reader, start=header_at + 2):
        if not any(c.strip() for c in cells):
            continue
        record = dict(zip(header, (c.strip() for c in cells)))
        row = {"id": record.get("id", ""), "name": record.get("name", ""), "owner": record.get("owner", ""),
               "row": offset}
        for column in ("start", "end", "deadline"):
            value = record.get(column, "")
            day = to_date(value) if value else None
            if value and day is None:
                problems.append(Problem(label, offset, column, "not_a_date", {"value": value,
                                                                              "formats": "2026-03-15"}, "iso_date"))
            row[column] = day
        if not row["id"]:
            problems.append(Problem(label, offset, "id", "baseline_no_id", {}, "baseline_columns"))
            continue
        rows.append(row)
    frame = pd.DataFrame(rows, columns=COLUMNS + ["row"])
    return Baseline(name, to_date(frozen.group(1)) if frozen else None, frame, tuple(problems))


def baseline_names(plan_path: Path | None) -> list[str]:
    if plan_path is None or not (Path(plan_path) / BASELINES_DIR).is_dir():
        return []
    return sorted(p.stem for p in (Path(plan_path) / BASELINES_DIR).glob("*.csv") if _NAME.match(p.stem))


def latest_baseline(plan: Plan) -> Baseline | None:
    """The newest baseline (by the day it was frozen, then its name), None when the plan has none."""
    found = [read_baseline(plan.path, name) for name in baseline_names(plan.path)]
    found = [b for b in found if not any(not p.is_warning for p in b.problems)]
    if not found:
        return None
    natural = lambda name: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]  # noqa: E731
    return max(found, key=lambda b: (b.frozen or date.min, natural(b.name)))  # v10 after v9


def slippage(plan: Plan, baseline: Baseline, scheduled: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per action of the baseline still in the plan: its frozen and current dates and the variance of its
    start and end in working days (positive: later than frozen). Actions added since have no row."""
    now = current_dates(plan, scheduled).set_index("id")
    frozen = baseline.rows[baseline.rows["id"].isin(now.index)]
    days = [d for c in ("start", "end") for d in list(frozen[c]) + list(now[c]) if isinstance(d, date)]
    if not days:
        return pd.DataFrame(columns=["id", "name", "owner", "baseline_start", "baseline_end", "start", "end",
                                     "start_variance", "end_variance"])
    work = WorkDays(plan, min(days) - timedelta(days=7), max(days) + timedelta(days=7))
    out = []
    for row in frozen.itertuples(index=False):
        current = now.loc[row.id]

        def variance(before, after):
            if not isinstance(before, date) or not isinstance(after, date):
                return None
            return work.number_on_or_before(after) - work.number_on_or_before(before)

        out.append({"id": row.id, "name": current["name"], "owner": current["owner"],
                    "baseline_start": row.start, "baseline_end": row.end, "start": current["start"],
                    "end": current["end"], "start_variance": variance(row.start, current["start"]),
                    "end_variance": variance(row.end, current["end"])})
    return pd.DataFrame(out)


def slipped(table: pd.DataFrame) -> pd.DataFrame:
    """The actions whose end moved later, the largest slip first."""
    late = table[table["end_variance"].fillna(0) > 0]
    return late.sort_values(["end_variance", "id"], ascending=[False, True])
