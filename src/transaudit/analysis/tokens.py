"""Words with offsets, the unit every name and descriptor lookup works on.

Words carry no hyphens ("US-backed" and "Moscow-Beijing" expose their names)
and keep an inner apostrophe but not a possessive 's. Both scans are cached
per text because several checks read the same segment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from transaudit.analysis.text import fold

#: A word and its offsets: (start, end, text).
Token = tuple[int, int, str]

#: Words without hyphens, so "US-backed" and "Moscow-Beijing" expose their names.
TOKEN_RE = re.compile(r"\w+(?:['’](?![sS]\b)\w+)*")
SPACE_RE = re.compile(r"\s+")


def quick_fold(word: str) -> str:
    """:func:`transaudit.analysis.text.fold`, skipping Unicode normalisation for ASCII words."""
    return word.casefold() if word.isascii() else fold(word)


@lru_cache(maxsize=16384)
def words_of(text: str) -> frozenset[str]:
    """The set of distinct words of a text (cached): a cheap first filter for every lookup."""
    return frozenset(TOKEN_RE.findall(text))


@lru_cache(maxsize=16384)
def tokenize(text: str) -> tuple[Token, ...]:
    """Words (no hyphens) with offsets, the unit every gazetteer lookup uses (cached)."""
    # findall + str.find is about twice as fast as finditer; between two matches
    # there are no word characters, so find() lands on the match itself.
    tokens = []
    position = 0
    find = text.find
    for word in TOKEN_RE.findall(text):
        start = find(word, position)
        position = start + len(word)
        tokens.append((start, position, word))
    return tuple(tokens)


def only_space(text: str, left: Token, right: Token) -> bool:
    gap = text[left[1] : right[0]]
    return bool(gap) and gap.isspace()


def joined(text: str, left: Token, right: Token) -> bool:
    """Words of one phrase: separated by spaces or a hyphen ("oil-rich")."""
    gap = text[left[1] : right[0]]
    return bool(gap) and (gap.isspace() or gap == "-")


def sentence_initial(tokens: Sequence[Token], i: int, text: str) -> bool:
    before = text[: tokens[i][0]].rstrip(" \t\"'“‘«¿¡(")
    return not before or before[-1] in ".!?:\n"
