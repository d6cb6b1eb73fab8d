"""English nouns and adverbs opposed through the words they are derived from (WordNet).

WordNet states antonymy mostly between verbs and adjectives ("sell" ↔ "buy",
"quick" ↔ "slow") and only for some of the nouns and adverbs derived from them
("acceptance" ↔ "rejection" is stated; "seller" ↔ "buyer" is not). It does link
a noun to the verb or adjective it is related to by a derivationally related
form pointer (``+``: "seller" → "sell", "removal" → "remove") and an adverb to
its adjective by a pertainym pointer (``\\``: "slowly" → "slow"). Two derived
words whose bases are antonyms are opposites too (Fellbaum 1998, ch. 1:
morphological relations carry the semantic ones), which
:mod:`transaudit.meaning.opposites` uses.

The ``+`` pointer is stated both ways and says only that two words are related,
not which comes from which ("cloud" ↔ "cloudy", "quality" ↔ "qualify",
"identity" ↔ "identical"), so a base counts only when the word is made from it
by a suffix (:func:`_suffixed`: longer than the base and spelled as it up to
its last two letters: "removal" / "remove", "decision" / "decide"). Both
pointers join one sense to one sense, and antonymy is taken in the base's
sense the pointer names ("management" comes from "manage" in the sense
"administer", not from "manage" in the sense "succeed", the opposite of
"fail"), in the senses WordNet's sense-tagged corpus saw
(:func:`transaudit.meaning.wordnet.senses`).
"""

from __future__ import annotations

from functools import lru_cache

from transaudit.meaning import wordnet
from transaudit.meaning.antonyms import _words

#: The pointers from a derived word to its base, by the derived word's part of speech:
#: a noun's derivationally related verb or adjective, an adverb's adjective.
_TO_BASE = {"n": (b"+", frozenset({"v", "a"})), "r": (b"\\", frozenset({"a"}))}
#: A base's last letters that a suffix may change ("decid-e" → "decis-ion", "simplif-y" →
#: "simplif-ication"): the derived word keeps the rest of the base.
_CHANGED = 2

#: A word in one sense: (word, part of speech letter, synset offset).
Sense = tuple[str, str, int]


def _suffixed(word: str, base: str) -> bool:
    """``word`` is made from ``base`` by a suffix: longer, and spelled as it but for its last letters."""
    stem = base[: max(3, len(base) - _CHANGED)]
    return len(word) > len(base) and word.startswith(stem)


def _pointers(part: str, offset: int) -> tuple[list[str], list[tuple[bytes, int, str, int, int]]]:
    """A synset's words and its pointers: (symbol, target offset, target part, from word, to word)."""
    line = wordnet.synset(part, offset)
    if not line:
        return [], []
    words, fields, at = _words(line)
    out = []
    for i in range(int(fields[at])):
        symbol, target, kind, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
        letter = "a" if kind == b"s" else kind.decode("ascii")
        out.append((symbol, int(target), letter, int(numbers[:2], 16), int(numbers[2:], 16)))
    return words, out


def _word(part: str, offset: int, number: int) -> str:
    words, _ = _pointers(part, offset)
    return words[number - 1] if 0 < number <= len(words) else ""


@lru_cache(maxsize=16_384)
def bases(lemma: str, part: str) -> frozenset[Sense]:
    """The senses of the words an English noun (``n``) or adverb (``r``) is made from by a suffix.

    Empty for other parts of speech, unknown words, or without WordNet.
    """
    if part not in _TO_BASE:
        return frozenset()
    symbol, targets = _TO_BASE[part]
    lemma = lemma.lower()
    found: set[Sense] = set()
    for sense_part, offset in wordnet.senses(lemma, part):
        words, pointers = _pointers(sense_part, offset)
        if lemma not in words:
            continue
        own = words.index(lemma) + 1
        for pointer, target, letter, source, number in pointers:
            if pointer != symbol or letter not in targets or source != own:
                continue
            base = _word(letter, target, number)
            if base and _suffixed(lemma, base):
                found.add((base, letter, target))
    return frozenset(found)


@lru_cache(maxsize=16_384)
def opposed(sense: Sense) -> frozenset[Sense]:
    """The senses a word's antonym pointers name, in that sense (WordNet's ``!``)."""
    word, part, offset = sense
    words, pointers = _pointers(part, offset)
    if word not in words:
        return frozenset()
    own = words.index(word) + 1
    return frozenset(
        (other, letter, target)
        for symbol, target, letter, source, number in pointers
        if symbol == b"!" and source in (0, own) and (other := _word(letter, target, number))
    )
