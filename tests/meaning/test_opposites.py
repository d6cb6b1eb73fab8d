"""Antonym swaps through Apertium's dictionary and WordNet (transaudit.meaning.opposites)."""

from __future__ import annotations

import pytest

from transaudit.meaning.antonyms import antonyms
from transaudit.meaning.opposites import available, opposites

pytestmark = pytest.mark.skipif(
    not available("es", "en"), reason="needs Apertium's eng-spa pair and WordNet (wordnet-base)"
)


def _pairs(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[str, str, str]]:
    return [
        (o.english.text, o.other.text, o.antonym) for o in opposites(source, target, source_lang, target_lang)
    ]


def test_wordnet_antonyms_are_read_both_ways_with_the_senses_synonyms() -> None:
    table = antonyms()
    assert "decrease" in table["increase"] and "increase" in table["decrease"]
    assert {"descend", "fall"} <= table["ascend"]


def test_an_antonym_in_an_english_target_is_found_with_the_source_word() -> None:
    assert _pairs("El aumento salarial llegó tarde.", "The wage decrease came late.", "es", "en") == [
        ("decrease", "aumento", "increase")
    ]
    assert _pairs("El coche es muy rápido.", "The car is very slow.", "es", "en") == [
        ("slow", "rápido", "fast")
    ]


def test_an_antonym_in_a_spanish_target_is_found_from_the_english_source() -> None:
    assert _pairs("The wage increase came late.", "La disminución salarial llegó tarde.", "en", "es") == [
        ("increase", "disminución", "decrease")
    ]


def test_phrasal_words_of_a_sense_share_its_antonyms_and_scales_are_left_out() -> None:
    table = antonyms()
    # {rise, go up, move up, …} ↔ {descend, fall, go down, …}: "subir" is "go up" in Apertium
    assert "fall" in table["go up"] and "rise" in table["go down"]
    assert "lift" not in table.get("descend", frozenset())  # single synonyms stay lexical
    # early / middle / late: three values of one scale, no opposites among them
    assert "middle" not in table.get("late", frozenset()) and "middle" not in table


def test_a_common_verb_of_many_senses_against_an_antonym_of_few() -> None:
    # "fell" (32 WordNet senses) is taken at its word against "subió" ("go up", 7 senses)
    es, en = "Los precios de la vivienda subieron en abril.", "House prices fell in April."
    assert _pairs(es, en, "es", "en") == [("fell", "subieron", "go up")]
    en, es = "Exports rose sharply in March.", "Las exportaciones bajaron mucho en marzo."
    assert _pairs(en, es, "en", "es") == [("rose", "bajaron", "go down")]
    en, es = "The number of tourists fell in winter.", "El número de turistas aumentó en invierno."
    assert _pairs(en, es, "en", "es") == [("fell", "aumentó", "rise")]


def test_another_pair_catalan() -> None:
    if not available("ca", "en"):
        pytest.skip("needs Apertium's eng-cat pair")
    assert _pairs("L'augment salarial va arribar tard.", "The wage decrease came late.", "ca", "en") == [
        ("decrease", "augment", "increase")
    ]
    assert _pairs("Els preus van pujar a l'abril.", "Prices fell in April.", "ca", "en") == [
        ("fell", "pujar", "go up")
    ]
    assert _pairs("La casa era molt bonica.", "The house was very ugly.", "ca", "en") == [
        ("ugly", "bonica", "beautiful")
    ]
    assert _pairs("El projecte és viable.", "The project is unviable.", "ca", "en") == [
        ("unviable", "viable", "viable")
    ]


def test_inherited_antonymy_both_directions() -> None:
    # a satellite adjective and its head's antonym: huge ~ large ↔ small
    assert _pairs("La casa era enorme.", "The house was small.", "es", "en") == [
        ("small", "enorme", "enormous")
    ]
    assert _pairs("The house was huge.", "La casa era pequeña.", "en", "es") == [("huge", "pequeña", "small")]
    # a troponym and its hypernym's antonym: hate (a way of disliking) ↔ like
    assert _pairs("Larry hated that city.", "A Larry le gustaba aquella ciudad.", "en", "es") == [
        ("hated", "gustaba", "like")
    ]
    # a negated adjective Apertium does not know, against its base's head
    assert _pairs(
        "Es posible que llegue mañana.", "It is unviable that he arrives tomorrow.", "es", "en"
    ) == [("unviable", "posible", "possible")]
    # the poles of a scale: early ↔ late
    assert _pairs("The meeting starts early.", "La reunión empieza tarde.", "en", "es") == [
        ("early", "tarde", "late")
    ]


def test_words_face_each_other_one_to_one() -> None:
    # two "primer": the English "first" explains one ("por primera vez"), "last" stands for the other
    es = "El primer tren salió en 1950 y llegó por primera vez a Madrid en 1951."
    assert _pairs(es, "The last train left in 1950 and first reached Madrid in 1951.", "es", "en") == [
        ("last", "primer", "first")
    ]
    assert _pairs(es, "The first train left in 1950 and first reached Madrid in 1951.", "es", "en") == []
    es = "Es el final de un capítulo y el comienzo de otro."
    assert _pairs(es, "It is the beginning of a chapter and the beginning of another.", "es", "en") == [
        ("beginning", "final", "end")
    ]
    assert _pairs(es, "It is the end of a chapter and the beginning of another.", "es", "en") == []


