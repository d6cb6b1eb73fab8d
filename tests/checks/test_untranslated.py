"""Untranslated-text checks (TA210-TA212) beyond their cases in cases/untranslated.toml."""

from __future__ import annotations

from transaudit.checks.untranslated import source_only, vocabulary


def test_vocabulary_has_number_words_and_shared_words_are_not_source_only() -> None:
    assert "cinco" in vocabulary("es")
    assert "hospital" not in source_only("es", "en")
    assert "the" in source_only("en", "es")


def test_every_vocabulary_file_loads() -> None:
    for lang in ("en", "es", "fr", "de", "pt", "it"):
        assert len(vocabulary(lang)) > 250, lang
