"""What an objective counts: the Specific letter, found from the sentence's shape.

No list of metric nouns: whatever is counted is accepted. It is, in order:
1. the noun phrase a quantity is attached to ("500 leads qualifiés",
   "+15 % de trafic", "8% of free trials", "10% growth in online sales");
2. else the object of the sentence's verb, the first word once a preamble
   ("Notre objectif est de", "We want to") is set aside: "Augmenter les
   ventes de 10 %" counts "les ventes", "Grow the number of users" counts
   "the number of users". A verb of state (être, devenir, be, become) has
   no object to count.
The phrase is too broad to count when its head noun is one of VAGUE_OBJECTS
(image, visibility, strategy...): a short list of what is known not to be
countable, so that any other noun is accepted. The head is the first noun in
French ("expérience client") and the last one before a preposition in English
("customer experience").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .quantities import PLACEHOLDER, Quantity

VAGUE_OBJECTS = {
    "image", "marque", "brand", "presence", "visibilite", "visibility", "positionnement", "positioning",
    "communication", "communications", "strategie", "strategy", "experience", "relation", "relations",
    "relationship", "relationships", "reputation", "performance", "performances", "activite", "activity",
    "efficacite", "efficiency", "effectiveness", "qualite", "quality", "offre", "offer", "leadership",
}
_TOKEN = re.compile(r"(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’](?=\w)|\w+(?:[-'’]\w+)*|[^\w\s]", re.IGNORECASE)
_PREAMBLE = re.compile(
    r"^\s*(?:(?:notre|l['’]|un|mon|le)\s*(?:objectif|but|ambition|enjeu)\s+(?:est|sera)\s+(?:de\s+|d['’])|"
    r"(?:nous|on)\s+(?:voulons|allons|devons|souhaitons|visons\s+à|veut|va|doit)\s+|il\s+faut\s+|"
    r"(?:our|the|my)\s+(?:goal|objective|aim|ambition|target)\s+is\s+to\s+|"
    r"we\s+(?:want|aim|plan|need|will|intend)\s+(?:to\s+)?|aim\s+to\s+)", re.IGNORECASE)
STATE_VERBS = {"être", "etre", "devenir", "rester", "demeurer", "be", "become", "remain", "stay"}
_DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "notre", "nos", "votre",
                "vos", "leur", "leurs", "son", "sa", "ses", "ce", "cet", "cette", "ces", "the", "a", "an", "our",
                "your", "their", "its", "this", "these", "that", "those"}
VAGUE_WORDS = {"plus", "davantage", "beaucoup", "significativement", "sensiblement", "fortement", "nettement",
               "considérablement", "largement", "maximum", "quelques", "plusieurs", "mieux", "meilleur", "meilleure",
               "meilleurs", "meilleures", "more", "fewer", "better", "significantly", "substantially", "considerably",
               "drastically", "greatly", "lot", "lots", "some", "several", "far", "much", "many", "higher", "new",
               "additional", "extra", "supplémentaires", "supplémentaire", "additionnels", "additionnelles"}
CHANGE_NOUNS = {"growth", "increase", "rise", "drop", "decline", "decrease", "reduction", "hausse", "baisse",
                "croissance", "augmentation", "diminution", "réduction", "progression"}  # "10% growth in sales"
_STOPS = {"à", "au", "aux", "en", "sur", "pour", "dans", "sous", "avant", "après", "pendant", "durant", "chaque",
          "tous", "toutes", "entre", "grâce", "afin", "avec", "auprès", "via", "chez", "lors", "et", "ou", "par",
          "by", "to", "from", "in", "within", "before", "after", "on", "over", "for", "through", "with", "at",
          "during", "each", "every", "across", "among", "between", "until", "via", "and", "or", "up", "down",
          "under", "below", "above", "than", "as", "into", "onto", "this", "next", "per", "abroad", "yoy", "mom",
          "qoq", "vs", "versus"}
_LINKS_AFTER_AMOUNT = {"de", "d'", "d’", "des", "du", "of", "in", "en", "sur", "on"}
_FRENCH_WORDS = {"le", "la", "les", "des", "du", "de", "et", "à", "au", "aux", "pour", "notre", "nos", "un", "une",
                 "d'", "d’", "l'", "l’", "sur", "dans", "par", "en", "ici"}
_ENGLISH_WORDS = {"the", "of", "and", "to", "by", "our", "in", "for", "a", "an", "on", "with", "from", "within"}
MAX_WORDS = 6


@dataclass(frozen=True)
class Counted:
    phrase: str | None   # what is counted, as written; None when nothing is named
    vague: bool          # the phrase's head is too broad to be counted
    quantity: Quantity | None = None  # the quantity the phrase follows ("500" in "500 leads"), if any


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def _plain(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


def _french(tokens: list[_Token], lang: str) -> bool:
    """Whether the sentence is French, by its small words; the reader's language when they do not tell."""
    words = [t.lower for t in tokens]
    french, english = sum(w in _FRENCH_WORDS for w in words), sum(w in _ENGLISH_WORDS for w in words)
    return lang == "fr" if french == english else french > english


