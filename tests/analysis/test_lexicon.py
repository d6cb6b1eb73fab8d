"""Ordinary words against names, from Hunspell and wordfreq (no word list)."""

from __future__ import annotations

import pytest

from transaudit.analysis import lexicon, spelling

needs = pytest.mark.skipif(
    spelling.speller("en") is None or spelling.speller("es") is None or spelling.speller("de") is None,
    reason="hunspell-en-us, hunspell-es and hunspell-de-de are needed",
)


@needs
@pytest.mark.parametrize(
    ("word", "lang", "common"),
    [
        ("Tomb", "en", True),  # the dictionary has "tomb", wordfreq sees it often
        ("The", "en", True),
        ("Tumba", "es", True),
        ("Pero", "es", True),
        ("Paris", "en", False),  # the dictionary stores it capitalised only
        ("Madrid", "es", False),
        ("Biden", "en", False),
        ("Frau", "de", True),  # German capitalises nouns: accepted as written
        ("Remolinos", "es", False),  # a word, but too rare (Zipf < 3) to outweigh a name
        ("Gaspipeline", "de", True),  # a compound too rare for wordfreq: its head "Pipeline" decides
        ("EU-Energiekommissarin", "de", True),
        ("Frederiksen", "de", False),  # no common noun at its end
        ("Gaspipeline", "en", False),  # only a noun-capitalising language reads compounds
    ],
)
def test_common_word(word: str, lang: str, common: bool) -> None:
    assert lexicon.common_word(word, lang) is common


@needs
def test_noun_capitalising_language_is_read_from_its_dictionary() -> None:
    assert lexicon.capitalises_nouns("de")
    assert not lexicon.capitalises_nouns("en")
    assert not lexicon.capitalises_nouns("es")


def test_language_without_dictionary_has_no_common_words() -> None:
    assert not lexicon.common_word("Tomb", "xx")


@needs
def test_capitalised_noun() -> None:
    assert lexicon.capitalised_noun("Stadt", "de")
    assert not lexicon.capitalised_noun("Trifft", "de")  # a verb, capitalised by a headline
    assert not lexicon.capitalised_noun("Tomb", "en")  # English does not capitalise nouns
