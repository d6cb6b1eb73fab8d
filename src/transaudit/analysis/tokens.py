"""Words with offsets, the unit every name and descriptor lookup works on.

Words carry no hyphens ("US-backed" and "Moscow-Beijing" expose their names)
and keep an inner apostrophe but not a possessive 's. Languages that elide an
article or a preposition before a vowel (French "l'Iran", "d'Asie"; Italian,
Catalan) list the elided forms as data (``elisions`` in the gazetteer grammar);
a word that starts with one is split into the elided word ("l'", written with a
straight apostrophe whatever the text uses) and the rest, so "l'Iran" is found
as "Iran". Without elisions (English, Spanish) words are exactly as before.
Both scans are cached per text because several checks read the same segment.
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


def _elided(word: str, elisions: tuple[str, ...]) -> int:
    """Length of the elided prefix the word starts with ("l'" in "l'Iran"), else 0."""
    if "'" not in word and "’" not in word:
        return 0
    lowered = word.casefold().replace("’", "'")
    for prefix in elisions:
        if lowered.startswith(prefix) and len(word) > len(prefix):
            return len(prefix)
    return 0


#: Texts whose words and tokens are kept. Checks ask for a segment's words while
#: they run on it (the engine runs every check on one segment, then the next), and
#: article checks over a chunk of :data:`transaudit.engine.CHUNK` segments ask again
#: for both sides: 4,096 holds a chunk's sources and targets (2,048) with room for
#: the other texts the checks split (sentences, names). A word set is ~5 KB on a
#: long paragraph, so a bigger cache is memory an audit of a 50,000-row file keeps.
TEXT_CACHE = 4096


def words_of(text: str, elisions: tuple[str, ...] = ()) -> frozenset[str]:
    """The set of distinct words of a text (cached): a cheap first filter for every lookup."""
    # One cache key for ``words_of(t)`` and ``words_of(t, ())`` (the gazetteer of a
    # language without elisions passes its empty tuple): lru_cache keys them apart.
    return _words_of(text, elisions)


@lru_cache(maxsize=TEXT_CACHE)
def _words_of(text: str, elisions: tuple[str, ...]) -> frozenset[str]:
    if not elisions:
        return frozenset(TOKEN_RE.findall(text))
    return frozenset(word for _, _, word in tokenize(text, elisions))


def tokenize(text: str, elisions: tuple[str, ...] = ()) -> tuple[Token, ...]:
    """Words (no hyphens) with offsets, the unit every gazetteer lookup uses (cached).

    ``elisions`` (casefolded, straight apostrophe, e.g. ``("l'", "d'")``) split
    elided articles and prepositions off the word they are glued to.
    """
    return _tokenize(text, elisions)  # one cache key with or without an empty ``elisions``


@lru_cache(maxsize=TEXT_CACHE)
def _tokenize(text: str, elisions: tuple[str, ...]) -> tuple[Token, ...]:
    # findall + str.find is about twice as fast as finditer; between two matches
    # there are no word characters, so find() lands on the match itself.
    tokens: list[Token] = []
    position = 0
    find = text.find
    if not elisions:  # the common case, without the per-word elision test
        append = tokens.append
        for word in TOKEN_RE.findall(text):
            start = find(word, position)
            position = start + len(word)
            append((start, position, word))
        return tuple(tokens)
    for word in TOKEN_RE.findall(text):
        start = find(word, position)
        position = start + len(word)
        cut = _elided(word, elisions) if elisions else 0
        if cut:
            tokens.append((start, start + cut, word[:cut].replace("’", "'")))
            tokens.append((start + cut, position, word[cut:]))
        else:
            tokens.append((start, position, word))
    return tuple(tokens)


def _glued(left: Token, gap: str) -> bool:
    """An elided word and the word it is glued to ("d'|Asie"): one phrase with no gap."""
    return not gap and left[2].endswith("'")


def only_space(text: str, left: Token, right: Token) -> bool:
    gap = text[left[1] : right[0]]
    return (bool(gap) and gap.isspace()) or _glued(left, gap)


def joined(text: str, left: Token, right: Token) -> bool:
    """Words of one phrase: separated by spaces or a hyphen ("oil-rich")."""
    gap = text[left[1] : right[0]]
    return (bool(gap) and (gap.isspace() or gap == "-")) or _glued(left, gap)


def sentence_initial(tokens: Sequence[Token], i: int, text: str) -> bool:
    before = text[: tokens[i][0]].rstrip(" \t\"'“‘«¿¡(")
    return not before or before[-1] in ".!?:\n"
