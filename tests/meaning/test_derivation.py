"""Nouns and adverbs and the words they are made from, by WordNet's links (transaudit.meaning.derivation)."""

from __future__ import annotations

import pytest

from transaudit.meaning.antonyms import antonyms
from transaudit.meaning.derivation import bases, opposed

pytestmark = pytest.mark.skipif(not antonyms(), reason="needs WordNet (Debian's wordnet-base)")


def _words(lemma: str, part: str) -> set[tuple[str, str]]:
    return {(word, letter) for word, letter, _ in bases(lemma, part)}


def test_a_noun_comes_from_its_verb_and_an_adverb_from_its_adjective() -> None:
    assert ("sell", "v") in _words("seller", "n")
    assert ("remove", "v") in _words("removal", "n")
    assert ("weak", "a") in _words("weakness", "n")
    assert _words("slowly", "r") == {("slow", "a")}


def test_only_a_suffix_makes_a_base() -> None:
    # WordNet relates "cloud" and "cloudy", "quality" and "qualify", "identity" and
    # "identical" both ways; none is made from the other by a suffix
    assert not _words("cloud", "n") and not _words("quality", "n") and not _words("identity", "n")
    assert bases("arrive", "v") == frozenset()  # a verb is a base, not derived
    assert bases("zzzz", "n") == frozenset()


def test_antonymy_in_the_sense_the_derivation_names() -> None:
    assert any(word == "buy" for b in bases("seller", "n") for word, _, _ in opposed(b))
    # "management" comes from "manage" as "administer", not as "succeed" (the opposite of "fail")
    assert not any(word == "fail" for b in bases("management", "n") for word, _, _ in opposed(b))
