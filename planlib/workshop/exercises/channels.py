"""Step 4's exercises: rank the channels for a persona and say why; two message variants within limits."""
from __future__ import annotations

import pandas as pd

from ...steps.channels import formats
from ...steps.personas import model as personas
from ..exercise import Exercise
from .text import normalized, quoted, word_count

MIN_CHANNELS = 3
MIN_WHY_WORDS = 3


def chosen_persona(plan, givens: dict):
    """The persona the givens name, else the first one of personas.yaml."""
    people = personas.personas(plan.yaml_data.get("personas.yaml"))
    wanted = str(givens.get("persona") or "")
    return next((p for p in people if p.id == wanted), None) or (people[0] if people else None)


def check_ranking(plan, givens: dict, say):
    """The persona's fit scores rank at least MIN_CHANNELS channels; its best ones carry a note saying why."""
    persona = chosen_persona(plan, givens)
    if persona is None:
        return say.verdict("not_attempted", "no_persona")
    if not persona.fit:
        return say.verdict("not_attempted", "none", persona=persona.id)
    scores = dict(sorted(persona.fit.items(), key=lambda item: (-item[1], item[0])))
    if len(scores) > 1 and len(set(scores.values())) == 1:
        return say.verdict("incorrect", "all_equal", persona=persona.id, score=f"{next(iter(scores.values())):g}")
    wanted = int(givens.get("at_least", MIN_CHANNELS))
    if len(scores) < wanted:
        return say.verdict("partial", "too_few", persona=persona.id, count=len(scores), n=len(scores), wanted=wanted)
    notes = dict(zip(plan.channels["id"], plan.channels["notes"]))
    best = max(scores.values())
    unexplained = [c for c, s in scores.items() if s == best and word_count(notes.get(c)) < MIN_WHY_WORDS]
    if unexplained:
        return say.verdict("partial", "no_why", persona=persona.id, channel=unexplained[0])
    ranking = ", ".join(f"{c} ({s:g})" for c, s in scores.items())
    return say.verdict("correct", "correct", persona=persona.id, ranking=ranking)


def _over_limit(message) -> tuple | None:
    if message["format"] not in formats.formats():
        return None
    length = formats.measure(str(message["message"]), message["format"])
    return (length.length, length.limit) if length.over else None


def check_variants(plan, givens: dict, say):
    """Two variants on one channel for the persona, different, each within its format's limit, with a call to action."""
    persona = chosen_persona(plan, givens)
    if persona is None:
        return say.verdict("not_attempted", "no_persona")
    frame = plan.messages[plan.messages["persona_id"] == persona.id]
    if frame.empty:
        return say.verdict("not_attempted", "none", persona=persona.id)
    for message in frame.to_dict("records"):
        over = _over_limit(message)
        if over:
            return say.verdict("incorrect", "too_long", id=message["id"], length=over[0], limit=over[1],
                               format=message["format"])
    for channel, group in frame.groupby("channel_id", sort=False):
        texts = [normalized(t) for t in group["message"]]
        if len(texts) != len(set(texts)):
            return say.verdict("incorrect", "same_text", channel=channel)
    paired = [(c, g) for c, g in frame.groupby("channel_id", sort=True) if g["variant"].replace("", pd.NA).nunique() >= 2]
    if not paired:
        return say.verdict("partial", "one_variant", persona=persona.id, channel=frame.iloc[0]["channel_id"])
    channel, group = paired[0]
    for message in group.to_dict("records"):
        if not str(message["format"] or "").strip():
            return say.verdict("partial", "no_format", id=message["id"])
        if not str(message["call_to_action"] or "").strip():
            return say.verdict("partial", "no_call", id=message["id"])
    return say.verdict("correct", "correct", channel=channel, variants=", ".join(sorted(set(group["variant"]) - {""})),
                       first=quoted(group.iloc[0]["message"], 40))


EXERCISES = (
    Exercise("channel_ranking", "channels", ("personas.yaml", "channels.csv"), check_ranking,
             "04_channels_messages.ipynb", "04c06"),
    Exercise("message_variants", "channels", ("messages.csv",), check_variants, "04_channels_messages.ipynb", "04c08"),
)
