"""Saturating curves fitted from the plan's own spend and actuals, when no marketing mix model exists.

Per channel: its spend (spend.csv, through the budget line's or the action's
channel) and the metric's actuals attributed to it (actuals.csv rows with
that channel_id, as import-actuals writes them from an ad platform's export),
summed per week or month. Hill and Michaelis-Menten are fitted with bounds;
the lower AIC wins. A channel with fewer than MIN_POINTS periods or too
little spread in its spend is refused, with why. What comes out is a
correlation between spend and result, not a measured causal effect.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .curves import form_response

MIN_POINTS = 8
MIN_SPREAD = 0.1  # coefficient of variation of the spend per period below which no curve is said
BOOTSTRAP = 200
BY_DAYS = {"week": 7, "month": 30}
_PARAMETERS = {"hill": 3, "michaelis_menten": 2}


@dataclass
class FittedCurve:
    """One channel's fitted curve, or why there is none."""

    channel_id: str
    points: int
    refused: str = ""  # no_channel_actuals, too_few_points, no_spread, no_fit
    family: str = ""
    top: float = math.nan
    half: float = math.nan
    shape: float = math.nan
    top_low: float = math.nan
    top_high: float = math.nan
    r2: float = math.nan
    aic: dict = field(default_factory=dict)
    fitted_from: float = math.nan
    fitted_to: float = math.nan

    def row(self, metric: str, by: str, first, last) -> dict:
        """Its row of curves.csv."""
        return {"channel_id": self.channel_id, "metric": metric, "period_days": BY_DAYS[by], "family": self.family,
                "top": self.top, "top_low": self.top_low, "top_high": self.top_high, "half": self.half,
                "shape": self.shape if self.family == "hill" else math.nan, "spend_scale": 1.0,
                "fitted_from": self.fitted_from, "fitted_to": self.fitted_to, "r2": self.r2,
                "source": f"fit:{metric}:{by}:{first}..{last}"}


def _bucket(dates: pd.Series, by: str) -> pd.Series:
    return dates.dt.to_period("W-SUN" if by == "week" else "M").dt.start_time


def spend_by_channel(plan, by: str) -> pd.DataFrame:
    """Spend per channel and period start: a spend row's channel is its budget line's, else its action's."""
    spend = plan.spend
    lines = plan.budget.set_index("id")
    action_channel = plan.actions.set_index("id")["channel_id"]
    channel = spend["budget_line_id"].map(lines["channel_id"]).fillna("")
    line_action = spend["budget_line_id"].map(lines["action_id"]).fillna("")
    action = spend["action_id"].where(spend["action_id"] != "", line_action)
    channel = channel.where(channel != "", action.map(action_channel).fillna(""))
    frame = pd.DataFrame({"channel_id": channel, "period": _bucket(spend["date"], by), "spend": spend["amount"]})
    return frame[frame["channel_id"] != ""].groupby(["channel_id", "period"], as_index=False)["spend"].sum()


def series(plan, metric: str, by: str) -> pd.DataFrame:
    """channel_id, period, spend, response: one row per channel and period where the metric was measured for it."""
    actuals = plan.actuals[(plan.actuals["metric"] == metric) & (plan.actuals["channel_id"] != "")]
    response = pd.DataFrame({"channel_id": actuals["channel_id"], "period": _bucket(actuals["date"], by),
                             "response": actuals["value"]}).groupby(["channel_id", "period"], as_index=False).sum()
    merged = response.merge(spend_by_channel(plan, by), on=["channel_id", "period"], how="left")
    merged["spend"] = merged["spend"].fillna(0.0)
    return merged


def fit_channel(channel_id: str, spend: np.ndarray, response: np.ndarray, seed: int = 0) -> FittedCurve:
    """The better of Hill and Michaelis-Menten by AIC, with R² and a bootstrap band on the curve's top."""
    from scipy.optimize import curve_fit

    result = FittedCurve(channel_id, len(spend))
    if len(spend) < MIN_POINTS:
        result.refused = "too_few_points"
        return result
    mean = float(np.mean(spend))
    if mean <= 0 or float(np.std(spend)) / mean < MIN_SPREAD:
        result.refused = "no_spread"
        return result
    result.fitted_from, result.fitted_to = float(spend.min()), float(spend.max())
    top0, half0 = max(float(response.max()), 1e-9) * 1.5, float(np.median(spend[spend > 0])) if (spend > 0).any() else mean
    fits = {}
    forms = {"hill": (lambda x, t, h, s: form_response("hill", x, t, h, s), [top0, half0, 1.0],
                      ([0, 1e-9, 0.3], [top0 * 100, result.fitted_to * 100, 5.0])),
             "michaelis_menten": (lambda x, t, h: form_response("michaelis_menten", x, t, h, 1.0), [top0, half0],
                                  ([0, 1e-9], [top0 * 100, result.fitted_to * 100]))}
    n = len(spend)
    for family, (function, start, bounds) in forms.items():
        try:
            parameters, _ = curve_fit(function, spend, response, p0=start, bounds=bounds, maxfev=5000)
        except (RuntimeError, ValueError):
            continue
        residuals = response - function(spend, *parameters)
        rss = max(float(np.sum(residuals ** 2)), 1e-12)
        fits[family] = (parameters, rss)
        result.aic[family] = n * math.log(rss / n) + 2 * _PARAMETERS[family]
    if not fits:
        result.refused = "no_fit"
        return result
    family = min(result.aic, key=result.aic.get)
    parameters, rss = fits[family]
    result.family, result.top, result.half = family, float(parameters[0]), float(parameters[1])
    result.shape = float(parameters[2]) if family == "hill" else 1.0
    total = float(np.sum((response - response.mean()) ** 2))
    result.r2 = 1 - rss / total if total > 0 else math.nan
    result.top_low, result.top_high = _band(spend, response, result, seed)
    return result


def _band(spend, response, fitted: FittedCurve, seed: int) -> tuple[float, float]:
    """5th and 95th percentiles of the top over residual bootstrap samples, at the fitted shape.

    With the shape held, the top is linear in the response: each sample's top is
    a closed-form least square, so 200 samples cost one matrix product."""
    unit = form_response(fitted.family, spend, 1.0, fitted.half, fitted.shape)
    fitted_values = fitted.top * unit
    residuals = response - fitted_values
    draws = np.random.default_rng(seed).integers(0, len(spend), size=(BOOTSTRAP, len(spend)))
    samples = fitted_values + residuals[draws]
    tops = samples @ unit / max(float(unit @ unit), 1e-12)
    low, high = np.percentile(tops, [5, 95])
    return max(float(low), 0.0), max(float(high), 0.0)


def fit_curves(plan, metric: str, by: str = "week", channels: list[str] | None = None) -> tuple[list[FittedCurve], tuple]:
    """A fitted curve (or a refusal) per chosen channel with spend, and the span of periods read."""
    data = series(plan, metric, by)
    spent = spend_by_channel(plan, by)
    chosen = channels or sorted(set(spent["channel_id"]) | set(data["channel_id"]))
    results = []
    for channel in chosen:
        rows = data[data["channel_id"] == channel]
        if rows.empty:
            results.append(FittedCurve(channel, 0, refused="no_channel_actuals"))
            continue
        results.append(fit_channel(channel, rows["spend"].to_numpy(float), rows["response"].to_numpy(float)))
    span = (data["period"].min().date().isoformat(), data["period"].max().date().isoformat()) if len(data) else ("", "")
    return results, span
