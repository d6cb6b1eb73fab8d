"""Seeded language identification: pair decisions, whole-text detection, short text."""

from __future__ import annotations

from transaudit.analysis import langid

SPANISH = "El gobierno regional aprobó ayer un plan de inversiones para las carreteras de la provincia."
ENGLISH = "The regional government approved an investment plan for the roads of the province yesterday."


def test_side_language_reads_a_whole_side() -> None:
    spanish, english = langid.side_language([SPANISH, SPANISH]), langid.side_language([ENGLISH])
    assert spanish is not None and spanish[0] == "es" and spanish[1] > 0.9
    assert english is not None and english[0] == "en"
    assert langid.side_language(["", "123"]) is None


def test_side_language_guesses_even_short_sides() -> None:
    # No short-text guard here: a one-word side gets a guess, and the reader decides.
    guess = langid.side_language(["Hola"])
    assert guess is not None and 0 < guess[1] <= 1


def test_pair_decision_compares_the_two_languages() -> None:
    assert langid.is_language(SPANISH, "es", "en")
    assert not langid.is_language(SPANISH, "en", "es")
    pair = langid.pair_probabilities(ENGLISH, "en", "es")
    assert pair is not None and pair[0] > 0.9 > pair[1]


def test_short_text_is_never_decided() -> None:
    for text in ("Real Madrid", "No", "OTAN", "https://example.org/a-very-long-address-in-english-words"):
        assert langid.pair_probabilities(text, "es", "en") is None
        assert not langid.is_language(text, "es", "en")


def test_seeded_results_repeat() -> None:
    text = "Una frase con algunas palabras mezcladas, some English words too, para ver."
    langid.probabilities.cache_clear()
    first = langid.probabilities(text)
    langid.probabilities.cache_clear()
    assert langid.probabilities(text) == first


def test_a_language_langdetect_cannot_recognise_is_never_decided() -> None:
    from transaudit.analysis.langid import has_profile, is_language

    # Galician has no langdetect profile: Galician text would read as Spanish.
    galician = "Os veciños pediron máis seguridade para as rúas do barrio durante a festa."
    assert not has_profile("gl") and has_profile("es")
    assert not is_language(galician, "es", "gl")
