"""Runs the selected checks over an article and collects their issues.

Selection follows flake8 and ruff: ``select``/``extend-select``/``ignore`` take
code prefixes (``TA1``) or check names, layered as :func:`apply_selection` says.
A check that raises is recorded as an internal error for that segment and the
audit goes on.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from transaudit.analysis.resources import (
    BACKTRANSLATION,
    HUNSPELL,
    LanguageResources,
    PairResources,
    for_language,
    for_pair,
)
from transaudit.checks import Check, CheckContext, Finding, all_checks
from transaudit.checks.base import iter_findings, need_status, unmet
from transaudit.errors import ConfigError
from transaudit.memo import clear_text_caches
from transaudit.model import Article, Issue, Segment
from transaudit.settings import API, Selection, Settings

#: Segments checked between two emptyings of the text caches in a long article: at
#: least any usual article (WMT24's documents have under 1,000 paragraphs), so an
#: ordinary article runs as one chunk and its article checks find the segment
#: checks' analyses still cached.
CHUNK = 1024


@dataclass
class InternalError:
    """A check that crashed on one segment (or on the whole article)."""

    check: str
    segment: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "segment": self.segment, "error": self.error}


@dataclass(frozen=True)
class NotRun:
    """A selected check that did not run for this article, and why (its missing data)."""

    check: str
    name: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "name": self.name, "reason": self.reason}

    def describe(self) -> str:
        return f"{self.check} {self.name}: {self.reason}"


@dataclass
class CheckRun:
    issues: list[Issue] = field(default_factory=list)
    errors: list[InternalError] = field(default_factory=list)
    #: Selected checks that did not run: their required data is missing for the pair.
    not_run: list[NotRun] = field(default_factory=list)
    #: Codes of the selected checks, in order.
    codes: list[str] = field(default_factory=list)

    @property
    def ran(self) -> list[str]:
        """Codes of the checks that ran."""
        skipped = {n.check for n in self.not_run}
        return [code for code in self.codes if code not in skipped]


def _matches(check: type[Check], pattern: str) -> bool:
    pattern = pattern.strip()
    if pattern.upper() == "ALL":
        return True
    return check.code.upper().startswith(pattern.upper()) or check.name == pattern.lower()


def _exact(check: type[Check], pattern: str) -> bool:
    pattern = pattern.strip()
    return pattern.upper() in ("ALL", check.code.upper()) or check.name == pattern.lower()


def _selects(check: type[Check], pattern: str) -> bool:
    """An off-by-default check is selected only by its code, its name or ALL (not a prefix)."""
    return _matches(check, pattern) if check.default_enabled else _exact(check, pattern)


def matches_any_check(pattern: str) -> bool:
    """A pattern that selects nothing is a typo (``TA1O1``): the settings refuse it."""
    return any(_matches(check, pattern) for check in all_checks())


def apply_selection(catalogue: Sequence[type[Check]], layers: Sequence[Selection]) -> list[type[Check]]:
    """The checks the selection layers choose, in catalogue order (ruff's semantics).

    Start from the checks on by default. Each layer in order: its ``select``
    (if any) replaces the chosen set; ``extend_select`` adds; ``ignore`` removes,
    together with the ignores of the layer before when that layer had no
    ``select`` (so a config file's ``ignore`` survives a command-line
    ``--select``, but not a config ``select`` + ``ignore`` pair).
    """
    chosen = {check.code for check in catalogue if check.default_enabled}
    carried: tuple[str, ...] = ()
    for layer in layers:
        if layer.select is not None:
            chosen = {c.code for c in catalogue if any(_selects(c, p) for p in layer.select)}
        chosen |= {c.code for c in catalogue if any(_selects(c, p) for p in layer.extend_select)}
        ignore = (*carried, *layer.ignore)
        chosen -= {c.code for c in catalogue if any(_matches(c, p) for p in ignore)}
        carried = layer.ignore if layer.select is None else ()
    return [check for check in catalogue if check.code in chosen]


def select_checks(settings: Settings) -> list[type[Check]]:
    """The checks a run uses, in code order; a pattern that matches no check is an error."""
    catalogue = all_checks()
    for layer in settings.selection:
        for pattern in (*(layer.select or ()), *layer.extend_select, *layer.ignore):
            if not any(_matches(check, pattern) for check in catalogue):
                raise ConfigError(layer.origin, f"no check matches {pattern!r}")
    chosen = apply_selection(catalogue, settings.selection)
    if not chosen:
        # An empty --select "$UNSET_VARIABLE" or an ignore of everything would pass
        # every article with a perfect score: refuse it instead.
        origin = settings.selection[-1].origin if settings.selection else "selection"
        raise ConfigError(origin, "the selection leaves no check to run (select/ignore remove them all)")
    return chosen


def check_options(check: type[Check] | Check, settings: Settings) -> dict[str, Any]:
    """Every declared option of the check: its default, or the configured value."""
    options = check.option_defaults()
    options.update(settings.check_options.get(check.code, {}))
    options.update(settings.check_options.get(check.name, {}))
    return options


def validate(settings: Settings) -> None:
    """Severity and option keys name registered checks and declared options.

    Settings read from a file or the command line were checked as they were
    parsed (naming the file); this catches settings built in Python.
    """
    from transaudit.checks import find_check

    for key in (*settings.severity, *settings.check_options):
        if find_check(key) is None:
            raise ConfigError(API, f"no check has the code or name {key!r}")
    for key, values in settings.check_options.items():
        check = find_check(key)
        declared = {option.name: option for option in check.options} if check else {}
        for name, value in values.items():
            if name not in declared:
                raise ConfigError(API, f"[options.{key}] {name}: {key} has no such option")
            try:
                declared[name].coerce(value)
            except ValueError as error:
                raise ConfigError(API, f"[options.{key}] {name}: {error}") from None


def _spelling_missing(target_lang: str, configured: Sequence[str]) -> str | None:
    """Why a Hunspell check cannot run although the language has a dictionary: the
    configured ``[spelling] varieties`` of the target language are none installed."""
    if not configured:
        return None
    from transaudit.analysis import spelling
    from transaudit.checks.spelling import varieties_for

    tags = varieties_for(target_lang, configured)
    if not tags or spelling.speller(target_lang, tags) is not None:
        return None
    installed = ", ".join(spelling.varieties(target_lang)) or "none"
    return (f"no installed spelling dictionary among the configured varieties {', '.join(tags)} "
            f"(installed: {installed})")


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
    """The selected checks, instantiated once and reused for every article.

    ``resources`` and ``pairs`` replace the process's language resources for the
    languages (or ``(source, target)`` pairs) they name: a caller's own data, or a
    test's (see :mod:`transaudit.analysis.resources`).
    """

    def __init__(
        self,
        settings: Settings,
        resources: Mapping[str, LanguageResources] | None = None,
        pairs: Mapping[tuple[str, str], PairResources] | None = None,
    ) -> None:
        validate(settings)
        self.settings = settings
        self.resources = dict(resources or {})
        self.pairs = dict(pairs or {})
        self.checks = [cls() for cls in select_checks(settings)]

    @property
    def checks(self) -> list[Check]:
        return self._checks

    @checks.setter
    def checks(self, checks: list[Check]) -> None:
        self._checks = checks
        self._options = {check.code: check_options(check, self.settings) for check in checks}

    def context(self, article: Article, check: Check) -> CheckContext:
        bt, spelling = self.settings.backtranslation, self.settings.spelling
        source, target = article.source_lang, article.target_lang
        return CheckContext(source, target, self._options[check.code],
                            self.settings.glossary.paths, bt.no_cache, bt.cache_dir,
                            spelling.words, spelling.varieties,
                            self.resources.get(source) or for_language(source),
                            self.resources.get(target) or for_language(target),
                            self.pairs.get((source, target)) or for_pair(source, target))

    def options_record(self, ran: list[str] | None = None) -> dict[str, dict[str, Any]]:
        """Options of the selected checks (or those in ``ran``) that have any, as the report records them."""
        return {check.code: dict(sorted(self._options[check.code].items()))
                for check in self.checks
                if self._options[check.code] and (ran is None or check.code in ran)}

    def missing(self, check: Check, ctx: CheckContext, article: Article) -> str | None:
        """Why ``check`` cannot run on this article (a required resource is missing), else None."""
        if not check.needs:
            return None
        backtranslation = (True, "a back-translation of the target")
        if any(need.family == BACKTRANSLATION for need in check.needs) and not any(
            segment.back_translation for segment in article.segments
        ):
            from transaudit.backtranslation.run import unavailable

            why = unavailable(article.target_lang, article.source_lang, self.settings.backtranslation)
            backtranslation = (False, why or "no back-translation of the target (see the notices)")
        reasons = [unmet(need_status(check, ctx.source, ctx.target, ctx.pair, backtranslation))]
        if any(need.family == HUNSPELL for need in check.needs):
            reasons.append(_spelling_missing(article.target_lang, ctx.spelling_varieties))
        found = [reason for reason in reasons if reason]
        return "; ".join(found) if found else None

    def run(self, article: Article) -> CheckRun:
        """Run the checks on the article with its placeholders masked (see :meth:`Segment.masked`).

        A check whose required data is missing for the pair (its ``needs``) is not
        run; it is listed in ``not_run`` with the reason, for the report.

        Segment checks run segment by segment (every check on one segment, then the
        next), so the analyses they share (tokens, names, numbers), memoised by text
        in :mod:`transaudit.memo`'s caches, are computed once per segment whatever
        the article's length: run check by check, an article longer than a cache
        recomputed them for each check. An article of more than :data:`CHUNK`
        segments has those caches emptied after each chunk of that many and after
        each article check, so they hold at most a chunk (or one article check's
        worth, bounded by their sizes) instead of growing with its length. Article
        checks run last, on the whole article. Issues and errors come out in the
        order they had when the engine ran check by check (issues by position,
        errors by check then segment).
        """
        original, article = article, article.for_checks()
        run = CheckRun(codes=[check.code for check in self.checks])
        order = {segment.id: index for index, segment in enumerate(article.segments)}
        per_segment: list[tuple[Check, CheckContext]] = []
        per_article: list[tuple[Check, CheckContext]] = []
        for check in self.checks:
            ctx = self.context(article, check)
            reason = self.missing(check, ctx, article)
            if reason is not None:
                run.not_run.append(NotRun(check.code, check.name, reason))
            elif check.scope == "article":
                per_article.append((check, ctx))
            else:
                per_segment.append((check, ctx))
        segments = article.segments
        chunked = len(segments) > CHUNK
        issues, issue = run.issues, self._issue
        for start in range(0, len(segments), CHUNK):
            for segment in segments[start : start + CHUNK]:
                # _collect's work inline: one call less per check and segment (most find nothing).
                for check, ctx in per_segment:
                    try:
                        findings = check.check_segment(segment, ctx)
                        if findings is not None:
                            for finding in findings:
                                found = issue(check, article, segment, finding)
                                if found is not None:
                                    issues.append(found)
                    except Exception as error:
                        self._failed(run, check, segment, error)
            if chunked:
                clear_text_caches(settle=False)
        for check, ctx in per_article:
            self._collect(run, check, article, None, check.check_article(article, ctx))
            if chunked:
                clear_text_caches(settle=False)
        rank = {check.code: index for index, check in enumerate(self.checks)}
        run.errors.sort(key=lambda e: (rank.get(e.check, 0), order.get(e.segment, -1) if e.segment else -1))
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
            self._failed(run, check, segment, error)

    @staticmethod
    def _failed(run: CheckRun, check: Check, segment: Segment | None, error: Exception) -> None:
        """Record a check's crash on a segment (or on the whole article) as an internal error."""
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
        problem = f"{type(error).__name__}: {error} ({where})"
        run.errors.append(InternalError(check.code, segment.id if segment else None, problem))

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
        configured = self.settings.severity.get(check.code) or self.settings.severity.get(check.name)
        severity = configured or finding.severity or check.severity
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
