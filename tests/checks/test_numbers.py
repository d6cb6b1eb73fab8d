"""Number and date checks (TA201-TA205): cases as data in cases/numbers.json."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from transaudit.checks.numbers import locale
from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article, Segment

CODES = ("TA201", "TA202", "TA203", "TA204", "TA205")
CASES = json.loads((Path(__file__).parent / "cases" / "numbers.json").read_text(encoding="utf-8"))["cases"]
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
    ("lang", "raw", "values"),
    [
        ("es", "2.500", {Decimal(2500)}),
        ("es", "1,5", {Decimal("1.5")}),
        ("es", "1,400", {Decimal("1.4"), Decimal(1400)}),
        ("en", "2,500", {Decimal(2500)}),
        ("en", "2.500", {Decimal("2.5")}),
        ("es", "1.234.567,5", {Decimal("1234567.5")}),
    ],
)
def test_reading_by_convention(lang: str, raw: str, values: set[Decimal]) -> None:
    strict, _loose = locale(lang).interpret(raw)
    assert strict == values


def test_word_runs_compose() -> None:
    mentions = locale("es").mentions("Llegaron treinta y cinco personas.")
    assert [(m.text, Decimal(35) in m.values) for m in mentions] == [("treinta y cinco", True)]
