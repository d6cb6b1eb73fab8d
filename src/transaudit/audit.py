"""The pipeline for one article: back-translate, check, score.

Reading and writing happen elsewhere; this module turns an :class:`Article`
into an :class:`ArticleResult` and nothing else.
"""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from functools import cache

from transaudit import __version__
from transaudit.analysis.languages import supported_languages
from transaudit.analysis.text import word_count
from transaudit.backtranslation.run import back_translate
from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article
from transaudit.result import ArticleResult
from transaudit.scoring import mqm_score, penalty


def parse_timestamp(value: str) -> str:
    """An ISO 8601 date-time (or a Unix epoch) as UTC ``YYYY-MM-DDTHH:MM:SSZ``.

    Raises ValueError naming what was wrong, so the CLI can refuse it.
    """
    text = str(value).strip()
    if text.isdigit():
        moment = datetime.fromtimestamp(int(text), tz=UTC)
    else:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"not an ISO 8601 date-time: {value!r} (e.g. 2026-11-28T12:00:00Z)") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def run_timestamp(settings: Settings) -> str:
    """The one field that varies between identical runs, fixable for reproducibility.

    ``--timestamp`` (settings.extra["timestamp"]) wins, then SOURCE_DATE_EPOCH,
    then the current time, always in UTC ISO 8601. A malformed value raises
    ValueError (checked up front by the CLI).
    """
    fixed = settings.extra.get("timestamp")
    if fixed:
        try:
            return parse_timestamp(str(fixed))
        except ValueError as error:
            raise ValueError(f"--timestamp: {error}") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        if not epoch.strip().isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}")
        return parse_timestamp(epoch.strip())
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


def audit_article(article: Article, settings: Settings, engine: Engine | None = None) -> ArticleResult:
    """Audit one article with the given settings (an engine can be reused)."""
    engine = engine or Engine(settings)
    bt_summary = back_translate(article, settings)
    run = engine.run(article)
    words = sum(word_count(segment.target) for segment in article.segments)
    notices = list(bt_summary.get("notices", []))
    unknown = sorted({article.source_lang, article.target_lang} - supported_languages())
    if unknown:
        notices.append(
            f"no check data for {', '.join(unknown)}: language-specific checks are silent for it "
            f"(data exists for {', '.join(sorted(supported_languages()))})"
        )
    score = mqm_score(run.issues, words, settings.weights)
    return ArticleResult(
        article=article,
        issues=run.issues,
        score=score,
        passed=score >= settings.threshold,
        threshold=settings.threshold,
        penalty=penalty(run.issues, settings.weights),
        target_words=words,
        errors=[error.to_dict() for error in run.errors],
        notices=notices,
        settings={**settings.to_dict(), "checks": [check.code for check in engine.checks]},
        versions=versions(),
        backtranslation={k: v for k, v in bt_summary.items() if k != "notices"},
        timestamp=run_timestamp(settings),
    )
