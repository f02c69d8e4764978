"""audit.yaml as the kit reads it: SWOT items with ids, PESTEL factors, competitors, TOWS strategies.

audit.yaml stays simple to write: a SWOT item may be a plain string (its id
is its place: S1, S2... in strengths, W1... in weaknesses, O1..., T1...) or a
mapping `{id, text, importance (1-5), evidence}`. Everything else in the step
(checks, charts, forms, the summary) reads the audit through this module, so
the two spellings are handled once.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...core.freetext import colon_text, item_text

QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")
LETTERS = {"strengths": "S", "weaknesses": "W", "opportunities": "O", "threats": "T"}
SWOT_FIELDS = ("id", "text", "importance", "evidence")  # what a SWOT item written as a mapping may hold
INTERNAL = ("strengths", "weaknesses")
PAIR_KINDS = ("SO", "ST", "WO", "WT")
LAST_YEAR_DECISIONS = ("keep", "fix", "drop")
HORIZONS = ("short", "medium", "long")
MATURITIES = ("launch", "growth", "maturity", "decline")
# What an analyst may write in audit.yaml for these codes (French words, spoken forms).
ALIASES = {
    "garder": "keep", "conserver": "keep", "corriger": "fix", "améliorer": "fix", "ameliorer": "fix",
    "ajuster": "fix", "abandonner": "drop", "arrêter": "drop", "arreter": "drop", "supprimer": "drop",
    "court": "short", "court terme": "short", "moyen": "medium", "moyen terme": "medium", "long terme": "long",
    "lancement": "launch", "introduction": "launch", "croissance": "growth", "maturité": "maturity",
    "maturite": "maturity", "déclin": "decline", "declin": "decline",
}


def code(value) -> str:
    """The code an audit value stands for (`Abandonner` -> drop), or the value in lower case."""
    text = str(value).strip().lower() if value is not None else ""
    return ALIASES.get(text, text)


@dataclass(frozen=True)
class SwotItem:
    id: str
    quadrant: str
    text: str
    importance: int | None
    evidence: str
    index: int  # its place in the quadrant's list, for YAML paths

    @property
    def internal(self) -> bool:
        return self.quadrant in INTERNAL


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def swot_items(audit: dict) -> list[SwotItem]:
    """Every SWOT item, quadrant by quadrant, with its id (given, or by position)."""
    swot = _mapping(audit.get("swot"))
    items = []
    for quadrant in QUADRANTS:
        for index, entry in enumerate(_list(swot.get(quadrant))):
            given = _mapping(entry) if colon_text(entry, SWOT_FIELDS) is None else {}  # a record, or a sentence
            text = str(given.get("text") or "") if given else item_text(entry, SWOT_FIELDS)
            importance = given.get("importance")
            items.append(SwotItem(
                id=str(given.get("id") or f"{LETTERS[quadrant]}{index + 1}"), quadrant=quadrant, text=text,
                importance=importance if isinstance(importance, int) and not isinstance(importance, bool) else None,
                evidence=str(given.get("evidence") or ""), index=index))
    return items


def swot_by_id(audit: dict) -> dict[str, SwotItem]:
    return {item.id: item for item in swot_items(audit)}


def pair_kind(first: SwotItem, second: SwotItem) -> str | None:
    """SO, ST, WO or WT for one internal and one external item (in any order), else None."""
    internal = [i for i in (first, second) if i.internal]
    external = [i for i in (first, second) if not i.internal]
    if len(internal) != 1 or len(external) != 1:
        return None
    return LETTERS[internal[0].quadrant] + LETTERS[external[0].quadrant]


@dataclass(frozen=True)
class Strategy:
    pair: tuple[str, ...]
    kind: str | None  # SO, ST, WO, WT; None when the pair is not valid
    text: str
    objectives: tuple[str, ...]
    index: int


def strategies(audit: dict) -> list[Strategy]:
    """The TOWS strategies, each with the kind its pair gives."""
    by_id = swot_by_id(audit)
    found = []
    for index, entry in enumerate(_list(audit.get("tows"))):
        entry = _mapping(entry)
        pair = tuple(str(p) for p in _list(entry.get("pair")))
        kind = pair_kind(by_id[pair[0]], by_id[pair[1]]) \
            if len(pair) == 2 and all(p in by_id for p in pair) else None
        objectives = entry.get("objectives")
        objectives = [objectives] if isinstance(objectives, str) else _list(objectives)
        found.append(Strategy(pair, kind, str(entry.get("strategy") or ""), tuple(str(o) for o in objectives), index))
    return found


def pestel_factors(audit: dict) -> list[dict]:
    """PESTEL entries that are mappings, each with its place in the list (`index`)."""
    return [{**entry, "index": i} for i, entry in enumerate(_list(audit.get("pestel"))) if isinstance(entry, dict)]


def is_material(factor: dict) -> bool:
    """False for an explicit 'nothing material' entry on a dimension."""
    return not factor.get("nothing_material")


def competitors(audit: dict) -> list[dict]:
    return [entry for entry in _list(audit.get("competitors")) if isinstance(entry, dict)]


def axes(audit: dict) -> dict:
    """The positioning map's two axes (`x`, `y` names) and the company's own scores (`ours`)."""
    return _mapping(audit.get("competitor_axes"))


def last_year(audit: dict) -> dict:
    return _mapping(audit.get("last_year_review"))


def analyst_decisions(audit: dict) -> dict[str, dict]:
    """The analyst's decisions on last year's actions, by action id (the last one wins)."""
    decisions = {}
    for index, entry in enumerate(_list(last_year(audit).get("decisions"))):
        if isinstance(entry, dict) and entry.get("action_id"):
            decisions[str(entry["action_id"])] = {**entry, "index": index, "decision": code(entry.get("decision"))}
    return decisions
