"""A chunk of articles back-translated in one Apertium call: each article's report unchanged."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from transaudit.backtranslation.apertium import ApertiumBackend, installed_modes
from transaudit.backtranslation.run import prefetch
from transaudit.distributed import _prefetch
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.report.json_report import render_json
from transaudit.settings import Settings

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not on PATH"),
]

TARGETS = [
    ["El Gobierno aprobó ayer la ley de vivienda.", "La ministra Ana Ruiz habló en Valladolid."],
    # a blank line inside a target (the separator Apertium sees between units), a word it
    # does not know, and a unit another article has too
    ["Primera línea del párrafo.\n\nSegunda línea, con Zrbnikovska.",
     "La ministra Ana Ruiz habló en Valladolid."],
    ["", "Los sindicatos consideran insuficiente la cifra: 20.000 pisos."],
    ["Sí.", "¿Vendrá?"],
]


def _articles(
    source_lang: str = "en", target_lang: str = "es", targets: list[list[str]] = TARGETS
) -> list[Article]:
    return [
        Article(f"a{n}", source_lang, target_lang,
                [Segment(f"p{k}", f"Source paragraph {k} of article {n}.", text, line=k + 1)
                 for k, text in enumerate(texts)], f"a{n}")
        for n, texts in enumerate(targets)
    ]


def _reports(articles: list[Article], settings: Settings, chunked: bool) -> list[str]:
    engine = Engine(settings)
    prefetched = prefetch(articles, settings) if chunked else None
    return [render_json(audit_article(article, settings, engine, prefetched)) for article in articles]


def _counting(monkeypatch: pytest.MonkeyPatch, fail_over: int | None = None) -> list[int]:
    """Count Apertium calls (units per call); optionally fail calls of more units than that."""
    calls: list[int] = []
    real = ApertiumBackend._run

    def run(self: ApertiumBackend, mode: str, payload: str) -> str:
        units = payload.count("\n\n") + 1
        calls.append(units)
        if fail_over is not None and units > fail_over:
            from transaudit.backtranslation.base import BackendError

            raise BackendError("apertium failed: planted")
        return real(self, mode, payload)

    monkeypatch.setattr(ApertiumBackend, "_run", run)
    return calls


def test_one_call_for_the_chunk_and_the_same_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.from_keys(backend="apertium", no_cache=True, timestamp="2026-01-01T00:00:00Z")
    articles = _articles()
    calls = _counting(monkeypatch)
    alone = _reports(articles, settings, chunked=False)
    assert len(calls) == 4  # one per article
    calls.clear()
    chunked = _reports(articles, settings, chunked=True)
    assert len(calls) == 1  # the whole chunk
    assert chunked == alone


@pytest.mark.slow
def test_cached_units_are_not_translated_again_and_reports_match(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With a cache, each article still counts (and caches) its units as new."""
    articles = _articles()
    reports = []
    for chunked in (False, True):
        cache = tmp_path / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        settings = Settings.from_keys(backend="apertium", cache_dir=str(cache),
                                      timestamp="2026-01-01T00:00:00Z")
        reports.append(_reports(articles, settings, chunked))
    assert reports[0] == reports[1]
    calls = _counting(monkeypatch)
    assert prefetch(articles, settings) == {}  # all cached by now
    assert calls == []


@pytest.mark.slow
def test_a_failed_chunk_leaves_each_article_to_call_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.from_keys(backend="apertium", no_cache=True, timestamp="2026-01-01T00:00:00Z")
    articles = _articles()
    alone = _reports(articles, settings, chunked=False)
    calls = _counting(monkeypatch, fail_over=4)  # the chunk's call fails, each article's succeeds
    assert _reports(articles, settings, chunked=True) == alone
    assert calls[0] > 4 and len(calls) > 1


@pytest.mark.slow
@pytest.mark.skipif(any(mode not in installed_modes() for mode in ("fr-es", "spa-eng")),
                    reason="apertium modes fr-es and spa-eng needed")
def test_a_route_through_a_pivot(monkeypatch: pytest.MonkeyPatch) -> None:
    """fr→en through Spanish: both steps once for the chunk, the same reports."""
    settings = Settings.from_keys(backend="apertium", no_cache=True, timestamp="2026-01-01T00:00:00Z")
    targets = [["Le gouvernement a approuvé la loi hier soir."], ["Les problèmes de Grenoble.", "Oui."]]
    articles = _articles("en", "fr", targets)
    alone = _reports(articles, settings, chunked=False)
    calls = _counting(monkeypatch)
    assert _reports(articles, settings, chunked=True) == alone
    assert len(calls) == 2


def test_the_cluster_chunk_prefetches_only_when_it_can_help(caplog: pytest.LogCaptureFixture) -> None:
    articles = _articles()
    assert _prefetch(articles[:1], Settings.from_keys(backend="apertium", no_cache=True)) is None
    assert _prefetch(articles, Settings.from_keys(backend="none")) is None
    broken = [*articles, "not an article"]
    settings = Settings.from_keys(backend="apertium", no_cache=True)
    with caplog.at_level(logging.WARNING, logger="transaudit.distributed"):
        assert _prefetch(broken, settings) is None  # type: ignore[arg-type]
    assert "chunk prefetch failed" in caplog.text  # a broken prefetch is not silent
