"""Untranslated-text checks (TA210-TA212): cases as data in cases/untranslated.json."""

from __future__ import annotations

from casetable import CaseTable

from transaudit.checks.untranslated import source_only, vocabulary

CODES = ("TA210", "TA211", "TA212")
TABLE = CaseTable("untranslated.json", CODES)


@TABLE.parametrize()
def test_case(case: dict) -> None:
    TABLE.check(case)


def test_vocabulary_has_number_words_and_shared_words_are_not_source_only() -> None:
    assert "cinco" in vocabulary("es")
    assert "hospital" not in source_only("es", "en")
    assert "the" in source_only("en", "es")


def test_every_vocabulary_file_loads() -> None:
    for lang in ("en", "es", "fr", "de", "pt", "it"):
        assert len(vocabulary(lang)) > 250, lang
