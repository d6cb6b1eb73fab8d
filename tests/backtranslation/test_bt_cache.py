"""The on-disk translation cache: hits, scoping, and never failing an audit."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from transaudit.backtranslation.cache import (
    FILENAME,
    CachedTranslation,
    CacheScope,
    TranslationCache,
    default_cache_dir,
)

SCOPE = CacheScope("apertium", "eng-spa", "Apertium 3.8.3; data 1", "en→es")


def test_round_trip_of_translations(tmp_path: Path) -> None:
    with TranslationCache(tmp_path) as cache:
        cache.put_many(SCOPE, {"The dog eats.": CachedTranslation("El perro come.", ["perro"])})
    with TranslationCache(tmp_path) as cache:
        found = cache.get_many(SCOPE, ["The dog eats.", "The cat sleeps."])
        assert found == {"The dog eats.": CachedTranslation("El perro come.", ["perro"])}
        assert cache.problem is None
    assert (tmp_path / FILENAME).is_file()


@pytest.mark.parametrize(
    "other",
    [
        CacheScope("transformers", "eng-spa", SCOPE.version, SCOPE.direction),
        CacheScope(SCOPE.engine, "spa-eng", SCOPE.version, SCOPE.direction),
        CacheScope(SCOPE.engine, SCOPE.identity, "Apertium 3.8.4; data 1", SCOPE.direction),
        CacheScope(SCOPE.engine, SCOPE.identity, SCOPE.version, "en→ca"),
    ],
)
def test_a_change_of_engine_mode_version_or_direction_misses(tmp_path: Path, other: CacheScope) -> None:
    with TranslationCache(tmp_path) as cache:
        cache.put_many(SCOPE, {"Hello": CachedTranslation("Hola", [])})
        assert cache.get_many(other, ["Hello"]) == {}
        assert cache.get_many(SCOPE, ["Hello"]) == {"Hello": CachedTranslation("Hola", [])}


def test_many_lookups_cross_sqlite_parameter_limits(tmp_path: Path) -> None:
    texts = {f"sentence {n}": CachedTranslation(f"frase {n}", []) for n in range(1500)}
    with TranslationCache(tmp_path) as cache:
        cache.put_many(SCOPE, texts)
        assert cache.get_many(SCOPE, list(texts)) == texts


def test_corrupt_cache_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    with TranslationCache(tmp_path) as cache:
        assert cache.get_many(SCOPE, ["Hello"]) == {}
        cache.put_many(SCOPE, {"Hello": CachedTranslation("Hola", [])})
        assert cache.problem is not None and "not used" in cache.problem


def test_locked_cache_is_reported_not_raised(tmp_path: Path) -> None:
    with TranslationCache(tmp_path) as cache:
        cache.put_many(SCOPE, {"Hello": CachedTranslation("Hola", [])})
    holder = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with TranslationCache(tmp_path, lock_timeout=0.05) as cache:
            assert cache.get_many(SCOPE, ["Hello"]) == {}
            assert cache.problem is not None and "locked" in cache.problem
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_unusable_folder_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    with TranslationCache(blocker / "cache") as cache:
        assert cache.get_many(SCOPE, ["Hello"]) == {}
        assert cache.problem is not None


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "transaudit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / ".cache" / "transaudit"


def rows(folder: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(folder / FILENAME)) as other:
        return other.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_writes_wait_for_one_transaction(tmp_path: Path) -> None:
    """Translations and round-trip scores are held and committed together (one fsync an article)."""
    with TranslationCache(tmp_path) as cache:
        cache.put_many(SCOPE, {"Hello": CachedTranslation("Hola", ["Hola"])})
        cache.put_round_trip({"k": ({"chrF": [1.0]}, {"chrF": 100.0})})
        assert cache.get_many(SCOPE, ["Hello"]) == {"Hello": CachedTranslation("Hola", ["Hola"])}
        assert cache.get_round_trip(["k"]) == {"k": ({"chrF": [1.0]}, {"chrF": 100.0})}
        assert rows(tmp_path, "translations") == 0
        cache.flush()
        assert rows(tmp_path, "translations") == rows(tmp_path, "round_trip_statistics") == 1
    with TranslationCache(tmp_path) as cache:
        assert cache.get_round_trip(["k"]) == {"k": ({"chrF": [1.0]}, {"chrF": 100.0})}


def test_a_write_that_fails_at_flush_is_reported(tmp_path: Path) -> None:
    with TranslationCache(tmp_path) as cache:
        cache.get_many(SCOPE, ["Hello"])  # opens the file
    holder = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        cache = TranslationCache(tmp_path, lock_timeout=0.05)
        cache.put_many(SCOPE, {"Hello": CachedTranslation("Hola", [])})
        cache.flush()
        assert cache.problem is not None and "locked" in cache.problem
        cache.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
