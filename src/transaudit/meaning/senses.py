"""Whether two English nouns can name the same thing: WordNet's noun hierarchy.

A bilingual dictionary gives one or two translations of a word ("destierro" →
"banishment"); a good translation often uses another word of the same meaning
("exile"), so a word missing from the dictionary's answer is no error by itself.
WordNet 3.0 (Debian ``wordnet-base``, the files TA511 already reads) says which
English nouns share a sense or sit next to each other in its hierarchy:
"exile" (the act of expelling a person from their native land) is a kind of
"banishment"; "fire", "death", "heritage" are nowhere near "banishment" or
"homeland". Two nouns are *related* (:func:`related`) when a sense of one is
within :data:`STEPS` hypernym/hyponym links of a sense of the other (shared
sense: 0 steps; "exile" ⊂ "banishment": 1; "tool" and "instrument", both kinds of
"implement": 2). Beyond two steps WordNet joins almost anything through its
upper levels ("entity", "abstraction"), so a wider reach would call every pair
related.

Nouns are looked up and their synsets read through :mod:`transaudit.meaning.wordnet`
(bisection in a memory map of the index, synsets by byte offset): nothing is
loaded up front. Without the files every question is answered "unknown" (None)
and the callers stay silent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transaudit.meaning import wordnet

#: Hypernym/hyponym links (WordNet pointers ``@``, ``@i``, ``~``, ``~i``) between two
#: nouns' nearest senses at most: a shared sense, a kind of the other, or two kinds of
#: one thing (sisters).
STEPS = 2
_HIERARCHY = frozenset({"@", "@i", "~", "~i"})


@lru_cache(maxsize=16_384)
def _offsets(noun: str) -> tuple[int, ...]:
    """Every synset of the noun (compared case-folded, spaces between words), commonest first."""
    found = wordnet.entry(noun.casefold(), "n")
    return found[0] if found else ()


@lru_cache(maxsize=65536)
def _neighbours(offset: int) -> tuple[int, ...]:
    """The synsets one hypernym/hyponym link away from the synset at ``offset``."""
    fields = wordnet.synset("n", offset).split(b" ")
    if len(fields) < 4:
        return ()
    at = 4 + 2 * int(fields[3], 16)
    count = int(fields[at])
    out = []
    for i in range(count):
        symbol, target, pos = fields[at + 1 + 4 * i : at + 4 + 4 * i]
        if symbol.decode() in _HIERARCHY and pos == b"n":
            out.append(int(target))
    return tuple(out)


def _reach(offsets: tuple[int, ...], steps: int) -> set[int]:
    seen = set(offsets)
    frontier = set(offsets)
    for _ in range(steps):
        frontier = {n for o in frontier for n in _neighbours(o)} - seen
        seen |= frontier
    return seen


def installed() -> bool:
    """WordNet's noun files are there."""
    return wordnet.entry("entity", "n") is not None  # the root of the noun hierarchy


def known(noun: str) -> bool:
    """WordNet lists the noun (a lemma, lower case)."""
    return wordnet.entry(noun.casefold(), "n") is not None


def related(one: str, other: str) -> bool | None:
    """Whether two nouns (lemmas) share a sense or near ones; None if WordNet lacks either."""
    a, b = _offsets(one), _offsets(other)
    if not a or not b:
        return None
    if set(a) & set(b):
        return True
    # Meet in the middle: STEPS links in all, split between the two sides.
    half = STEPS // 2
    if _reach(a, half) & _reach(b, STEPS - half):
        return True
    return _defines(a, other) or _defines(b, one)


def _gloss_words(offset: int) -> frozenset[str]:
    line = wordnet.synset("n", offset).decode("latin-1")
    gloss = line.split(" | ", 1)[1] if " | " in line else ""
    return frozenset(re.findall(r"[a-z]+", gloss.split(";")[0].casefold()))


def _defines(offsets: tuple[int, ...], noun: str) -> bool:
    """A sense's definition names the other noun: WordNet defines a thing by its counterpart.

    The hierarchy keeps things that work together apart ("plug": an electrical
    device … inserted in a *socket*; "socket" is a receptacle), and a language
    may name both with one word (Spanish "enchufe"). The definition proper
    (before the examples after ";") naming the other noun, singular or plural,
    relates the two. Single words only: a multiword noun is not searched.
    """
    word = noun.casefold()
    if " " in word:
        return False
    return any(word in found or f"{word}s" in found for found in map(_gloss_words, offsets))


@lru_cache(maxsize=65536)
def _hypernyms(offset: int) -> tuple[int, ...]:
    """The synsets one hypernym link (``@``, ``@i``) above the synset at ``offset``."""
    fields = wordnet.synset("n", offset).split(b" ")
    if len(fields) < 4:
        return ()
    at = 4 + 2 * int(fields[3], 16)
    count = int(fields[at])
    return tuple(
        int(fields[at + 2 + 4 * i])
        for i in range(count)
        if fields[at + 1 + 4 * i].decode() in ("@", "@i") and fields[at + 3 + 4 * i] == b"n"
    )


def in_line(one: str, other: str) -> bool | None:
    """One noun is the other or a kind of it, :data:`STEPS` hypernym links at most, either
    way ("carmaker" → "manufacturer"); sisters ("bicycle", "car") are not. None if WordNet
    lacks either."""
    a, b = _offsets(one), _offsets(other)
    if not a or not b:
        return None

    def above(offsets: tuple[int, ...]) -> set[int]:
        seen, frontier = set(offsets), set(offsets)
        for _ in range(STEPS):
            frontier = {h for o in frontier for h in _hypernyms(o)} - seen
            seen |= frontier
        return seen

    return bool(above(a) & set(b) or above(b) & set(a))
