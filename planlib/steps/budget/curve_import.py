"""Curves from a marketing mix model's exports, read without the model's library.

- Meridian: `Analyzer.response_curves()` as a table (long: spend_multiplier,
  channel, metric = mean / ci_lo / ci_hi, spend, incremental_outcome; or wide:
  channel, spend, mean, ci_lo, ci_hi). Its spend and outcome cover the whole
  window the curves were asked for, so its length is given (--period-days).
  Its `hill_curves()` table (channel, media_units, distribution, mean, ci_lo,
  ci_hi) is on media units and a share of the channel's effect: it needs the
  cost of a unit (--unit-cost) and gives a curve's shape, as `<metric>` share.
- PyMC-Marketing: `az.summary(...)` of the fitted model to CSV (parameter
  names such as `saturation_beta[tv]` in the first column, then mean and the
  HDI columns), with the model's scales as rows `channel_scale[tv]` and
  `target_scale`. Logistic, Michaelis-Menten and Hill saturations.
- Robyn: `pareto_hyperparameters.csv` (`<media>_alphas`, `_gammas`,
  `_thetas`, `_inflexion` per solution) and `pareto_aggregated.csv` (`rn`,
  `coef` per solution), both as robyn_outputs() writes them, R's unnamed row
  number column included.
- csv: rows shaped like curves.csv, a channel named by id or name.
"""
from __future__ import annotations

import csv
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...core.errors import CodedError, PlanError, Problem
from ...core.io.encodings import decode, read_bytes
from ...core.io.readers import read_csv_text, sniff_separator

FORMATS = ("meridian", "pymc-marketing", "robyn", "csv")


@dataclass
class CurveReading:
    """What an import read: curves.csv rows per plan channel, and every model channel left out, with why."""

    rows: list[dict]
    matched: dict[str, str]  # model channel -> plan channel id
    left_out: dict[str, str] = field(default_factory=dict)  # model channel -> why (unmatched, refused ...)
    notes: list[str] = field(default_factory=list)  # catalog keys of what the reader assumed and said


def _table(path: Path) -> pd.DataFrame:
    """A CSV export as text cells; an unnamed first column (R's row numbers, pandas' index) is named `_row`."""
    text, _ = decode(read_bytes(path), path.name)
    lines = text.split("\n", 1)
    if re.match(r'^\s*(""|)\s*[,;\t]', lines[0]):
        lines[0] = re.sub(r'^\s*(""|)', "_row", lines[0], count=1)
    frame = read_csv_text("\n".join(lines), path.name, path.stem).frame
    header = lines[0].rstrip("\r")
    names = [cell.strip().lstrip("\ufeff") for cell in next(csv.reader([header], delimiter=sniff_separator(header)))]
    if len(names) == len(frame.columns):  # the tool's own spelling (Robyn's solID, media names as the model has them)
        frame.columns = names
    return frame


def _normal(name: str) -> str:
    plain = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", plain.casefold()).strip()


def channel_matcher(plan, mapping: dict[str, str]):
    """model channel -> plan channel id: the mapping first, then the id, then the channel's name."""
    ids = set(plan.channels["id"])
    by_name = {_normal(n): i for i, n in zip(plan.channels["id"], plan.channels["name"])}
    by_id = {_normal(i): i for i in ids}
    unknown = {k: v for k, v in mapping.items() if v not in ids}
    if unknown:
        name, target = next(iter(unknown.items()))
        raise CodedError("curve_map_unknown", "curve_map", name=name, value=target, ids=", ".join(sorted(ids)))
    normal_map = {_normal(k): v for k, v in mapping.items()}

    def match(model_channel: str) -> str | None:
        key = _normal(model_channel)
        return normal_map.get(key) or by_id.get(key) or by_name.get(key)
    return match


