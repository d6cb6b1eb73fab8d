"""Untranslated-text checks (TA210-TA212): cases as data in cases/untranslated.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transaudit.checks.untranslated import source_only, vocabulary
from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article, Segment

CODES = ("TA210", "TA211", "TA212")
CASES = json.loads((Path(__file__).parent / "cases" / "untranslated.json").read_text(encoding="utf-8"))[
    "cases"
]
ENGINE = Engine(Settings(select=CODES, backend="none"))


def issues(case: dict) -> list[tuple[str, str, str]]:
    src, tgt = case["pair"].split("-")
    article = Article("t", src, tgt, [Segment("s1", case["source"], case["target"])])
    run = ENGINE.run(article)
    assert not run.errors
    return [(i.code, i.side, i.text) for i in run.issues]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    got = issues(case)
    for expected in case["fire"]:
        assert tuple(expected) in got, f"expected {expected}; got {got}"
    for code in case["silent"]:
        assert not [g for g in got if g[0] == code], f"{code} should be silent; got {got}"


def test_vocabulary_has_number_words_and_shared_words_are_not_source_only() -> None:
    assert "cinco" in vocabulary("es")
    assert "hospital" not in source_only("es", "en")
    assert "the" in source_only("en", "es")


def test_every_vocabulary_file_loads() -> None:
    for lang in ("en", "es", "fr", "de", "pt", "it"):
        assert len(vocabulary(lang)) > 250, lang
