"""Hand-built audit results for the report tests (no checks run, no /work/shared data)."""

from __future__ import annotations

from typing import Any

from transaudit.model import Article, Category, Issue, Segment, Severity
from transaudit.result import ArticleResult

CATEGORIES = {"TA101": Category.REPETITION, "TA110": Category.PUNCTUATION, "TA220": Category.ADDITION,
              "TA301": Category.MISTRANSLATION, "TA222": Category.OMISSION}


def issue(segment: Segment, code: str, side: str, start: int, end: int, severity: str = "minor",
          message: str = "a problem", suggestion: str | None = None, category: str | None = None) -> Issue:
    """An issue whose text is the exact slice, as the engine guarantees."""
    category = category or CATEGORIES.get(code, Category.TERMINOLOGY)
    return Issue(code=code, name=f"check-{code.lower()}", category=category,
                 severity=Severity(severity), segment=segment.id, side=side, start=start, end=end,
                 text=segment.text(side)[start:end], message=message, suggestion=suggestion)


def find(segment: Segment, code: str, side: str, needle: str, severity: str = "minor", **kw: Any) -> Issue:
    """The issue covering the first occurrence of ``needle`` on that side."""
    start = segment.text(side).index(needle)
    return issue(segment, code, side, start, start + len(needle), severity, **kw)


def build_result(segments: list[Segment], issues: list[Issue], article_id: str = "sample",
                 **extra: Any) -> ArticleResult:
    article = Article(article_id, "es", "en", segments, path="samples/sample.tsv")
    fields: dict[str, Any] = {"score": 87.5, "passed": False, "threshold": 90.0, "penalty": 7.0,
                              "target_words": 56, "timestamp": "2026-01-02T03:04:05Z",
                              "versions": {"transaudit": "0.1.0"}}
    fields.update(extra)
    return ArticleResult(article=article, issues=issues, **fields)


def sample_result() -> ArticleResult:
    """Three segments: a doubled word, overlapping spans, web residue with no source."""
    one = Segment("p1", "El ministro habló con la prensa.", "The minister spoke to the the press.", line=1,
                  back_translation="El ministro habló con la la prensa.", bt_scores={"chrF": 81.25},
                  bt_unknown=["prensa"])
    two = Segment("p2", "Hubo muchos problemas y retrasos.", "There were many problems and problems.", line=2,
                  bt_note="back-translation skipped: segment too long")
    three = Segment("p3", "", "Share this post", line=3)
    issues = [
        find(one, "TA101", "target", "the the", "minor", message="'the' is written twice", suggestion="the"),
        find(two, "TA101", "target", "problems and problems", "major", message="a noun with itself"),
        find(two, "TA301", "target", "many problems", "minor", message="check the number"),
        find(two, "TA222", "source", "retrasos", "major", message="'retrasos' has no translation"),
        find(three, "TA220", "target", "Share this post", "critical", message="web-page residue"),
    ]
    return build_result([one, two, three], issues, notices=["no back-translation for en→es: no engine"],
                        errors=[{"check": "TA999", "segment": "p2", "error": "ValueError: boom"}])
