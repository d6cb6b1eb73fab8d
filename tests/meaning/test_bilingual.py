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


def _pair_installed(mode: str) -> bool:
    from transaudit.backtranslation.apertium import installed_modes

    return mode in installed_modes()


@pytest.mark.skipif(not _pair_installed("es-pt"), reason="needs Apertium's es-pt pair")
def test_an_older_pair_whose_dictionary_is_an_argument_of_transfer_has_a_lexicon() -> None:
    """apertium-es-pt's mode passes ``es-pt.autobil.bin`` to apertium-transfer (no ``lt-proc -b``
    stage, unlike eng-spa): its dictionary is found all the same (was: None, TA522/TA523 off)."""
    for lang, other, article in (("es", "pt", "el"), ("pt", "es", "o")):
        found = lexicon(lang, other)
        assert found is not None, (lang, other)
        words = found.words([f"{article} turismo lento"])[f"{article} turismo lento"]
        assert [found.translations(word) for word in words][1:] == [{"turismo"}, {"lento"}]


def test_a_multiword_with_an_inflected_head_is_translated() -> None:
    # The analyser writes the tail after the tags; the dictionary wants it before them.
    forward = lexicon("es", "en")
    if forward is None:
        pytest.skip("needs Apertium's eng-spa pair")
    found = forward.translate(["rueda<n><f><sg># de prensa", "llevar<vblex><ifi><p3><sg># a cabo", "#<sym>"])
    assert found["rueda<n><f><sg># de prensa"] == {"press conference"}
    assert found["llevar<vblex><ifi><p3><sg># a cabo"] == {"carry out"}
    assert found["#<sym>"] == frozenset()
    backward = lexicon("en", "es")
    assert backward is not None
    assert "participar" in backward.translate(["take<vblex><past># part"])["take<vblex><past># part"]


@pytest.mark.skipif(lexicon("es", "ca") is None, reason="needs Apertium's spa-cat pair")
def test_a_multiword_with_an_inflected_head_in_another_pair() -> None:
    lex = lexicon("es", "ca")
    assert lex is not None
    text = "Llevaron a cabo el plan y la reunión tuvo lugar ayer."
    multi = [r for w in lex.words([text])[text] for r in w.readings if "#" in r]
    assert len(multi) == 2
    found = lex.translate(multi)
    assert {t for r in multi for t in found[r]} == {"dur a terme", "tenir lloc"}


@pytest.mark.skipif(lexicon("fr", "es") is None, reason="needs Apertium's fr-es pair")
def test_a_french_multiword_with_an_inflected_head_is_translated() -> None:
    lex = lexicon("fr", "es")
    assert lex is not None
    text = "Ils ont mis en oeuvre le plan."
    multi = [r for w in lex.words([text])[text] for r in w.readings if "#" in r]
    assert multi
    assert all(found == {"poner en marcha"} for found in lex.translate(multi).values())


def test_words_not_kept_when_asked_and_long_requests_still_answered() -> None:
    lex = lexicon("es", "en")
    assert lex is not None
    text = "Un texto que nadie más analiza: Kowalczyk llegó."
    found = lex.words([text], keep=False)[text]
    assert [w.text for w in found][:3] == ["Un", "texto", "que"]
    assert text not in lex._words  # a default check's analyses do not grow the memo
    long_text = " ".join(["El aumento de precios."] * 400)  # over INLINE_REQUEST: written by a thread
    assert len(lex.words([long_text], keep=False)[long_text]) == 5 * 400
