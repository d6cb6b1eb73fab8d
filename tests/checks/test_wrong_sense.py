"""TA516 wrong-sense: the finding's span, message and suggestion; off by default."""

from __future__ import annotations

import pytest

from transaudit.engine import Engine
from transaudit.meaning import encoder
from transaudit.meaning.substitution import available
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.settings import Settings

pytestmark = pytest.mark.skipif(
    not available("es", "en") or not encoder.available(),
    reason="needs Apertium eng-spa, WordNet, the encoder",
)


@pytest.fixture(autouse=True)
def _vector_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "meaning-cache"))


def _issues(source: str, target: str) -> list[tuple[str, str, str | None]]:
    settings = Settings.from_keys(backend="none", select="TA516")
    article = Article("t", "es", "en", [Segment("1", source, target)])
    report = audit_article(article, settings, Engine(settings))
    return [(i.text, i.message, i.suggestion) for i in report.issues]


def test_the_target_noun_is_highlighted_with_the_source_noun_and_its_dictionary_sense() -> None:
    [(text, message, suggestion)] = _issues(
        "El otro sufrió el destierro obligado debido a su ideología.",
        "The other suffered the compulsory fire due to his ideology.",
    )
    assert text == "fire"
    assert "'destierro'" in message and "'banishment'" in message
    assert suggestion == "banishment"


def test_a_faithful_translation_is_silent() -> None:
    assert (
        _issues(
            "El otro sufrió el destierro obligado debido a su ideología.",
            "The other suffered forced exile because of his ideology.",
        )
        == []
    )


def test_off_by_default() -> None:
    assert "TA516" not in {c.code for c in Engine(Settings.from_keys(backend="none")).checks}
