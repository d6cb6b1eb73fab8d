"""Back-translations on disk, so re-auditing an edited article only translates
what changed.

One SQLite file; a row per translated unit, keyed by everything that could
change the output: engine, mode or model, its version, the language direction
and a hash of the text. Reading and writing are best effort: a cache that is
corrupt, locked or unwritable turns itself off for the run and says why
(:attr:`TranslationCache.problem`); it never fails an audit.

Writes are held until :meth:`TranslationCache.flush` (or closing) and then
made in one transaction: each commit is an fsync, and an article's
translations and round-trip scores used to be two, a cost paid per article
on a cold batch (lookups see the held rows too).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

FILENAME = "backtranslations.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    engine TEXT NOT NULL,
    identity TEXT NOT NULL,
    version TEXT NOT NULL,
    direction TEXT NOT NULL,
    translation TEXT NOT NULL,
    unknown TEXT NOT NULL,
    created REAL NOT NULL
)
"""
#: SQLite limits the number of host parameters per statement.
_LOOKUP_CHUNK = 500
_ROW = ", ".join("?" * 8)
#: Round-trip statistics and scores of a (back-translation, source) pair, so a
#: warm re-audit does not rescore: scoring costs more than reading a translation.
SCORES_SCHEMA = """
CREATE TABLE IF NOT EXISTS round_trip_statistics (
    key TEXT PRIMARY KEY,
    statistics TEXT NOT NULL,
    created REAL NOT NULL
)
"""


#: One pair's score statistics (by metric) and its scores.
RoundTrip = tuple[dict[str, list[float]], dict[str, float]]


def statistics_key(version: str, back_translation: str, source: str) -> str:
    """The cache key of one pair's statistics under one metric configuration."""
    material = "\x1f".join(("round-trip", version, back_translation, source))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/transaudit``, else ``~/.cache/transaudit``."""
    base = os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "transaudit" if base else Path.home() / ".cache" / "transaudit"


@dataclass(frozen=True)
class CacheScope:
    """What a cached translation depends on besides its text."""

    engine: str
    identity: str
    version: str
    direction: str

    def key(self, text: str) -> str:
        material = "\x1f".join((self.engine, self.identity, self.version, self.direction, text))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedTranslation:
    text: str
    unknown: list[str]


def _row(translation: object, unknown: object) -> CachedTranslation | None:
    """A stored row as a translation, or None (a miss) when its values have the wrong shape.

    SQLite is dynamically typed: a column declared TEXT can hold a BLOB, an
    integer or NULL (another program, a bit flip, an old schema). Such a row is
    translated again, like a missing one, instead of failing the audit.
    """
    if not isinstance(translation, str) or not isinstance(unknown, str):
        return None
    if unknown == "[]":  # most rows: no JSON parse needed
        return CachedTranslation(translation, [])
    try:
        words = json.loads(unknown)
    except (ValueError, RecursionError):
        return None
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        return None
    return CachedTranslation(translation, words)


def open_cache(path: Path, schemas: Iterable[str], timeout: float = 2.0) -> sqlite3.Connection:
    """Open (creating folder and tables) one of the project's SQLite caches.

    Raises ``sqlite3.Error`` or ``OSError``; callers turn that into a notice,
    since a cache that cannot be used never fails an audit.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=timeout)
    for schema in schemas:
        connection.execute(schema)
    connection.commit()
    return connection


