"""Minimal inputs that crashed a check, found by the hardening tests.

Each row is the smallest input found for a crash that has since been fixed;
the row stays as a regression test.
"""

from __future__ import annotations

import pytest

from transaudit.checks import all_checks
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings

CODES = {check.code for check in all_checks()}

CASES = [
    pytest.param(
        "TA201", "es", "en", "millones de enero", "million January",
        id="TA201-month-after-scale-word",
    ),
]


@pytest.mark.parametrize(("code", "source_lang", "target_lang", "source", "target"), CASES)
def test_no_internal_error(code: str, source_lang: str, target_lang: str, source: str, target: str) -> None:
    if code not in CODES:
        pytest.skip(f"{code} is not registered")
    article = Article("crash", source_lang, target_lang, [Segment("p1", source, target, 1)], "crash.tsv")
    for direction in (article, Article("crash", target_lang, source_lang,
                                       [Segment("p1", target, source, 1)], "crash.tsv")):
        run = Engine(Settings().with_overrides(select=(code,))).run(direction)
        assert run.errors == []
