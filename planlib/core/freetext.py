"""Free-text list items as the user wrote them.

French puts a space before a colon: `- Départ des techniciens : besoin de
capitaliser le savoir`. YAML reads that line as a one-key mapping
({"Départ des techniciens": "besoin de ..."}), not as the sentence it is. In a
list of texts (SWOT items, needs, objections, lessons), such an item is read
back as the sentence, and the step's rules add a note that quotes make it
unambiguous.
"""
from __future__ import annotations


def colon_text(entry, fields: tuple[str, ...] = ()) -> str | None:
    """The sentence behind a one-key mapping `{text before: text after}`, else None.

    `fields` are the keys a record of that list may hold (`text`, `id`...): a
    mapping with one of them is a record, not a sentence."""
    if not isinstance(entry, dict) or len(entry) != 1:
        return None
    [(key, value)] = entry.items()
    if isinstance(key, bool) or str(key) in fields or isinstance(value, (dict, list, bool)):
        return None
    before = str(key).strip()
    return f"{before} : {str(value).strip()}" if value is not None else f"{before} :"


def item_text(entry, fields: tuple[str, ...] = ()) -> str:
    """A list item's text: a plain scalar, or the sentence a French colon split."""
    sentence = colon_text(entry, fields)
    if sentence is not None:
        return sentence
    if entry is None or isinstance(entry, (dict, list)):
        return ""
    return str(entry).strip()
