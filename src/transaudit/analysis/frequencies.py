"""How common a word is in a language: wordfreq's Zipf frequencies, for every language it has.

wordfreq (PyPI ``wordfreq``, data inside the wheel) counts words in subtitles,
Wikipedia, news, books and web text for 40+ languages. A Zipf frequency is
log10 of occurrences per billion words: 7 for "the", 3 for a word seen once
per million words, 0 for a word wordfreq has never seen.

The table of a language is read once, lazily, straight from wordfreq's
frequency buckets (one bucket per centibel, about 0.2 s a language) and
kept as a dict, so a lookup is a dict access rather than wordfreq's
tokenizing ``zipf_frequency`` (about 9 µs a call). A language wordfreq does
not know gives an empty table: every word then has frequency 0, and checks
that need frequencies find nothing rather than fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

#: Zipf value of wordfreq's first bucket; bucket ``i`` holds words of Zipf ``9 - i / 100``.
_TOP_ZIPF = 9.0


@cache
def table(lang: str) -> Mapping[str, float]:
    """Case-folded word → Zipf frequency in ``lang`` (empty when wordfreq lacks the language)."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - a core dependency
        return {}
    if lang not in wordfreq.available_languages("best"):
        return {}
    buckets = wordfreq.get_frequency_list(lang, wordlist="best")
    words: dict[str, float] = {}
    # Rarest bucket first, so a word listed twice keeps its higher frequency.
    for index in range(len(buckets) - 1, -1, -1):
        if buckets[index]:
            words.update(dict.fromkeys(buckets[index], round(_TOP_ZIPF - index / 100, 2)))
    return words


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (case-folded; 0.0 when never seen)."""
    return table(lang).get(word.casefold(), 0.0)


def available(lang: str) -> bool:
    """Does wordfreq know this language?"""
    return bool(table(lang))


@cache
def frequent(lang: str, min_zipf: float) -> frozenset[str]:
    """The words of ``lang`` at least as common as ``min_zipf`` (3.0: once per million words)."""
    return frozenset(word for word, value in table(lang).items() if value >= min_zipf)


@cache
def top_words(lang: str, count: int) -> tuple[str, ...]:
    """The ``count`` most frequent words of ``lang``, most frequent first (empty when unknown)."""
    if not available(lang):
        return ()
    import wordfreq

    return tuple(wordfreq.top_n_list(lang, count))


@cache
def alphabet(lang: str) -> str:
    """The letters of ``lang``'s common words (Zipf ≥ 4), sorted: what a one-letter slip may type."""
    return "".join(sorted({ch for ch in "".join(frequent(lang, 4.0)) if ch.isalpha()}))
