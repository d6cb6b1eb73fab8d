"""English word senses and their nearest relations, read from WordNet's own files.

Two words of a translation pair rarely share a dictionary entry when the
translation paraphrases: Apertium gives "exigir" → "demand" where the
translator wrote "required", "llamado" → "call" for "named", "eliminación" →
"elimination" for "removals". WordNet 3.0 (Debian's ``wordnet-base``, the files
:mod:`transaudit.meaning.antonyms` reads) knows that these say the same thing:
"require" and "demand" share a sense (a synset), "name" and "call" too, and
"elimination" is a kind of "removal" (a direct hypernym).

:func:`related` answers whether two English lemmas are that close: a sense in
common, or a sense of one joined to a sense of the other by one WordNet pointer
of the kinds that keep the meaning (:data:`NEAR`): a direct hypernym or hyponym
(a word said more generally or more precisely), a verb group or an adjective's
similar sense, within one part of speech when the caller names it. Only the
senses WordNet's tagged corpus saw count (:func:`senses`). Antonym pointers
are never followed. Two words that merely share a hypernym (sister terms:
"city" and "town", "ferry" and "shuttle") are not related: that relation
reaches most of a language.

The index files are sorted (WordNet's own library searches them by bisection),
so a lemma is found by binary search in a memory map of its index file and its
senses are read by byte offset in the data file: nothing is loaded up front, and
a process that never asks maps nothing. Without the files every answer is
"unrelated", and the callers fall back to Apertium's dictionaries alone.
"""

from __future__ import annotations

import mmap
from functools import lru_cache

from transaudit.meaning.antonyms import folder

#: The four data files, by the part-of-speech letter their pointers use ("s", an
#: adjective satellite, lives in the adjective files).
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: Pointers that keep the meaning close (WordNet's ``wninput(5WN)`` symbols): hypernym
#: and instance hypernym, hyponym and instance hyponym, verb group, similar to. Not
#: antonyms (``!``), not "also see" (``^``, loose associations), not holonyms or
#: meronyms (a part is not the whole), not attributes or domains, and none that cross
#: parts of speech (derivation ``+``, pertainym ``\``): the callers compare two words
#: in the part of speech of their readings.
NEAR = frozenset({"@", "@i", "~", "~i", "$", "&"})

Sense = tuple[str, int]


@lru_cache(maxsize=8)
def _map(name: str) -> mmap.mmap | None:
    try:
        with open(folder() / name, "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None


def _line_at(data: mmap.mmap, at: int) -> bytes:
    end = data.find(b"\n", at)
    return data[at : len(data) if end < 0 else end]


def _index_line(part: str, lemma: bytes) -> bytes | None:
    """The index line of ``lemma`` (binary search over the sorted lines after the licence)."""
    data = _map(f"index.{_FILES[part]}")
    if data is None:
        return None
    low, high = 0, len(data)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", 0, middle) + 1
        line = _line_at(data, start)
        if line.startswith(b"  "):  # the licence block opens the file and sorts before every entry
            low = start + len(line) + 1
            continue
        key = line.split(b" ", 1)[0]
        if key == lemma:
            return line
        if key < lemma:
            low = start + len(line) + 1
        else:
            high = start
    return None


@lru_cache(maxsize=16_384)
def senses(lemma: str, part: str = "") -> frozenset[Sense]:
    """The senses (part of speech, synset offset) of an English lemma, of one part of
    speech (``n``, ``v``, ``a``, ``r``) or of all; empty if unknown.

    Only the senses WordNet's sense-tagged corpus (SemCor) saw, which its index
    lists first and counts (``tagsense_cnt``; the first sense if none was seen):
    "call" has 28 verb senses, 10 of them seen. The rarer ones ("call" a bet in
    poker) pair words that no translation pairs.
    """
    key = lemma.strip().lower().replace(" ", "_").encode("latin-1", errors="replace")
    if not key or b"?" in key:
        return frozenset()
    found: set[Sense] = set()
    for each in [part] if part else list(_FILES):
        line = _index_line(each, key)
        if line is None:
            continue
        fields = line.split()
        count = int(fields[2])
        tagged = max(1, int(fields[len(fields) - count - 1]))  # the senses SemCor saw come first
        found.update((each, int(offset)) for offset in fields[len(fields) - count :][:tagged])
    return frozenset(found)


@lru_cache(maxsize=65_536)
def _pointers(sense: Sense) -> frozenset[Sense]:
    """The senses one :data:`NEAR` pointer away from ``sense``."""
    part, offset = sense
    data = _map(f"data.{_FILES[part]}")
    if data is None:
        return frozenset()
    fields = _line_at(data, offset).split(b" ")
    words = int(fields[3], 16)
    at = 4 + 2 * words
    out: set[Sense] = set()
    for i in range(int(fields[at])):
        symbol, target, kind = fields[at + 1 + 4 * i : at + 4 + 4 * i]
        if symbol.decode("ascii") in NEAR:
            letter = kind.decode("ascii")
            out.add(("a" if letter == "s" else letter, int(target)))
    return frozenset(out)


@lru_cache(maxsize=16_384)
def near(lemma: str, part: str = "") -> frozenset[Sense]:
    """The lemma's senses and the senses one :data:`NEAR` pointer away from them."""
    own = senses(lemma, part)
    return own.union(*(_pointers(sense) for sense in own))


def related(one: str, other: str, part: str = "") -> bool:
    """Whether two English lemmas share a sense or have senses one :data:`NEAR` pointer apart."""
    if one == other:
        return True
    return bool(senses(one, part) & near(other, part)) or bool(senses(other, part) & near(one, part))
