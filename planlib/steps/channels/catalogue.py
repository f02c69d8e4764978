"""The catalogue of channel kinds (catalogue.csv): each with its usual type, cost model and skills.

A channel of channels.csv names its `kind`; what it leaves empty (its cost
model, the skills it needs) comes from here. Kept as a CSV beside this module
so a trainer adds a kind without touching code; labels are in the catalogs
(`channel_kind.<kind>`).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FILE = Path(__file__).with_name("catalogue.csv")


@dataclass(frozen=True)
class Kind:
    kind: str
    type: str
    cost_model: str
    skills: tuple[str, ...]


@lru_cache(maxsize=None)
def kinds() -> dict[str, Kind]:
    with FILE.open(encoding="utf-8", newline="") as handle:
        return {row["kind"]: Kind(row["kind"], row["type"], row["cost_model"], split_skills(row["skills"]))
                for row in csv.DictReader(handle)}


def skill_code(text: str) -> str:
    """One spelling per skill: `Paid search` and `paid-search` are `paid_search`."""
    return "_".join(str(text).strip().lower().replace("-", " ").split())


def split_skills(text) -> tuple[str, ...]:
    if isinstance(text, (list, tuple)):
        parts = text
    else:
        parts = str(text or "").replace(";", ",").split(",")
    return tuple(dict.fromkeys(skill_code(p) for p in parts if str(p).strip()))


def needed_skills(kind: str, stated: str) -> tuple[str, ...]:
    """The skills a channel needs: as stated in channels.csv, else its kind's."""
    if split_skills(stated):
        return split_skills(stated)
    found = kinds().get(kind)
    return found.skills if found else ()


def cost_model(kind: str, stated: str) -> str:
    if stated:
        return stated
    found = kinds().get(kind)
    return found.cost_model if found else ""


def team_skills(settings: dict) -> set[str] | None:
    """Skills the team has (plan.yaml's team[].skills), or None when no member states any."""
    members = [m for m in settings.get("team") or [] if isinstance(m, dict) and m.get("skills") is not None]
    if not members:
        return None
    return {s for m in members for s in split_skills(m.get("skills"))}
