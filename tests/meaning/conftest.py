"""Meaning tests share one vector cache per session, outside the user's home."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _vector_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "meaning-cache"))
