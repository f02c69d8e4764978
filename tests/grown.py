"""The example grown to a given number of key results and actions: a plan at the size the report's page weights
and the PDF's time are held to (20 key results, 60 actions), with the example's real texts, links and actuals."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "example"


def grown_plan(target: Path, key_results: int = 20, actions: int = 60) -> Path:
    """A copy of data/example with its first key results and actions repeated under new ids until it holds
    `key_results` and `actions`; a copied action serves the copy of its key result and keeps its budget lines."""
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(".history"))
    shutil.copytree(ROOT / "data" / "example-2025", target.parent / "example-2025", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".history"))
    read = lambda name: pd.read_csv(target / name, dtype=str, keep_default_na=False)  # noqa: E731
    krs, plan_actions, budget = read("key_results.csv"), read("actions.csv"), read("budget.csv")
    kr_copies = krs.head(key_results - len(krs)).copy()
    renamed = {old: f"KR{len(krs) + n + 1:02d}" for n, old in enumerate(kr_copies["id"])}
    kr_copies["id"] = kr_copies["id"].map(renamed)
    kr_copies["title"] = kr_copies["title"] + " (2)"
    action_copies = plan_actions.head(actions - len(plan_actions)).copy()
    moved = {old: f"A{len(plan_actions) + n + 1:02d}" for n, old in enumerate(action_copies["id"])}
    action_copies["id"] = action_copies["id"].map(moved)
    action_copies["name"] = action_copies["name"] + " (2)"
    action_copies["key_result_id"] = action_copies["key_result_id"].map(lambda kr: renamed.get(kr, kr))
    action_copies["depends_on"] = action_copies["depends_on"].map(
        lambda ids: ",".join(moved[i] for i in ids.split(",") if i in moved) if ids else "")
    line_copies = budget[budget["action_id"].isin(set(moved))].copy()
    line_copies["id"] = [f"B{len(budget) + n + 1:03d}" for n in range(len(line_copies))]
    line_copies["action_id"] = line_copies["action_id"].map(moved)
    for name, frame in (("key_results.csv", pd.concat([krs, kr_copies])),
                        ("actions.csv", pd.concat([plan_actions, action_copies])),
                        ("budget.csv", pd.concat([budget, line_copies]))):
        frame.to_csv(target / name, index=False)
    return target
