"""The check engine: selection, severities, spans, and a check that crashes."""

from __future__ import annotations

import pytest

from transaudit.checks import Check, Finding, all_checks
from transaudit.engine import Engine, select_checks
from transaudit.errors import ConfigError
from transaudit.model import Category, Severity
from transaudit.settings import Settings


class Crashing(Check):
    """Raises on purpose."""

    code = "TA999"
    name = "crashing"
    category = Category.PUNCTUATION

    def check_segment(self, segment, ctx):
        if "boom" in segment.target:
            raise RuntimeError("boom")
        yield Finding("target", 0, 1, "first letter")


class ArticleWide(Check):
    """Flags the last segment's first word."""

    code = "TA998"
    name = "article-wide"
    category = Category.MISTRANSLATION
    scope = "article"

    def check_article(self, article, ctx):
        last = article.segments[-1]
        yield Finding("target", 0, last.target.index(" "), "last segment", segment=last.id,
                      severity=Severity.MAJOR)


class OutOfRange(Check):
    """Yields a span past the end of the text."""

    code = "TA997"
    name = "out-of-range"
    category = Category.MISTRANSLATION

    def check_segment(self, segment, ctx):
        yield Finding("target", 0, len(segment.target) + 5, "too far")


def engine_with(*checks: type[Check], settings: Settings | None = None) -> Engine:
    """An engine running these unregistered checks (settings may name them)."""
    engine = Engine(Settings.from_keys(select="TA101"))
    engine.settings = settings or engine.settings
    engine.checks = [cls() for cls in checks]
    return engine


def test_catalogue_is_sorted_and_documented() -> None:
    checks = all_checks()
    assert [c.code for c in checks] == sorted(c.code for c in checks)
    for check in checks:
        assert check.title() and "Bad" in check.documentation() and "Good" in check.documentation()


def test_select_and_ignore_by_prefix_and_name() -> None:
    codes = [c.code for c in all_checks() if c.default_enabled]
    assert [c.code for c in select_checks(Settings())] == codes
    assert [c.code for c in select_checks(Settings.from_keys(select="TA101"))] == ["TA101"]
    assert [c.code for c in select_checks(Settings.from_keys(select="doubled-word"))] == ["TA101"]
    assert "TA101" not in [c.code for c in select_checks(Settings.from_keys(ignore="TA10"))]
    with pytest.raises(ConfigError, match="no check matches 'TA000'"):
        select_checks(Settings.from_keys(select="TA000"))


def test_doubled_word_through_engine(make_article) -> None:
    article = make_article([("en la la cumbre", "at the the summit")])
    run = Engine(Settings.from_keys(select="TA101")).run(article)
    assert [(i.code, i.side, i.start, i.end, i.text) for i in run.issues] == [
        ("TA101", "target", 3, 10, "the the")]
    assert run.issues[0].text == article.segments[0].target[3:10]


def test_crashing_check_becomes_internal_error_and_audit_goes_on(make_article) -> None:
    article = make_article([("a", "boom here"), ("b", "fine")])
    run = engine_with(Crashing).run(article)
    assert [(e.check, e.segment) for e in run.errors] == [("TA999", "p01")]
    assert "RuntimeError: boom" in run.errors[0].error
    assert [(i.segment, i.text) for i in run.issues] == [("p02", "f")]


def test_article_check_and_severity_from_finding_and_config(make_article) -> None:
    article = make_article([("uno", "one two"), ("dos", "three four")])
    run = engine_with(ArticleWide).run(article)
    assert [(i.segment, i.text, i.severity) for i in run.issues] == [("p02", "three", Severity.MAJOR)]
    settings = Settings(severity={"TA998": Severity.CRITICAL})
    run = engine_with(ArticleWide, settings=settings).run(article)
    assert run.issues[0].severity == Severity.CRITICAL


def test_span_outside_text_is_an_internal_error(make_article) -> None:
    run = engine_with(OutOfRange).run(make_article([("a", "abc")]))
    assert run.issues == []
    assert "outside target text" in run.errors[0].error


def test_options_from_config_reach_the_check(make_article) -> None:
    engine = engine_with(Crashing, settings=Settings(check_options={"TA999": {"x": 3}}))
    ctx = engine.context(make_article([("a", "b")]), engine.checks[0])
    assert ctx.options["x"] == 3


def test_extend_select_adds_to_the_defaults_as_in_ruff() -> None:
    defaults = [c.code for c in select_checks(Settings())]
    extended = [c.code for c in select_checks(Settings.from_keys(extend_select="TA401"))]
    assert "TA401" not in defaults and extended == sorted([*defaults, "TA401"])
    assert [c.code for c in select_checks(Settings.from_keys(select="TA101", extend_select="TA401"))] == [
        "TA101", "TA401"]
    assert "TA401" not in [c.code for c in select_checks(Settings.from_keys(extend_select="TA4"))]
    both = Settings.from_keys(extend_select="TA401", ignore="TA4")
    assert [c.code for c in select_checks(both)] == defaults
    with pytest.raises(ConfigError):
        Settings.from_keys(extend_select="TA000")
