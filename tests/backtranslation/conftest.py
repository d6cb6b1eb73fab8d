"""Fixtures for the back-translation engine tests: the tiny model, offline hub."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from tiny_marian import build_tiny_marian


@pytest.fixture(scope="session")
def offline() -> Iterator[None]:
    """No hub access for the whole session: a test that tried to download would fail."""
    saved = {key: os.environ.get(key) for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory: pytest.TempPathFactory, offline: None) -> Path:
    """A MarianMT model trained in this session (about 20 s on 2 CPU cores)."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"))