def _number(frame: pd.DataFrame, label: str, row: int, column: str) -> float:
    text = str(frame.iloc[row][column]).strip()
    try:
        value = float(text)
    except ValueError:
        raise PlanError([Problem(label, row + 2, column, "curve_not_number", {"value": text}, "curve_number")])
    if math.isnan(value) or math.isinf(value):
        raise PlanError([Problem(label, row + 2, column, "curve_not_number", {"value": text}, "curve_number")])
    return value


def _band_number(frame: pd.DataFrame, label: str, row: int, column: str) -> float:
    """A band's end: empty or NaN where the tool gave none (a channel without a credible interval)."""
    if column not in frame.columns or str(frame.iloc[row][column]).strip().casefold() in ("", "nan", "na"):
        return math.nan
    return _number(frame, label, row, column)


def _need(frame: pd.DataFrame, label: str, columns: tuple[str, ...], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise PlanError([Problem(label, 1, missing[0], "curve_columns_missing",
                                 {"columns": ", ".join(missing), "format": what, "found": ", ".join(frame.columns)},
                                 "curve_columns")])


# -- Meridian ----------------------------------------------------------------------------------------------

def read_meridian(path: Path, match, metric: str, period_days: int | None, unit_cost: float | None) -> CurveReading:
    frame, label = _table(path), path.name
    if "media_units" in frame.columns:
        return _meridian_hill(frame, label, match, metric, period_days, unit_cost)
    if period_days is None:
        raise CodedError("meridian_needs_days", "meridian_days")
    if "incremental_outcome" in frame.columns:  # the long table: one row per multiplier, channel and metric
        _need(frame, label, ("channel", "metric", "spend", "incremental_outcome"), "Meridian")
        for row in range(len(frame)):  # numbers checked on the file's own rows, before the table is turned
            _number(frame, label, row, "spend"), _number(frame, label, row, "incremental_outcome")
        wide = frame.pivot_table(index=["channel", "spend"], columns="metric", values="incremental_outcome",
                                 aggfunc="first").reset_index()
        if "mean" not in wide.columns:
            raise PlanError([Problem(label, 1, "metric", "curve_columns_missing",
                                     {"columns": "metric = mean", "format": "Meridian", "found": ", ".join(frame.columns)},
                                     "curve_columns")])
        frame = wide
    else:
        _need(frame, label, ("channel", "spend", "mean"), "Meridian")
    return _points(frame, label, match, metric, period_days, "meridian", "mean", "ci_lo", "ci_hi")


def _meridian_hill(frame, label, match, metric, period_days, unit_cost) -> CurveReading:
    _need(frame, label, ("channel", "media_units", "mean"), "Meridian hill_curves")
    if unit_cost is None:
        raise CodedError("meridian_needs_unit_cost", "meridian_unit_cost")
    if "distribution" in frame.columns:
        frame = frame[frame["distribution"].str.strip().str.casefold() == "posterior"]
    frame = frame.assign(spend=[str(float(u) * unit_cost) for u in frame["media_units"]])
    reading = _points(frame.reset_index(drop=True), label, match, f"{metric}_share", period_days or 7,
                      "meridian-hill", "mean", "ci_lo", "ci_hi")
    reading.notes.append("curves.note_hill_share")
    return reading


def _points(frame, label, match, metric, period_days, source, mean, low, high) -> CurveReading:
    reading = CurveReading([], {})
    for row in range(len(frame)):
        model_channel = str(frame.iloc[row]["channel"]).strip()
        channel = match(model_channel)
        if channel is None:
            reading.left_out[model_channel] = "unmatched"
            continue
        reading.matched[model_channel] = channel
        values = {"spend": _number(frame, label, row, "spend"), "response": _number(frame, label, row, mean)}
        for column, name in (("low", low), ("high", high)):
            values[column] = _band_number(frame, label, row, name)
        reading.rows.append({"channel_id": channel, "metric": metric, "period_days": period_days, "family": "points",
                             **values, "source": source})
    return reading


# -- PyMC-Marketing ----------------------------------------------------------------------------------------

_PYMC_FORMS = {  # family: (the parameter giving the top, the half, the shape); names old and new
    "logistic": (("saturation_beta", "beta_channel"), None, ("saturation_lam", "lam")),
    "michaelis_menten": (("saturation_alpha", "alpha"), ("saturation_lam",), None),
    "hill": (("saturation_beta",), ("saturation_kappa",), ("saturation_slope",)),
}


def read_pymc(path: Path, match, metric: str, period_days: int) -> CurveReading:
    frame, label = _table(path), path.name
    names = frame.columns[0]
    _need(frame, label, ("mean",), "PyMC-Marketing az.summary")
    hdi = sorted(c for c in frame.columns if str(c).startswith("hdi_"))
    low_column, high_column = (hdi[0], hdi[-1]) if len(hdi) >= 2 else (None, None)
    values: dict[str, dict[str, tuple[int, str]]] = {}
    for row, name in enumerate(frame[names]):
        found = re.fullmatch(r"\s*([A-Za-z_]+)\s*(?:\[\s*(.*?)\s*\])?\s*", str(name))
        if found:
            values.setdefault(found.group(1), {})[found.group(2) or ""] = (row, name)
    family = next((f for f, (top, half, shape) in _PYMC_FORMS.items()
                   if any(t in values for t in top) and (half is None or any(h in values for h in half))
                   and (shape is None or any(s in values for s in shape))), None)
    if family is None:
        raise PlanError([Problem(label, None, names, "pymc_no_saturation", {}, "pymc_summary")])
    top_name, half_names, shape_names = _PYMC_FORMS[family]
    tops = values[next(t for t in top_name if t in values)]
    if "target_scale" not in values or "channel_scale" not in values:
        raise PlanError([Problem(label, None, names, "pymc_no_scales", {}, "pymc_scales")])
    target_scale = _number(frame, label, values["target_scale"][""][0], "mean")
    reading = CurveReading([], {})
    for model_channel, (row, _) in tops.items():
        if "," in model_channel:  # a curve per geo or per another dimension: not one channel's
            reading.left_out[model_channel] = "more_dimensions"
            continue
        channel = match(model_channel)
        if channel is None:
            reading.left_out[model_channel] = "unmatched"
            continue
        scale_row = values["channel_scale"].get(model_channel)
        if scale_row is None:
            raise PlanError([Problem(label, None, names, "pymc_no_scales", {}, "pymc_scales")])
        channel_scale = _number(frame, label, scale_row[0], "mean")
        if channel_scale <= 0:  # spend is divided by it: a zero scale would silently read as no scaling
            raise PlanError([Problem(label, scale_row[0] + 2, "mean", "pymc_scale_not_positive",
                                     {"value": channel_scale}, "pymc_scales")])

        def parameter(options, column="mean"):
            found = next(values[o][model_channel] for o in options if o in values and model_channel in values[o])
            return _number(frame, label, found[0], column)
        top = target_scale * _number(frame, label, row, "mean")
        curve = {"channel_id": channel, "metric": metric, "period_days": period_days, "family": family, "top": top,
                 "spend_scale": 1 / channel_scale, "source": "pymc-marketing",
                 "half": parameter(half_names) if half_names else math.nan,
                 "shape": parameter(shape_names) if shape_names else math.nan}
        if low_column:
            curve["top_low"] = target_scale * _number(frame, label, row, low_column)
            curve["top_high"] = target_scale * _number(frame, label, row, high_column)
        reading.matched[model_channel] = channel
        reading.rows.append(curve)
    return reading


# -- Robyn -------------------------------------------------------------------------------------------------

def read_robyn(path: Path, match, metric: str, period_days: int, model: str | None,
               aggregated: Path | None) -> CurveReading:
    hyper, label = _table(path), path.name
    aggregated = aggregated or path.with_name("pareto_aggregated.csv")
    if not aggregated.exists():
        raise CodedError("robyn_needs_aggregated", "robyn_aggregated", file=str(aggregated))
    coefs, coef_label = _table(aggregated), aggregated.name
    _need(hyper, label, ("solID",), "Robyn pareto_hyperparameters.csv")
    _need(coefs, coef_label, ("solID", "rn", "coef"), "Robyn pareto_aggregated.csv")
    models = list(dict.fromkeys(hyper["solID"]))
    if model is None and len(models) > 1:
        raise CodedError("robyn_which_model", "robyn_model", count=len(models), models=", ".join(models[:8]))
    model = model or models[0]
    if model not in models:
        raise CodedError("robyn_no_model", "robyn_model", value=model, count=len(models), models=", ".join(models[:8]))
    row = int((hyper["solID"] == model).to_numpy().argmax())
    reading = CurveReading([], {})
    media = [c[:-len("_alphas")] for c in hyper.columns if c.endswith("_alphas")]
    for name in media:
        channel = match(name)
        if channel is None:
            reading.left_out[name] = "unmatched"
            continue
        if f"{name}_inflexion" not in hyper.columns:
            raise PlanError([Problem(label, None, f"{name}_inflexion", "robyn_no_inflexion", {}, "robyn_inflexion")])
        found = coefs[(coefs["solID"] == model) & (coefs["rn"] == name)]
        if found.empty:
            reading.left_out[name] = "no_coefficient"
            continue
        coef = _number(coefs, coef_label, int(found.index[0]), "coef")
        if coef <= 0:
            reading.left_out[name] = "zero_coefficient"
            continue
        theta = _number(hyper, label, row, f"{name}_thetas") if f"{name}_thetas" in hyper.columns else None
        if theta is None:
            reading.notes.append("curves.note_robyn_weibull")
        reading.matched[name] = channel
        reading.rows.append({"channel_id": channel, "metric": metric, "period_days": period_days, "family": "hill",
                             "top": coef, "half": _number(hyper, label, row, f"{name}_inflexion"),
                             "shape": _number(hyper, label, row, f"{name}_alphas"),
                             "spend_scale": 1 / (1 - theta) if theta is not None and theta < 1 else 1.0,
                             "source": f"robyn:{model}"})
    return reading


# -- csv ---------------------------------------------------------------------------------------------------

def read_neutral(path: Path, match, metric: str | None, period_days: int | None) -> CurveReading:
    frame, label = _table(path), path.name
    channel_column = next((c for c in ("channel_id", "channel") if c in frame.columns), None)
    if channel_column is None:
        _need(frame, label, ("channel_id",), "curves.csv")
    if "metric" not in frame.columns and metric is None:
        raise CodedError("curve_needs_metric", "curve_metric_option")
    if "period_days" not in frame.columns and period_days is None:
        raise CodedError("curve_needs_days", "curve_days_option")
    reading = CurveReading([], {})
    numbers = ("spend", "response", "low", "high", "top", "top_low", "top_high", "half", "shape", "spend_scale",
               "fitted_from", "fitted_to", "r2")
    for row in range(len(frame)):
        model_channel = str(frame.iloc[row][channel_column]).strip()
        channel = match(model_channel)
        if channel is None:
            reading.left_out[model_channel] = "unmatched"
            continue
        reading.matched[model_channel] = channel
        curve = {"channel_id": channel, "metric": str(frame.iloc[row].get("metric", "") or metric),
                 "period_days": int(_number(frame, label, row, "period_days")) if "period_days" in frame.columns
                 else period_days, "family": str(frame.iloc[row].get("family", "") or "points"),
                 "source": str(frame.iloc[row].get("source", "") or "csv")}
        for column in numbers:
            if column in frame.columns and str(frame.iloc[row][column]).strip():
                curve[column] = _number(frame, label, row, column)
        reading.rows.append(curve)
    return reading
