"""English antonyms from WordNet's own database files (Debian package ``wordnet-base``).

WordNet 3.0 marks direct antonymy between word senses (pointer ``!``:
increase/decrease, fast/slow, good/bad, love/hate) between two senses (synsets);
a word is taken as the antonym of every word of the other sense ("ascend" ↔
"descend", "fall", "go down": the sense is one, its words are synonyms). The data files are read
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


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Each English word to its WordNet antonyms (empty without the database)."""
    pairs: defaultdict[str, set[str]] = defaultdict(set)
    for part in _PARTS:
        try:
            raw = (folder() / f"data.{part}").read_bytes()
        except OSError:
            continue
        for line in _pointing(raw):
            words, fields, at = _words(line)
            for i in range(int(fields[at])):
                symbol, offset, _, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol != b"!":
                    continue
                start = int(offset)
                other, _, _ = _words(raw[start : raw.index(b"\n", start)])
                source, target = int(numbers[:2], 16), int(numbers[2:], 16)
                a, b = words[source - 1], other[target - 1]
                # The word's antonym and that antonym's synonyms in the same sense
                # ("ascend" ↔ "descend", "fall", "go down"), both ways.
                pairs[a].update(other)
                pairs[b].update(words)
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
