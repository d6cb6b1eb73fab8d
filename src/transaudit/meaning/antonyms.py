"""English antonyms from WordNet's own database files (Debian package ``wordnet-base``).

WordNet 3.0 marks direct antonymy between word senses (pointer ``!``:
increase/decrease, fast/slow, good/bad, love/hate) between two senses (synsets);
a word is taken as the antonym of every word of the other sense ("ascend" ↔
"descend", "fall", "go down": the sense is one, its words are synonyms), and so is
a phrasal word of its own sense ("go up" ↔ "fall"), except among three or more
alternatives (:func:`_scales`). The data files are read
directly: each antonym pointer names the other synset by its byte offset in the
same file, so only the lines holding a pointer are parsed and their targets are
read by offset (about 0.2 s once per process). The relation is made symmetric
(WordNet states most pairs both ways, not all). Without the files the mapping
is empty and the antonym check stays silent.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

#: Where Debian's wordnet-base installs the database; ``TRANSAUDIT_WORDNET`` overrides.
DEFAULT_FOLDER = "/usr/share/wordnet"
_PARTS = ("noun", "verb", "adj", "adv")


def folder() -> Path:
    return Path(os.environ.get("TRANSAUDIT_WORDNET", DEFAULT_FOLDER))


def _words(line: bytes) -> tuple[list[str], list[bytes], int]:
    """A synset line's words (lower case, no adjective marker), its fields, where its pointers start."""
    fields = line.split(b" ")
    count = int(fields[3], 16)
    words = [
        fields[4 + 2 * i].split(b"(")[0].decode("latin-1").replace("_", " ").lower() for i in range(count)
    ]
    return words, fields, 4 + 2 * count


def _pointing(raw: bytes) -> list[bytes]:
    """The synset lines holding an antonym pointer (found by the pointer, not line by line)."""
    lines, at = [], raw.find(b" ! ")
    while at >= 0:
        start, end = raw.rfind(b"\n", 0, at) + 1, raw.find(b"\n", at)
        end = len(raw) if end < 0 else end
        if raw[start : start + 1].isdigit():
            lines.append(raw[start:end])
        at = raw.find(b" ! ", end)
    return lines


def _scales(pointers: dict[tuple[str, int], set[tuple[str, int]]]) -> set[tuple[str, int]]:
    """Senses in a triangle of mutual antonyms: values of a scale or set, not opposites.

    WordNet links each of three or more alternatives to the others ("early",
    "middle", "late"; "past", "present", "future"; "positive", "negative",
    "neutral"; "beginning", "middle", "end"): a sense antonymous to two senses that
    are antonyms of each other is one of several values, and a translation that
    gives the neighbouring value ("un retraso medio" → "… late") is not saying the
    opposite. Such senses are left out; plain two-way pairs are kept.
    """
    out: set[tuple[str, int]] = set()
    for sense, others in pointers.items():
        for b in others:
            if others & pointers.get(b, set()):
                out.add(sense)
    return out


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Each English word to its WordNet antonyms (empty without the database).

    Antonymy is recorded between one word of each sense ("rise" ↔ "fall"); the
    word's antonym gets the other sense's words, its synonyms there ("fall" ↔
    "rise", "go up", "arise"), and the phrasal words of either sense get the
    antonyms of their sense's word: Apertium renders many verbs by the phrasal
    synonym WordNet lists in the same sense ("subir" → "go up", "bajar" → "go
    down"), where a particle says what the single word says. Single words of the
    same sense stay out ("lift" is not the opposite of "fall": lexical antonymy is
    between words, not senses). Three-way scales are left out (:func:`_scales`).
    """
    senses: dict[tuple[str, int], list[str]] = {}
    links: list[tuple[tuple[str, int], tuple[str, int], int, int]] = []
    pointers: defaultdict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for part in _PARTS:
        try:
            raw = (folder() / f"data.{part}").read_bytes()
        except OSError:
            continue
        for line in _pointing(raw):
            words, fields, at = _words(line)
            here = (part, int(fields[0]))
            senses[here] = words
            for i in range(int(fields[at])):
                symbol, offset, _, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol != b"!":
                    continue
                start = int(offset)
                there = (part, start)
                if there not in senses:
                    senses[there], _, _ = _words(raw[start : raw.index(b"\n", start)])
                pointers[here].add(there)
                pointers[there].add(here)
                links.append((here, there, int(numbers[:2], 16), int(numbers[2:], 16)))
    scales = _scales(pointers)
    pairs: defaultdict[str, set[str]] = defaultdict(set)
    for here, there, source, target in links:
        if here in scales or there in scales:
            continue
        words, other = senses[here], senses[there]
        a, b = words[source - 1], other[target - 1]
        for word in [a, *(w for w in words if " " in w)]:
            pairs[word].update(other)
        for word in [b, *(w for w in other if " " in w)]:
            pairs[word].update(words)
    return {word: frozenset(found) for word, found in pairs.items()}


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, int]:
    """Each English verb to its number of WordNet senses (``index.verb``; empty without it).

    The verbs idioms and light-verb phrases borrow are the most polysemous ones
    ("give" 44, "take" 42, "go" 30, "come" 21, "start" 14), unlike verbs that say
    one thing ("increase" 2, "win" 4, "lose" 11).
    """
    try:
        raw = (folder() / "index.verb").read_text(encoding="latin-1")
    except OSError:
        return {}
    senses: dict[str, int] = {}
    for line in raw.splitlines():
        if line[:1].isspace() or not line:
            continue
        fields = line.split(" ", 3)
        if len(fields) > 2 and fields[1] == "v" and fields[2].isdigit():
            senses[fields[0].replace("_", " ")] = int(fields[2])
    return senses
