"""Where the period's money would bring most: the envelope split across channels by marginal return.

Greedy on a fine grid: every channel starts at its lower bound, and each
next slice of money goes to the channel whose next slice brings most. For
concave curves that is the optimum (equal marginal returns), to the grid's
step. Bounds: by default ±30 % of what the budget plans for the channel in
the period, and never below what is already fixed (money spent or paid by
the as-of date, variable costs tied to a forecast).
"""
from __future__ import annotations

import heapq
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from ...core.errors import CodedError
from .compute import allocate, committed_flows, line_attributes, payment_flows
from .curves import Curve, curve_metrics, curves_of

GOALS = ("response", "cost_per_result")
DEFAULT_BOUNDS = 0.3
GRID_POINTS = 1000  # slices of money per channel, on average
SAME = 0.005  # a suggestion within 0.5 % of the plan is the plan


@dataclass
class ChannelMove:
    """One channel: what the budget plans, what the curves suggest, and why it stops where it does."""

    channel_id: str
    planned: float
    fixed: float
    lower: float
    upper: float
    suggested: float = 0.0
    response_planned: float = 0.0
    response_suggested: float = 0.0
    response_low: float = 0.0
    response_high: float = 0.0
    marginal: float = 0.0  # extra response per unit of money at the suggestion
    bound: str = ""  # "lower", "upper" or "fixed" when a bound stops the channel
    outside_range: bool = False  # the suggestion lies outside the spend the curve was fitted on
    range_unknown: bool = False  # the curve does not say which spend it was fitted on
    line_ids: list[str] = field(default_factory=list)
    action_ids: list[str] = field(default_factory=list)

    @property
    def move(self) -> float:
        return round(self.suggested - self.planned, 2)


