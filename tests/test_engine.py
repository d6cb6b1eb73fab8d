"""The check engine: selection, severities, spans, and a check that crashes."""

from __future__ import annotations

from typing import ClassVar

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


class Counting(Check):
    """Records the order it sees segments in, and what the text caches hold then."""

    code = "TA996"
    name = "counting"
    category = Category.PUNCTUATION
    seen: ClassVar[list[tuple[str, str, int]]] = []

    def check_segment(self, segment, ctx):
        from transaudit.analysis import tokens

        tokens.tokenize(segment.target)
        Counting.seen.append((self.code, segment.id, tokens._tokenize.cache_info().currsize))
        if "boom" in segment.target:
            raise RuntimeError("boom")
        yield Finding("target", 0, 1, "first letter")


class CountingToo(Counting):
    """The same check under a second code."""

    code = "TA995"
    name = "counting-too"


def test_segment_checks_run_segment_by_segment_in_chunks(make_article, monkeypatch) -> None:
    """Every check on one segment, then the next; caches emptied after each chunk of a long article;
    issues and errors in the order a check-by-check run gave them."""
    from transaudit import engine as engine_module
    from transaudit.memo import clear_text_caches

    monkeypatch.setattr(engine_module, "CHUNK", 2)
    monkeypatch.setattr(Counting, "seen", [])
    clear_text_caches(settle=False)
    article = make_article([("a", "boom one"), ("b", "two"), ("c", "boom three"), ("d", "four"),
                            ("e", "five more")])
    run = engine_with(CountingToo, Counting, ArticleWide).run(article)
    assert [(code, segment) for code, segment, _ in Counting.seen[:4]] == [
        ("TA995", "p01"), ("TA996", "p01"), ("TA995", "p02"), ("TA996", "p02")]
    assert [size for _, _, size in Counting.seen] == [1, 1, 2, 2, 1, 1, 2, 2, 1, 1]  # emptied per chunk
    assert [(e.check, e.segment) for e in run.errors] == [
        ("TA995", "p01"), ("TA995", "p03"), ("TA996", "p01"), ("TA996", "p03")]
    assert [(i.code, i.segment) for i in run.issues] == [
        ("TA995", "p02"), ("TA996", "p02"), ("TA995", "p04"), ("TA996", "p04"),
        ("TA995", "p05"), ("TA996", "p05"), ("TA998", "p05")]


def test_an_ordinary_article_is_one_chunk(make_article, monkeypatch) -> None:
    """Up to CHUNK segments nothing is emptied, so article checks reuse the segment checks' analyses."""
    from transaudit.engine import CHUNK

    monkeypatch.setattr(Counting, "seen", [])
    assert CHUNK >= 1000  # WMT24 documents and the sample corpora fit in one
    article = make_article([(f"s{n}", f"text number {n}") for n in range(30)])
    engine_with(Counting).run(article)
    assert [size for _, _, size in Counting.seen][-1] >= 30
