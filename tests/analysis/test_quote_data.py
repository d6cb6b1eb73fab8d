"""data/quotes/<lang>.toml: generated from CLDR, and the same when generated again.

``benchmarks/build_quotes.py`` reads CLDR's XML from Debian's ``unicode-cldr-core``
(Babel leaves the quotation delimiters out); the Makefile installs it for the tests.
"""

from __future__ import annotations

import importlib.util
import tomllib
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUOTES = resources.files("transaudit.data").joinpath("quotes")


def _builder():
    spec = importlib.util.spec_from_file_location("build_quotes", ROOT / "benchmarks" / "build_quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files() -> list[str]:
    return sorted(entry.name for entry in QUOTES.iterdir() if entry.name.endswith(".toml"))


def test_every_file_has_marks_and_names_its_source() -> None:
    assert {"en.toml", "es.toml", "fr.toml"} <= set(_files())
    for name in _files():
        text = QUOTES.joinpath(name).read_text(encoding="utf-8")
        data = tomllib.loads(text)
        assert "CLDR" in text.splitlines()[0], name
        assert len(data["primary"]) == 2 and data["primary"][0] in data["openers"], name
        assert data["closers"], name


def test_french_opens_quotations_with_guillemets_only() -> None:
    french = tomllib.loads(QUOTES.joinpath("fr.toml").read_text(encoding="utf-8"))
    assert french["primary"] == ["«", "»"]
    assert "“" not in french["openers"]


@pytest.mark.skipif(not _builder().CLDR_MAIN.is_dir(), reason="needs Debian's unicode-cldr-core")
def test_regenerating_from_cldr_gives_no_difference() -> None:
    builder = _builder()
    for name in _files():
        lang = name.removesuffix(".toml")
        assert builder.render(lang) == QUOTES.joinpath(name).read_text(encoding="utf-8"), name
