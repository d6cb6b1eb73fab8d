"""Runs the selected checks over an article and collects their issues.

Selection follows flake8 and ruff: ``select``/``ignore`` take code prefixes
(``TA1``) or check names; ``select`` replaces the default set, ``extend_select``
adds to it (or to ``select``), and ``ignore`` wins over both. A check that
raises is recorded as an internal error for that segment and the audit goes on.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from transaudit.checks import Check, CheckContext, Finding, all_checks
from transaudit.checks.base import iter_findings
from transaudit.config import Settings
from transaudit.errors import ConfigError
from transaudit.model import Article, Issue, Segment


@dataclass
class InternalError:
    """A check that crashed on one segment (or on the whole article)."""

    check: str
    segment: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "segment": self.segment, "error": self.error}


@dataclass
class CheckRun:
    issues: list[Issue] = field(default_factory=list)
    errors: list[InternalError] = field(default_factory=list)


def _matches(check: type[Check], pattern: str) -> bool:
    pattern = pattern.strip()
    if pattern.upper() == "ALL":
        return True
    return check.code.upper().startswith(pattern.upper()) or check.name == pattern.lower()


def _exact(check: type[Check], pattern: str) -> bool:
    pattern = pattern.strip()
    return pattern.upper() in ("ALL", check.code.upper()) or check.name == pattern.lower()


def select_checks(settings: Settings) -> list[type[Check]]:
    """The checks a run uses, in code order; unknown codes are an error."""
    catalogue = all_checks()
    extend = settings.extend_select
    for pattern in (*settings.select, *extend, *settings.ignore):
        if not any(_matches(check, pattern) for check in catalogue):
            raise ConfigError("--select/--extend-select/--ignore", f"no check matches {pattern!r}")

    def named(check: type[Check], patterns: Iterable[str]) -> bool:
        # A check that is off by default is turned on only by its code or name, so
        # a broad prefix ("TA", "TA4") never switches on the weak hints.
        return any(_matches(check, p) if check.default_enabled else _exact(check, p) for p in patterns)

    chosen = []
    for check in catalogue:
        wanted = named(check, settings.select) if settings.select else check.default_enabled
        wanted = wanted or named(check, extend)
        if wanted and not any(_matches(check, p) for p in settings.ignore):
            chosen.append(check)
    return chosen


def _unmask(issues: list[Issue], article: Article, allowed: set[str]) -> list[Issue]:
    """Issues on the real text: a finding that cuts into a placeholder, or is one, is dropped.

    Checks ran on masked text of the same length, so spans carry over and only
    ``text`` is taken again from the real segment. A span that holds whole
    placeholders among words stays; only checks that declare ``sees_placeholders``
    may point at a placeholder itself.
    """
    kept = []
    segments = {segment.id: segment for segment in article.segments}
    for issue in issues:
        segment = segments[issue.segment]
        cut = False
        for placeholder in segment.placeholders(issue.side):
            inside = any(placeholder.start < edge < placeholder.end for edge in (issue.start, issue.end))
            exact = placeholder.start <= issue.start < issue.end <= placeholder.end
            if inside or (exact and issue.code not in allowed):
                cut = True
                break
        if not cut:
            kept.append(replace(issue, text=segment.text(issue.side)[issue.start : issue.end]))
    return kept


class Engine:
    """The selected checks, instantiated once and reused for every article."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.checks = [cls() for cls in select_checks(settings)]

    def context(self, article: Article, check: Check) -> CheckContext:
        options = dict(check.options)
        options.update(self.settings.check_options.get(check.code, {}))
        options.update(self.settings.check_options.get(check.name, {}))
        return CheckContext(article.source_lang, article.target_lang, options, self.settings.extra)

    def run(self, article: Article) -> CheckRun:
        """Run the checks on the article with its placeholders masked (see :meth:`Segment.masked`)."""
        original, article = article, article.for_checks()
        run = CheckRun()
        order = {segment.id: index for index, segment in enumerate(article.segments)}
        for check in self.checks:
            ctx = self.context(article, check)
            if check.scope == "article":
                self._collect(run, check, article, None, check.check_article(article, ctx))
                continue
            for segment in article.segments:
                self._collect(run, check, article, segment, check.check_segment(segment, ctx))
        run.issues.sort(key=lambda i: (order.get(i.segment, 0), i.side != "source", i.start, i.end, i.code))
        if article is not original:
            run.issues = _unmask(run.issues, original, {c.code for c in self.checks if c.sees_placeholders})
        return run

    def _collect(
        self,
        run: CheckRun,
        check: Check,
        article: Article,
        segment: Segment | None,
        findings: Iterable[Finding] | None,
    ) -> None:
        try:
            for finding in iter_findings(findings):
                issue = self._issue(check, article, segment, finding)
                if issue is not None:
                    run.issues.append(issue)
        except Exception as error:
            frame = traceback.extract_tb(error.__traceback__)[-1]
            where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
            run.errors.append(
                InternalError(
                    check.code, segment.id if segment else None, f"{type(error).__name__}: {error} ({where})"
                )
            )

    def _issue(
        self, check: Check, article: Article, segment: Segment | None, finding: Finding
    ) -> Issue | None:
        if segment is None:
            if finding.segment is None:
                raise ValueError("article check yielded a finding without a segment")
            segment = article.segment(finding.segment)
        text = segment.text(finding.side)
        if not (0 <= finding.start <= finding.end <= len(text)):
            raise ValueError(
                f"span {finding.start}:{finding.end} outside {finding.side} text of length {len(text)}"
            )
        severity = self.settings.severity.get(check.code) or finding.severity or check.severity
        counterpart, counterpart_text = None, ""
        if finding.counterpart is not None:
            other = segment.text("target" if finding.side == "source" else "source")
            start, end = finding.counterpart
            if not (0 <= start <= end <= len(other)):
                raise ValueError(f"counterpart span {start}:{end} outside the other side's text")
            counterpart, counterpart_text = (start, end), other[start:end]
        return Issue(
            code=check.code,
            name=check.name,
            category=finding.category or check.category,
            severity=severity,
            segment=segment.id,
            side=finding.side,
            start=finding.start,
            end=finding.end,
            text=text[finding.start : finding.end],
            message=finding.message,
            suggestion=finding.suggestion,
            counterpart=counterpart,
            counterpart_text=counterpart_text,
        )
