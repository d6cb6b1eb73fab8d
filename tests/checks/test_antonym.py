"""TA511 antonym: the finding's span and message, both directions."""

from __future__ import annotations

import pytest

from transaudit.engine import Engine
from transaudit.meaning.opposites import available
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.settings import Settings

pytestmark = pytest.mark.skipif(not available("es", "en"), reason="needs Apertium eng-spa and WordNet")


def _issues(source: str, target: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    settings = Settings.from_keys(backend="none", select="TA511")
    article = Article("t", source_lang, target_lang, [Segment("1", source, target)])
    report = audit_article(article, settings, Engine(settings))
    return [(i.text, i.message) for i in report.issues]


def test_the_target_word_is_highlighted_in_an_english_target() -> None:
    [(text, message)] = _issues(
        "El aumento salarial llegó tarde.", "The wage decrease came late.", "es", "en"
    )
    assert text == "decrease" and "'aumento'" in message and "antonym" in message


def test_the_target_word_is_highlighted_in_a_spanish_target() -> None:
    [(text, message)] = _issues(
        "The wage increase came late.", "La disminución salarial llegó tarde.", "en", "es"
    )
    assert text == "disminución" and "'increase'" in message


def test_off_by_default() -> None:
    assert "TA511" not in {c.code for c in Engine(Settings.from_keys(backend="none")).checks}


def test_a_side_over_the_meaning_checks_bound_is_not_judged() -> None:
    """Word pairing is quadratic: a side over 5,000 characters is left alone, as for TA516."""
    source = "El aumento salarial llegó tarde. " + "La reunión siguió sin novedad. " * 170
    target = "The wage decrease came late. " + "The meeting went on without news. " * 170
    assert len(target) > 5_000
    assert _issues(source, target, "es", "en") == []
    assert _issues("El aumento salarial llegó tarde.", "The wage decrease came late.", "es", "en")
