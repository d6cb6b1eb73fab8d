"""Tokenization: elided articles split only for languages that list them."""

from __future__ import annotations

import pytest

from transaudit.analysis.gazetteer import gazetteer
from transaudit.analysis.tokens import TOKEN_RE, tokenize, words_of
from transaudit.analysis.trie import split_surface

FR_ELISIONS = ("l'", "d'", "qu'")

SAMPLES = [
    "Iran's president met the Central Asian country's leaders in O'Hare and Côte d'Ivoire.",
    "L'Iran et l'Arménie, d’Asie centrale; rock'n'roll, US-backed, Moscow-Beijing.",
    "El país centroasiático firmó con l'Hospitalet y D'Alessandro.",
    "",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_without_elisions_tokens_are_the_regex_words(text: str) -> None:
    """English and Spanish (no elisions in their grammar) tokenize exactly as before."""
    expected = tuple((m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text))
    assert tokenize(text) == expected
    assert words_of(text) == frozenset(TOKEN_RE.findall(text))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_english_and_spanish_have_no_elisions(lang: str) -> None:
    assert gazetteer(lang).elisions == ()


def test_elided_article_is_split_with_offsets() -> None:
    text = "L'Iran, pays d’Asie centrale? Qu'importe."
    tokens = tokenize(text, FR_ELISIONS)
    assert [w for _, _, w in tokens] == ["L'", "Iran", "pays", "d'", "Asie", "centrale", "Qu'", "importe"]
    start, end, _ = tokens[4]
    assert text[start:end] == "Asie"
    # A typographic apostrophe keeps its offset; the word is written with a straight one.
    start, end, word = tokens[3]
    assert text[start:end] == "d’" and word == "d'"


def test_elision_needs_a_following_word_and_a_listed_prefix() -> None:
    assert [w for _, _, w in tokenize("aujourd'hui l' s'il", FR_ELISIONS)] == ["aujourd'hui", "l", "s'il"]


def test_phrases_split_like_text() -> None:
    assert split_surface("d'Europe de l’Est", FR_ELISIONS) == (
        ("d'", "Europe", "de", "l'", "Est"),
        ("", " ", " ", ""),
    )


def test_french_names_behind_elisions() -> None:
    gaz = gazetteer("fr")
    text = "L'Iran cherche de nouvelles routes. Le pays d'Asie centrale et l’émirat ont signé."
    assert [(m.text, m.country) for m in gaz.mentions(text)] == [("Iran", "IR")]
    [central, emirate] = gaz.descriptors(text)
    assert central.text == "pays d'Asie centrale" and central.groups == ("central_asia",)
    assert "IR" not in central.fits and "UZ" in central.fits
    assert emirate.text == "émirat" and text[emirate.start : emirate.end] == "émirat"


def test_french_adjectives_inflect() -> None:
    gaz = gazetteer("fr")
    [d] = gaz.descriptors("La république caucasienne a voté.")
    assert d.groups == ("caucasus",)
    [d] = gaz.descriptors("Les pays iraniens")
    assert d.fits == frozenset({"IR"})


def test_generated_french_regions_are_babels_names() -> None:
    """iso-fr.toml's region descriptors are CLDR's M49 names ("d'" + name), as Babel has them now."""
    from babel import Locale

    from transaudit import data

    territories = Locale("fr").territories
    generated = data.load("gazetteer", "iso-fr")["descriptors"]
    assert generated["d'Asie centrale"] == ["central_asia"] and territories["143"] == "Asie centrale"
    names = {name.replace("’", "'") for name in territories.values()}
    for phrase in generated:
        assert phrase.removeprefix("d'").removeprefix("des ").removeprefix("de ") in names
