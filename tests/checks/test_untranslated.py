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
