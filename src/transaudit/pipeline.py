"""The pipeline for one article: back-translate and check, then score.

Reading and writing happen elsewhere; this module turns an :class:`Article`
into an :class:`ArticleResult` and nothing else. Finding issues
(:func:`find_issues`) and scoring them (:func:`score_findings`) are separate
steps so that ``transaudit eval``, which needs issues but no scores, runs the
same pipeline.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from typing import Any

from transaudit import __version__
from transaudit.analysis.languages import supported_languages
from transaudit.analysis.text import word_count
from transaudit.backtranslation.run import BackTranslation, Prefetched, back_translate
from transaudit.engine import Engine
from transaudit.meaning import similarity
from transaudit.memo import source_texts
from transaudit.model import Article, Issue
from transaudit.result import ArticleResult
from transaudit.scoring import count_once, mqm_score, penalty
from transaudit.settings import Settings
from transaudit.waivers import apply_waivers, waivers_from_records


def parse_timestamp(value: str) -> str:
    """An ISO 8601 date-time (or a Unix epoch) as UTC ``YYYY-MM-DDTHH:MM:SSZ``.

    Raises ValueError naming what was wrong, so the CLI can refuse it.
    """
    text = str(value).strip()
    out_of_range = f"out of range: {text[:40]!r} (a report date lies between the years 1 and 9999 in UTC)"
    if text.isascii() and text.isdigit():
        if len(text) > 12:  # more than 31,000 years of seconds; int() of 4,301+ digits raises
            raise ValueError(out_of_range)
        try:
            moment = datetime.fromtimestamp(int(text), tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise ValueError(out_of_range) from None
    else:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"not an ISO 8601 date-time: {value!r} (e.g. 2026-11-28T12:00:00Z)") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):  # 0001-01-01T00:00:00+01:00 is in year 0 in UTC
        raise ValueError(out_of_range) from None
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def run_timestamp(settings: Settings) -> str:
    """The one field that varies between identical runs, fixable for reproducibility.

    ``--timestamp`` (``settings.output.timestamp``) wins, then SOURCE_DATE_EPOCH,
    then the current time, always in UTC ISO 8601. A malformed value raises
    ValueError (checked up front by the CLI).
    """
    fixed = settings.output.timestamp
    if fixed:
        try:
            return parse_timestamp(str(fixed))
        except ValueError as error:
            raise ValueError(f"--timestamp: {error}") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        if not (epoch.strip().isascii() and epoch.strip().isdigit()):
            raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}")
        try:
            return parse_timestamp(epoch.strip())
        except ValueError as error:
            raise ValueError(f"SOURCE_DATE_EPOCH: {error}") from None
    return parse_timestamp(datetime.now(tz=UTC).isoformat())


@cache
def _versions() -> tuple[tuple[str, str], ...]:
    """Package versions, read once per process (metadata look-ups cost ~2 ms each)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {"transaudit": __version__, "python": platform.python_version()}
    for package in ("sacrebleu", "langdetect", "pysbd", "pycountry"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return tuple(found.items())


def versions() -> dict[str, str]:
    return dict(_versions())


@dataclass
class Findings:
    """The issue-finding half of an audit: what the checks found, not yet scored."""

    #: The article as checked, its segments carrying their back-translations.
    article: Article
    issues: list[Issue]
    #: Crashed checks: ``{"check", "segment", "error"}``.
    errors: list[dict[str, Any]]
    notices: list[str]
    backtranslation: BackTranslation
    #: Codes of the checks that ran.
    checks: list[str] = field(default_factory=list)
    #: Every option of the checks that ran (defaults included), by check code.
    check_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Selected checks that did not run, and why: ``{"check", "name", "reason"}``.
    not_run: list[dict[str, str]] = field(default_factory=list)


def find_issues(
    article: Article, settings: Settings, engine: Engine | None = None, prefetched: Prefetched | None = None
) -> Findings:
    """Back-translate the article and run the checks; the article itself is not changed.

    ``prefetched``: back-translations made for a chunk of articles at once (batch).
    """
    engine = engine or Engine(settings)
    bt = back_translate(article, settings, prefetched)
    checked = bt.apply(article)
    notices = list(bt.notices)
    if any(getattr(check, "needs_similarity", False) for check in engine.checks):
        checked = replace(checked, segments=[replace(s, similarity={}) for s in checked.segments])
        cache = settings.backtranslation  # sentence vectors share the back-translation cache settings
        notice = similarity.annotate(checked, {"no-cache": cache.no_cache, "cache-dir": cache.cache_dir})
        if notice:
            notices.append(notice)
    with source_texts(segment.source for segment in checked.for_checks().segments):
        run = engine.run(checked)  # the next article on these sources finds their analyses
    unknown = sorted({article.source_lang, article.target_lang} - supported_languages())
    if unknown:
        notices.append(
            f"no check data for {', '.join(unknown)}: language-specific checks are silent for it "
            f"(data exists for {', '.join(sorted(supported_languages()))})"
        )
    if any(check.code == "TA140" for check in engine.checks):
        from transaudit.checks.spelling import missing_dictionary_notice

        notice = missing_dictionary_notice(article.target_lang, settings.spelling.varieties)
        if notice:
            notices.append(notice)
    return Findings(
        article=checked,
        issues=run.issues,
        errors=[error.to_dict() for error in run.errors],
        notices=notices,
        backtranslation=bt,
        checks=run.ran,
        check_options=engine.options_record(run.ran),
        not_run=[item.to_dict() for item in run.not_run],
    )


def score_findings(findings: Findings, settings: Settings) -> ArticleResult:
    """Score the findings and record the provenance a report needs."""
    # placeholders (inline tags, format specifiers) are not words
    words = sum(word_count(segment.masked("target")) for segment in findings.article.segments)
    article = findings.article
    applied = apply_waivers(article.id, article.segments, findings.issues,
                            waivers_from_records(settings.review.waivers))
    issues = count_once(applied.issues)  # one error found by several checks counts once
    score = mqm_score(issues, words, settings.weights)
    notices = list(findings.notices)
    if applied.stale:
        notices.append(f"{len(applied.stale)} stale waiver(s) match no issue any more: "
                       + "; ".join(waiver.describe() for waiver in applied.stale))
    return ArticleResult(
        article=article,
        issues=issues,
        score=score,
        passed=score >= settings.threshold,
        threshold=settings.threshold,
        penalty=penalty(issues, settings.weights),
        target_words=words,
        errors=findings.errors,
        notices=notices,
        not_run=findings.not_run,
        waived=applied.waived,
        stale_waivers=applied.stale,
        # Every option of the checks that ran, defaults included (README "JSON format").
        settings={**settings.to_dict(), "check_options": findings.check_options, "checks": findings.checks},
        versions=versions(),
        backtranslation=findings.backtranslation.summary(),
        timestamp=run_timestamp(settings),
    )


def audit_article(
    article: Article, settings: Settings, engine: Engine | None = None, prefetched: Prefetched | None = None
) -> ArticleResult:
    """Audit one article with the given settings (an engine can be reused)."""
    return score_findings(find_issues(article, settings, engine, prefetched), settings)
