"""Name-spelling checks (TA320, TA321) beyond their cases in cases/names.toml."""

from __future__ import annotations

import pytest

from transaudit.checks import get_check
from transaudit.model import Category


def test_locale_category() -> None:
    assert get_check("TA320").category == Category.LOCALE_NAME
    assert get_check("TA321").category == Category.LOCALE_NAME


class _Everything(frozenset[str]):
    """A word set that meets every other: the exonym scan is never skipped."""

    def __and__(self, other: object) -> frozenset[str]:
        return frozenset({"*"})


def test_skipping_the_exonym_scan_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text without any exonym's first word gets the findings of the full scan, and one with
    such a word (at a sentence start, after an elision, inside a longer name) is scanned."""
    from transaudit.analysis import name_spelling
    from transaudit.checks import names

    texts: list[tuple[str, str, str, str]] = []
    for source_lang, target_lang, frame in (
        ("es", "en", "Yesterday we saw {} and Dushanbé with friends."),
        ("en", "es", "Ayer visitamos {}, y l'{} también. {} creció."),
        ("fr", "en", "In {} and d'{}, the Mirziyóyev visit."),
    ):
        exonyms = sorted(name_spelling.spelling_index(source_lang, target_lang)["exonyms"])
        for name in exonyms[::7]:
            texts.append((source_lang, target_lang, frame.format(name, name, name), "Fuente sin nombres."))
        texts.append((source_lang, target_lang, frame.format("nada", "nada", "Nada"), "Source."))
    fast = []
    for case in texts:
        names.known_misspellings.cache_clear()
        fast.append(names.known_misspellings(*case))
    monkeypatch.setattr(names, "_exonym_openers", lambda source_lang, target_lang: _Everything())
    for case, found in zip(texts, fast, strict=True):
        names.known_misspellings.cache_clear()
        assert names.known_misspellings(*case) == found, case
    assert sum(1 for found in fast if any(reason == "exonym" for _, _, reason, _ in found)) > 20
