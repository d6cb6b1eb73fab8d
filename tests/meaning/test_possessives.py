"""The possessive rule (meaning/possessives.py) on its data, and TA514's defaults."""

from __future__ import annotations

from transaudit import data
from transaudit.engine import Engine
from transaudit.meaning.possessives import MIN_OPEN, _sentences, mixed_possessives
from transaudit.settings import Settings


def _mixed(
    source: str, target: str, source_lang: str = "es", target_lang: str = "en"
) -> list[tuple[str, ...]]:
    found = mixed_possessives(
        source, target, data.load("possessives", source_lang), data.load("possessives", target_lang)
    )
    return [tuple(word for word, _ in m.found) for m in found]


def test_open_possessives_rendered_two_ways_are_found() -> None:
    assert _mixed("Sus vidas y su estancia.", "His lives and her stay.") == [("His", "her")]


def test_one_kind_is_consistent() -> None:
    assert _mixed("Sus vidas y su estancia.", "Their lives and their stay.") == []


def test_fewer_open_possessives_than_the_minimum_say_nothing() -> None:
    assert MIN_OPEN == 2
    assert _mixed("Su casa es grande.", "His house and her garden are big.") == []


def test_sentences_pair_up_when_both_sides_have_as_many() -> None:
    assert _sentences("Uno. «Dos.» Tres") == [(0, 4), (5, 10), (12, 16)]
    assert (
        _mixed("Su casa y su coche. Su moto y su barco.", "Her house and her car. His bike and his boat.")
        == []
    )


def test_a_target_language_without_marked_possessives_is_silent() -> None:
    assert _mixed("His lives and her stay.", "Sus vidas y su estancia.", "en", "es") == []


def test_off_by_default() -> None:
    assert "TA514" not in {c.code for c in Engine(Settings.from_keys(backend="none")).checks}


def test_italian_suo_and_sua_leave_the_possessor_open() -> None:
    source = "I suoi libri e la sua scrivania."
    assert _mixed(source, "His books and her desk.", "it", "en") == [("His", "her")]
    assert _mixed(source, "Her books and her desk.", "it", "en") == []


def test_german_marks_the_possessor_as_a_target_and_leaves_nothing_open_as_a_source() -> None:
    assert _mixed("Sus libros y su mesa.", "Seine Bücher und ihr Tisch.", "es", "de") == [("Seine", "ihr")]
    assert _mixed("Sus libros y su mesa.", "Ihre Bücher und ihr Tisch.", "es", "de") == []
    assert "open" not in data.load("possessives", "de")
    assert _mixed("Seine Bücher und ihr Tisch.", "His books and her desk.", "de", "en") == []
