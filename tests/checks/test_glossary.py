"""Glossary checks (TA330, TA331): cases as data in cases/glossary.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transaudit.checks import CheckContext, get_check
from transaudit.checks.base import iter_findings
from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article, Category, Segment

DATA = json.loads((Path(__file__).parent / "cases" / "glossary.json").read_text(encoding="utf-8"))
CASES = DATA["cases"]


@pytest.fixture
def glossary(tmp_path: Path) -> str:
    path = tmp_path / "glossary.csv"
    path.write_text(DATA["glossary"], encoding="utf-8")
    return str(path)


def run(code: str, case: dict, settings: dict) -> list[tuple[str, str, str, str | None]]:
    src, tgt = case["pair"].split("-")
    check = get_check(code)()
    segment = Segment("s1", case["source"], case["target"])
    ctx = CheckContext(src, tgt, dict(check.options), settings)
    return [
        (code, f.side, segment.text(f.side)[f.start : f.end], f.suggestion)
        for f in iter_findings(check.check_segment(segment, ctx))
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict, glossary: str) -> None:
    settings = {"glossary": [glossary]}
    got = run("TA330", case, settings) + run("TA331", case, settings)
    for expected in case["fire"]:
        assert tuple(expected) in got, f"expected {expected}; got {got}"
    for code in case["silent"]:
        assert not [g for g in got if g[0] == code], f"{code} should be silent; got {got}"


@pytest.mark.parametrize("settings", [{}, {"glossary": []}, {"glossary": ["/nonexistent/g.csv"]}])
def test_off_or_broken_glossary_is_silent(settings: dict) -> None:
    case = CASES[0]
    assert run("TA330", case, settings) == [] and run("TA331", case, settings) == []


def test_bad_glossary_file_does_not_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert run("TA331", CASES[3], {"glossary": [str(bad)]}) == []


def test_engine_passes_run_settings(glossary: str) -> None:
    article = Article("a", "es", "en", [Segment("p1", "Negociaciones con Kiev.", "Negotiations with Kiev.")])
    run_ = Engine(Settings(select=("TA33",), extra={"glossary": [glossary]})).run(article)
    assert not run_.errors
    [issue] = run_.issues
    assert (issue.code, issue.text, issue.suggestion) == ("TA331", "Kiev", "Kyiv")
    assert issue.category == Category.TERMINOLOGY
