"""Words of one side that no word of the other translates (transaudit.meaning.insertions)."""

from __future__ import annotations

import numpy as np
import pytest

from transaudit.analysis.spelling import speller
from transaudit.meaning.bilingual import Word
from transaudit.meaning.insertions import (
    RUN_EXCESS,
    Inserted,
    _modifier_noun,
    far_from_source,
    lexicons,
    links,
    omitted,
    unexplained,
)

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


def test_a_fixed_adverbial_phrase_is_rendered_as_a_whole_not_dropped() -> None:
    # Apertium reads "a duras penas" as one adverb; translations render such phrases freely
    source = "Los trabajadores protestaron a duras penas ayer frente a la fábrica de la ciudad."
    target = "The workers protested yesterday in front of the factory of the city."
    assert _omitted(source, target) == []
    # a word of one's own is still a drop
    source = "Los trabajadores despedidos protestaron a duras penas ayer frente a la fábrica de la ciudad."
    assert _omitted(source, target) == ["despedidos"]


def test_a_compound_modifier_is_not_dropped() -> None:
    source = "The train drivers began a strike over working hours and pay on Tuesday."
    target = "Los maquinistas iniciaron el martes una huelga por las horas de trabajo y los salarios."
    assert "train" not in _omitted(source, target, "en", "es")


def test_a_source_word_apertium_does_not_know_is_never_taken_as_dropped() -> None:
    # Nothing links an unknown word to its rendering but its spelling ("cajón" for "crate").
    source = "He built a small bookshelf from an old wooden crate and a few nails."
    target = "Construyó una pequeña estantería con un viejo cajón de madera y unos clavos."
    assert "crate" not in _omitted(source, target, "en", "es")
    source = "Los turistas cenaron ayer en un chiringuito junto a la playa de la ciudad."
    target = "The tourists had dinner yesterday at a beach bar next to the beach of the city."
    assert "chiringuito" not in _omitted(source, target)


@pytest.mark.skipif(lexicons("fr", "es") is None, reason="needs Apertium's fr-es pair")
def test_an_unknown_source_word_in_another_pair() -> None:
    source = "Le libraire a rangé les vieux livres dans un cageot en bois près de la porte."
    target = "El librero guardó los libros viejos en una caja de madera cerca de la puerta."
    assert "cageot" not in _omitted(source, target, "fr", "es")


def test_a_compound_joined_by_de_or_of_is_said_in_one_word() -> None:
    # "caja de zapatos" → "shoebox": the head noun has no word of its own in English.
    source = "Mi hermana guardó las cartas antiguas en una caja de zapatos debajo de la cama."
    target = "My sister kept the old letters in a shoebox under the bed."
    assert "caja" not in _omitted(source, target)
    source = "My grandmother gave me a useful piece of advice about the garden yesterday."
    target = "Mi abuela me dio ayer un consejo útil sobre el jardín."
    assert "piece" not in _omitted(source, target, "en", "es")
    # Another preposition joins two things, each with its own word ("caja con zapatos"), and
    # a compound neither of whose nouns is translated is what was dropped or added.
    found = lexicons("es", "en")
    assert found is not None
    text = "una caja con zapatos y una caja de zapatos"
    words = found[0].words([text])[text]
    at = [i for i, w in enumerate(words) if w.text == "caja"]
    both = [{0}] * len(words)
    assert not _modifier_noun(words, at[0], both)
    assert _modifier_noun(words, at[1], both)
    assert not _modifier_noun(words, at[1], [set()] * len(words))


def test_a_modifier_is_not_compared_with_the_head_its_neighbour_translates() -> None:
    word = Word(10, 19, "monarchic", ("monarchic<adj>",))
    head = Word(0, 9, "república", ("república<n><f><sg>",))
    other = Word(20, 26, "oponen", ("oponer<vblex><pri><p3><pl>",))
    vectors = {
        "monarchic": np.array([1.0, 0.0]),
        "república": np.array([0.8, 0.6]),
        "oponen": np.array([0.0, 1.0]),
    }
    near_head = Inserted(word, 4.0, 0, frozenset({0}))
    alone = Inserted(word, 4.0, 0)
    assert far_from_source([near_head], [head, other], vectors, 0.6) == [near_head]
    assert far_from_source([alone], [head, other], vectors, 0.6) == []


def test_a_synonym_the_dictionary_does_not_give_is_no_excuse_for_an_added_word() -> None:
    # Apertium gives "eliminación" → "elimination"; WordNet knows a removal is one. With the
    # source word explained, nothing is left to excuse "repeated" as its paraphrase.
    source = "Adam expresó su frustración por las eliminaciones en una declaración del mes pasado."
    faithful = "Adam expressed his frustration over the removals in a statement last month."
    assert _unexplained(source, faithful) == []
    assert _unexplained(
        source, "Adam expressed his frustration over the repeated removals in a statement last month."
    ) == ["repeated"]


def test_wordnet_pairs_only_what_the_dictionary_left_alone_at_about_the_same_place() -> None:
    found = lexicons("es", "en")
    assert found is not None
    forward, backward = found
    source = "Un hombre llamado Aristarco dijo que la Tierra giraba alrededor del Sol."
    target = "A man named Aristarchus said that the Earth revolved around the Sun."
    s, t = forward.words([source])[source], backward.words([target])[target]
    plain = links(s, t, forward, backward)
    linked = links(s, t, forward, backward, paraphrases=True)
    at = {w.text: j for j, w in enumerate(t)}
    by_text = {w.text: i for i, w in enumerate(s)}
    # "llamar" → "call", a synonym of "name"; "girar" → "spin", a kind of "revolve".
    assert not plain[at["named"]] and linked[at["named"]] == {by_text["llamado"]}
    assert not plain[at["revolved"]] and linked[at["revolved"]] == {by_text["giraba"]}
    # Words the dictionary already pairs keep exactly their dictionary links.
    for j, found_links in enumerate(plain):
        if found_links:
            assert linked[j] == found_links
    # Far apart, the same words are not paired ("llamado" opens the source, "named" ends the target).
    far = "Aristarchus said that the Earth revolved around the Sun, a man so named."
    t2 = backward.words([far])[far]
    linked_far = links(s, t2, forward, backward, paraphrases=True)
    assert by_text["llamado"] not in linked_far[[w.text for w in t2].index("named")]


def test_a_loose_word_at_the_same_place_excuses_a_paraphrase_the_neighbours_miss() -> None:
    # "fotografiamos" translates both "photograph" and "picture" (far to the right), so its
    # counterparts do not place the loose "cell" and "charger"; they stand where "pila" and
    # "cargador" do, and that is the paraphrase ("cell" → "pila", not Apertium's "célula").
    source = "We did not photograph the cell or the charger, but here is a picture of the box."
    target = "No fotografiamos la pila ni el cargador, pero aquí hay una foto de la caja."
    assert _unexplained(source, target, "en", "es") == []


def test_an_adjective_before_a_noun_is_no_compound_modifier() -> None:
    # "train drivers" is a compound ("maquinistas"); "constant noise" an adjective that was added.
    source = "Los vecinos se quejaron del ruido de las obras durante la noche."
    assert _unexplained(
        source, "Residents complained about the constant noise from the construction work during the night."
    ) == ["constant"]
    assert _unexplained(
        source, "Residents complained about the noise from the construction work during the night."
    ) == []
