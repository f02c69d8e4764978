"""personas.yaml as the kit reads it: each persona's kind, criteria, profile, channels, fit and share.

A persona is B2C (a person buying for themselves) or B2B (a buyer inside a
company), and each kind is described by its own criteria. Criteria keys may
be written in English or French (`âge`, `secteur`...); everything else in the
step (rules, cards, forms, the summary) reads personas through this module,
so spellings are handled once.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ...core.freetext import item_text

CRITERIA: dict[str, tuple[str, ...]] = {
    "B2C": ("gender", "age", "location", "income", "occupation", "interests", "habits"),
    "B2B": ("sector", "company_size", "region", "offer", "stage", "role"),
}
PROFILE = ("needs", "pains", "objections", "triggers")  # lists that make a persona more than a label
FIT_RANGE = (1, 5)

# What an analyst may write as a criterion's key, besides its code.
CRITERIA_ALIASES = {
    "sex": "gender", "sexe": "gender", "genre": "gender", "age_range": "age", "âge": "age", "tranche_d_age": "age",
    "residence": "location", "place": "location", "lieu": "location", "lieu_de_residence": "location",
    "habitat": "location", "revenu": "income", "revenus": "income", "income_band": "income",
    "tranche_de_revenu": "income", "profession": "occupation", "metier": "occupation", "job": "occupation",
    "csp": "occupation", "centres_d_interet": "interests", "interets": "interests", "loisirs": "interests",
    "buying_habits": "habits", "habitudes": "habits", "habitudes_d_achat": "habits",
    "secteur": "sector", "industry": "sector", "size": "company_size", "taille": "company_size",
    "taille_d_entreprise": "company_size", "effectif": "company_size", "zone": "region",
    "product": "offer", "service": "offer", "type_de_produit": "offer", "offre": "offer",
    "life_cycle": "stage", "lifecycle": "stage", "cycle_de_vie": "stage", "stade": "stage", "maturite": "stage",
    "buyer_role": "role", "role_dans_la_decision": "role", "fonction": "role",
}


def criterion_code(key) -> str:
    """The code a criterion key stands for (`Âge` -> age, `Taille d'entreprise` -> company_size)."""
    text = unicodedata.normalize("NFKD", str(key).strip().lower())
    plain = "".join(c for c in text if not unicodedata.combining(c))
    plain = "_".join(plain.replace("'", " ").replace("-", " ").split())
    if plain in CRITERIA["B2C"] or plain in CRITERIA["B2B"]:
        return plain
    return CRITERIA_ALIASES.get(plain, CRITERIA_ALIASES.get(str(key).strip().lower(), plain))


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    kind: str  # B2B or B2C ("" when not one of them)
    criteria: dict  # code -> text, as written
    profile: dict  # needs, pains, objections, triggers -> list of texts
    channels: tuple[str, ...]
    fit: dict  # channel id -> score 1-5, as stated
    share: float | None  # percent of the target
    index: int  # its place in personas.yaml's list, for YAML paths
    raw: dict = field(default_factory=dict, compare=False)

    def missing(self) -> list[str]:
        """Criteria of its kind and profile lists left empty."""
        gaps = [c for c in CRITERIA.get(self.kind, ()) if not str(self.criteria.get(c) or "").strip()]
        return gaps + [p for p in PROFILE if not self.profile.get(p)]

    def fit_for(self, channel_id: str, default: float | None = None) -> float | None:
        """Its stated fit with a channel; the channel's own fit when it uses the channel without one."""
        if channel_id in self.fit:
            return self.fit[channel_id]
        return default if channel_id in self.channels else None


def _texts(value) -> list[str]:
    if isinstance(value, list):
        return [text for text in (item_text(v) for v in value) if text]
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def as_number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().rstrip("%").strip().replace(",", "."))
        except ValueError:
            return None
    return None


def kind_of(value) -> str:
    text = str(value or "").strip().upper()
    return text if text in CRITERIA else ""


def personas(document) -> list[Persona]:
    """Every persona with an id, in file order."""
    items = document.get("personas") if isinstance(document, dict) else None
    found = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not item.get("id"):
            continue
        criteria = item.get("criteria") if isinstance(item.get("criteria"), dict) else {}
        fit = item.get("fit") if isinstance(item.get("fit"), dict) else {}
        found.append(Persona(
            id=str(item["id"]), name=str(item.get("name") or ""), kind=kind_of(item.get("type")),
            criteria={criterion_code(k): ", ".join(_texts(v)) if isinstance(v, list) else ("" if v is None else str(v))
                      for k, v in criteria.items()},
            profile={key: _texts(item.get(key)) for key in PROFILE},
            channels=tuple(str(c) for c in _texts(item.get("channels"))),
            fit={str(k): as_number(v) for k, v in fit.items() if as_number(v) is not None},
            share=as_number(item.get("share")), index=index, raw=item))
    return found


def share_weights(people: list[Persona]) -> dict[str, float]:
    """Each persona's weight in averages: its share of the target, equal shares when none is stated."""
    stated = {p.id: p.share for p in people if p.share}
    if not stated:
        return {p.id: 1.0 for p in people}
    fallback = min(stated.values())  # a persona without a share still counts, as the smallest stated one
    return {p.id: stated.get(p.id, fallback) for p in people}
