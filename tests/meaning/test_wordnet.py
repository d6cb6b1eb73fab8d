"""English senses and their nearest relations from WordNet's files (transaudit.meaning.wordnet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transaudit.meaning import antonyms, senses, wordnet
from transaudit.meaning.wordnet import folder

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


# -- the one reader: look-ups and whole-file passes the other WordNet users share ------------------

def test_an_index_entry_lists_every_sense_and_how_many_were_seen() -> None:
    offsets, seen = wordnet.entry("call", "v")  # type: ignore[misc]
    assert len(offsets) == 28 and seen == 10
    assert wordnet.entry("role model", "n") is not None  # spaces between words, as the index's "_"
    # exact spelling only: the callers fold case themselves; "_" is no spelling of a space
    for absent in ("Call", "role_model", "", "año", "zzxqy"):
        assert wordnet.entry(absent, "v" if absent == "Call" else "n") is None


def test_bisection_finds_every_lemma_the_index_lists() -> None:
    """Every 40th lemma of each index, read line by line, is found by binary search."""
    for part, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        lines = (folder() / f"index.{name}").read_text(encoding="latin-1").splitlines()
        listed = [line for line in lines if line and not line[0].isspace()]
        for line in listed[::40] + listed[-1:]:
            lemma = line.split(" ", 1)[0].replace("_", " ")
            assert wordnet.entry(lemma, part) is not None, (part, lemma)


def test_whole_file_passes_read_every_line_once() -> None:
    lemmas = [lemma for lemma, _, _ in wordnet.entries("r")]
    assert len(lemmas) == len(set(lemmas)) == 4481 and lemmas[0] == "'tween"
    lines = list(wordnet.synsets("r"))
    assert len(lines) == 3621 and all(line[:1].isdigit() for line in lines)
    offset = int(lines[100].split(b" ", 1)[0])
    assert wordnet.synset("r", offset) == lines[100]  # a synset by its byte offset
    pointing = list(wordnet.pointing("r", b"!"))
    assert pointing and all(b" ! " in line for line in pointing)
    assert set(pointing) <= set(lines)


def test_without_the_files_every_reader_is_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TA516's nouns and TA511's tables read the same (missing) files: all empty, no error."""
    built = (antonyms.adjectives, antonyms.antonyms, antonyms.indirect, antonyms.troponyms,
             antonyms.common_clusters, antonyms.verb_senses, senses._offsets)
    cached = (wordnet._map, wordnet.entry, wordnet.senses, *built)
    monkeypatch.setenv("TRANSAUDIT_WORDNET", str(tmp_path))
    for cache in cached:
        cache.cache_clear()
    try:
        assert list(wordnet.entries("a")) == [] and list(wordnet.synsets("a")) == []
        assert list(wordnet.pointing("a", b"!")) == [] and wordnet.synset("a", 1740) == b""
        assert not senses.installed() and senses.related("exile", "banishment") is None
        assert antonyms.antonyms() == {} and antonyms.indirect() == {} and antonyms.troponyms() == {}
        assert antonyms.common_clusters() == {} and antonyms.adjectives().clusters == {}
        assert antonyms.verb_senses().get("give", 0) == 0 and len(antonyms.verb_senses()) == 0
    finally:
        monkeypatch.undo()
        for cache in cached:
            cache.cache_clear()
    assert senses.installed() and antonyms.verb_senses()["give"] == 44
