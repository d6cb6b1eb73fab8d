"""The words an English noun or adverb is derived from, by WordNet's own links.

WordNet states antonymy mostly between verbs and adjectives ("arrive" ↔ "leave",
"quick" ↔ "slow") and only for some of the nouns and adverbs derived from them
("acceptance" ↔ "rejection" is stated; "arrival" ↔ "departure" is not). It does
link each derived word to the word it comes from: a noun to its verb or adjective
by a derivationally related form pointer (``+``: "arrival" → "arrive",
"departure" → "depart", "removal" → "remove"), an adverb to its adjective by a
pertainym pointer (``\\``: "slowly" → "slow"). Two derived words whose bases are
antonyms are opposites too (Fellbaum 1998, ch. 1: morphological relations carry
the semantic ones), which :mod:`transaudit.meaning.opposites` uses.

Both pointers are lexical (from one word of a sense to one word of another), so
a base is taken only from the word's own entry in the pointer, and only in the
senses WordNet's sense-tagged corpus saw (:func:`transaudit.meaning.wordnet.senses`):
"going" in its rare sense "departure" comes from "go", not in its common ones.
"""

from __future__ import annotations

from functools import lru_cache

from transaudit.meaning import wordnet
from transaudit.meaning.antonyms import _words

#: The pointers from a derived word to its base, by the derived word's part of speech:
#: a noun's derivationally related verb or adjective, an adverb's adjective.
_TO_BASE = {"n": (b"+", frozenset({b"v", b"a", b"s"})), "r": (b"\\", frozenset({b"a", b"s"}))}


@lru_cache(maxsize=16_384)
def bases(lemma: str, part: str) -> frozenset[tuple[str, str]]:
    """The (word, part of speech) an English noun (``n``) or adverb (``r``) is derived from.

    Empty for other parts of speech, unknown words, or without WordNet.
    """
    if part not in _TO_BASE:
        return frozenset()
    symbol, targets = _TO_BASE[part]
    lemma = lemma.lower()
    found: set[tuple[str, str]] = set()
    for sense_part, offset in wordnet.senses(lemma, part):
        line = wordnet.synset(sense_part, offset)
        if not line:
            continue
        words, fields, at = _words(line)
        if lemma not in words:
            continue
        own = words.index(lemma) + 1
        for i in range(int(fields[at])):
            pointer, target, kind, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            if pointer != symbol or kind not in targets or int(numbers[:2], 16) != own:
                continue
            letter = "a" if kind == b"s" else kind.decode("ascii")
            there, _, _ = _words(wordnet.synset(letter, int(target)))
            number = int(numbers[2:], 16)
            if 0 < number <= len(there):
                found.add((there[number - 1], letter))
    return frozenset(found)
