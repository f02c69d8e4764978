"""Response curves: a channel's incremental result as a function of its spend, read from curves.csv.

A curve is either sampled points (linear between them, flat past the last
one) or a form: hill, michaelis_menten or logistic, applied to the spend
times `spend_scale`. Both give a response per period of `period_days` and,
when the file has one, a band (low and high). Numbers only: wording is the
commands' and the notebook's.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

def form_response(family: str, scaled, top: float, half: float, shape: float):
    """The form's value at `scaled` spend (numpy arrays welcome)."""
    x = np.maximum(np.asarray(scaled, dtype=float), 0.0)
    if family == "hill":
        with np.errstate(divide="ignore", invalid="ignore"):
            powered = np.power(x, shape)
            value = powered / (powered + half ** shape)
        return top * np.nan_to_num(value)
    if family == "michaelis_menten":
        return top * x / (half + x)
    if family == "logistic":
        e = np.exp(-shape * x)
        return top * (1 - e) / (1 + e)
    raise ValueError(f"unknown curve family {family}")


@dataclass
class Curve:
    """One channel's curve for one metric."""

    channel_id: str
    metric: str
    period_days: int
    family: str
    source: str = ""
    top: float = math.nan
    top_low: float = math.nan
    top_high: float = math.nan
    half: float = math.nan
    shape: float = math.nan
    spend_scale: float = 1.0
    spends: np.ndarray = field(default_factory=lambda: np.zeros(0))
    responses: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lows: np.ndarray = field(default_factory=lambda: np.zeros(0))
    highs: np.ndarray = field(default_factory=lambda: np.zeros(0))
    fitted_from: float = math.nan
    fitted_to: float = math.nan
    r2: float = math.nan

    # -- values per period of `period_days` ---------------------------------------------------------------
    def response(self, spend):
        """The expected incremental response at `spend` per period."""
        if self.family == "points":
            return np.interp(np.asarray(spend, dtype=float), self.spends, self.responses)
        return form_response(self.family, np.asarray(spend, dtype=float) * self.spend_scale, self.top, self.half,
                             self.shape)

    @property
    def has_band(self) -> bool:
        if self.family == "points":
            return len(self.lows) > 0 and not np.isnan(self.lows).any() and not np.isnan(self.highs).any()
        return not (math.isnan(self.top_low) or math.isnan(self.top_high))

    def band(self, spend) -> tuple:
        """(low, high) at `spend`; the response itself on both sides when the curve has no band."""
        if not self.has_band:
            value = self.response(spend)
            return value, value
        if self.family == "points":
            x = np.asarray(spend, dtype=float)
            return np.interp(x, self.spends, self.lows), np.interp(x, self.spends, self.highs)
        scaled = np.asarray(spend, dtype=float) * self.spend_scale
        return (form_response(self.family, scaled, self.top_low, self.half, self.shape),
                form_response(self.family, scaled, self.top_high, self.half, self.shape))

    def marginal(self, spend: float) -> float:
        """Extra response per extra unit of money at `spend` (a small forward difference)."""
        step = max(abs(spend) * 1e-4, 1e-3)
        return float((self.response(spend + step) - self.response(spend)) / step)

    @property
    def fitted_range(self) -> tuple[float, float] | None:
        """(lowest, highest) spend per period the curve was fitted or sampled on; None when the file does not say."""
        if self.family == "points":
            return float(self.spends.min()), float(self.spends.max())
        if math.isnan(self.fitted_from) or math.isnan(self.fitted_to):
            return None
        return self.fitted_from, self.fitted_to

    def outside(self, spend: float) -> bool:
        """Whether `spend` per period lies outside the range the curve was fitted on (with a 1 % tolerance)."""
        span = self.fitted_range
        return span is not None and not (span[0] * 0.99 <= spend <= span[1] * 1.01)


def _number(value) -> float:
    return math.nan if value is None or pd.isna(value) else float(value)


def curves_of(plan, metric: str | None = None) -> dict[str, Curve]:
    """The plan's curves for one metric, by channel id (the first metric in the file when none is asked)."""
    frame = plan.tables.get("curves")
    if frame is None or frame.empty:
        return {}
    metric = metric or str(frame["metric"].iloc[0])
    rows = frame[frame["metric"] == metric]
    curves: dict[str, Curve] = {}
    for channel, group in rows.groupby("channel_id", sort=False):
        first = group.iloc[0]
        family = first["family"] or "points"
        curve = Curve(channel, metric, int(first["period_days"]), family, str(first["source"]),
                      fitted_from=_number(first["fitted_from"]), fitted_to=_number(first["fitted_to"]),
                      r2=_number(first["r2"]))
        if family == "points":
            points = group.dropna(subset=["spend", "response"]).sort_values("spend")
            curve.spends = points["spend"].to_numpy(float)
            curve.responses = points["response"].to_numpy(float)
            curve.lows, curve.highs = points["low"].to_numpy(float), points["high"].to_numpy(float)
        else:
            curve.top, curve.half, curve.shape = _number(first["top"]), _number(first["half"]), _number(first["shape"])
            curve.top_low, curve.top_high = _number(first["top_low"]), _number(first["top_high"])
            scale = _number(first["spend_scale"])
            curve.spend_scale = 1.0 if math.isnan(scale) else scale
        curves[channel] = curve
    return curves


def curve_metrics(plan) -> list[str]:
    """The metrics curves.csv holds curves for, in the file's order."""
    frame = plan.tables.get("curves")
    return [] if frame is None or frame.empty else list(dict.fromkeys(frame["metric"]))
