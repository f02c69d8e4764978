"""plan.yaml as the kit reads it once validated: one typed view, each setting's default given once.

Validation (core/validate/yamlcheck.py and the steps' rules) reads the raw
mapping, since it must say what is wrong with it; everything else reads this
view. A step's own block of settings (`budget:`, `review:`,
`channel_weights:`) is typed in that step's schema.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def block(settings: dict, key: str) -> dict:
    """A block of plan.yaml (`budget:`, `review:`, `channel_weights:`) as a mapping; {} when it is absent or
    not a mapping, which the block's own rule reports."""
    value = settings.get(key) if isinstance(settings, dict) else None
    return value if isinstance(value, dict) else {}


def _records(value) -> tuple[dict, ...]:
    """A list of mappings (the team, busy periods, deadlines), without the entries that are not mappings."""
    return tuple(item for item in value if isinstance(item, dict)) if isinstance(value, list) else ()


@dataclass(frozen=True)
class PlanSettings:
    """The plan-wide settings of plan.yaml, typed."""

    company: str
    sector: str
    market: str  # B2B, B2C or B2B2C
    year: int
    currency: str
    language: str
    country: str  # the public holidays' country; empty: none
    fiscal_start_month: int
    sprint_length_days: int
    team: tuple[dict, ...]  # {owner, days_per_week or share, absences, skills}
    high_activity_periods: tuple[dict, ...]  # {name, start, end, avoid, prepare}
    other_deadlines: tuple[dict, ...]  # {name, date}
    previous: str  # last year's plan folder, relative to this one; empty: none
    positioning: str

    @classmethod
    def of(cls, settings: dict) -> "PlanSettings":
        text = lambda key: str(settings.get(key) or "").strip()  # noqa: E731
        return cls(
            company=text("company"), sector=text("sector"), market=text("market").upper(),
            year=int(settings.get("year") or date.today().year), currency=text("currency") or "EUR",
            language=text("language"), country=text("country"),
            fiscal_start_month=int(settings.get("fiscal_start_month") or 1),
            sprint_length_days=int(settings.get("sprint_length_days") or 10),
            team=_records(settings.get("team")), high_activity_periods=_records(settings.get("high_activity_periods")),
            other_deadlines=_records(settings.get("other_deadlines")), previous=text("previous"),
            positioning=text("positioning"))

    @property
    def owners(self) -> list[str]:
        """The team's members, by the owner name actions use."""
        return [str(member["owner"]) for member in self.team if member.get("owner")]
