"""Whether a text holds a word or a closely spelled capitalized word (names re-spelled)."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from transaudit.analysis.tokens import quick_fold, words_of
from transaudit.memo import WORD_CACHE, lasting, text_cache


@lasting
@lru_cache(maxsize=WORD_CACHE)
def _bigrams(word: str) -> frozenset[str]:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))


@text_cache(8192)
def _folded_words(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(every folded word, capitalized folded words of three letters or more)."""
    words = words_of(text)
    every = frozenset(map(quick_fold, words))
    capitalized = sorted({quick_fold(w) for w in words if w[0].isupper() and len(w) >= 3})
    return every, tuple(capitalized)


def similar_token(word: str, text: str, threshold: float = 0.7) -> bool:
    """Whether the text holds this word, or a capitalized word spelled closely (folded, fuzzy)."""
    if word in words_of(text):
        return True  # its folded form is among the folded words: no need to fold the text
    key = quick_fold(word)
    every, capitalized = _folded_words(text)
    if key in every:
        return True
    if len(key) < 4:
        return False
    grams = _bigrams(key)
    for other in capitalized:
        if abs(len(other) - len(key)) > 3 or len(grams & _bigrams(other)) < 0.4 * len(grams):
            continue
        if SequenceMatcher(None, key, other).ratio() >= threshold:
            return True
    return False
