"""English senses and their nearest relations from WordNet's files (transaudit.meaning.wordnet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transaudit.meaning import wordnet
from transaudit.meaning.antonyms import folder

pytestmark = pytest.mark.skipif(
    not (folder() / "index.noun").is_file(), reason="needs WordNet's files (Debian wordnet-base)"
)


@pytest.mark.parametrize(
    ("one", "other", "part"),
    [
        ("demand", "require", "v"),  # a shared sense
        ("call", "name", "v"),
        ("elimination", "removal", "n"),  # a kind of removal: a direct hypernym
        ("spin", "revolve", "v"),
        ("past", "last", "a"),  # similar adjectives
    ],
)
def test_near_senses_are_related(one: str, other: str, part: str) -> None:
    assert wordnet.related(one, other, part)
    assert wordnet.related(other, one, part)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("city", "town"),  # sister terms: a shared hypernym is not enough
        ("poor", "rich"),  # antonyms are never followed
        ("paper", "role"),
        ("ferry", "shuttle"),
    ],
)
def test_distant_words_are_not(one: str, other: str) -> None:
    assert not wordnet.related(one, other)


def test_only_the_senses_the_tagged_corpus_saw() -> None:
    # WordNet lists 28 verb senses of "call", 10 of them seen in its sense-tagged corpus; the
    # rarer ones ("call" as in poker) would pair words no translation pairs.
    assert len(wordnet.senses("call", "v")) == 10
    assert not wordnet.related("call", "bet", "v")


def test_part_of_speech_and_unknown_words() -> None:
    assert wordnet.senses("quickly", "r") and not wordnet.senses("quickly", "n")
    assert wordnet.senses("role model", "n")  # multiwords are looked up with underscores
    assert wordnet.senses("zzxqy") == frozenset()
    assert wordnet.senses("") == frozenset()
    assert wordnet.senses("año") == frozenset()  # not English


def test_without_the_files_nothing_is_related(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSAUDIT_WORDNET", str(tmp_path))
    for cached in (wordnet._map, wordnet.senses, wordnet.near, wordnet._pointers):
        cached.cache_clear()
    try:
        assert not wordnet.related("demand", "require")
    finally:
        monkeypatch.undo()
        for cached in (wordnet._map, wordnet.senses, wordnet.near, wordnet._pointers):
            cached.cache_clear()
    assert wordnet.related("demand", "require")
