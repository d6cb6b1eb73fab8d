"""A content word of the translation that translates nothing in the source (an insertion).

Each target word is linked to the source words it can translate, through
Apertium's bilingual dictionaries both ways (:mod:`transaudit.meaning.bilingual`):
a link when the two share a dictionary form or spelling (names, numbers,
cognates), when one's translation is the other's dictionary form, or when the
two agree on their first five letters after folding ("organización" /
"organization", "intercompañías" / "intercompany") or one opens the other
("Asia" / "Asian"). A
target content word with no link is *unexplained*. Paraphrase leaves many
unexplained words, always with an unexplained source word beside them (the
words the paraphrase replaced); an inserted word has none: its neighbours
translate source words that are next to each other, with no unexplained source
content word between them. That is the rule, and two filters keep it quiet:

* the word must weigh (rarity, ``6 − Zipf``, as in :mod:`transaudit.meaning.coverage`)
  at least the pair's ``word_weight``: "also", "well", "there" come and go;
* its sentence-encoder vector (the word alone) must be far from every source
  content word's (cosine below ``word_similarity``): the encoder knows
  "intercompany" ≈ "intercompañías" where the dictionary does not.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import fold
from transaudit.meaning.bilingual import Lexicon, Word, lexicon
from transaudit.meaning.coverage import FUNCTION_ZIPF

#: Letters two folded forms must share at their start to count as the same word.
PREFIX = 5
#: A form this long that opens another is the same word inflected or derived ("asia"/"asian").
SHORTEST = 4


@dataclass(frozen=True)
class Inserted:
    """A target word that translates nothing in the source, and its rarity weight."""

    word: Word
    weight: float


def lexicons(source_lang: str, target_lang: str) -> tuple[Lexicon, Lexicon] | None:
    """The source's dictionary into the target language and back (None if either is missing)."""
    forward, backward = lexicon(source_lang, target_lang), lexicon(target_lang, source_lang)
    return (forward, backward) if forward is not None and backward is not None else None


def _keys(word: Word) -> set[str]:
    return set(word.lemmas) | {fold(word.text)}


def _agree(one: set[str], other: set[str]) -> bool:
    """A shared form, the same first five letters, or one form opening the other ("asia"/"asian")."""
    if one & other:
        return True
    for a in one:
        for b in other:
            short, long = sorted((a, b), key=len)
            if len(short) >= SHORTEST and long.startswith(short):
                return True
            if len(short) >= PREFIX and a[:PREFIX] == b[:PREFIX]:
                return True
    return False


class _Index:
    """Which of many key sets :func:`_agree` with a given one, without comparing each pair.

    A paragraph of 150 words would otherwise compare every target word with
    every source word (tens of thousands of fuzzy comparisons); here each key is
    looked up by itself, its first five letters and its first four.
    """

    def __init__(self, key_sets: Sequence[set[str]]) -> None:
        self._exact: dict[str, set[int]] = {}
        self._head5: dict[str, set[int]] = {}
        self._head4: dict[str, set[int]] = {}  # keys of 4+ letters by their first four
        self._four: dict[str, set[int]] = {}  # keys of exactly four letters
        for i, keys in enumerate(key_sets):
            for key in keys:
                self._exact.setdefault(key, set()).add(i)
                if len(key) >= PREFIX:
                    self._head5.setdefault(key[:PREFIX], set()).add(i)
                if len(key) >= SHORTEST:
                    self._head4.setdefault(key[:SHORTEST], set()).add(i)
                if len(key) == SHORTEST:
                    self._four.setdefault(key, set()).add(i)

    def find(self, keys: set[str]) -> set[int]:
        found: set[int] = set()
        for key in keys:
            found |= self._exact.get(key, set())
            if len(key) >= PREFIX:
                found |= self._head5.get(key[:PREFIX], set())
            if len(key) == SHORTEST:
                found |= self._head4.get(key, set())  # this key opens a longer one
            if len(key) >= SHORTEST:
                found |= self._four.get(key[:SHORTEST], set())  # a four-letter key opens this one
        return found


def links(
    source: Sequence[Word], target: Sequence[Word], forward: Lexicon, backward: Lexicon
) -> list[set[int]]:
    """For each target word, the indices of the source words it may translate."""
    by_form = _Index([_keys(w) for w in source])
    by_meaning = _Index([set(forward.translations(w)) for w in source])
    exact: dict[str, set[int]] = {}
    for i, word in enumerate(source):
        for key in _keys(word):
            exact.setdefault(key, set()).add(i)
    out: list[set[int]] = []
    for word in target:
        own, meanings = _keys(word), set(backward.translations(word))
        found = set().union(*(exact.get(k, set()) for k in own)) if own else set()
        out.append(found | by_form.find(meanings) | by_meaning.find(own))
    return out


def _candidate(word: Word) -> bool:
    """A content word that is not a name (an unknown capitalized word) or a number."""
    if not word.content or any(ch.isdigit() for ch in word.text):
        return False
    return bool(word.readings) or not word.text[:1].isupper()


def unexplained(
    source: Sequence[Word], target: Sequence[Word], forward: Lexicon, backward: Lexicon, target_lang: str
) -> list[Inserted]:
    """Target content words with no link, whose neighbours leave nothing of the source out."""
    linked = links(source, target, forward, backward)
    covered = set().union(*linked) if linked else set()
    loose = [i for i, w in enumerate(source) if _candidate(w) and i not in covered]
    anchors = [j for j, w in enumerate(target) if linked[j] and w.content]
    found: list[Inserted] = []
    for j, word in enumerate(target):
        if linked[j] or not _candidate(word):
            continue
        at = bisect.bisect_left(anchors, j)  # anchors are in text order; j is not one (unlinked)
        left = anchors[at - 1] if at > 0 else None
        right = anchors[at] if at < len(anchors) else None
        if left is None and right is None:
            continue
        if not _closed(left, right, linked, loose, len(source)):
            continue
        lemma = min(word.lemmas, key=lambda lem: zipf(lem, target_lang))
        found.append(Inserted(word, max(0.0, FUNCTION_ZIPF - zipf(lemma, target_lang))))
    return found


def _closed(left: int | None, right: int | None, linked: list[set[int]], loose: list[int], size: int) -> bool:
    """Some reading of the neighbours' source words leaves no unexplained source word between them."""
    lefts = linked[left] if left is not None else {-1}
    rights = linked[right] if right is not None else {size}
    for a in lefts:
        for b in rights:
            low, high = min(a, b), max(a, b)
            # ``loose`` is in text order: the first loose word after ``low`` decides.
            after = bisect.bisect_right(loose, low)
            if after == len(loose) or loose[after] >= high:
                return True
    return False


def far_from_source(
    candidates: Sequence[Inserted], source: Sequence[Word], vectors: Mapping[str, np.ndarray], floor: float
) -> list[Inserted]:
    """Candidates whose word vector is below ``floor`` against every source content word."""
    others = [vectors[w.text] for w in source if w.content and w.text in vectors]
    kept = []
    for found in candidates:
        vector = vectors.get(found.word.text)
        if vector is None:
            continue
        if not others or max(float(vector @ other) for other in others) < floor:
            kept.append(found)
    return kept