@dataclass
class Reallocation:
    """The suggestion for one period: per channel, the totals, and what a reader must know about it."""

    period: str
    metric: str
    goal: str
    bounds: float
    envelope: float
    planned_total: float
    moves: list[ChannelMove]
    without_curve: dict[str, float]  # channels with money in the period but no curve: left as planned
    other_metrics: list[str]
    gain: float = 0.0
    gain_low: float = 0.0
    gain_high: float = 0.0
    unspent: float = 0.0  # cost_per_result: what the plan's response no longer needs; response: beyond every bound
    unchanged: str = ""  # why the suggestion is the plan: single_channel, bounds, equal_marginals
    period_over: bool = False  # the as-of date is the period's end or later: what the curves would have said
    target_missed: bool = False  # cost_per_result: the bounds do not reach the plan's response

    @property
    def moved(self) -> list[ChannelMove]:
        """The channels whose money moves by a unit or more: what a decision recording the suggestion names."""
        return [m for m in self.moves if abs(m.move) >= 1]

    @property
    def binding(self) -> list[ChannelMove]:
        return [m for m in self.moves if m.bound]

    @property
    def outside(self) -> list[ChannelMove]:
        return [m for m in self.moves if m.outside_range]

    def as_dict(self) -> dict:
        """The JSON document of `planlib reallocate --json` and `summary --json`'s reallocation."""
        data = asdict(self)
        for move, source in zip(data["moves"], self.moves):
            move["move"] = source.move
        data["binding"] = [{"channel_id": m.channel_id, "bound": m.bound} for m in self.binding]
        data["outside_range"] = [m.channel_id for m in self.outside]
        return _rounded(data)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4) if abs(value) < 100 else round(value, 2)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def channel_money(plan, period, as_of, flows: pd.DataFrame | None = None,
                  paid: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per budget line in `period`: its channel, its amount there, and the part already fixed by `as_of`.

    `flows` and `paid`: the committed and payment flows, when the caller has them already (the summary)."""
    flows = committed_flows(plan) if flows is None else flows
    shares = allocate(flows, [period]).merge(line_attributes(plan), on="line_id", how="left")
    action_channel = plan.actions.set_index("id")["channel_id"]
    shares["channel_id"] = shares["channel_id"].where(shares["channel_id"] != "",
                                                      shares["action_id"].map(action_channel).fillna(""))
    until = pd.Timestamp(min(as_of, period.end))
    start = pd.Timestamp(period.start)
    spend = plan.spend[(plan.spend["date"] >= start) & (plan.spend["date"] <= until)]
    spent = spend.groupby("budget_line_id")["amount"].sum()
    paid = payment_flows(plan) if paid is None else paid
    paid = paid[(paid["start"] >= period.start) & (paid["start"] <= min(as_of, period.end))]
    scheduled = set(plan.budget.loc[plan.budget["schedule"] != "", "id"])
    paid_by_line = paid[paid["line_id"].isin(scheduled)].groupby("line_id")["amount"].sum()
    fixed = np.maximum(shares["line_id"].map(spent).fillna(0.0), shares["line_id"].map(paid_by_line).fillna(0.0))
    fixed = np.minimum(fixed, shares["amount"])
    shares["fixed"] = fixed.where(shares["cost_type"] != "variable", shares["amount"])
    return shares[["line_id", "channel_id", "action_id", "amount", "fixed"]]


def reallocate(plan, period, as_of, envelope: float | None = None, bounds: float = DEFAULT_BOUNDS,
               goal: str = "response", metric: str | None = None, grid: int = GRID_POINTS,
               flows: pd.DataFrame | None = None, paid: pd.DataFrame | None = None) -> Reallocation:
    """The suggested split of `period`'s money across the channels that have a curve for `metric`."""
    if goal not in GOALS:
        raise CodedError("reallocate_goal", "reallocate_goal", value=goal, goals=", ".join(GOALS))
    if not 0 <= bounds <= 10:
        raise CodedError("reallocate_bounds", "reallocate_bounds", value=bounds)
    metrics = curve_metrics(plan)
    if not metrics:
        raise CodedError("no_curves", "curves_file", plan=str(plan.path))
    if metric is not None and metric not in metrics:
        raise CodedError("no_curve_for_metric", "curve_metric", metric=metric, metrics=", ".join(metrics))
    curves = curves_of(plan, metric)
    metric = next(iter(curves.values())).metric
    money = channel_money(plan, period, as_of, flows, paid)
    by_channel = money.groupby("channel_id")
    planned = by_channel["amount"].sum()
    fixed = by_channel["fixed"].sum()
    moves = []
    for channel in curves:
        amount = round(float(planned.get(channel, 0.0)), 2)
        floor = round(float(fixed.get(channel, 0.0)), 2)
        lines = money[money["channel_id"] == channel]
        lower = max(amount * (1 - bounds), floor)
        moves.append(ChannelMove(channel, amount, floor, round(lower, 2), round(max(amount * (1 + bounds), lower), 2),
                                 line_ids=list(dict.fromkeys(lines["line_id"])),
                                 action_ids=list(dict.fromkeys(a for a in lines["action_id"] if a))))
    without = {c: round(float(v), 2) for c, v in planned.items() if c not in curves and c and v}
    planned_total = round(sum(m.planned for m in moves), 2)
    envelope = planned_total if envelope is None else float(envelope)
    floor_total = sum(m.lower for m in moves)
    if envelope + 0.005 < floor_total:
        raise CodedError("envelope_below_bounds", "envelope_bounds", envelope=envelope, floor=round(floor_total, 2))
    days = period.days
    scaled = [_PeriodCurve(curves[m.channel_id], days) for m in moves]
    result = Reallocation(period.id, metric, goal, bounds, round(envelope, 2), planned_total, moves, without,
                          [m for m in metrics if m != metric])
    target = sum(c.response(m.planned) for c, m in zip(scaled, moves)) if goal == "cost_per_result" else None
    suggested, result.target_missed = _greedy(scaled, moves, envelope, grid, target)
    for move, curve, spend in zip(moves, scaled, suggested):
        _describe(move, curve, spend)
    result.unspent = round(envelope - sum(m.suggested for m in moves), 2)
    result.gain = sum(m.response_suggested - m.response_planned for m in moves)
    lows = sum(c.band(m.suggested)[0] - c.band(m.planned)[0] for c, m in zip(scaled, moves))
    highs = sum(c.band(m.suggested)[1] - c.band(m.planned)[1] for c, m in zip(scaled, moves))
    result.gain_low, result.gain_high = min(lows, highs, result.gain), max(lows, highs, result.gain)
    result.unchanged = _why_unchanged(result)
    result.period_over = as_of >= period.end
    return result


class _PeriodCurve:
    """A curve counted over the reallocated period: spend and response for `days`, not for its own period."""

    def __init__(self, curve: Curve, days: int):
        self.curve, self.ratio = curve, curve.period_days / days

    def response(self, spend):
        return self.curve.response(np.asarray(spend, dtype=float) * self.ratio) / self.ratio

    def band(self, spend) -> tuple[float, float]:
        low, high = self.curve.band(np.asarray(spend, dtype=float) * self.ratio)
        return float(low) / self.ratio, float(high) / self.ratio

    def marginal(self, spend: float) -> float:
        return self.curve.marginal(spend * self.ratio)

    def per_period(self, spend: float) -> float:
        return spend * self.ratio


def _greedy(curves: list[_PeriodCurve], moves: list[ChannelMove], envelope: float, grid: int,
            target: float | None) -> tuple[list[float], bool]:
    """Each slice of money to the channel whose next slice brings most; stop at the envelope (or the target)."""
    spend = [m.lower for m in moves]
    left = envelope - sum(spend)
    spans = [m.upper - m.lower for m in moves]
    if left <= 0 or not moves or sum(spans) <= 0:
        return spend, target is not None and sum(c.response(s) for c, s in zip(curves, spend)) < target
    step = max(min(left, sum(spans)) / (grid * len(moves)), 1e-9)
    points, values = [], []
    for curve, move, span in zip(curves, moves, spans):
        xs = move.lower + np.arange(int(span // step) + 1) * step
        if span - (xs[-1] - move.lower) > 1e-9:
            xs = np.append(xs, move.upper)
        points.append(xs)
        values.append(curve.response(xs))
    at = [0] * len(moves)
    heap = [(-(v[1] - v[0]) / (x[1] - x[0]), i) for i, (x, v) in enumerate(zip(points, values)) if len(x) > 1]
    heapq.heapify(heap)
    reached = sum(float(v[0]) for v in values)
    while heap and left > 1e-9 and (target is None or reached < target - 1e-9):
        _, i = heapq.heappop(heap)
        j = at[i]
        size = points[i][j + 1] - points[i][j]
        gain = values[i][j + 1] - values[i][j]
        if size > left:  # the last slice, smaller than a step
            spend[i] = points[i][j] + left
            reached += gain * left / size
            left = 0.0
            break
        if target is not None and reached + gain >= target:  # just enough to meet the plan's response
            needed = size * (target - reached) / gain if gain > 0 else size
            spend[i] = points[i][j] + needed
            left -= needed
            reached = target
            break
        at[i] = j + 1
        spend[i] = points[i][j + 1]
        left -= size
        reached += gain
        if j + 2 < len(points[i]):
            heapq.heappush(heap, (-(values[i][j + 2] - values[i][j + 1]) / (points[i][j + 2] - points[i][j + 1]), i))
    return spend, target is not None and reached < target - 1e-6 * max(abs(target), 1)


def _describe(move: ChannelMove, curve: _PeriodCurve, spend: float) -> None:
    move.suggested = round(float(spend), 2)
    move.response_planned = float(curve.response(move.planned))
    move.response_suggested = float(curve.response(move.suggested))
    move.response_low, move.response_high = curve.band(move.suggested)
    move.marginal = curve.marginal(move.suggested)
    tolerance = max(0.01, SAME * max(move.planned, 1.0) / 10)
    if move.suggested <= move.lower + tolerance and move.upper - move.lower > tolerance:
        move.bound = "fixed" if move.fixed >= move.lower - 0.01 and move.fixed > 0 else "lower"
    elif move.suggested >= move.upper - tolerance and move.upper - move.lower > tolerance:
        move.bound = "upper"
    elif move.upper - move.lower <= tolerance:
        move.bound = "fixed" if move.fixed > 0 else "lower"
    move.range_unknown = curve.curve.fitted_range is None
    move.outside_range = curve.curve.outside(curve.per_period(move.suggested))


def _why_unchanged(result: Reallocation) -> str:
    """Why the suggestion is the plan, when it is: one channel, bounds that leave no room, or returns already equal."""
    if any(abs(m.move) > SAME * max(m.planned, 1.0) for m in result.moves) or result.goal == "cost_per_result":
        return ""
    if len(result.moves) < 2:
        return "single_channel"
    if sum(1 for m in result.moves if m.upper - m.lower >= SAME * max(m.planned, 1.0)) < 2:  # fewer than two can move
        return "bounds"
    return "equal_marginals"

