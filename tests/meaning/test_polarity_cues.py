"""Negation cues (transaudit.meaning.polarity): data for every language the issue names."""

from __future__ import annotations

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
