"""What a check is: one declared unit with a stable code.

A check *yields* :class:`Finding` objects and never raises on purpose; the
engine stamps code, name, category and severity on each finding, validates the
span and turns an unexpected exception into an internal-error entry.

The first docstring line of a check class is its title; the rest (with a bad
and a good example) is its documentation, shown by ``transaudit checks``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from transaudit.analysis import resources
from transaudit.analysis.resources import LanguageResources, PairResources
from transaudit.model import Article, Segment, Severity, Side


@dataclass(frozen=True)
class Finding:
    """A span a check objects to, before the engine turns it into an Issue.

    ``segment`` is required from article checks (which see every segment) and
    ignored for segment checks. ``severity`` overrides the check's default when
    a check knows a finding is worse (or milder) than usual.
    """

    side: Side
    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None
    segment: str | None = None
    category: str | None = None
    #: The matching span on the other side (start, end), e.g. the source number a changed
    #: target number stands for, so a report can highlight both.
    counterpart: tuple[int, int] | None = None


@dataclass(frozen=True)
class Option:
    """One setting a check accepts under ``[options.CODE]`` (or ``[options.name]``).

    Declared next to the check so the engine can refuse a misspelt option or a
    value of the wrong type instead of silently using the default, and so
    ``transaudit checks -v`` and the README can list every option.
    """

    name: str
    type: type
    default: Any
    description: str
    #: Smallest accepted value for numbers (``None``: any finite number).
    minimum: float | None = None

    def coerce(self, value: Any) -> Any:
        """The value as this option's type; ValueError says what was expected."""
        kind = "whole number" if self.type is int else "number"
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError(f"expected true or false, not {value!r}")
            return value
        if self.type is str:
            if not isinstance(value, str):
                raise ValueError(f"expected a string, not {value!r}")
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            expected = "a whole number" if self.type is int else "a number"
            raise ValueError(f"expected {expected}, not {value!r}")
        if self.type is int and not (isinstance(value, int) or float(value).is_integer()):
            raise ValueError(f"expected a whole number, not {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, not {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"expected a {kind} ≥ {self.minimum:g}, not {value!r}")
        return self.type(value)


@dataclass(frozen=True)
class Need:
    """One kind of data a check reads, declared on the check (``needs``).

    ``family`` is a data family (a folder of ``transaudit/data``: ``gazetteer``,
    ``boilerplate``, …), a machine resource (``hunspell``, ``wordfreq``) or
    ``backtranslation``. ``side`` says whose language must have it (``source``,
    ``target`` or ``both``); ``pair`` means a per-pair file
    (``data/length/es-en.toml``). A required need that is missing keeps the check
    from running, and the report says so (never a run on invented defaults); an
    ``optional`` one only refines the check (an exception list, stopwords), so it
    runs without it. The engine and ``transaudit languages`` read these
    declarations; nothing else lists which check reads what.
    """

    family: str
    side: str = "target"
    pair: bool = False
    optional: bool = False

    def __post_init__(self) -> None:
        if self.side not in ("source", "target", "both"):
            raise ValueError(f"Need({self.family!r}): side must be source, target or both, not {self.side!r}")

    def languages(self, source_lang: str, target_lang: str) -> tuple[str, ...]:
        """The languages that must have this data (one for a pair need: the pair's key)."""
        if self.pair:
            return (f"{source_lang}-{target_lang}",)
        return {"source": (source_lang,), "target": (target_lang,), "both": (source_lang, target_lang)}[
            self.side
        ]


@dataclass
class CheckContext:
    """What a check may know besides the text: languages, its options, glossaries."""

    source_lang: str
    target_lang: str
    #: Every declared option of the check: its default or the configured value.
    options: Mapping[str, Any] = field(default_factory=dict)
    #: Glossary files of the run (paths as given), for the terminology checks.
    glossaries: tuple[str, ...] = ()
    #: The run's cache settings (``no-cache``, ``cache-dir``), for checks that cache
    #: model outputs (sentence vectors) next to the back-translations.
    no_cache: bool = False
    cache_dir: str | None = None
    #: ``[spelling]``: editors' word lists and the Hunspell varieties to use.
    spelling_words: tuple[str, ...] = ()
    spelling_varieties: tuple[str, ...] = ()
    #: The languages' resources (the process's shared ones unless a caller or a test
    #: hands its own): what a check knows about each side's language and the pair.
    source: LanguageResources = None  # type: ignore[assignment]
    target: LanguageResources = None  # type: ignore[assignment]
    pair: PairResources = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.source is None:
            self.source = resources.for_language(self.source_lang)
        if self.target is None:
            self.target = resources.for_language(self.target_lang)
        if self.pair is None:
            self.pair = resources.for_pair(self.source_lang, self.target_lang)

    def resources(self, lang: str) -> LanguageResources:
        """The resources of one of the pair's languages (else the process's shared ones)."""
        if lang == self.target_lang:
            return self.target
        if lang == self.source_lang:
            return self.source
        return resources.for_language(lang)

    def data(self, family: str, lang: str) -> dict[str, Any]:
        """Per-language data of one family (empty when the language has none)."""
        return self.resources(lang).family(family)

    def pair_data(self, family: str) -> dict[str, Any]:
        """Data for the language pair, e.g. ``family/es-en.toml`` (may be empty)."""
        return self.pair.family(family)


class Check:
    """Base class of every check; subclasses declare the class attributes."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.MINOR
    #: "segment" checks see one segment at a time, "article" checks all of them.
    scope: ClassVar[str] = "segment"
    #: Off unless selected explicitly (too noisy for the default run).
    default_enabled: ClassVar[bool] = True
    #: The options this check accepts (``[options.CODE]`` in the config file).
    options: ClassVar[tuple[Option, ...]] = ()
    #: Whether the check's findings may cover a placeholder (inline markup) itself.
    #: Every other check sees placeholders masked and never points at one.
    sees_placeholders: ClassVar[bool] = False
    #: The data the check reads (see :class:`Need`); without a required one it does not run.
    needs: ClassVar[tuple[Need, ...]] = ()

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterable[Finding]:
        return ()

    def check_article(self, article: Article, ctx: CheckContext) -> Iterable[Finding]:
        return ()

    @classmethod
    def title(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else cls.name

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        return {option.name: option.default for option in cls.options}

    @classmethod
    def documentation(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


def iter_findings(findings: Iterable[Finding] | None) -> Iterator[Finding]:
    """Accept generators, lists or ``None`` from a check."""
    if findings is None:
        return iter(())
    return iter(findings)


@dataclass(frozen=True)
class NeedStatus:
    """One need of a check for one language (or pair): met or not, in words."""

    need: Need
    met: bool
    text: str


def need_status(
    check: type[Check] | Check,
    source: LanguageResources,
    target: LanguageResources,
    pair: PairResources,
    backtranslation: tuple[bool, str],
) -> list[NeedStatus]:
    """Each need of ``check`` for this pair: "gazetteer data for fr", "no length data for de-fr".

    ``backtranslation`` is (available, why) as the caller knows it: the engine from
    the article's back-translations, ``transaudit languages`` from the installed routes.
    """
    found = []
    for need in check.needs:
        if need.family == resources.BACKTRANSLATION:
            found.append(NeedStatus(need, backtranslation[0], backtranslation[1]))
            continue
        where = resources.describe(need.family)
        if need.pair:
            have = pair.has(need.family)
            langs = [(have, pair.key)]
        else:
            sides = {"source": [source], "target": [target], "both": [source, target]}[need.side]
            langs = [(side.has(need.family), side.lang) for side in sides]
        for have, lang in langs:
            if have:
                found.append(NeedStatus(need, True, f"{where} for {lang}"))
            elif need.optional:
                found.append(NeedStatus(need, True, f"without {where} for {lang}"))
            else:
                why = pair.why_not(need.family) if need.pair else None
                found.append(NeedStatus(need, False, why or f"no {where} for {lang}"))
    return found


def unmet(statuses: list[NeedStatus]) -> str | None:
    """Why the check cannot run ("no gazetteer data for de; …"), or None when it can."""
    missing = [status.text for status in statuses if not status.met]
    return "; ".join(missing) if missing else None
