"""Runs of capitalized words that look like names."""

from __future__ import annotations

import pytest

from transaudit.analysis import name_runs
from transaudit.meaning.bilingual import lexicon


def test_name_sequences() -> None:
    runs = name_runs.name_sequences("Dijo el presidente Daniel Ortega ante la Casa Blanca.", "es")
    assert [r.text for r in runs] == ["Daniel Ortega"]


def test_run_of_ordinary_words_is_a_title_not_a_name() -> None:
    text = (
        "Esta mañana visitaron juntos la Tumba del Soldado Desconocido, y por la noche "
        "miraron la Vía Láctea desde el jardín con el presidente Daniel Ortega."
    )
    assert [r.text for r in name_runs.name_sequences(text, "es")] == ["Daniel Ortega"]


def test_ordinary_word_next_to_a_name_word_belongs_to_the_name() -> None:
    text = "Se reunió con la diplomática Marta Ibáñez Soler en Ginebra."
    assert [r.text for r in name_runs.name_sequences(text, "es")] == ["Marta Ibáñez Soler"]


def test_german_nouns_do_not_make_a_sentence_a_headline() -> None:
    text = "Gestern hat der Präsident Daniel Ortega die Stadt am Montag mit seiner Frau besucht."
    assert [r.text for r in name_runs.name_sequences(text, "de")] == ["Daniel Ortega"]


def test_german_headline_is_still_a_headline() -> None:
    headline = "Merkel Trifft Macron In Paris Zum Gipfel Der Europäischen Union"
    assert name_runs.name_sequences(headline, "de") == ()


@pytest.mark.skipif(lexicon("es", "en") is None, reason="needs Apertium's spa-eng pair")
def test_surname_ending_like_a_common_noun_is_a_name_to_the_analyser() -> None:
    # "-osa" marks a common noun ("Asociación Generosa"), but Apertium knows "Sosa" and
    # "Rosa" as a surname and a given name: the run is a person's name.
    runs = name_runs.name_sequences("La alcaldesa Rosa Sosa Ferreira inauguró el puente.", "es")
    assert [r.text for r in runs] == ["Rosa Sosa Ferreira"]
    assert name_runs.person_word("Sosa", "es") and not name_runs.person_word("Protección", "es")