class _Sentence:
    """Tokens with the positions of the time frame and the quantities, to cut phrases at them."""

    def __init__(self, text: str, time_spans, quantities: list[Quantity]):
        self.text = text
        self.tokens = [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.time_spans = time_spans
        self.quantities = quantities
        self.placeholders = [m.span() for m in PLACEHOLDER.finditer(text)]

    def index_after(self, position: int) -> int:
        return next((i for i, t in enumerate(self.tokens) if t.start >= position), len(self.tokens))

    def _inside(self, token: _Token, spans) -> bool:
        return any(a <= token.start < b for a, b in spans)

    def in_time(self, i: int) -> bool:
        return i < len(self.tokens) and self._inside(self.tokens[i], self.time_spans)

    def quantity_at(self, i: int) -> Quantity | None:
        if i >= len(self.tokens):
            return None
        return next((q for q in self.quantities if q.start <= self.tokens[i].start < q.end), None)

    def skip_amount(self, i: int) -> int:
        """Past 'de 15 %', 'by 20%', 'de X %', 'de moitié' right after a verb."""
        j = i + 1 if i < len(self.tokens) and self.tokens[i].lower in ("de", "by", "par") else i
        quantity = self.quantity_at(j)
        if quantity:
            return self.index_after(quantity.end)
        if j < len(self.tokens) and self._inside(self.tokens[j], self.placeholders):
            end = next(b for a, b in self.placeholders if a <= self.tokens[j].start < b)
            return self.index_after(end)
        return i

    def phrase(self, i: int) -> tuple[str | None, list[_Token]]:
        """The noun phrase starting at token i: leading determiners and vague words skipped, cut at a stop."""
        tokens = self.tokens
        after_change = False
        while i < len(tokens) and (tokens[i].lower in _DETERMINERS or tokens[i].lower in VAGUE_WORDS or
                                   tokens[i].lower in CHANGE_NOUNS or tokens[i].text in "-+" or
                                   (after_change and tokens[i].lower in ("in", "of", "en")) or
                                   self._inside(tokens[i], self.placeholders)):
            if self.in_time(i) or self.quantity_at(i):
                break
            after_change = tokens[i].lower in CHANGE_NOUNS
            i += 1
        words: list[_Token] = []
        while i < len(tokens) and len(words) < MAX_WORDS:
            token = tokens[i]
            if self.in_time(i) or self.quantity_at(i) or token.lower in _STOPS or not re.match(r"\w", token.text):
                break
            if token.lower in ("de", "d'", "d’", "of", "du", "des") and (
                    self.quantity_at(i + 1) or self.in_time(i + 1) or
                    (i + 1 < len(tokens) and self._inside(tokens[i + 1], self.placeholders))):
                break
            words.append(token)
            i += 1
        while words and words[-1].lower in _DETERMINERS:
            words.pop()
        if not words:
            return None, []
        return self.text[words[0].start:words[-1].end], words


def _head(words: list[_Token], french: bool) -> str:
    if french:
        content = [w for w in words if w.lower not in _DETERMINERS]
        return content[0].lower if content else ""
    before_preposition = []
    for word in words:
        if word.lower in ("of", "de", "d'", "d’"):
            break
        if word.lower not in _DETERMINERS:
            before_preposition.append(word)
    return before_preposition[-1].lower if before_preposition else ""


def find(text: str, time_spans, quantities: list[Quantity], lang: str) -> Counted:
    """The noun phrase the objective counts, and whether it is too broad to count."""
    sentence = _Sentence(text, time_spans, quantities)
    french = _french(sentence.tokens, lang)
    phrase, words, attached = None, [], None
    for quantity in quantities:
        i = sentence.index_after(quantity.end)
        if i < len(sentence.tokens) and sentence.tokens[i].lower in _LINKS_AFTER_AMOUNT and \
                not sentence.in_time(i + 1) and (quantity.unit or sentence.tokens[i].lower not in ("sur", "on")):
            i += 1
        if not sentence.in_time(i) and (i >= len(sentence.tokens) or sentence.tokens[i].lower not in _STOPS):
            phrase, words = sentence.phrase(i)
            if phrase:
                attached = quantity
                break
    if not phrase:
        preamble = _PREAMBLE.match(text)
        i = sentence.index_after(preamble.end()) if preamble else 0
        tokens = sentence.tokens
        while i < len(tokens) and (tokens[i].lower in VAGUE_WORDS or not re.match(r"\w", tokens[i].text)):
            i += 1
        if i < len(tokens) and tokens[i].lower not in STATE_VERBS and not sentence.quantity_at(i):
            verb = tokens[i].lower
            i += 1
            if verb in ("faire", "make", "have") and i < len(tokens) and re.search(r"(?:er|ir|re)$", tokens[i].lower):
                i += 1
            elif verb == "mettre" and i + 1 < len(tokens) and tokens[i].lower in ("en", "à", "a"):
                i += 2
            while i < len(tokens) and tokens[i].lower in ("up", "down", "out", "back") and not sentence.quantity_at(i):
                i += 1
            while i < len(tokens) and tokens[i].lower in VAGUE_WORDS and not sentence.in_time(i):
                i += 1
            phrase, words = sentence.phrase(sentence.skip_amount(i))
    head = _head(words, french) if phrase else ""
    if not head:
        return Counted(None, False)
    return Counted(phrase, _plain(head) in VAGUE_OBJECTS, attached)
