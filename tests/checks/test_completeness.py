"""Completeness checks (TA220-TA226): cases as data in cases/completeness.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transaudit.checks.completeness import Boilerplate, is_bare_label
from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article, Segment

CODES = ("TA220", "TA221", "TA222", "TA223", "TA224", "TA225", "TA226")
CASES = json.loads((Path(__file__).parent / "cases" / "completeness.json").read_text(encoding="utf-8"))[
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


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Date:", True),
        ("  Written by :  ", True),
        ("Date: May 3", False),
        ("Note: 3", False),
        ("A sentence.", False),
    ],
)
def test_bare_label(text: str, bare: bool) -> None:
    assert is_bare_label(text) is bare


def test_boilerplate_matches_whole_lines_only() -> None:
    residue = Boilerplate({"lines": ["Read more"], "patterns": ["we use cookies\\b.*"]})
    assert residue.matches("READ MORE »")
    assert residue.matches("We use cookies on this site.")
    assert not residue.matches("Read more about the plan in our report.")
