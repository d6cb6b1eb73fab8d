"""The bases of English nouns and adverbs by WordNet's own links (transaudit.meaning.derivation)."""

from __future__ import annotations

import pytest

from transaudit.meaning.antonyms import antonyms
from transaudit.meaning.derivation import bases

pytestmark = pytest.mark.skipif(not antonyms(), reason="needs WordNet (Debian's wordnet-base)")


def test_a_noun_comes_from_its_verb_and_an_adverb_from_its_adjective() -> None:
    assert ("arrive", "v") in bases("arrival", "n")
    assert ("remove", "v") in bases("removal", "n")
    assert ("weak", "a") in bases("weakness", "n")
    assert bases("slowly", "r") == {("slow", "a")}


def test_only_the_words_own_pointers_in_senses_the_tagged_corpus_saw() -> None:
    # "departure" comes from "depart" (its own pointer), not from "go" (the pointer of "going",
    # another word of the same sense)
    assert ("go", "v") not in bases("departure", "n")
    assert bases("arrive", "v") == frozenset()  # a verb is a base, not derived
    assert bases("zzzz", "n") == frozenset()
    assert bases("quickly", "n") == frozenset()
