"""Sentence vectors on disk, keyed by model and text hash.

Like the back-translation cache: one SQLite file next to it
(``embeddings.sqlite3`` in the cache folder), best effort — a corrupt, locked or
unwritable file turns the cache off for the run and never fails an audit.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where it is used: a default audit never loads it (16 MiB)
    import numpy as np

from transaudit.backtranslation.cache import default_cache_dir, open_cache

FILENAME = "embeddings.sqlite3"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, model TEXT NOT NULL, vector BLOB NOT NULL)"
)
_CHUNK = 500


def key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x1f{text}".encode()).hexdigest()


class VectorCache:
    """A best-effort store of float32 vectors."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.path = (Path(folder) if folder is not None else default_cache_dir()) / FILENAME
        self.problem: str | None = None
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self.problem is not None:
            return None
        if self._connection is None:
            try:
                self._connection = open_cache(self.path, (SCHEMA,))
            except (OSError, sqlite3.Error) as error:
                self.problem = f"vector cache off ({self.path}: {error})"
                return None
        return self._connection

    def get_many(self, model: str, texts: Iterable[str]) -> dict[str, np.ndarray]:
        import numpy as np

        connection = self._connect()
        if connection is None:
            return {}
        wanted = {key(model, text): text for text in texts}
        found: dict[str, np.ndarray] = {}
        keys = list(wanted)
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ", ".join("?" * len(chunk))
                rows = connection.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk)
                for row_key, blob in rows:
                    found[wanted[row_key]] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.Error as error:
            self.problem = f"vector cache off ({self.path}: {error})"
            return {}
        return found

    def put_many(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        import numpy as np

        connection = self._connect()
        if connection is None or not vectors:
            return
        rows = [
            (key(model, text), model, np.asarray(v, dtype=np.float32).tobytes())
            for text, v in vectors.items()
        ]
        try:
            connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
            connection.commit()
        except sqlite3.Error as error:
            self.problem = f"vector cache off ({self.path}: {error})"

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
