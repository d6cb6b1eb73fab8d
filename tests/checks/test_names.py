"""Name-spelling checks (TA320, TA321): cases as data in cases/names.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transaudit.checks import CheckContext, get_check
from transaudit.checks.base import iter_findings
from transaudit.model import Category, Segment

CASES = json.loads((Path(__file__).parent / "cases" / "names.json").read_text(encoding="utf-8"))["cases"]


def run(code: str, case: dict) -> list[tuple[str, str, str | None]]:
    src, tgt = case["pair"].split("-")
    check = get_check(code)()
    segment = Segment("s1", case["source"], case["target"])
    ctx = CheckContext(src, tgt, dict(check.options), {})
    found = []
    for finding in iter_findings(check.check_segment(segment, ctx)):
        assert finding.side == "target"
        found.append((code, segment.target[finding.start : finding.end], finding.suggestion))
    return found


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    got = run("TA320", case) + run("TA321", case)
    for expected in case["fire"]:
        assert tuple(expected) in got, f"expected {expected}; got {got}"
    for code in case["silent"]:
        assert not [g for g in got if g[0] == code], f"{code} should be silent; got {got}"


def test_locale_category() -> None:
    assert get_check("TA320").category == Category.LOCALE_NAME
    assert get_check("TA321").category == Category.LOCALE_NAME
