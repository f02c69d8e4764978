"""Step 3 in the plan's overview and in `planlib summary` (`personas`)."""
from __future__ import annotations

from . import model as M
from .findings import FLAGS


def progress(plan) -> list[tuple[str, int]]:
    return [("personas", len(plan.personas))]


def summary(plan, period, as_of) -> dict:
    people = M.personas(plan.yaml_data.get("personas.yaml"))
    codes = [w.code for w in plan.warnings if w.file == "personas.yaml"]
    shares = [p.share for p in people if p.share is not None]
    return {"personas": {
        "total": len(people),
        "by_kind": {kind: sum(p.kind == kind for p in people) for kind in M.CRITERIA},
        "share_total": round(sum(shares), 2) if shares else None,
        "flags": {flag: codes.count(code) for flag, code in FLAGS.items()},
    }}
