"""The time of a verb group from Apertium's tags (transaudit.meaning.tense)."""

from __future__ import annotations

import pytest

from transaudit.meaning.bilingual import lexicon
from transaudit.meaning.insertions import lexicons
from transaudit.meaning.tense import (
    CONDITIONAL,
    FUTURE,
    PAST,
    PERFECT,
    PRESENT,
    PRESENT_PROGRESSIVE,
    counterparts,
    group_time,
    shifts,
)

pytestmark = pytest.mark.skipif(lexicon("es", "en") is None, reason="needs Apertium's eng-spa pair")


def _time(text: str, word: str, lang: str) -> str | None:
    lex = lexicon(lang, "en" if lang != "en" else "es")
    assert lex is not None
    words = lex.words([text])[text]
    index = next(i for i, w in enumerate(words) if w.text == word)
    return group_time(words, index)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("He said it.", "said", PAST),
        ("He says it.", "says", PRESENT),
        ("He will say it.", "say", FUTURE),
        ("He would say it.", "say", CONDITIONAL),
        ("He has also said it.", "said", PERFECT),
        ("He had said it.", "said", PAST),
        ("He is saying it.", "saying", PRESENT_PROGRESSIVE),
        ("The second is a little more complicated.", "complicated", None),  # after a degree word
        ("It was very complicated.", "complicated", None),
        ("Something I might add later.", "add", None),  # the modal opens the group, not "is"
        ("We see it.", "see", None),  # the base form is also the infinitive
        ("He can say it.", "say", None),  # a modal of mood, not of time
        # A reduced relative: a finite verb follows in the same clause, so this is a participle.
        ("The framework proposed here is useful.", "proposed", None),
        ("The activation presented by the subjects is higher.", "presented", None),
        ("The proposed framework is useful.", "proposed", None),  # after a determiner
        ("The minister signed the bill.", "signed", PAST),
        ("The minister signed the bill that is new.", "signed", PAST),  # "is" has its own clause
        ("The minister signed it and is happy.", "signed", PAST),
    ],
)
def test_english_groups(text: str, word: str, expected: str | None) -> None:
    assert _time(text, word, "en") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Él dijo que sí.", "dijo", PAST),
        ("Él decía que sí.", "decía", PAST),
        ("Él dice que sí.", "dice", PRESENT),
        ("Él dirá que sí.", "dirá", FUTURE),
        ("Se retirarían mañana.", "retirarían", CONDITIONAL),
        ("Él ha dicho que sí.", "dicho", PERFECT),
        ("Él había dicho que sí.", "dicho", PAST),
        ("Quiere decir que sí.", "decir", PRESENT),  # "querer" is a modal in Apertium's Spanish
    ],
)
def test_spanish_groups(text: str, word: str, expected: str | None) -> None:
    assert _time(text, word, "es") == expected


def test_sentences_pair_by_order_or_by_place() -> None:
    # As many sentences on both sides: the k-th renders the k-th.
    assert counterparts("Abrió en mayo. Hoy abre.", "It opened in May. Today it opens.") == [
        frozenset({0}),
        frozenset({1}),
    ]
    # Two source sentences merged into one: it renders both; a split one: each half renders it.
    assert counterparts("Abrió en mayo. Hoy abre.", "It opened in May and opens today.") == [
        frozenset({0, 1})
    ]
    split = counterparts("Abrió en mayo y hoy abre a las nueve.", "It opened in May. Today it opens at nine.")
    assert split == [frozenset({0}), frozenset({0})]


def _shifts(source: str, target: str) -> list[tuple[str, str, str]]:
    found = lexicons("es", "en")
    assert found is not None
    forward, backward = found
    words = forward.words([source])[source], backward.words([target])[target]
    return [(s.target.text, s.target_time, s.source_time) for s in shifts(*words, forward, backward)]


def test_the_present_progressive_speaks_of_an_arranged_future_too() -> None:
    assert _shifts("El presidente abrirá el puente.", "The president is opening the bridge.") == []
    assert _shifts("El presidente abre el puente.", "The president is opening the bridge.") == []
    assert _shifts("El presidente abrió el puente.", "The president is opening the bridge.") == [
        ("opening", PRESENT_PROGRESSIVE, PAST)
    ]
