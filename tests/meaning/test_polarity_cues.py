"""Negation cues (transaudit.meaning.polarity): data for every language the issue names."""

from __future__ import annotations

import pytest

from transaudit.meaning.polarity import lexical_negations, negations, supported


def test_cue_data_for_the_issue_languages() -> None:
    for lang in ("en", "es", "fr", "de", "pt", "it", "ca"):
        assert supported(lang), lang
    assert not supported("xx")


def test_cues_with_offsets_and_fixed_phrases() -> None:
    text = "No obstante, no lo sabía."
    assert [(t.start, t.text) for t in negations(text, "es")] == [(13, "no")]
    assert [t.text for t in negations("They don't know, not only him.", "en")] == ["don't"]
    assert negations("Dock No. 4 is open.", "en") == ()


def test_lexical_negation_needs_a_common_stem() -> None:
    assert [t.text for t in lexical_negations("They were unable to vote.", "en")] == ["unable"]
    assert lexical_negations("An important vote.", "en") == ()


def test_the_negative_preposition_is_not_a_clause_negation() -> None:
    from transaudit.meaning.polarity import clausal

    cues = negations("Viajó sin billete y no pagó.", "es")
    assert [t.text for t in clausal(cues, "es")] == ["no"]
    assert clausal(negations("He left without a word.", "en"), "en") == ()


def test_a_dropped_negation_is_marked_on_the_target_verb_too() -> None:
    """The editor who does not read the source sees the verb that lost its negation."""
    from transaudit.engine import Engine
    from transaudit.model import Article, Segment
    from transaudit.settings import Settings

    target = "The fleet is old and the fare will change during the trial."
    source = "La flota es vieja y el pasaje no cambiará durante la prueba."
    article = Article("p", "es", "en", [Segment("p1", source, target)])
    run = Engine(Settings.from_keys(select="TA510", backend="none")).run(article)
    [issue] = run.issues
    assert issue.text == "no" and issue.counterpart_text == "change"
    assert target[issue.counterpart[0]:issue.counterpart[1]] == "change"


def test_negated_verbs_count_negative_concord_once() -> None:
    from transaudit.meaning.bilingual import lexicon
    from transaudit.meaning.polarity import clausal, negated_verbs

    lex = lexicon("es", "en")
    if lex is None:
        pytest.skip("needs Apertium's eng-spa pair")
    text = "No vio nada, pero no dijo nunca la verdad."
    words = lex.words([text])[text]
    found = negated_verbs(words, clausal(negations(text, "es"), "es"))
    assert [(cue.text, words[verb].text if verb is not None else None) for cue, verb in found] == [
        ("No", "vio"),
        ("no", "dijo"),
    ]


def test_unmatched_negations_name_the_excess_verb_only() -> None:
    from transaudit.meaning.polarity import unmatched_negations

    found = unmatched_negations(
        "Ellos no coincidieron, pero sí en el sostenimiento de sus ideas.",
        "They did not coincide, but did not sustain their ideas.",
        "es",
        "en",
    )
    if found is None:
        pytest.skip("needs Apertium's eng-spa pair")
    dropped, added = found
    assert dropped == [] and [(u.cue.text, u.verb.text) for u in added] == [("not", "sustain")]
    same = unmatched_negations("No vino.", "He did not come.", "es", "en")
    assert same == ([], [])
