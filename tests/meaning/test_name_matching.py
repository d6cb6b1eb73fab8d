"""Name matching (transaudit.meaning.names)."""

from __future__ import annotations

import random
import re
import sys

from transaudit.analysis.text import WORD_RE
from transaudit.meaning.names import _word_char, _written_as_word, mangled_names


def test_a_near_miss_is_reported_with_both_spellings() -> None:
    found = mangled_names(
        "El dirigente Wilfredo Choque Apaza habló ayer.",
        "The leader Wilfredo Choque Apasa spoke yesterday.",
        "es",
        "en",
    )
    assert [(m.source.text, m.target.text) for m in found] == [("Apaza", "Apasa")]


def test_transliteration_and_exonyms_are_not_misspellings() -> None:
    assert (
        mangled_names(
            "Según Nikita Jruschov, falló.", "According to Nikita Khrushchev, it failed.", "es", "en"
        )
        == ()
    )
    assert (
        mangled_names(
            "Según Mijaíl Gorbachov, falló.", "According to Mikhail Gorbachev, it failed.", "es", "en"
        )
        == ()
    )


def test_a_hyphen_more_or_less_is_the_same_spelling() -> None:
    assert mangled_names(
        "It turns out even iMessage over WiFi does not work for Greggs staff.",
        "Resulta que ni iMessage por Wi-Fi funciona para el personal de Greggs.",
        "en",
        "es",
    ) == ()


def test_exonyms_the_target_language_uses_are_not_misspellings() -> None:
    # Spanish texts still write "Sydney" more often than "Sídney", but "Sídney" is a
    # Spanish spelling (used in Spanish, unused in English), not a slip.
    for source, target in (
        ("The conference in Sydney ended.", "La conferencia en Sídney terminó."),
        ("The Dresden orchestra played.", "La orquesta de Dresde tocó."),
        ("Last year in Munich, it rained.", "El año pasado en Múnich, llovió."),
    ):
        assert mangled_names(source, target, "en", "es") == (), target


def test_a_near_miss_that_is_a_common_word_is_still_mangled() -> None:
    found = mangled_names(
        "Es como el que ganó al Dream Team en los Juegos de 2004.",
        "It is like the one that beat the Dreamy Team in the 2004 Games.",
        "es",
        "en",
    )
    assert [(m.source.text, m.target.text) for m in found] == [("Dream", "Dreamy")]


def test_demonyms_and_place_adjectives_are_not_names() -> None:
    from transaudit.meaning.bilingual import lexicon
    from transaudit.meaning.names import proper_adjective

    assert proper_adjective("Polish", "en", "es")  # the gazetteer's demonym of Poland
    if lexicon("en", "es") is not None:  # Apertium's analyser files these as adjectives
        assert proper_adjective("Asturian", "en", "es")
        assert proper_adjective("Andalusians", "en", "es")  # plural noun of an adjective
        assert proper_adjective("Canarian", "en", "fr")  # no eng-fra pair: another English analyser
    for name in ("Kenneth", "Novak", "Tesla"):  # proper noun, unknown, common noun only
        assert not proper_adjective(name, "en", "es"), name


def test_a_word_written_in_the_target_is_found_as_the_word_pattern_reads_it() -> None:
    """The shortcut that settles a kept name answers as the target's words (WORD_RE) do."""
    pattern = re.compile(r"\w")
    codes = [*range(0x3000), *range(0xFF00, 0xFFF0), 0x4E2D, 0x1D7CE, 0x10400, 0x1F600, sys.maxunicode]
    for ch in map(chr, codes):
        assert _word_char(ch) == (pattern.match(ch) is not None), hex(ord(ch))
    texts = [
        "Smith-Jones met O’Brien’s aide, d'Smith and Smith_2; -Smith; Smith-; Smith's; Smiths",
        "Anne-Marie’s, Marie’Claire ’Marie Marie’ MARIE Marie2 2Marie Marie-", "", "Smith",
    ]
    rng = random.Random(16)
    pieces = ["Smith", "O’Brien", "Marie", "s", "x", "2", "_", "-", "'", "’", " ", ".", "é"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(12))) for _ in range(2000)]
    for text in texts:
        words = set(WORD_RE.findall(text))
        for word in ("Smith", "O’Brien", "Marie", "Marie’Claire", "Jones"):
            assert _written_as_word(word, text) == (word in words), (word, text)
