"""Per-language data, kept as files so a new language is a data change.

Layout: ``data/<family>/<key>.toml`` where key is a language code (``en``) or a
pair (``es-en``). Families are owned by the checks that read them
(``repetition``, ``quotes``, ``boilerplate``, ``gazetteer``, …).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(family: str, key: str) -> dict[str, Any]:
    """Parse ``data/<family>/<key>.toml``; an absent file is empty data."""
    path = resources.files(__name__).joinpath(family, f"{key}.toml")
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_text(family: str, key: str) -> tuple[str, ...]:
    """Lines of ``data/<family>/<key>.txt`` without blanks or ``#`` comments."""
    path = resources.files(__name__).joinpath(family, f"{key}.txt")
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def exists(family: str, key: str) -> bool:
    """Whether ``data/<family>/<key>.toml`` (or ``.txt``) is installed, without parsing it."""
    folder = resources.files(__name__).joinpath(family)
    return folder.joinpath(f"{key}.toml").is_file() or folder.joinpath(f"{key}.txt").is_file()


def languages(family: str) -> list[str]:
    """Keys that have data in a family, sorted."""
    folder = resources.files(__name__).joinpath(family)
    if not folder.is_dir():
        return []
    return sorted(
        entry.name.rsplit(".", 1)[0]
        for entry in folder.iterdir()
        if entry.name.endswith((".toml", ".txt"))
    )
