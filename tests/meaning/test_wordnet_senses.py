"""WordNet noun relatedness (transaudit.meaning.senses)."""

from __future__ import annotations

import pytest

from transaudit.meaning import senses

pytestmark = pytest.mark.skipif(not senses.installed(), reason="needs WordNet (wordnet-base)")


def test_a_shared_sense_or_a_kind_of_the_other_is_related() -> None:
    assert senses.related("exile", "banishment")  # exile (deportation) is a kind of banishment
    assert senses.related("position", "posture")  # one sense holds both
    assert senses.related("tool", "instrument")  # two kinds of implement
    assert senses.related("motherland", "homeland")


def test_words_of_other_meanings_are_not_related() -> None:
    assert senses.related("fire", "banishment") is False
    assert senses.related("heritage", "homeland") is False
    assert senses.related("debt", "banishment") is False


def test_a_word_wordnet_does_not_list_is_unknown() -> None:
    assert senses.related("deescalation", "scale") is None
    assert senses.known("homeland") and not senses.known("deescalation")


def test_case_does_not_matter() -> None:
    assert senses.related("Exile", "BANISHMENT")


def test_a_definition_that_names_the_other_noun_relates_the_two() -> None:
    """"plug": an electrical device … inserted in a socket (Spanish "enchufe" is both)."""
    from transaudit.meaning import senses

    assert senses.related("socket", "plug") is True
    assert senses.related("plug", "socket") is True
    assert senses.related("fire", "banishment") is False
