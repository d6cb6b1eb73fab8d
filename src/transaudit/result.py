"""What one audit produced: the article, its issues and its score."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from transaudit.model import Article, Issue, Severity
from transaudit.waivers import WaivedIssue, Waiver


@dataclass
class ArticleResult:
    """Everything a report needs; reporters only turn this into text."""

    article: Article
    issues: list[Issue]
    score: float
    passed: bool
    threshold: float
    #: Σ severity weights of the issues that count toward the score.
    penalty: float
    target_words: int
    #: Crashed checks: ``{"check", "segment", "error"}``.
    errors: list[dict[str, Any]] = field(default_factory=list)
    #: Things the editor should know about the run ("no back-translation …").
    notices: list[str] = field(default_factory=list)
    #: Selected checks that did not run for this pair, and why ("no gazetteer data for de"):
    #: ``{"check", "name", "reason"}``.
    not_run: list[dict[str, str]] = field(default_factory=list)
    #: Settings, versions and signatures that produced this result.
    settings: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    #: Back-translation summary: backend, corpus scores, sacrebleu signatures.
    backtranslation: dict[str, Any] = field(default_factory=dict)
    timestamp: str = ""
    #: Issues an editor waived: shown struck through, not in ``issues``, not scored.
    waived: list[WaivedIssue] = field(default_factory=list)
    #: Waivers of this article that matched no issue.
    stale_waivers: list[Waiver] = field(default_factory=list)
    #: Issues new, fixed and unchanged since a previous run (``--compare``), else None.
    comparison: dict[str, Any] | None = None

    def counts_by_severity(self) -> dict[str, int]:
        counts = Counter(issue.severity.value for issue in self.issues)
        return {severity.value: counts.get(severity.value, 0) for severity in Severity}

    def counts_by_category(self) -> dict[str, int]:
        counts = Counter(issue.category for issue in self.issues)
        return dict(sorted(counts.items()))

    def counts_by_check(self) -> dict[str, int]:
        counts = Counter(issue.code for issue in self.issues)
        return dict(sorted(counts.items()))
