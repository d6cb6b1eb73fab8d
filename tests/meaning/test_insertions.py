"""Target words no source word translates (transaudit.meaning.insertions)."""

from __future__ import annotations

import pytest

from transaudit.meaning.insertions import lexicons, unexplained

pytestmark = pytest.mark.skipif(lexicons("es", "en") is None, reason="needs Apertium's eng-spa pair")


def _unexplained(source: str, target: str, source_lang: str = "es", target_lang: str = "en") -> list[str]:
    found = lexicons(source_lang, target_lang)
    assert found is not None
    forward, backward = found
    words = unexplained(
        forward.words([source])[source], backward.words([target])[target], forward, backward, target_lang
    )
    return [w.word.text for w in words if w.weight >= 1.0]  # the es-en word_weight


def test_an_inserted_adjective_between_translated_neighbours() -> None:
    source = "La visita a la tienda les costará solo 46 centavos más a los consumidores."
    assert "omnivore" in _unexplained(
        source, "The visit to the store will cost omnivore consumers only 46 cents more."
    )
    assert _unexplained(source, "The visit to the store will cost consumers only 46 cents more.") == []


def test_a_paraphrase_leaves_a_source_word_unexplained_beside_it() -> None:
    # "a pasos agigantados" → "by leaps and bounds": the source's words are unexplained too.
    source = "Siempre he avanzado a pasos agigantados."
    assert _unexplained(source, "I have always advanced by leaps and bounds.") == []


def test_names_and_numbers_are_left_to_their_own_checks() -> None:
    source = "El ministro firmó el acuerdo."
    assert _unexplained(source, "Minister Zyxwqk signed the 2024 agreement.") == []


def test_both_directions() -> None:
    source = "The minister signed the trade agreement with Chile yesterday."
    target = "El ministro firmó ayer el controvertido acuerdo comercial con Chile."
    assert _unexplained(source, target, "en", "es") == ["controvertido"]
