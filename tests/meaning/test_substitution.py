"""A noun of another meaning in an English target (transaudit.meaning.substitution)."""

from __future__ import annotations

import pytest

from transaudit.meaning.insertions import lexicons
from transaudit.meaning.substitution import available, substitutions

pytestmark = pytest.mark.skipif(
    not available("es", "en"), reason="needs Apertium's eng-spa pair and WordNet (wordnet-base)"
)


def _found(
    source: str, target: str, source_lang: str = "es", target_lang: str = "en"
) -> list[tuple[str, str]]:
    found = lexicons(source_lang, target_lang)
    assert found is not None
    forward, backward = found
    words_s = forward.words([source])[source]
    words_t = backward.words([target])[target]
    return [
        (swap.target.text, swap.source[0].text)
        for swap in substitutions(
            words_s, words_t, forward, backward, source_lang, target_lang, source, target
        )
    ]


EXILE = "El otro sufrió el destierro obligado debido a su ideología."
PATRIA = "Decidieron dejar la que ya era su segunda patria."


def test_a_noun_of_another_sense_is_found_with_the_source_noun_it_stands_for() -> None:
    assert _found(EXILE, "The other suffered the compulsory fire due to his ideology.") == [
        ("fire", "destierro")
    ]
    assert _found(PATRIA, "They decided to leave what was already their second heritage.") == [
        ("heritage", "patria")
    ]


def test_a_synonym_the_dictionary_lacks_is_a_near_sense() -> None:
    # Apertium gives "banishment" for "destierro"; WordNet has exile as a kind of banishment
    assert _found(EXILE, "The other suffered the forced exile due to his ideology.") == []
    assert _found(PATRIA, "They decided to leave what was already their second homeland.") == []
    assert _found(PATRIA, "They decided to leave what was already their second country.") == []


def test_a_noun_said_elsewhere_in_the_sentence_is_rendered() -> None:
    source = "Otros se manifestaron en favor de una u otra postura política y enfrentaron el destierro."
    assert (
        _found(source, "Others spoke out in favor of one or another political position and faced exile.")
        == []
    )
    assert _found(
        source, "Others spoke out in favor of one or another political position and faced the fire."
    ) == [("fire", "destierro")]


def test_a_verb_reading_without_a_noun_phrase_is_not_taken_as_the_noun() -> None:
    # "wish" after "that" is the verb; "fire" after "the" is the noun
    source = "Los países que quieren elaborar un fundamento jurídico."
    assert _found(source, "The countries that wish to develop a legal basis.") == []


@pytest.mark.skipif(not available("ca", "en"), reason="needs Apertium's eng-cat pair")
def test_catalan_into_english() -> None:
    source = "L'altre va patir el desterrament per la seva ideologia."
    assert _found(source, "The other suffered the fire because of his ideology.", "ca") == [
        ("fire", "desterrament")
    ]
    assert _found(source, "The other suffered exile because of his ideology.", "ca") == []


def test_only_an_english_target_is_judged() -> None:
    # into Spanish, the target word would reach WordNet through one dictionary sense only
    assert not available("en", "es")
    assert _found("The other suffered banishment.", "El otro sufrió el fuego.", "en", "es") == []


def test_a_quantity_noun_renders_the_numeral_not_a_noun_of_the_source() -> None:
    """Apertium reads no noun in 'Cientos'; 'Hundreds' counts the noun after it and is
    not paired with 'campesinos' (whatever is said of 'farmers')."""
    source = "Cientos de campesinos marcharon ayer hacia la plaza de la ciudad."
    found = _found(source, "Hundreds of farmers marched yesterday to the city square.")
    assert [pair for pair in found if pair[0] == "Hundreds"] == []
