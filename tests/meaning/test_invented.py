"""The invented-word rule (meaning/invented.py), word by word, and TA513's defaults."""

from __future__ import annotations

import pytest

from transaudit.analysis import spelling
from transaudit.engine import Engine
from transaudit.meaning.invented import CALQUE_RATIO, _accented_letters, invented_words
from transaudit.settings import Settings

pytestmark = pytest.mark.skipif(
    spelling.speller("es") is None or spelling.speller("en") is None, reason="needs hunspell-es and -en"
)


def _words(source: str, target: str, pair: str = "es-en") -> list[tuple[str, str]]:
    source_lang, target_lang = pair.split("-")
    return [(f.word, f.source_word) for f in invented_words(source, target, source_lang, target_lang)]


def test_a_coinage_names_the_source_word_it_copies() -> None:
    assert _words("Los societarios padecieron.", "The societaries suffered.") == [
        ("societaries", "societarios")
    ]


def test_a_sentence_opening_capital_is_still_judged_a_name_inside_is_not() -> None:
    assert _words("Los societarios padecieron.", "Societarians suffered.") == [
        ("Societarians", "societarios")
    ]
    assert _words("Con los societarios.", "With the Societarians.") == []


def test_likeness_below_the_limit_is_not_a_calque() -> None:
    # "quadratal" keeps 74 % of "cuadrática": an English suffix replaced the Spanish one.
    assert CALQUE_RATIO > 74
    assert _words("Disminuyen de forma cuadrática.", "They decrease in a quadratal way.") == []


def test_an_empty_source_gives_nothing() -> None:
    assert _words("", "The societaries suffered.") == []


def test_accented_letters_come_from_the_languages_own_words() -> None:
    assert set("áéíóúñ") <= set(_accented_letters("es"))
    assert _accented_letters("en") == ""


def test_off_by_default() -> None:
    assert "TA513" not in {c.code for c in Engine(Settings.from_keys(backend="none")).checks}
