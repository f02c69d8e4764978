"""Step 3 as an analyst reads it: a card per persona and all personas side by side, in one language."""
from __future__ import annotations

import html

import pandas as pd

from ...core.i18n import format_percent, joined, labelled, tr
from . import model as M


def _criterion(code: str, lang: str) -> str:
    found = tr(f"criterion.{code}", lang)
    return code.replace("_", " ") if found.startswith("criterion.") else found


def _channel_names(plan) -> dict[str, str]:
    return dict(zip(plan.channels["id"], plan.channels["name"]))


def card_html(persona: M.Persona, plan, lang: str) -> str:
    """One persona as a readable block: who, criteria, profile lists, channels with their fit. Text escaped."""
    e = lambda v: html.escape(str(v))  # noqa: E731
    names = _channel_names(plan)
    kind = tr(f"persona.kind.{persona.kind}", lang) if persona.kind else ""
    share = f" · {e(tr('persona.share', lang))} {e(format_percent(persona.share, lang, 0))}" \
        if persona.share is not None else ""
    criteria = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{e(_criterion(code, lang))}</th>"
                       f"<td>{e(value)}</td></tr>" for code, value in persona.criteria.items() if str(value).strip())
    lists = "".join(
        "<p style='margin:.3em 0'>" + labelled(f"<b>{e(tr(f'persona.{key}', lang))}</b>",
                                                e(joined(persona.profile[key], lang))
                                                or f"<i>{e(tr('persona.empty', lang))}</i>", lang) + "</p>"
        for key in M.PROFILE)
    channels = ", ".join(
        f"{e(names.get(c, c))}" + (f" ({e(tr('persona.fit', lang))} {e(_score(persona.fit[c]))})"
                                   if c in persona.fit else "") for c in persona.channels)
    return (f"<div class='planlib-persona-card' style='border:1px solid #c9c9c9;border-radius:6px;"
            f"padding:.6em 1em;margin:.5em 0;max-width:48em'>"
            f"<h4 style='margin:.2em 0'>{e(persona.id)} – {e(persona.name)}</h4>"
            f"<p style='margin:.2em 0;color:#555'>{e(kind)}{share}</p>"
            f"<table style='margin:.3em 0'>{criteria}</table>{lists}"
            "<p style='margin:.3em 0'>" + labelled(f"<b>{e(tr('persona.channels', lang))}</b>", channels
                                                    or f"<i>{e(tr('persona.empty', lang))}</i>", lang) + "</p></div>")


def _score(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def side_by_side(plan, lang: str) -> pd.DataFrame:
    """All personas as columns; rows are the kind, the share, every criterion used, the profile and channels."""
    people = M.personas(plan.yaml_data.get("personas.yaml"))
    names = _channel_names(plan)
    codes = [c for kind in ("B2C", "B2B") for c in M.CRITERIA[kind] if any(c in p.criteria for p in people)]
    codes += sorted({c for p in people for c in p.criteria} - set(codes))
    rows = [(tr("persona.kind", lang), [tr(f"persona.kind.{p.kind}", lang) if p.kind else "" for p in people]),
            (tr("persona.share", lang), ["" if p.share is None else format_percent(p.share, lang, 0) for p in people])]
    rows += [(_criterion(c, lang), [p.criteria.get(c, "") for p in people]) for c in codes]
    rows += [(tr(f"persona.{key}", lang), [joined(p.profile[key], lang) for p in people]) for key in M.PROFILE]
    rows.append((tr("persona.channels", lang), [", ".join(names.get(c, c) for c in p.channels) for p in people]))
    frame = pd.DataFrame([values for _, values in rows], columns=[f"{p.id} – {p.name}" for p in people])
    frame.insert(0, tr("persona.criterion", lang), [label for label, _ in rows])
    return frame


def flag_lines(plan, lang: str) -> list[str]:
    """Step 3's warnings, each as `file:line:path: what`."""
    return [w.text(lang) for w in plan.warnings if w.file == "personas.yaml"]
