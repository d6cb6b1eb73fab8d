"""Apertium's analyser and bilingual dictionary read through lt-proc (transaudit.meaning.bilingual)."""

from __future__ import annotations

import pytest

from transaudit.meaning.bilingual import lexicon

pytestmark = pytest.mark.skipif(lexicon("en", "es") is None, reason="needs Apertium's eng-spa pair")


def test_words_keep_their_offsets_with_reserved_characters_around() -> None:
    lex = lexicon("en", "es")
    assert lex is not None
    text = "The [wage] decrease / $5 ^ is much  slower."
    words = lex.words([text])[text]
    for word in words:
        assert text[word.start : word.end] == word.text
    slower = next(w for w in words if w.text == "slower")
    assert "slow" in slower.lemmas and slower.content
    assert "lento" in lex.translations(slower)
    the = next(w for w in words if w.text == "The")
    assert not the.content


def test_unknown_words_and_many_texts_in_one_batch() -> None:
    lex = lexicon("es", "en")
    assert lex is not None
    texts = [f"El aumento número {i} de Zyxwqk." for i in range(300)] + ["", "¿Qué?\nNada."]
    found = lex.words(texts)
    assert set(found) == set(texts)
    unknown = next(w for w in found[texts[0]] if w.text == "Zyxwqk")
    assert unknown.readings == () and unknown.lemmas == {"zyxwqk"}
    increase = next(w for w in found[texts[0]] if w.text == "aumento")
    assert "increase" in lex.translations(increase)
    assert found[""] == ()


def test_a_pair_apertium_lacks_has_no_lexicon() -> None:
    assert lexicon("xx", "yy") is None


def test_symbols_and_reserved_characters_never_stall_the_dictionary() -> None:
    lex = lexicon("en", "es")
    assert lex is not None
    text = "It costs $5 / ^ 3 < 4 > {x} @home #tag *star [a] \\ back."
    words = lex.words([text])[text]
    found = lex.translate(r for w in words for r in w.readings)
    assert found["$<mon>"] == frozenset()
    assert "casa" in found["home<n><sg>"]
