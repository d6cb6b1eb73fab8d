"""analysis/spelling.py: the one-slip neighbour search gives the same words both ways.

The edits spelled out (``_from_edits``) are the definition; the sorted word lists
(``_from_index``: nested beginnings and endings, a wide range falling back to one
position's edits) must find exactly the same words.
"""

from __future__ import annotations

import random

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
    by_index._searches = Neighbours.INDEX_AFTER  # the next search builds the sorted lists
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


def _slips(word: str, alphabet: str, rng: random.Random) -> list[str]:
    """One slip of each kind at a random place, and a word two slips away."""
    i = rng.randrange(len(word))
    c = rng.choice(alphabet)
    out = [word[:i] + word[i + 1 :], word[:i] + c + word[i:], word[:i] + c + word[i + 1 :]]
    if len(word) > 1:
        j = rng.randrange(len(word) - 1)
        out.append(word[:j] + word[j + 1] + word[j] + word[j + 2 :])
    out.append(out[1][: i + 1] + rng.choice(alphabet) + out[1][i + 2 :])
    return out


@pytest.mark.parametrize("lang", ["es", "en", "ca"])
def test_the_sorted_lists_agree_with_the_edits_on_many_words(lang: str) -> None:
    """Real words and their slips, short and long, in several languages: the same neighbours.

    Words of the list themselves have wide ranges (the fallback to a position's
    edits) and long shared beginnings and endings; slips at every place exercise
    the nested ranges and their early end.
    """
    table = frequencies.table(lang)
    if not table:
        pytest.skip(f"wordfreq has no {lang}")
    words, alphabet = table.at_least(2.5), frequencies.alphabet(lang)
    by_edits, by_index = Neighbours(words, 2.5, alphabet), Neighbours(words, 2.5, alphabet)
    by_edits.INDEX_AFTER = 10**9  # never leaves the edits
    by_index._searches = Neighbours.INDEX_AFTER
    rng = random.Random(16)
    sample = rng.sample(sorted(words), 150)
    queries = [*sample, *(slip for word in sample for slip in _slips(word, alphabet, rng))]
    queries += ["", "a", "zz", "l'home", "col·locar", "ñandú", "qqqqqq", "Ärger", "straße"]
    for query in queries:
        assert by_index.find(query) == by_edits.find(query), query
