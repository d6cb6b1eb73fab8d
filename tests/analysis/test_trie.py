"""The phrase index's prefilter: first words whose entries cannot match are dropped before tokenising."""

from __future__ import annotations

import pytest

from transaudit.analysis import gazetteer as gz
from transaudit.analysis.tokens import words_of
from transaudit.analysis.trie import COUNTRY, Entry, PhraseTrie


def _entry(words: tuple[str, ...], case_sensitive: bool = True) -> Entry:
    return Entry(words, (" ",) * (len(words) - 1), case_sensitive, COUNTRY, "X", "X", " ".join(words))


def test_a_first_word_lives_only_with_a_second_word_of_its_entries() -> None:
    trie = PhraseTrie()
    trie.add(_entry(("The", "Gambia")))
    trie.add(_entry(("The", "Bahamas")))
    trie.add(_entry(("Chad",)))
    text = "The president of Chad spoke."
    words = words_of(text)
    assert trie.live(frozenset(words & trie.surfaces), words) == {"Chad"}
    words = words_of("The GAMBIA and The rest")  # a case-sensitive entry needs its exact word
    assert trie.live(frozenset(words & trie.surfaces), words) == frozenset()
    trie.add(_entry(("the", "bahamas"), case_sensitive=False))
    assert trie.live(frozenset(words & trie.surfaces), words) == frozenset()
    words = words_of("The BAHAMAS and The rest")  # … a case-insensitive one, its word casefolded
    assert trie.live(frozenset(words & trie.surfaces), words) == {"The"}


def test_a_single_word_entry_keeps_its_first_word() -> None:
    trie = PhraseTrie()
    trie.add(_entry(("Georgia", "Tech")))
    trie.add(_entry(("Georgia",)))
    words = words_of("Georgia won.")
    assert trie.live(frozenset(words & trie.surfaces), words) == {"Georgia"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The meeting was long."),
        ("en", "The Gambia and The Bahamas signed; the Gambia too, in New York."),
        ("en", "The talks in Paris ended. THE GAMBIA"),
        ("es", "El acuerdo se firmó ayer en La Habana."),
        ("es", "El Salvador firmó. La Paz y Los Ángeles; el salvador"),
    ],
)
def test_mentions_are_those_found_without_the_prefilter(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gaz = gz.gazetteer(lang)
    with_prefilter = gaz._find_mentions(text)
    monkeypatch.setattr(PhraseTrie, "live", lambda self, hits, words: hits)
    assert gaz._find_mentions(text) == with_prefilter
