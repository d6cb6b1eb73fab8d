"""Glossary checks (TA330, TA331) beyond their cases in cases/glossary.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from transaudit.checks import CheckContext, get_check
from transaudit.checks.base import iter_findings
from transaudit.engine import Engine
from transaudit.model import Article, Category, Segment
from transaudit.settings import Settings

#: The glossary the case table uses.
GLOSSARY = str(Path(__file__).parent / "cases" / "glossary-terms.csv")
REQUIRED = {
    "pair": "es-en",
    "source": "La cumbre de Samarcanda terminó.",
    "target": "The summit in the city ended.",
}
STYLE = {"pair": "es-en", "source": "Negociaciones con Kiev.", "target": "Negotiations with Kiev."}


def run(code: str, case: dict, settings: dict) -> list[tuple[str, str, str, str | None]]:
    src, tgt = case["pair"].split("-")
    check = get_check(code)()
    segment = Segment("s1", case["source"], case["target"])
    ctx = CheckContext(src, tgt, check.option_defaults(), tuple(settings.get("glossary", ())))
    return [
        (code, f.side, segment.text(f.side)[f.start : f.end], f.suggestion)
        for f in iter_findings(check.check_segment(segment, ctx))
    ]


@pytest.mark.parametrize("settings", [{}, {"glossary": []}, {"glossary": ["/nonexistent/g.csv"]}])
def test_off_or_broken_glossary_is_silent(settings: dict) -> None:
    assert run("TA330", REQUIRED, settings) == [] and run("TA331", REQUIRED, settings) == []


def test_bad_glossary_file_does_not_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert run("TA331", STYLE, {"glossary": [str(bad)]}) == []


def test_the_table_glossary_fires() -> None:
    found = run("TA330", REQUIRED, {"glossary": [GLOSSARY]})
    assert found == [("TA330", "source", "Samarcanda", "Samarkand")]


def test_engine_passes_run_settings() -> None:
    article = Article("a", "es", "en", [Segment("p1", "Negociaciones con Kiev.", "Negotiations with Kiev.")])
    run_ = Engine(Settings.from_keys(select="TA33", glossary=[GLOSSARY])).run(article)
    assert not run_.errors
    [issue] = run_.issues
    assert (issue.code, issue.text, issue.suggestion) == ("TA331", "Kiev", "Kyiv")
    assert issue.category == Category.TERMINOLOGY
