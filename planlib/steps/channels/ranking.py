"""The channel ranking: reach, cost, fit with the personas, last year's results and the team's skills.

Each criterion is a score from 1 (worst) to 5 (best):
- reach: channels.csv's `reach`;
- cost: 6 - channels.csv's `cost` (a cheap channel scores high);
- fit: the personas' fit with the channel (personas.yaml's `fit`, else the
  channel's `fit` for a persona that uses it), weighted by each persona's
  share of the target; the channel's own `fit` when no persona uses it;
- results: last year's actions on the channel (the audit's review), from
  their progress towards their key results: 1 + 4 x progress, capped at 5;
- skills: the share of the skills it needs that the team has, 1 + 4 x share.
A criterion with no value for a channel (no last year, no skills stated) is
left out of that channel's average rather than counted as a zero. The score
is the weighted average brought to 0-100; the weights are plan.yaml's
`channel_weights`, merged over `DEFAULT_WEIGHTS`.
"""
from __future__ import annotations

import pandas as pd

from ...core.settings import block
from ..audit.overview import last_year
from ..personas import model as P
from . import catalogue

CRITERIA = ("reach", "cost", "fit", "results", "skills")
DEFAULT_WEIGHTS = {"reach": 1.0, "cost": 1.0, "fit": 2.0, "results": 1.0, "skills": 1.0}


def weights(settings: dict, override: dict | None = None) -> dict[str, float]:
    """The weights in use: the defaults, then plan.yaml's, then any given here."""
    merged = dict(DEFAULT_WEIGHTS)
    stated = block(settings, "channel_weights")
    for source in (stated, override or {}):
        merged.update({k: float(v) for k, v in source.items() if k in CRITERIA})
    return merged


def last_year_by_channel(plan) -> dict[str, dict]:
    """This year's channel id -> last year's cost, mean progress and action count on it (matched by id or name)."""
    judged = last_year(plan)
    channels = plan.channels
    by_name = {n.strip().lower(): i for i, n in zip(channels["id"], channels["name"])}
    found: dict[str, dict] = {}
    for action in judged:
        channel = action.channel_id if action.channel_id in set(channels["id"]) else \
            by_name.get((action.channel or "").strip().lower())
        if not channel:
            continue
        entry = found.setdefault(channel, {"cost": 0.0, "progress": [], "actions": 0, "drop": 0})
        entry["cost"] += action.cost
        entry["actions"] += 1
        entry["drop"] += action.final == "drop"
        if action.progress is not None:
            entry["progress"].append(action.progress)
    for entry in found.values():
        values = entry.pop("progress")
        entry["progress"] = sum(values) / len(values) if values else None
    return found


def fit_matrix(plan) -> pd.DataFrame:
    """Personas (rows) x channels (columns): the fit of each pair, empty where a persona does not use the channel."""
    people = P.personas(plan.yaml_data.get("personas.yaml"))
    own = {c: (None if pd.isna(f) else float(f)) for c, f in zip(plan.channels["id"], plan.channels["fit"])}
    data = [[p.fit_for(c, own[c]) for c in plan.channels["id"]] for p in people]
    return pd.DataFrame(data, index=[p.id for p in people], columns=list(plan.channels["id"]), dtype=float)


def fit_scores(plan) -> dict[str, float]:
    """Each channel's fit with the personas, weighted by their shares of the target; its own fit when none uses it."""
    matrix = fit_matrix(plan)
    share = P.share_weights(P.personas(plan.yaml_data.get("personas.yaml")))
    scores = {}
    for channel, own in zip(plan.channels["id"], plan.channels["fit"]):
        fits = matrix[channel].dropna()
        weights = pd.Series([share[p] for p in fits.index], index=fits.index, dtype=float)
        if len(fits) and weights.sum() > 0:
            scores[channel] = float((fits * weights).sum() / weights.sum())
        elif not pd.isna(own):
            scores[channel] = float(own)
    return scores


def rank(plan, override: dict | None = None) -> pd.DataFrame:
    """One row per channel, best first: each criterion's 1-5 score, the 0-100 score and the rank."""
    used = weights(plan.settings, override)
    team = catalogue.team_skills(plan.settings)
    fits = fit_scores(plan)
    past = last_year_by_channel(plan)
    rows = []
    for channel in plan.channels.itertuples(index=False):
        needed = catalogue.needed_skills(channel.kind, channel.skills)
        missing = [s for s in needed if team is not None and s not in team]
        history = past.get(channel.id, {})
        progress = history.get("progress")
        scores = {
            "reach": None if pd.isna(channel.reach) else float(channel.reach),
            "cost": None if pd.isna(channel.cost) else 6.0 - float(channel.cost),
            "fit": fits.get(channel.id),
            "results": None if progress is None else 1 + 4 * min(max(progress, 0.0), 1.0),
            "skills": None if team is None else (5.0 if not needed else 1 + 4 * (1 - len(missing) / len(needed))),
        }
        counted = {k: v for k, v in scores.items() if v is not None and used[k] > 0}
        total_weight = sum(used[k] for k in counted)
        mean = sum(used[k] * v for k, v in counted.items()) / total_weight if total_weight else None
        rows.append({"id": channel.id, "name": channel.name, "chosen": bool(True if pd.isna(channel.chosen) else
                                                                             channel.chosen),
                     **{k: None if v is None else round(v, 2) for k, v in scores.items()},
                     "score": None if mean is None else round((mean - 1) / 4 * 100, 1),
                     "cost_model": catalogue.cost_model(channel.kind, channel.cost_model),
                     "skills_needed": ", ".join(needed), "skills_missing": ", ".join(missing),
                     "last_year_cost": history.get("cost"), "last_year_progress": progress})
    frame = pd.DataFrame(rows, columns=["id", "name", "chosen", *CRITERIA, "score", "cost_model", "skills_needed",
                                        "skills_missing", "last_year_cost", "last_year_progress"])
    frame = frame.sort_values(["score", "id"], ascending=[False, True], na_position="last", kind="stable")
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame.reset_index(drop=True)
