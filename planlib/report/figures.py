"""The front page's facts, typed: what the glance computes and every report page reads.

The period's summary is a JSON document (the `planlib summary --json`
contract); the glance reads it once and hands the pages these classes, so a
page names a field the type checker and the reader can follow instead of a
string key. `Glance.as_json` is the document's `front_page` part, key for key.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date

from ..core.periods import Period
from ..steps.review.backtest import Backtests, Calibration
from ..steps.review.pacing import Pacing


@dataclass(frozen=True)
class KeyResultBullet:
    """A key result's bullet bar on the dashboard: progress to date and expected progress (1 = the target)."""

    id: str
    title: str
    status: str
    actual: float | None
    target: float | None
    expected: float | None
    progress: float | None
    expected_progress: float | None
    probability: float | None
    window: str
    window_days: int | None
    decision: str | None  # the latest decision taken on it, as a code
    decision_id: str | None


@dataclass(frozen=True)
class OffTrack:
    """A key result behind (red or amber): its pace, forecast against target, chance and latest decision."""

    id: str
    title: str
    status: str
    pace: float | None
    forecast: float | None
    target: float | None
    probability: float | None
    window: str
    window_days: int | None
    status_reason: str | None
    decision: str | None
    decision_id: str | None


@dataclass(frozen=True)
class ActionState:
    """An action and its state on the as-of date (late, at_risk, in_progress, not_started, done, cancelled)."""

    id: str
    name: str
    owner: str
    state: str


@dataclass(frozen=True)
class DecisionTaken:
    """The latest decision recorded on a key result."""

    id: str
    decision: str
    reason: str
    owner: str
    due: date | None
    status: str


@dataclass(frozen=True)
class WhyBehind:
    """Why a key result is behind: its owner and levers, its actions, their budget lines, the decision taken."""

    owner: str
    levers: str
    actions: tuple[ActionState, ...]
    budget: float
    committed_to_date: float
    spent_to_date: float
    decision: DecisionTaken | None


@dataclass(frozen=True)
class LateAction:
    """An action late or at risk on the as-of date (`kind`), with its planned end and slack in working days."""

    kind: str
    id: str
    name: str
    owner: str
    planned_end: date | None
    slack: int


@dataclass(frozen=True)
class SlippedAction:
    id: str
    name: str
    owner: str
    end_variance: int  # working days later than the baseline froze it


@dataclass(frozen=True)
class Slippage:
    """The schedule against its newest baseline: how many actions slipped, the three that slipped most."""

    name: str
    frozen: date | None
    slipped: int
    largest: tuple[SlippedAction, ...]


@dataclass(frozen=True)
class MoneyAtGlance:
    """Where the money stands: the period and the year, committed, spent and projected, against the envelope."""

    period_committed: float
    period_spent: float
    year_committed: float
    year_spent: float
    year_projection: float
    year_envelope: float
    method: str  # how the envelope was set, as a code

    @property
    def projection_gap(self) -> float:
        """The year's projection beyond the envelope (negative: under it)."""
        return self.year_projection - self.year_envelope


@dataclass(frozen=True)
class CategorySpend:
    category: str
    period: float  # planned for the period
    year: float  # planned for the year
    spent_to_date: float


@dataclass(frozen=True)
class Overrun:
    """A budget line spent beyond its amount."""

    id: str
    label: str
    budget: float
    spent_to_date: float
    over: float


@dataclass(frozen=True)
class OpenDecision:
    id: str
    key_result_id: str
    decision: str
    reason: str
    owner: str
    due: date | None
    overdue: bool


@dataclass(frozen=True)
class OverdueDecision:
    id: str
    key_result_id: str
    owner: str
    due: date


@dataclass(frozen=True)
class DecisionCounts:
    open: tuple[str, ...]  # the ids of the open decisions
    overdue: tuple[OverdueDecision, ...]


@dataclass(frozen=True)
class ObjectiveFigures:
    """A business objective's page: its key results, its actions by state, the spend of their budget lines.

    The objective with an empty id gathers the key results under no business objective."""

    id: str
    title: str
    owner: str
    key_results: tuple[str, ...]
    actions: dict[str, int]  # count by state, in ACTION_STATES order, states with none left out
    late_or_at_risk: tuple[str, ...]
    budget: float
    committed_to_date: float
    spent_to_date: float


@dataclass(frozen=True)
class Headline:
    """The figures a reader looks for first, from the summary (the plan's counts and the period's money)."""

    objectives: int
    business_objectives: int
    marketing_objectives: int
    key_results: int
    smart_key_results: int
    actions: int
    actions_done: int
    actions_in_progress: int
    actions_planned: int
    actions_in_period: int
    budget_year: float
    budget_period: float
    spent_in_period: float
    currency: str

    @classmethod
    def of(cls, document: dict) -> Headline:
        objectives, actions, budget = document["objectives"], document["actions"], document["budget"]
        status = actions["by_status"]
        return cls(objectives["total"], objectives["business"], objectives["marketing"],
                   document["key_results"]["total"], document["key_results"]["smart_key_results"],
                   actions["total"], status["done"], status["in_progress"], status["planned"], actions["in_period"],
                   budget["total_year"], budget["period"], budget["spent_in_period_to_date"], document["currency"])


@dataclass(frozen=True)
class Glance:
    """The period at a glance: everything the front page, the objectives' pages and the digest show.

    `period`, `as_of`, `headline` and `pacings` come from the summary and are not part of `as_json`
    (the summary holds them already)."""

    period: Period
    as_of: date
    headline: Headline
    pacings: tuple[Pacing, ...]  # every key result, as the KPI review paced it
    dashboard: tuple[KeyResultBullet, ...]
    why: dict[str, WhyBehind]  # by key result id, for the key results off track
    objectives: tuple[ObjectiveFigures, ...]
    by_category: tuple[CategorySpend, ...]
    most_over_budget: tuple[Overrun, ...]
    open_decisions: tuple[OpenDecision, ...]
    counts: dict[str, int]  # key results by status
    backtest: Backtests | None
    off_track: tuple[OffTrack, ...]  # red first, then by pace
    actions: tuple[LateAction, ...]
    baseline: Slippage | None
    budget: MoneyAtGlance
    decisions: DecisionCounts

    def as_json(self) -> dict:
        """The `front_page` part of `summary --json` and of a report's summary.json."""
        summary_parts = {"period", "as_of", "headline", "pacings"}
        return {f.name: _json(getattr(self, f.name)) for f in fields(self) if f.name not in summary_parts}


def _json(value):
    """JSON-ready: dates as ISO days, tuples as lists, the classes above as objects with their field names."""
    if isinstance(value, Backtests):
        return value.as_dict()
    if isinstance(value, LateAction):  # a late action without planned end has always been written ""
        return {**{f.name: _json(getattr(value, f.name)) for f in fields(value)},
                "planned_end": value.planned_end.isoformat() if value.planned_end else ""}
    if is_dataclass(value):
        return {f.name: _json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def pacings_of(document: dict) -> tuple[Pacing, ...]:
    """The KPI review's pacings as the summary wrote them."""
    return tuple(Pacing(**p) for p in document["kpi_review"]["key_results"])


def backtests_of(document: dict) -> Backtests | None:
    """Last year's backtests as the summary wrote them (None when the summary has none)."""
    found = document["kpi_review"].get("backtest")
    if not found:
        return None
    return Backtests(flow=Calibration(**found["flow"]), level=Calibration(**found["level"]))
