"""Step 2: the objective tree, the SMART check of each key result, and their ranking.

Business objectives are served by marketing objectives, which are measured by
key results. This module shows that tree, flags its broken links, and says for
each key result, letter by letter, what makes it SMART or not and what to add.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ...core import schema as S
from ...core.i18n import format_percent, joined, labelled, tr
from ...core.metrics import monthly_values
from ...core.plan import Plan
from .letters import MARKS, REALISM

FLAGS = ("no_business_parent", "no_key_result", "no_action", "business_unserved")  # wording: flag.<kind>


def flags(plan: Plan, lang: str) -> pd.DataFrame:
    """Broken links of the tree: one row per (kind, id) with a plain-language reason."""
    objectives, krs = plan.objectives, plan.key_results
    levels = dict(zip(objectives["id"], objectives["level"]))
    with_kr = set(krs["objective_id"])
    children = set(objectives.loc[objectives["parent_id"] != "", "parent_id"])
    rows = []
    for row in objectives.itertuples(index=False):
        if row.level == "marketing" and levels.get(row.parent_id) != "business":
            rows.append(("no_business_parent", row.id, row.title))
        if row.level == "marketing" and row.id not in with_kr:
            rows.append(("no_key_result", row.id, row.title))
        if row.level == "business" and row.id not in children and row.id not in with_kr:
            rows.append(("business_unserved", row.id, row.title))
    if len(plan.actions):
        acted = set(plan.actions["key_result_id"])
        rows += [("no_action", kr.id, kr.title) for kr in krs.itertuples(index=False) if kr.id not in acted]
    return pd.DataFrame([{"flag": kind, "id": ident, "title": title, "reason": tr(f"flag.{kind}", lang)}
                         for kind, ident, title in rows], columns=["flag", "id", "title", "reason"])


def tree_lines(plan: Plan) -> list[str]:
    """The tree as indented text: business > marketing > key results."""
    objectives, krs = plan.objectives, plan.key_results
    lines = []

    def add(objective_id: str, depth: int, seen: set) -> None:
        row = objectives[objectives["id"] == objective_id].iloc[0]
        lines.append(f"{'    ' * depth}{row['id']} [{row['level']}] {row['title']}")
        for kr in krs[krs["objective_id"] == objective_id].itertuples(index=False):
            lines.append(f"{'    ' * (depth + 1)}- {kr.id} {kr.title}")
        for child in objectives.loc[objectives["parent_id"] == objective_id, "id"]:
            if child not in seen:
                add(child, depth + 1, seen | {child})

    roots = objectives[(objectives["parent_id"] == "") | ~objectives["parent_id"].isin(objectives["id"])]
    for root in roots["id"]:
        add(root, 0, {root})
    return lines


# -- SMART check of key results ---------------------------------------------------------------

@dataclass(frozen=True)
class Letter:
    ok: bool | None
    reason: str


def _say(key: str, lang: str, **values) -> str:
    for name in ("need", "best"):  # shares of change, shown as percentages in the reader's language
        if name in values:
            values[name] = format_percent(100 * values[name], lang, 1)
    if "limit" in values:
        values["limit"] = format_percent(100 * values["limit"], lang, 0)
    return tr(f"smart.{key}", lang, **values)


def _number(value) -> str:
    return f"{value:g}"


def check_key_result(plan: Plan, kr: pd.Series, lang: str, as_of: date | None = None) -> dict[str, Letter]:
    """The five SMART letters of one key result, each with its reason."""
    kpis = plan.kpis.set_index("id")
    letters: dict[str, Letter] = {}
    has_kpi = bool(kr["kpi_id"]) and kr["kpi_id"] in kpis.index
    letters["S"] = Letter(True, _say("S_ok", lang, kpi=kr["kpi_id"], name=kpis.loc[kr["kpi_id"], "name"])) \
        if has_kpi else Letter(False, _say("S_no", lang))
    missing = [name for name, present in (("baseline", pd.notna(kr["baseline"])), ("target", pd.notna(kr["target"])),
                                          ("unit", bool(kr["unit"]))) if not present]
    letters["M"] = Letter(False, _say("M_no", lang, missing=", ".join(missing))) if missing else \
        Letter(True, _say("M_ok", lang, baseline=_number(kr["baseline"]), target=_number(kr["target"]), unit=kr["unit"]))
    direction = kpis.loc[kr["kpi_id"], "direction"] if has_kpi else "up"
    both = pd.notna(kr["baseline"]) and pd.notna(kr["target"])
    if not both:
        letters["A"] = Letter(None, _say("A_unknown", lang))
    else:
        better = kr["target"] > kr["baseline"] if direction == "up" else kr["target"] < kr["baseline"]
        words = dict(target=_number(kr["target"]), baseline=_number(kr["baseline"]),
                     word=tr(f"smart.word_{direction}", lang), direction=tr(f"smart.direction_{direction}", lang))
        letters["A"] = Letter(bool(better), _say("A_ok" if better else "A_no", lang, **words))
    letters["R"] = _realistic(plan, kr, direction, lang, as_of)
    year = plan.calendar.fiscal_year(plan.calendar.year)
    if pd.isna(kr["deadline"]):
        letters["T"] = Letter(False, _say("T_no", lang))
    else:
        deadline = kr["deadline"].date()
        inside = year.start <= deadline <= year.end
        letters["T"] = Letter(inside, _say("T_ok" if inside else "T_outside", lang, deadline=deadline,
                                           start=year.start, end=year.end))
    return letters


def _months_between(start: date, end: date) -> float:
    return max(1.0, (end - start).days / 30.44)


def _realistic(plan: Plan, kr: pd.Series, direction: str, lang: str, as_of: date | None) -> Letter:
    if pd.isna(kr["baseline"]) or pd.isna(kr["target"]) or pd.isna(kr["deadline"]) or not kr["baseline"]:
        return Letter(None, _say("R_unknown", lang))
    start = plan.calendar.fiscal_year(plan.calendar.year).start
    months = _months_between(start, kr["deadline"].date())
    need = abs(kr["target"] - kr["baseline"]) / abs(kr["baseline"]) / months
    history = monthly_values(plan, kr["kpi_id"], as_of) if kr["kpi_id"] else pd.Series(dtype=float)
    history = history[history != 0]
    if len(history) >= 2:
        change = history.pct_change().dropna()
        improvements = change if direction == "up" else -change
        best = float(improvements.max())
        if best <= 0:
            return Letter(False, _say("R_never", lang, need=need))
        ratio = need / best
        ok = bool(ratio <= REALISM["pace_vs_best_observed"])
        return Letter(ok, _say("R_history_ok" if ok else "R_history_no", lang, need=need, best=best, ratio=ratio))
    limit = REALISM["max_monthly_change_without_history"]
    ok = bool(need <= limit)
    return Letter(ok, _say("R_rule_ok" if ok else "R_rule_no", lang, need=need, limit=limit))


def smart_table(plan: Plan, lang: str, as_of: date | None = None) -> pd.DataFrame:
    """One row per key result: the five letters (✓, ✗, ?) and the reasons of those not met."""
    rows = []
    for _, kr in plan.key_results.iterrows():
        letters = check_key_result(plan, kr, lang, as_of)
        row = {"id": kr["id"], "key_result": kr["title"]}
        row.update({key: MARKS[letter.ok] for key, letter in letters.items()})
        row["smart"] = all(letter.ok is not False for letter in letters.values())
        row["to_fix"] = joined((labelled(key, letter.reason, lang) for key, letter in letters.items()
                                if letter.ok is not True), lang)
        rows.append(row)
    return pd.DataFrame(rows, columns=["id", "key_result", "S", "M", "A", "R", "T", "smart", "to_fix"])


# -- prioritisation ------------------------------------------------------------------------

def ranked_key_results(plan: Plan) -> pd.DataFrame:
    """Key results ranked by impact, feasibility (6 - effort) and stated priority."""
    krs = plan.key_results.copy()
    impact = krs["impact"].astype("Float64").fillna(3)
    feasibility = 6 - krs["effort"].astype("Float64").fillna(3)
    krs["feasibility"] = feasibility.round().astype("Int64")
    krs["score"] = (2 * impact + feasibility + krs["priority"].map(S.PRIORITY_POINTS).fillna(0)).round().astype("Int64")
    ranked = krs.sort_values(["score", "id"], ascending=[False, True])
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked[["rank", "id", "title", "priority", "impact", "effort", "feasibility", "score"]].reset_index(drop=True)


def objective_counts(plan: Plan, as_of: date | None = None) -> dict:
    """Figures of step 2 for `planlib summary`."""
    table = smart_table(plan, "en", as_of)
    found = flags(plan, "en")  # counted by kind: the wording does not matter
    return {"smart_key_results": int(table["smart"].sum()) if len(table) else 0,
            "flags": {kind: int((found["flag"] == kind).sum()) for kind in FLAGS}}
