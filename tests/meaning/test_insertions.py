"""Words of one side that no word of the other translates (transaudit.meaning.insertions)."""

from __future__ import annotations

import pytest

from transaudit.analysis.spelling import speller
from transaudit.meaning.insertions import RUN_EXCESS, Inserted, lexicons, omitted, unexplained

pytestmark = pytest.mark.skipif(lexicons("es", "en") is None, reason="needs Apertium's eng-spa pair")


def _spelled(lang: str):  # type: ignore[no-untyped-def]
    found = speller(lang)
    return found.check if found is not None else None


def _found(source: str, target: str, source_lang: str = "es", target_lang: str = "en") -> list[Inserted]:
    found = lexicons(source_lang, target_lang)
    assert found is not None
    forward, backward = found
    return unexplained(
        forward.words([source])[source],
        backward.words([target])[target],
        forward,
        backward,
        target_lang,
        target,
        _spelled(target_lang),
    )


def _unexplained(source: str, target: str, source_lang: str = "es", target_lang: str = "en") -> list[str]:
    return [w.word.text for w in _found(source, target, source_lang, target_lang) if w.weight >= 0.5]


def _omitted(source: str, target: str, source_lang: str = "es", target_lang: str = "en") -> list[str]:
    found = lexicons(source_lang, target_lang)
    assert found is not None
    forward, backward = found
    words = omitted(
        forward.words([source])[source],
        backward.words([target])[target],
        forward,
        backward,
        source_lang,
        source,
        _spelled(source_lang),
    )
    return [w.word.text for w in words if w.weight >= 0.5]


def test_an_inserted_adjective_between_translated_neighbours() -> None:
    source = "La visita a la tienda les costará solo 46 centavos más a los consumidores."
    # "omnivore" is unknown to Apertium but Hunspell knows it: a real word, not a gap.
    assert "omnivore" in _unexplained(
        source, "The visit to the store will cost omnivore consumers only 46 cents more."
    )
    assert _unexplained(source, "The visit to the store will cost consumers only 46 cents more.") == []


def test_a_word_neither_apertium_nor_hunspell_knows_is_no_evidence() -> None:
    source = "La visita a la tienda les costará solo 46 centavos más a los consumidores."
    target = "The visit to the store will cost omnivorre consumers only 46 cents more."
    assert _unexplained(source, target) == []


def test_a_paraphrase_leaves_a_source_word_unexplained_beside_it() -> None:
    # "a pasos agigantados" → "by leaps and bounds": the source's words are unexplained too.
    source = "Siempre he avanzado a pasos agigantados."
    assert _unexplained(source, "I have always advanced by leaps and bounds.") == []


def test_names_and_numbers_are_left_to_their_own_checks() -> None:
    source = "El ministro firmó el acuerdo."
    assert _unexplained(source, "Minister Zyxwqk signed the 2024 agreement.") == []


def test_a_word_that_is_also_a_function_word_is_grammar() -> None:
    # "una" is the article (and "unir"), "para" the preposition (and "parar"): never evidence.
    source = "The minister signed the agreement with Chile yesterday."
    target = "El ministro firmó ayer el acuerdo comercial para Chile."
    assert _unexplained(source, target, "en", "es") == ["comercial"]


def test_neighbouring_words_may_swap_places() -> None:
    # "se aplica también" → "is also supported": "aplica" sits just outside "también … equipo".
    source = "La unidad se aplica también con su equipo de analistas."
    assert "supported" not in _unexplained(source, "The unit is also supported by its team of analysts.")


def test_a_lone_finite_verb_and_a_light_verb_noun_render_a_source_verb() -> None:
    source = "Last year, the forum forecast that it would take five generations to achieve equality."
    target = "El año pasado, el foro pronosticó que harían falta cinco generaciones para lograr la igualdad."
    assert _unexplained(source, target, "en", "es") == []


def test_a_run_of_added_words_outweighs_a_loose_word_near_it() -> None:
    source = "The mayor opened the new bridge over the river on Monday."
    target = (
        "El alcalde, un antiguo ingeniero de caminos nacido en la provincia, inauguró el lunes "
        "el nuevo puente sobre el río."
    )
    found = _found(source, target, "en", "es")
    assert len(found) >= RUN_EXCESS
    assert len({w.gap for w in found}) == 1  # one run
    # One added word next to the loose "opened" could be its paraphrase: not flagged.
    single = "El alcalde antiguo inauguró el lunes el nuevo puente sobre el río."
    assert _unexplained(source, single, "en", "es") == []


def test_both_directions() -> None:
    source = "The minister signed the trade agreement with Chile yesterday."
    target = "El ministro firmó ayer el controvertido acuerdo comercial con Chile."
    assert _unexplained(source, target, "en", "es") == ["controvertido"]


def test_a_dropped_word_is_the_mirror() -> None:
    source = "Los trabajadores despedidos protestaron ayer frente a la fábrica de la ciudad."
    assert _omitted(source, "The workers protested yesterday in front of the factory of the city.") == [
        "despedidos"
    ]
    assert (
        _omitted(source, "The dismissed workers protested yesterday in front of the factory of the city.")
        == []
    )


def test_a_compound_modifier_is_not_dropped() -> None:
    source = "The train drivers began a strike over working hours and pay on Tuesday."
    target = "Los maquinistas iniciaron el martes una huelga por las horas de trabajo y los salarios."
    assert "train" not in _omitted(source, target, "en", "es")