@pytest.mark.parametrize(
    ("source", "target", "source_lang", "target_lang"),
    [
        # faithful
        ("El aumento salarial llegó tarde.", "The wage increase came late.", "es", "en"),
        ("The wage increase came late.", "El aumento salarial llegó tarde.", "en", "es"),
        # litotes: the negation makes the antonym right
        ("The results were not bad.", "Los resultados fueron buenos.", "en", "es"),
        ("Los resultados no fueron malos.", "The results were good.", "es", "en"),
        # a light verb is not its meaning ("dar un paso" = "take a step")
        ("Dimos un gran paso hacia el mar.", "We took a big step towards the sea.", "es", "en"),
        # faithful rises and falls, phrasal on the Spanish side
        ("Los precios de la vivienda subieron en abril.", "House prices rose in April.", "es", "en"),
        ("Exports fell sharply in March.", "Las exportaciones bajaron mucho en marzo.", "en", "es"),
        # "acabar de" + infinitive is "have just", not "finish"
        ("She has just started to paint again.", "Acaba de volver a pintar.", "en", "es"),
        # "medio" is "average" here, not "middle" (early/middle/late are a scale)
        ("Hubo un retraso medio de diez minutos.", "Trains were on average ten minutes late.", "es", "en"),
        # the antonym is also on the English side: a contrast, not a swap
        ("Hay tiendas grandes y pequeñas.", "There are large and small shops.", "es", "en"),
        # an approximate negator: "poco frecuente" is "infrequent" (Quirk et al. §10.61)
        ("Es un accidente poco frecuente.", "It is an infrequent accident.", "es", "en"),
        ("It is an infrequent accident.", "Es un accidente poco frecuente.", "en", "es"),
        # similar adjectives explain each other (male ~ masculine, see also)
        ("La resistencia masculina al voto femenino.", "Male resistance to female suffrage.", "es", "en"),
        # a translation, not a loose similarity, pairs "buen" with "good" ("bastante": "enough")
        ("Está en bastante buen estado.", "It is in pretty good shape.", "es", "en"),
        # "just" is among the commonest words: no similar adjective of "mejores"
        (
            "Está entre los mejores, igual que el otro.",
            "It is among the best, just like the other.",
            "es",
            "en",
        ),
        # "infancy" is a noun, "insure" a verb: no negated "fancy", "sure"
        ("Mi daga favorita era de mi infancia.", "My fancy dagger was from my infancy.", "es", "en"),
        # a satellite of "late" read as a neighbouring value (scale middle)
        (
            "Hubo un retraso medio de diez minutos.",
            "There was an average delay, ten minutes late.",
            "es",
            "en",
        ),
    ],
)
def test_faithful_translations_are_left_alone(
    source: str, target: str, source_lang: str, target_lang: str
) -> None:
    assert opposites(source, target, source_lang, target_lang) == ()


def test_pairs_without_english_are_not_covered() -> None:
    assert not available("es", "fr")
    assert opposites("El aumento.", "La baisse.", "es", "fr") == ()


def test_the_english_dictionary_renders_the_antonym_by_the_other_word() -> None:
    # "previa" → "previous" one way, "prior" → "previo" the other: "prior" ↔ "subsequent"
    assert _pairs("La reunión previa fue larga.", "The subsequent meeting was long.", "es", "en") == [
        ("subsequent", "previa", "prior")
    ]


def test_a_rendering_shared_with_the_word_itself_or_of_another_part_of_speech_says_nothing() -> None:
    # "son" and "daughter" are both "hijo"; "break" the noun is no opposite of "keep" ("continuar")
    en = "After all, until then she had only had sons."
    assert _pairs(en, "Después de todo, hasta ese momento sólo había tenido hijos varones.", "en", "es") == []
    en = "I could use a break, and the guy keeps doing things in my kitchen."
    es = "Me vendría bien un descanso, y el tipo continúa haciendo cosas en mi cocina."
    assert _pairs(en, es, "en", "es") == []


def test_an_english_verb_before_to_and_an_infinitive_keeps_its_meaning() -> None:
    es = "Los socios aceptaron firmar el acuerdo."
    assert _pairs(es, "The partners refused to sign the agreement.", "es", "en") == [
        ("refused", "aceptaron", "accept")
    ]
    assert _pairs(es, "The partners agreed to sign the agreement.", "es", "en") == []


def test_nouns_and_adverbs_derived_from_antonyms_are_opposites() -> None:
    # "seller" from "sell", "buyer" from "buy"; "complication" from "complicate" ↔ "simplify"
    assert _pairs("El comprador firmó el contrato.", "The seller signed the contract.", "es", "en") == [
        ("seller", "comprador", "buyer")
    ]
    es, en = "La simplificación del proceso ayudó.", "The complication of the process helped."
    assert _pairs(es, en, "es", "en") == [("complication", "simplificación", "simplification")]
    # "slowly" from "slow", the antonym of "fast", which "rápido" says as an adverb
    assert _pairs("El coche avanzaba rápido.", "The car moved slowly.", "es", "en") == [
        ("slowly", "rápido", "fast")
    ]
    assert _pairs("El coche avanzaba rápido.", "The car moved quickly.", "es", "en") == []


def test_an_english_negation_cue_against_the_direct_antonym_the_other_side_says() -> None:
    es = "Siempre he avanzado a pasos agigantados."
    assert _pairs(es, "I have never advanced by leaps and bounds.", "es", "en") == [
        ("never", "Siempre", "always")
    ]
    # "nunca" is a cue itself, and renders "ever" as well as "never"
    assert _pairs("Ahora más que nunca lo necesitamos.", "Now more than ever we need it.", "es", "en") == []
    assert _pairs("No siempre llega a tiempo.", "He never arrives on time.", "es", "en") == []
