"""Step 3's exercise: a persona of the case's market (B2B or B2C) with every criterion of its kind."""
from __future__ import annotations

from ...core.i18n import tr
from ...steps.personas import model
from ..exercise import Exercise


def expected_kind(plan, givens: dict) -> tuple[str, ...]:
    """The kinds the case sells to: the givens' `kind`, else plan.yaml's market (B2B2C: either)."""
    stated = str(givens.get("kind") or plan.config.market).upper()
    return tuple(k for k in model.CRITERIA if k in stated) or tuple(model.CRITERIA)


def check_persona(plan, givens: dict, say):
    """The most complete persona of the right kind decides; its missing criteria and profile lists are named."""
    people = model.personas(plan.yaml_data.get("personas.yaml"))
    if not people:
        return say.verdict("not_attempted", "none")
    kinds = expected_kind(plan, givens)
    fitting = [p for p in people if p.kind in kinds]
    if not fitting:
        first = people[0]
        return say.verdict("incorrect", "wrong_kind", persona=first.id, kind=first.kind or "-", expected=" / ".join(kinds),
                           criteria=", ".join(tr(f"criterion.{c}", say.lang) for c in model.CRITERIA[kinds[0]]))
    best = min(fitting, key=lambda p: len(p.missing()))
    gaps = best.missing()
    if gaps:
        words = [tr(f"criterion.{g}", say.lang) if g in model.CRITERIA[best.kind] else tr(f"persona.{g}", say.lang)
                 for g in gaps]
        return say.verdict("partial", "missing", persona=best.id, missing=", ".join(words))
    return say.verdict("correct", "correct", persona=best.id, name=best.name, kind=best.kind)


EXERCISES = (
    Exercise("persona_criteria", "personas", ("personas.yaml",), check_persona, "03_personas.ipynb", "03c04"),
)
