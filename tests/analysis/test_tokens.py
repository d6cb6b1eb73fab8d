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


# -- the shared word view --------------------------------------------------------

#: Pieces random texts are made of: words of several scripts, digits, joiners
#: (apostrophes, the middle dot, hyphens), underscores, numeric signs, combining
#: marks and the characters whose case mapping is irregular.
_PIECES = [
    "casa", "Casa", "CASA", "l", "d", "s", "S", "col", "locar", "niño", "Straße", "ß", "ẞ", "İ", "i",
    "ΣΑΣ", "σας", "Σ", "ΐ", "ǰ", "ﬁ", "ǅ", "Москва", "東京", "दिल्ली", "مصر", "ı", "K", "ſ",
    "12", "3", "٣", "²", "½", "Ⅻ", "_", "x_y", "COVID19", "A319neo", "e\u0301", "\u0345",
    "'", "’", "·", "-", "–", " ", " ", " ", "  ", ", ", ". ", "\n", "(", ")", "\"", "#", "/", "@", "\u00a0",
]


def _random_texts(count: int, seed: int = 16) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_word_view_equals_each_regex_on_random_texts() -> None:
    """Every derived view is exactly its regex's answer (apostrophes, middle dots, digits, scripts)."""
    import re

    from transaudit.analysis.tokens import LETTER_RUN_RE, LETTER_WORD_RE, RUN_RE, WordView

    for text in [*_random_texts(4000), *SAMPLES, "col·locar d'el·lipsi", "km² x²y ½"]:
        view = WordView(text)
        assert view.runs == tuple(RUN_RE.findall(text)), text
        assert view.token_set == frozenset(TOKEN_RE.findall(text)), text
        assert view.letter_runs == frozenset(LETTER_RUN_RE.findall(text)), text
        assert view.letter_set == frozenset(LETTER_WORD_RE.findall(text)), text
        assert view.folded_letter_set == frozenset(LETTER_RUN_RE.findall(text.casefold())), text
        lowered = view.lowered
        if lowered is not None:  # equal lowered runs are what re.IGNORECASE calls equal
            runs = view.runs
            for i in range(len(runs) - 1):
                same = re.fullmatch(r"(\w+)\s\1", f"{runs[i]} {runs[i + 1]}", re.IGNORECASE) is not None
                assert same == (lowered[i] == lowered[i + 1]), (runs[i], runs[i + 1])


def test_irregular_case_texts_have_no_lowered_view() -> None:
    from transaudit.analysis.tokens import WordView

    assert WordView("ΣΑΣ σασ").lowered is None and WordView("İ i").lowered is None
    assert WordView("Casa casa").lowered == ("casa", "casa")


def test_unsafe_fold_characters_are_all_of_unicodes() -> None:
    """The characters listed as folding letters into non-letters (or back) are every such one."""
    import re

    from transaudit.analysis.tokens import UNSAFE_FOLD_RE

    letter = re.compile(r"[^\W\d_]")
    joiners = set("'’-·")
    for code in range(0x110000):
        char = chr(code)
        folded = char.casefold()
        if folded == char:
            continue
        is_letter = letter.match(char) is not None
        safe = (
            folded != ""
            and all((letter.match(c) is not None) == is_letter for c in folded)
            and not joiners & set(folded)
        )
        assert safe or UNSAFE_FOLD_RE.match(char), hex(code)


def test_str_lower_is_the_regex_engines_lowering_but_for_two_characters() -> None:
    """``re.IGNORECASE`` lowers one character at a time; ``str.lower`` differs only on "İ" and "Σ"."""
    import _sre  # type: ignore[import-not-found]

    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        if char.lower() != chr(_sre.unicode_tolower(code)):
            assert char == "\u0130", hex(code)
    assert "ΑΣ".lower() != "".join(chr(_sre.unicode_tolower(ord(c))) for c in "ΑΣ")  # final sigma


def test_words_of_is_the_shared_views_tokens() -> None:
    from transaudit.analysis.tokens import word_view

    text = "La casa de Siso's y col·legi 2024"
    assert words_of(text) == word_view(text).token_set == frozenset(TOKEN_RE.findall(text))
