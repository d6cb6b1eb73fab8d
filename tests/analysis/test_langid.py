"""Seeded language identification: pair decisions, whole-text detection, short text."""

from __future__ import annotations

from transaudit.analysis import langid

SPANISH = "El gobierno regional aprobó ayer un plan de inversiones para las carreteras de la provincia."
ENGLISH = "The regional government approved an investment plan for the roads of the province yesterday."


def test_whole_text_language() -> None:
    assert langid.detect_language(SPANISH) == "es"
    assert langid.detect_language(ENGLISH) == "en"


def test_pair_decision_compares_the_two_languages() -> None:
    assert langid.is_language(SPANISH, "es", "en")
    assert not langid.is_language(SPANISH, "en", "es")
    pair = langid.pair_probabilities(ENGLISH, "en", "es")
    assert pair is not None and pair[0] > 0.9 > pair[1]


def test_short_text_is_never_decided() -> None:
    for text in ("Real Madrid", "No", "OTAN", "https://example.org/a-very-long-address-in-english-words"):
        assert langid.pair_probabilities(text, "es", "en") is None
        assert langid.detect_language(text) is None
        assert not langid.is_language(text, "es", "en")


def test_seeded_results_repeat() -> None:
    text = "Una frase con algunas palabras mezcladas, some English words too, para ver."
    langid.probabilities.cache_clear()
    first = langid.probabilities(text)
    langid.probabilities.cache_clear()
    assert langid.probabilities(text) == first
