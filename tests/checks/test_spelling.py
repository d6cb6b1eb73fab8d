"""Spelling (TA140) beyond its cases in cases/spelling.toml: varieties and missing dictionaries."""

from __future__ import annotations

from transaudit.analysis import spelling
from transaudit.checks.spelling import _starts_a_sentence_somewhere, missing_dictionary_notice
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings


def test_main_varieties_are_accepted_together() -> None:
    english = spelling.speller("en")
    assert english is not None
    assert {"en_US", "en_GB"} <= set(english.served)
    assert english.check("colour") and english.check("color")
    portuguese = spelling.speller("pt")
    assert portuguese is not None and {"pt_PT", "pt_BR"} <= set(portuguese.served)
    spanish = spelling.speller("es")
    assert spanish is not None and "es_ES" in spanish.served and "es_MX" in spanish.served


def test_a_dictionary_file_is_opened_once() -> None:
    """Debian links es_MX, es_AR, … to es_ES's files: one dictionary serves them all."""
    spanish = spelling.speller("es")
    assert spanish is not None
    main_file = spelling.dictionary_file("es_ES")
    linked = [tag for tag in spanish.served if spelling.dictionary_file(tag) == main_file]
    assert len(linked) > 1  # hunspell-es installs the links
    assert "es_ES" in spanish.tags and not set(linked) - {"es_ES"} & set(spanish.tags)
    assert spanish.check("ordenador") and spanish.check("computadora")
    english = spelling.speller("en")
    assert english is not None and {"en_US", "en_GB"} <= set(english.tags)  # distinct files


def test_configured_varieties_narrow_the_dictionaries() -> None:
    american = spelling.speller("en", ["en_US"])
    assert american is not None and not american.check("colour")


def test_a_missing_dictionary_is_a_notice_and_the_check_is_silent() -> None:
    assert spelling.speller("xx") is None
    assert spelling.speller("en", ["en_ZZ"]) is None
    notice = missing_dictionary_notice("xx")
    assert notice is not None and "hunspell-xx" in notice and "TA140" in notice
    assert missing_dictionary_notice("en") is None
    engine = Engine(Settings.from_keys(select="TA140", backend="none"))
    run = engine.run(Article("a", "en", "xx", [Segment("s1", "The storm came.", "Teh storrm cmae.")]))
    assert not run.errors and not run.issues
    configured = Engine(
        Settings.from_keys(select="TA140", backend="none", spelling={"varieties": ["en_ZZ"]})
    )
    run = configured.run(Article("a", "es", "en", [Segment("s1", "Llegó la tormenta.", "The storm camr.")]))
    assert not run.errors and not run.issues


def test_a_misspelt_configured_variety_is_a_notice_not_silence() -> None:
    """``varieties = ["en_UK"]`` (no such dictionary) used to switch spelling off without a word."""
    notice = missing_dictionary_notice("en", ["en_UK"])
    assert notice is not None and "en_UK" in notice and "en_GB" in notice and "TA140" in notice
    assert missing_dictionary_notice("en", ["en_GB"]) is None


def test_configured_varieties_of_another_language_leave_the_target_alone() -> None:
    """An ``en_GB`` setting must not spell-check a Spanish target with an English dictionary."""
    assert missing_dictionary_notice("es", ["en_GB"]) is None
    engine = Engine(Settings.from_keys(select="TA140", backend="none", spelling={"varieties": ["en_GB"]}))
    run = engine.run(Article("a", "en", "es", [Segment("s1", "The house is big.", "La cassa es grande.")]))
    assert [issue.text for issue in run.issues] == ["cassa"]


def test_a_capitalised_word_is_judged_where_it_opens_a_sentence() -> None:
    """The sift before judging a capitalised word reads words as the word pattern does."""
    text = "Lo dijo Befor. Befor de todo, d'Alembert y Alembert."
    assert _starts_a_sentence_somewhere(text, "Befor")  # the second one opens a sentence
    assert not _starts_a_sentence_somewhere("Lo dijo Befor ayer.", "Befor")  # a name inside a sentence
    assert not _starts_a_sentence_somewhere("Ya. d'Alembert vino.", "Alembert")  # part of "d'Alembert"
    assert not _starts_a_sentence_somewhere("Ya. SuperBefor vino.", "Befor")  # inside a longer word
    assert not _starts_a_sentence_somewhere("Ya. Beforx vino.", "Befor")  # a longer word
    assert _starts_a_sentence_somewhere("Befor todo.", "Befor")


