"""A phrase index: multi-word names found with one dictionary lookup per word.

Entries are keyed by their first word (casefolded); a candidate matches when
its words and the gaps between them (spaces normalised) match the text.
Longer entries are tried first, so "Central Asian" wins over "Central".
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from transaudit.analysis.tokens import SPACE_RE, Token, tokenize

# Entry kinds (what a name names).
COUNTRY = "country"
DEMONYM = "demonym"
CITY = "city"
METONYM = "metonym"
PERSON = "person"


@dataclass(frozen=True)
class Entry:
    """One surface form of a name: its words, the gaps between them, what it names."""

    tokens: tuple[str, ...]
    gaps: tuple[str, ...]
    case_sensitive: bool
    kind: str
    entity: str
    country: str
    surface: str


@dataclass
class PhraseTrie:
    by_first: dict[str, list[Entry]] = field(default_factory=dict)

    #: First words as they can appear in text (exact, and lower/capitalized for
    #: case-insensitive entries), for a set intersection before any per-word work.
    surfaces: set[str] = field(default_factory=set)

    #: Per casefolded first word, the second words its entries need: (exactly, for
    #: case-sensitive entries; casefolded, for the others), or None when one of them
    #: is a single word. "The" opens only "The Gambia", "The Bahamas"…: a text
    #: without those second words cannot match it, and a text's every "The" or "El"
    #: would otherwise cost a full tokenisation.
    seconds: dict[str, tuple[frozenset[str], frozenset[str]] | None] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        first = entry.tokens[0]
        key = first.casefold()
        if len(entry.tokens) == 1:
            self.seconds[key] = None
        else:
            known = self.seconds.get(key, (frozenset(), frozenset()))
            if known is not None:
                exact, folded = known
                if entry.case_sensitive:
                    exact |= {entry.tokens[1]}
                else:
                    folded |= {entry.tokens[1].casefold()}
                self.seconds[key] = (exact, folded)
        self.surfaces.add(first)
        if not entry.case_sensitive:
            self.surfaces.update({first.lower(), first[:1].upper() + first[1:].lower(), first.upper()})
        bucket = self.by_first.setdefault(key, [])
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.tokens))

    def live(self, hits: frozenset[str], words: frozenset[str]) -> frozenset[str]:
        """The first words among ``hits`` (words of the text in :attr:`surfaces`) an entry can start at.

        ``words`` are all the text's words: an entry of two words or more can match
        only where its second word is among them, exactly or casefolded as the
        entry compares its words. A word this index does not know how to judge
        is kept.
        """
        live = []
        folded_words: frozenset[str] | None = None
        for word in hits:
            need = self.seconds.get(word.casefold())
            if need is not None:
                exact, folded = need
                if exact.isdisjoint(words):
                    if not folded:
                        continue
                    if folded_words is None:
                        folded_words = frozenset(w.casefold() for w in words)
                    if folded.isdisjoint(folded_words):
                        continue
            live.append(word)
        return hits if len(live) == len(hits) else frozenset(live)

    def scan(self, tokens: Sequence[Token], i: int, text: str) -> Entry | None:
        """The longest entry that starts at token i, if any."""
        for entry in self.by_first.get(tokens[i][2].casefold(), ()):
            if match(entry, tokens, i, text):
                return entry
        return None


def split_surface(surface: str, elisions: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A name's words and the (space-normalised) gaps between them ("d'Asie" splits as text does)."""
    spans = tokenize(surface, elisions)
    words = tuple(word for _, _, word in spans)
    gaps = tuple(SPACE_RE.sub(" ", surface[a[1] : b[0]]) for a, b in itertools.pairwise(spans))
    return words, gaps


def match(entry: Entry, tokens: Sequence[Token], i: int, text: str) -> bool:
    n = len(entry.tokens)
    if i + n > len(tokens):
        return False
    for k in range(n):
        word = tokens[i + k][2]
        want = entry.tokens[k]
        if entry.case_sensitive:
            if word != want:
                return False
        elif word.casefold() != want.casefold():
            return False
        if k and SPACE_RE.sub(" ", text[tokens[i + k - 1][1] : tokens[i + k][0]]) != entry.gaps[k - 1]:
            return False
    return True