class TranslationCache:
    """A best-effort SQLite store of unit translations."""

    def __init__(self, folder: str | os.PathLike[str] | None = None, lock_timeout: float = 2.0) -> None:
        self.path = Path(folder) / FILENAME if folder is not None else default_cache_dir() / FILENAME
        self.lock_timeout = lock_timeout
        self.problem: str | None = None
        self._connection: sqlite3.Connection | None = None
        #: Rows waiting for :meth:`flush`, by key (what lookups see before it).
        self._translations: dict[str, tuple] = {}
        self._round_trips: dict[str, tuple[str, str, float]] = {}

    def _connect(self) -> sqlite3.Connection | None:
        if self.problem is not None:
            return None
        if self._connection is None:
            try:
                connection = open_cache(self.path, (SCHEMA, SCORES_SCHEMA), self.lock_timeout)
            except (sqlite3.Error, OSError) as error:
                self._fail(error)
                return None
            self._connection = connection
        return self._connection

    def _fail(self, error: Exception) -> None:
        self.problem = f"back-translation cache {self.path} not used: {error}"
        self.close()

    def get_many(self, scope: CacheScope, texts: Iterable[str]) -> dict[str, CachedTranslation]:
        """Cached translations of those texts that have one (text → translation)."""
        connection = self._connect()
        if connection is None:
            return {}
        by_key = {scope.key(text): text for text in set(texts)}
        found: dict[str, CachedTranslation] = {}
        keys = []
        for key, text in by_key.items():
            held = self._translations.get(key)
            if held is None:
                keys.append(key)
            elif (hit := _row(held[5], held[6])) is not None:
                found[text] = hit
        try:
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, translation, unknown FROM translations WHERE key IN ({marks})"
                rows = connection.execute(query, chunk).fetchall()
                for key, translation, unknown in rows:
                    hit = _row(translation, unknown)
                    if hit is not None and key in by_key:
                        found[by_key[key]] = hit
        except (sqlite3.Error, ValueError, TypeError) as error:
            self._fail(error)
            return {}
        return found

    def put_many(self, scope: CacheScope, translations: Mapping[str, CachedTranslation]) -> None:
        """Hold these translations for the next :meth:`flush`."""
        if self.problem is not None or not translations:
            return
        now = time.time()
        rows = [
            (
                scope.key(text),
                scope.engine,
                scope.identity,
                scope.version,
                scope.direction,
                item.text,
                json.dumps(item.unknown, ensure_ascii=False),
                now,
            )
            for text, item in translations.items()
        ]
        self._translations.update((row[0], row) for row in rows)

    def get_round_trip(self, keys: Iterable[str]) -> dict[str, RoundTrip]:
        """Cached round-trip (statistics, scores) by key (see :func:`statistics_key`)."""
        connection = self._connect()
        if connection is None:
            return {}
        wanted = sorted(set(keys))
        found: dict[str, RoundTrip] = {}
        try:
            held = [(key, self._round_trips[key][1]) for key in wanted if key in self._round_trips]
            wanted = [key for key in wanted if key not in self._round_trips]
            for start in range(0, len(wanted), _LOOKUP_CHUNK):
                chunk = wanted[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, statistics FROM round_trip_statistics WHERE key IN ({marks})"
                held += connection.execute(query, chunk).fetchall()
            for key, stored in held:
                value = json.loads(stored)
                if isinstance(value, dict) and isinstance(value.get("statistics"), dict):
                    found[key] = (value["statistics"], dict(value.get("scores") or {}))
        except (sqlite3.Error, ValueError, TypeError, AttributeError) as error:
            self._fail(error)
            return {}
        return found

    def put_round_trip(self, entries: Mapping[str, RoundTrip]) -> None:
        """Hold these round-trip statistics and scores for the next :meth:`flush`."""
        if self.problem is not None or not entries:
            return
        now = time.time()
        for key, (stats, scores) in entries.items():
            self._round_trips[key] = (key, json.dumps({"statistics": stats, "scores": scores}), now)

    def flush(self) -> None:
        """Write the held rows, all in one transaction (one commit, one fsync)."""
        translations, round_trips = list(self._translations.values()), list(self._round_trips.values())
        self._translations, self._round_trips = {}, {}
        if not translations and not round_trips:
            return
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.executemany(f"INSERT OR REPLACE INTO translations VALUES ({_ROW})", translations)
                connection.executemany(
                    "INSERT OR REPLACE INTO round_trip_statistics VALUES (?, ?, ?)", round_trips
                )
        except sqlite3.Error as error:
            self._fail(error)

    def close(self) -> None:
        """Write what is held, then close the file."""
        if self._translations or self._round_trips:
            self.flush()
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