def test_the_judge_gives_the_verdict_of_its_tests_in_any_order() -> None:
    """The neighbour search runs before the prefix and source-language tests (cheaper on
    average); every test only rules a word out, so the verdict is the old order's."""
    from transaudit.checks import spelling as ta140

    speller = spelling.speller("es")
    if speller is None or spelling.speller("en") is None:
        return  # no Spanish or English dictionary here: nothing to compare
    judge = ta140.TypoJudge("en", "es", speller)

    def in_documented_order(word: str) -> str | None:
        key = word.casefold()
        if ta140._ELONGATED_RE.search(key):
            return None
        if word[0].isupper():
            if word.isupper() or any(ch.isupper() for ch in word[1:]):
                return None
        elif any(ch.isupper() for ch in word):
            return None
        if judge._source_usual.get(key, 0.0) >= ta140.SOURCE_WORD_ZIPF or judge._english.get(key, 0.0) >= 4:
            return None
        if speller.check(word) or (word[0].isupper() and speller.check(key)):
            return None
        if spelling.prefixed(key, speller):
            return None
        english = spelling.speller("en")
        if english is not None and (english.check(word) or english.check(key)):
            return None
        return ta140._correction(word, speller, judge.table, "es")

    words = [
        "becuase", "necesiad", "Necesiad", "hecer", "tarbajo", "importnte", "inxoidable", "paracen",
        "destructuring", "cogestión", "reubicaciones", "streaming", "thier", "recieve", "Tooodo",
        "angiotensin", "principito", "miríada", "tensionados", "eBay", "NASA", "iPhone", "trabajo",
        "ecomonía", "goberno", "Goberno", "presidnete", "cuidad", "aeropuesto", "xyzzy", "Kowalczyk",
    ]  # fmt: skip
    for word in words:
        assert judge._judge(word, word.casefold()) == in_documented_order(word), word
    assert any(in_documented_order(word) is not None for word in words)  # some are slips


def test_a_contraction_clitic_written_apart_is_no_misspelling() -> None:
    """English "n't" split from its verb by a bracket or a space (a Treebank tokeniser's output)
    joins the word before it into one the dictionary knows: "does(n't)" is "doesn't"."""
    from transaudit.checks.spelling import misspellings

    english = spelling.speller("en")
    assert english is not None
    for target in ("The man does(n't) know it.", "The man does n't know it, and ca n't say.",
                   "She did[n’t] care.", "They would (n't) go."):
        assert list(misspellings("El hombre no lo sabe.", target, "es", "en", english, frozenset())) == []
    # only a piece with the contraction's apostrophe, and only when the join is a word
    assert [w for _, _, w, _ in misspellings("No lo sabe.", "The man dos(n't) know it.", "es", "en",
                                             english, frozenset())] == ["n't"]
    assert [w for _, _, w, _ in misspellings("Lo sabe.", "The man knows it becuase (yes).", "es", "en",
                                             english, frozenset())] == ["becuase"]


def test_settled_words_never_hide_a_slip_elsewhere() -> None:
    """Words the judge settles are skipped at C speed; a name left unjudged inside a sentence
    is still judged where it opens one, and a slip is reported in every segment that has it."""
    from transaudit.checks import spelling as ta140

    speller = spelling.speller("es")
    if speller is None:
        return  # no Spanish dictionary here
    texts = [
        "Lo dijo Goberno ayer en la cuidad.",  # a capitalised word inside a sentence: not judged here
        "Goberno habló. Le dijo al presidnete que no.",  # now it opens a sentence
        "El presidnete y el Goberno.",  # the slip again, the name inside a sentence again
        "Es un día de sol en la casa de su madre.",
    ]
    judge = ta140.typo_judge("en", "es", speller)
    before = set(judge.settled)
    found = [
        [(w, c) for _, _, w, c in ta140.misspellings("The house.", t, "en", "es", speller, frozenset())]
        for t in texts
    ]
    assert ("presidnete", "presidente") in found[1] and ("presidnete", "presidente") in found[2]
    assert "presidnete" not in judge.settled  # a slip is looked at in every segment
    assert "casa" not in judge.settled - before  # a common word is never looked at
    assert found == [  # the same answers once the judge has settled the words
        [(w, c) for _, _, w, c in ta140.misspellings("The house.", t, "en", "es", speller, frozenset())]
        for t in texts
    ]
