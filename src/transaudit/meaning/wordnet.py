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

This module is the one reader of WordNet's files: TA516's noun hierarchy
(:mod:`transaudit.meaning.senses`) and TA511's antonyms
(:mod:`transaudit.meaning.antonyms`) look lemmas up with :func:`entry` and read
synsets with :func:`synset` or, for the relations they build once over a whole
part of speech, :func:`synsets` and :func:`entries`, all over the same memory maps.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

#: Where Debian's wordnet-base installs the database; ``TRANSAUDIT_WORDNET`` overrides.
DEFAULT_FOLDER = "/usr/share/wordnet"

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


def folder() -> Path:
    """The WordNet database folder (``TRANSAUDIT_WORDNET``, else Debian's)."""
    return Path(os.environ.get("TRANSAUDIT_WORDNET", DEFAULT_FOLDER))


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
    """The index line of ``lemma`` (binary search over the sorted lines after the licence).

    ``lemma`` is the index's own spelling: lower case, underscores between words.
    """
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


@lru_cache(maxsize=65_536)
def entry(lemma: str, part: str) -> tuple[tuple[int, ...], int] | None:
    """A lemma's index entry in one part of speech: its synsets' offsets, commonest first,
    and how many of the first ones the sense-tagged corpus saw (``tagsense_cnt``, may be 0).

    ``lemma`` as WordNet lists it, with spaces between words ("role model"): lower
    case, nothing stripped or folded (the callers decide that); None if the index
    does not list it, or without the files.
    """
    if "_" in lemma:
        return None  # the index's underscores are spaces here: "a_b" is no spelling of "a b"
    try:
        key = lemma.replace(" ", "_").encode("latin-1")
    except UnicodeEncodeError:
        return None
    line = _index_line(part, key) if key else None
    return None if line is None else _parsed(line)


def _parsed(line: bytes) -> tuple[tuple[int, ...], int]:
    fields = line.split()
    count = int(fields[2])
    return tuple(map(int, fields[len(fields) - count :])), int(fields[len(fields) - count - 1])


def entries(part: str, seen: bool = False) -> Iterator[tuple[str, tuple[int, ...], int]]:
    """Every lemma of one part of speech in index order, as :func:`entry` gives it (with the lemma).

    For the relations built once over a whole part of speech (TA511's adjective
    clusters). ``seen``: only the lemmas with a sense the sense-tagged corpus saw,
    and only those senses.
    """
    data = _map(f"index.{_FILES[part]}")
    if data is None:
        return
    for line in _lines(data):
        if not line or line[:1].isspace():
            continue
        fields = line.split()
        count = int(fields[2])
        first = len(fields) - count
        tagged = int(fields[first - 1])
        if seen and not tagged:
            continue
        offsets = tuple(map(int, fields[first : first + tagged] if seen else fields[first:]))
        yield fields[0].decode("latin-1").replace("_", " "), offsets, tagged


def synset(part: str, offset: int) -> bytes:
    """The data line of the synset at this byte offset (``part``: n, v, a, r); b"" without the files."""
    data = _map(f"data.{_FILES[part]}")
    return b"" if data is None else _line_at(data, offset)


def synsets(part: str) -> Iterator[bytes]:
    """Every synset line of one part of speech, in file order (the licence left out)."""
    data = _map(f"data.{_FILES[part]}")
    if data is not None:
        yield from (line for line in _lines(data) if line[:1].isdigit())


def pointing(part: str, symbol: bytes) -> Iterator[bytes]:
    """The synset lines holding a pointer ``symbol`` (b"!", an antonym), found by the pointer.

    A search for the pointer skips the lines without one, which are most.
    """
    data = _map(f"data.{_FILES[part]}")
    if data is None:
        return
    needle = b" " + symbol + b" "
    try:
        at = data.find(needle)
        while at >= 0:
            start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
            end = len(data) if end < 0 else end
            if data[start : start + 1].isdigit():
                yield data[start:end]
            at = data.find(needle, end)
    finally:
        _release(data)


def _lines(data: mmap.mmap) -> Iterator[bytes]:
    """Every line of a mapped file (split at C speed: a copy of the file while the caller scans)."""
    lines = data[:].split(b"\n")
    _release(data)
    try:
        yield from lines
    finally:
        _release(data)  # the pages the caller's look-ups mapped back in during the pass


def _release(data: mmap.mmap) -> None:
    """Let a whole-file pass's pages go from this process's memory (they stay in the page cache).

    A table built once reads a whole file (:func:`synsets`, :func:`entries`,
    :func:`pointing`); kept mapped, its pages would stay counted in the process's
    memory for nothing (about 20 MiB for TA511's tables). A later look-up maps
    back in only the pages it reads.
    """
    if hasattr(mmap, "MADV_DONTNEED"):
        data.madvise(mmap.MADV_DONTNEED)


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
