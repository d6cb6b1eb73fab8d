"""Untranslated-text checks (TA210-TA212) beyond their cases in cases/untranslated.toml."""

from __future__ import annotations

from transaudit.checks.untranslated import leftover_strength, source_only, target_words


def test_words_common_in_both_languages_are_never_source_only() -> None:
    assert "hospital" not in source_only("es", "en")
    assert "no" not in source_only("es", "en")
    assert "the" in source_only("en", "es")
    assert "de" in source_only("es", "en")
    assert "hospital" in target_words("en")


def test_leftover_evidence_is_graded_and_needs_a_rare_target_word() -> None:
    assert leftover_strength("investigadores", "es", "en") > leftover_strength("alma", "es", "en")
    assert leftover_strength("km", "es", "en") == 0.0  # a unit of both languages
    assert leftover_strength("table", "en", "fr") == 0.0  # a French word too
    assert leftover_strength("important", "en", "fr") == 0.0


def test_every_language_with_wordfreq_data_has_target_words() -> None:
    for lang in ("en", "es", "fr", "de", "pt", "it", "ca"):
        assert len(target_words(lang)) > 2_000, lang


def test_a_word_the_target_dictionary_accepts_is_a_target_word() -> None:
    # Catalan homographs of Spanish words: "nada" (swims), "uso" and "aplico" (I use, I apply).
    for word in ("nada", "uso", "aplico"):
        assert leftover_strength(word, "es", "ca") == 0.0, word
    assert leftover_strength("materiales", "es", "ca") > 0.0  # Catalan: materials


def test_spanish_words_common_in_catalan_web_text_are_still_spanish() -> None:
    # wordfreq's Catalan data quotes Spanish: "los" is Zipf 5.6 there, yet no Catalan
    # dictionary accepts it; "els" is the Catalan article.
    assert leftover_strength("los", "es", "ca") > 0.0
    assert leftover_strength("pero", "es", "ca") > 0.0
    assert leftover_strength("els", "es", "ca") == 0.0


def test_without_target_word_frequencies_only_dictionaries_decide() -> None:
    # wordfreq has no Galician: a word both dictionaries know is no leftover.
    assert leftover_strength("que", "es", "gl") == 0.0
    assert leftover_strength("vida", "es", "gl") == 0.0
