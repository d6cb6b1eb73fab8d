"""Planted-artifact articles, one or more per target language: every artifact found, nothing else.

Each article under ``tests/data/planted/`` was written for these tests: an
aligned TSV ``NAME.SRC-TGT.tsv`` (languages from the file name) with the
typical machine-translation artifacts planted among clean paragraphs — a
doubled coordinated noun, a wrong-region descriptor, foreign quotation marks,
a changed number, an untranslated sentence, web-page residue — and beside it
``NAME.SRC-TGT.toml`` listing what the audit must report::

    [[found]]
    segment = "p03"
    code = "TA112"
    text = "«This crossing unites two sister peoples»"
    # side = "source"   (default "target")
    # start = 12        (only when the text occurs more than once on that side)

The test asserts that the audit reports exactly these issues, with their
spans: every planted artifact found (recall) and no issue anywhere else, so
the clean paragraphs stay silent (precision). Adding a language's article is
adding two files here; this module needs no change. The audit runs with the
default checks and no back-translation (``backend = "none"``), so it is fast
and needs no engine.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import transaudit
from transaudit.model import Article, Issue

PLANTED = Path(__file__).parent / "data" / "planted"
ARTICLES = sorted(PLANTED.glob("*.tsv"))


def expected(article: Article, path: Path) -> set[tuple[str, str, str, int, int, str]]:
    """The ``[[found]]`` entries of an article's TOML as (segment, side, code, start, end, text)."""
    table: dict[str, Any] = tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8"))
    unknown = set(table) - {"found"}
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    found = set()
    for entry in table.get("found", []):
        assert set(entry) <= {"segment", "code", "text", "side", "start"}, f"{path.name}: {entry}"
        side = entry.get("side", "target")
        text = article.segment(entry["segment"]).text(side)
        start = entry.get("start", text.find(entry["text"]))
        end = start + len(entry["text"])
        assert text[start:end] == entry["text"], f"{path.name}: {entry} not in {text!r}"
        if "start" not in entry:
            assert text.count(entry["text"]) == 1, f"{path.name}: {entry} is ambiguous: give its start"
        found.add((entry["segment"], side, entry["code"], start, end, entry["text"]))
    return found


def reported(issues: list[Issue]) -> set[tuple[str, str, str, int, int, str]]:
    return {(i.segment, i.side, i.code, i.start, i.end, i.text) for i in issues}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_planted_artifacts_found_and_nothing_else(path: Path) -> None:
    article = transaudit.read(path)
    result = transaudit.audit(article, transaudit.Settings.from_keys(backend="none"))
    want, got = expected(article, path), reported(result.issues)
    assert not want - got, f"missed: {sorted(want - got)}"
    assert not got - want, f"unexpected: {sorted(got - want)}"


def test_every_article_has_its_expectations() -> None:
    assert ARTICLES
    for path in ARTICLES:
        assert path.with_suffix(".toml").is_file(), f"{path.name} has no expectations file"
        assert len(path.name.split(".")) == 3, f"{path.name}: name it NAME.SRC-TGT.tsv"
