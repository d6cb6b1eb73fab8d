"""Audit annotated segments with the ordinary pipeline and keep issues per segment.

Segments that share a group (bio-mqm and MQM TSV: one system's translation of
one document) are audited together as one article, in document order, so
article-scope checks see the context they would see in a real audit.
DEMETR items are audited one segment per article: the control (``mt``) and the
perturbed output (``target``) separately.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from transaudit.engine import Engine
from transaudit.evaluation.model import AnnotatedSegment, PerturbedItem
from transaudit.model import Article, Issue, Segment
from transaudit.pipeline import find_issues
from transaudit.settings import Settings


def _audit(
    article: Article, settings: Settings, engine: Engine
) -> tuple[list[Issue], list[dict[str, object]]]:
    """The audit pipeline's issue-finding half (scoring and provenance are per report, not needed here)."""
    findings = find_issues(article, settings, engine)
    return findings.issues, findings.errors


@dataclass
class AuditedSegments:
    """Issues found per segment id, plus crashed checks and timing."""

    issues: dict[str, list[Issue]] = field(default_factory=dict)
    errors: list[dict[str, object]] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0


def _articles(segments: list[AnnotatedSegment], grouped: bool) -> list[Article]:
    groups: dict[str, list[AnnotatedSegment]] = defaultdict(list)
    for index, segment in enumerate(segments):
        key = f"{segment.group}|{segment.source_lang}-{segment.target_lang}" if grouped else f"#{index}"
        groups[key].append(segment)
    articles = []
    for key, members in groups.items():
        members.sort(key=lambda s: s.order)
        first = members[0]
        articles.append(
            Article(
                id=first.group if grouped else first.id,
                source_lang=first.source_lang,
                target_lang=first.target_lang,
                segments=[Segment(s.id, s.source, s.target) for s in members],
                path=key,
            )
        )
    return articles


def audit_segments(
    segments: list[AnnotatedSegment], settings: Settings, engine: Engine, grouped: bool = True
) -> AuditedSegments:
    """Audit every segment; ids must be unique within the data set."""
    seen: set[str] = set()
    for segment in segments:
        if segment.id in seen:
            raise ValueError(f"segment id {segment.id!r} appears twice")
        seen.add(segment.id)
    out = AuditedSegments(issues={segment.id: [] for segment in segments})
    started = time.perf_counter()
    for article in _articles(segments, grouped):
        issues, errors = _audit(article, settings, engine)
        out.articles += 1
        out.errors.extend(errors)
        for issue in issues:
            out.issues[issue.segment].append(issue)
    out.seconds = time.perf_counter() - started
    return out


@dataclass
class AuditedItems:
    """Issues on each DEMETR item's control (``mt``) and perturbed output (``target``)."""

    mt: dict[str, list[Issue]] = field(default_factory=dict)
    target: dict[str, list[Issue]] = field(default_factory=dict)
    errors: list[dict[str, object]] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0


def audit_items(items: list[PerturbedItem], settings: Settings, engine: Engine) -> AuditedItems:
    """Audit both outputs of every item; identical (source, output) pairs are audited once."""
    out = AuditedItems()
    cache: dict[tuple[str, str, str, str], list[Issue]] = {}
    started = time.perf_counter()

    def issues_for(item: PerturbedItem, text: str) -> list[Issue]:
        key = (item.source_lang, item.target_lang, item.source, text)
        if key not in cache:
            article = Article(
                item.id, item.source_lang, item.target_lang, [Segment(item.id, item.source, text)]
            )
            cache[key], errors = _audit(article, settings, engine)
            out.articles += 1
            out.errors.extend(errors)
        return cache[key]

    for item in items:
        out.mt[item.id] = issues_for(item, item.mt)
        out.target[item.id] = issues_for(item, item.target)
    out.seconds = time.perf_counter() - started
    return out
