"""analysis/spelling.py: the one-slip neighbour search gives the same words both ways."""

from __future__ import annotations

import pytest

from transaudit.analysis import frequencies
from transaudit.analysis.spelling import Neighbours

WORDS = {
    "because": 5.5, "cause": 5.0, "receive": 4.8, "hacer": 6.1, "hecho": 5.6, "nacer": 4.2,
    "trabajo": 5.8, "ángel": 4.6, "àngel": 2.0, "rare": 2.0, "caer": 4.7, "cae": 4.5,
}  # fmt: skip


def _both(word: str, alphabet: str = "abcdefghijklmnopqrstuvwxyzáéíñóú") -> tuple[set[str], set[str]]:
    by_edits = Neighbours(WORDS, 2.5, alphabet)
    by_index = Neighbours(WORDS, 2.5, alphabet)
    by_index._searches = Neighbours.INDEX_AFTER  # the next search builds the index
    return by_edits.find(word), by_index.find(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("becuase", {"because"}),  # two letters swapped
        ("recieve", {"receive"}),
        ("hecer", {"hacer"}),  # a letter changed ("nacer" is two away)
        ("tarbajo", {"trabajo"}),
        ("hacerr", {"hacer"}),  # a letter added
        ("cer", {"caer"}),  # a letter dropped
        ("ngel", {"ángel"}),
        ("caer", {"cae"}),  # the word itself is left out
        ("rar", set()),  # "rare" is below the floor
        ("xyz", set()),
    ],
)
def test_edits_and_index_agree(word: str, expected: set[str]) -> None:
    by_edits, by_index = _both(word)
    assert by_edits == by_index == expected


def test_a_letter_outside_the_alphabet_is_never_typed() -> None:
    by_edits, by_index = _both("ngel", alphabet="abcdefghijklmnopqrstuvwxyz")
    assert by_edits == by_index == set()  # "ángel" needs an á the alphabet lacks


def test_the_index_agrees_on_real_spanish_slips() -> None:
    table = frequencies.table("es")
    if not table:
        pytest.skip("wordfreq has no Spanish")
    words, alphabet = table.at_least(2.5), frequencies.alphabet("es")
    by_edits, by_index = Neighbours(words, 2.5, alphabet), Neighbours(words, 2.5, alphabet)
    by_index._searches = Neighbours.INDEX_AFTER
    for slip in ("hecer", "necesiad", "aperutra", "tarbajo", "importnte", "inxoidable", "paracen", "cer"):
        assert by_edits.find(slip) == by_index.find(slip), slip
