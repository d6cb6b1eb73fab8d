"""Back-translation of an article's target segments, with round-trip scores.

The target side goes back into the source language (target_lang →
source_lang) so an editor who reads only the source language can see what the
translation says, and so check TA401 can compare it with the source.

Choosing an engine (``settings.backtranslation.backend``): ``auto`` uses the configured model
if there is one, else Apertium if it has the language pair, else none, with a
notice saying what to install. Failures stay local: a missing pair, a crash, a
timeout or an unusable output marks the affected segments "not back-translated"
with the reason, and the audit goes on. The result is a
:class:`BackTranslation`; the article itself is not changed (``apply`` gives a
copy that carries the back-translations).

Each segment is split into units before translating (its lines; for neural
models also its sentences) so that no engine can move words from one line or
segment into another, and identical units are translated once. Units go
through an on-disk cache (:mod:`transaudit.backtranslation.cache`) unless
``no-cache`` is set.

Settings come from ``settings.backtranslation`` (:class:`transaudit.settings.BackTranslationSettings`):
``no-cache``, ``cache-dir``, ``bt-timeout`` (seconds per engine batch),
``batch-size``, ``beams``, ``max-length``, ``device`` (transformers) and
``apertium-mode`` (force a mode, e.g. ``spa-eng_US``), validated when read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from transaudit import data
from transaudit.analysis.text import sentence_spans
from transaudit.backtranslation.apertium import (
    PIVOTS,
    ApertiumBackend,
    installed_modes,
    mode_for,
    route_for,
)
from transaudit.backtranslation.base import Backend, BackendError, Translation, language_codes
from transaudit.backtranslation.cache import CachedTranslation, CacheScope, TranslationCache, statistics_key
from transaudit.backtranslation.scores import (
    TER_MAX_WORDS,
    Statistics,
    corpus_from_statistics,
    many_statistics,
    scores_from_statistics,
    signatures,
    statistics_version,
)
from transaudit.model import Article, Segment
from transaudit.settings import BACKENDS, BackTranslationSettings, Settings


def _three_letter_first(package: str) -> tuple[bool, str]:
    return len(package.split("-")[1]) != 3, package


def _apertium_package(source_lang: str, target_lang: str) -> str | None:
    """The Debian package with this pair (either direction), if Debian has one.

    Packages named with three-letter codes (apertium-eng-spa) are the maintained
    ones, so they are preferred over older two-letter names (apertium-en-es).
    """
    wanted = set(language_codes(source_lang)[0]), set(language_codes(target_lang)[0])
    for package in sorted(data.load_text("apertium", "packages"), key=_three_letter_first):
        parts = package.split("-")[1:]
        if len(parts) != 2:
            continue
        first, second = parts
        if (first in wanted[0] and second in wanted[1]) or (first in wanted[1] and second in wanted[0]):
            return package
    return None


def choose_backend(article: Article, options: BackTranslationSettings) -> tuple[Backend | None, str | None]:
    """The engine for target_lang → source_lang, or None and the reason why not."""
    source, target = article.target_lang, article.source_lang
    direction = f"{source}→{target}"
    choice = (options.backend or "auto").strip().lower()
    if choice not in BACKENDS:
        known = ", ".join(BACKENDS)
        return None, f"no back-translation: unknown backend {options.backend!r} (choose {known})"
    if choice == "none":
        return None, None
    if choice in ("auto", "transformers") and options.model:
        from transaudit.backtranslation.transformers import TransformersBackend

        return TransformersBackend(
            options.model,
            device=options.device,
            batch_size=options.batch_size,
            beams=options.beams,
            max_length=options.max_length,
            timeout=options.timeout,
        ), None
    if choice == "transformers":
        return None, f"no back-translation for {direction}: the transformers backend needs a model (--model)"
    if options.apertium_mode:
        return ApertiumBackend(options.apertium_mode, timeout=options.timeout), None
    route = route_for(source, target, installed_modes())
    if route is not None:
        return ApertiumBackend(route.modes, timeout=options.timeout, pivot=route.via), None
    packages = _apertium_packages(source, target)
    if packages is None:
        return None, (
            f"no back-translation for {direction}: Apertium has no pair for it; configure a model (--model)"
        )
    install = " and ".join(packages)
    if choice == "apertium":
        return None, f"no back-translation for {direction}: apertium has no mode for it (install {install})"
    return None, f"no back-translation for {direction}: install {install} or configure a model"


def unavailable(target_lang: str, source_lang: str, options: BackTranslationSettings) -> str | None:
    """Why the target (``target_lang``) cannot be back-translated into ``source_lang``, else None.

    The reason the checks that read a back-translation (``Need("backtranslation")``)
    are listed as not run: "back-translation is off" for ``--backend none``, else
    :func:`choose_backend`'s own reason. A configured model or Apertium mode counts
    as available (nothing is loaded to find out).
    """
    choice = (options.backend or "auto").strip().lower()
    if choice == "none":
        return "back-translation is off (backend none)"
    if choice in ("auto", "transformers") and options.model:
        return None
    if choice != "transformers" and options.apertium_mode:
        return None
    probe = Article(id="", source_lang=source_lang, target_lang=target_lang, segments=[])
    backend, reason = choose_backend(probe, options)
    return None if backend is not None else reason


def _apertium_packages(source_lang: str, target_lang: str) -> list[str] | None:
    """The Debian packages still missing for a route: one direct pair, else the
    missing steps of a route via a pivot; None when Debian has no route at all."""
    direct = _apertium_package(source_lang, target_lang)
    if direct is not None:
        return [direct]
    modes = installed_modes()
    for pivot in PIVOTS:
        if pivot in (source_lang, target_lang):
            continue
        steps = ((source_lang, pivot), (pivot, target_lang))
        packages = [_apertium_package(a, b) for a, b in steps]
        if all(packages):
            return [
                package
                for (a, b), package in zip(steps, packages, strict=True)
                if package and mode_for(a, b, modes) is None
            ]
    return None


def _layout(segment: Segment, unit: str) -> list[list[str]]:
    """The target as lines of units (units are what the engine sees)."""
    lines = segment.plain("target").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = []
    for line in lines:
        if unit == "sentence":
            layout.append([line[start:end] for start, end in sentence_spans(line)])
        else:
            layout.append([line.strip()] if line.strip() else [])
    return layout


def _translate_units(
    backend: Backend, units: list[str], source_lang: str, target_lang: str
) -> list[Translation]:
    """The backend's translations; even an unexpected crash only marks these units."""
    try:
        return backend.translate(units, source_lang, target_lang)
    except BackendError as error:
        return [Translation(None, note=str(error)) for _ in units]
    except Exception as error:  # a crashing engine must not stop the audit
        return [Translation(None, note=f"{type(error).__name__}: {error}") for _ in units]


@dataclass(frozen=True)
class SegmentBackTranslation:
    """One segment's back-translation, or why there is none (``text`` None, ``note`` set)."""

    text: str | None
    scores: dict[str, float] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class BackTranslation:
    """What back-translating an article produced: per segment, and for the report.

    ``back_translate`` leaves the article alone; :meth:`apply` returns the
    article with each segment's back-translation fields filled in.
    """

    backend: str
    direction: str
    #: Results by segment id; segments not attempted (empty target) are absent.
    segments: dict[str, SegmentBackTranslation] = field(default_factory=dict)
    #: Things the editor should know ("no back-translation for …", failures, cache).
    notices: list[str] = field(default_factory=list)
    #: The engine's own description (engine, mode or model, version, …).
    engine: dict[str, Any] = field(default_factory=dict)
    #: Whether an engine ran; False means the counts below are not meaningful.
    ran: bool = False
    attempted: int = 0
    back_translated: int = 0
    not_back_translated: int = 0
    units: int = 0
    #: Run metadata, not a result: 0 with a cold cache, ``units`` with a warm one.
    units_from_cache: int = 0
    #: The cache file, "disabled" or "unusable".
    cache: str = "disabled"
    #: Corpus chrF/BLEU/TER between back-translations and sources.
    scores: dict[str, float] = field(default_factory=dict)
    #: sacrebleu signatures, present when any segment was scored.
    signatures: dict[str, Any] | None = None

    def summary(self) -> dict[str, Any]:
        """The report's ``backtranslation`` object (key order is part of the format)."""
        data: dict[str, Any] = {"backend": self.backend, "direction": self.direction}
        if not self.ran:
            return data
        data.update(self.engine)
        data["backend"] = self.backend
        data.update(
            {
                "segments": self.attempted,
                "back_translated": self.back_translated,
                "not_back_translated": self.not_back_translated,
                "units": self.units,
                "units_from_cache": self.units_from_cache,
                "cache": self.cache,
                "scores": self.scores,
            }
        )
        if self.signatures is not None:
            data["signatures"] = self.signatures
            data["ter_max_words"] = TER_MAX_WORDS
        return data

    def apply(self, article: Article) -> Article:
        """A copy of the article whose segments carry their back-translations."""
        segments = []
        for segment in article.segments:
            found = self.segments.get(segment.id)
            if found is not None:
                segment = replace(
                    segment,
                    back_translation=found.text,
                    bt_scores=dict(found.scores),
                    bt_unknown=list(found.unknown),
                    bt_note=found.note,
                )
            segments.append(segment)
        return replace(article, segments=segments)


def back_translate(
    article: Article, settings: Settings, prefetched: Prefetched | None = None
) -> BackTranslation:
    """Back-translate the article's non-empty target segments (the article is not changed).

    ``prefetched`` (from :func:`prefetch`) holds translations already made for a chunk of
    articles: used as if the engine had just made them (cached, counted as new).
    """
    options = settings.backtranslation
    notices: list[str] = []
    direction = f"{article.target_lang}→{article.source_lang}"
    backend, reason = choose_backend(article, options)
    wanted = [segment for segment in article.segments if segment.target.strip()]
    if backend is None:
        result = BackTranslation("none", direction, notices=notices)
        if reason:
            notices.append(reason)
            note = f"not back-translated: {reason.split(': ', 1)[-1]}"
            result.segments = {segment.id: SegmentBackTranslation(None, note=note) for segment in wanted}
        return result

    layouts = {segment.id: _layout(segment, backend.unit) for segment in wanted}
    units = sorted({unit for layout in layouts.values() for line in layout for unit in line})
    cache = None if options.no_cache else TranslationCache(options.cache_dir, lock_timeout=2.0)
    try:
        done, from_cache = _translate_route(
            backend, units, article.target_lang, article.source_lang, cache, prefetched
        )
        found = _assemble(wanted, layouts, done)
        scored = [
            (segment.id, back, segment.plain("source"))
            for segment in wanted
            if (back := found[segment.id].text) is not None and segment.source.strip()
        ]
        round_trip = _round_trip([(back, source) for _, back, source in scored], cache)
        if cache is not None:
            cache.flush()  # translations and scores in one transaction
            if cache.problem:
                notices.append(cache.problem)
    finally:
        if cache is not None:
            cache.close()

    for (segment_id, back, _), (_, scores) in zip(scored, round_trip, strict=True):
        found[segment_id] = SegmentBackTranslation(back, scores, found[segment_id].unknown)
    failed = [segment for segment in wanted if found[segment.id].text is None]
    try:
        engine = dict(backend.describe())
    except Exception as error:  # the summary may lack a version, the audit goes on
        engine = {"engine": backend.name, "version": f"unknown ({error})"}
    if failed:
        reasons = sorted({found[segment.id].note or "" for segment in failed})
        notices.append(
            f"back-translation ({backend.name}) failed for {len(failed)} of {len(wanted)} segments: "
            + "; ".join(reason.removeprefix("not back-translated: ") for reason in reasons[:3])
        )
    return BackTranslation(
        backend=backend.name,
        direction=direction,
        segments=found,
        notices=notices,
        engine=engine,
        ran=True,
        attempted=len(wanted),
        back_translated=len(wanted) - len(failed),
        not_back_translated=len(failed),
        units=len(units),
        units_from_cache=from_cache,
        cache="disabled" if cache is None else str(cache.path) if not cache.problem else "unusable",
        scores=corpus_from_statistics([stats for stats, _ in round_trip]),
        signatures=signatures() if scored else None,
    )


#: Translations made ahead for a chunk of articles: by engine step, text → translation.
Prefetched = dict[CacheScope, dict[str, CachedTranslation]]


class _Store(Protocol):
    """What :func:`_translate_cached` needs of a cache."""

    def get_many(self, scope: CacheScope, texts: Iterable[str]) -> dict[str, CachedTranslation]: ...

    def put_many(self, scope: CacheScope, translations: Mapping[str, CachedTranslation]) -> None: ...


class _Recorder:
    """A cache for :func:`prefetch`: reads the real one (what it holds is not translated
    again) and keeps the new good translations in memory, for the articles to use."""

    def __init__(self, cache: TranslationCache | None) -> None:
        self.cache = cache
        self.kept: Prefetched = {}

    def get_many(self, scope: CacheScope, texts: Iterable[str]) -> dict[str, CachedTranslation]:
        return self.cache.get_many(scope, texts) if self.cache is not None else {}

    def put_many(self, scope: CacheScope, translations: Mapping[str, CachedTranslation]) -> None:
        self.kept.setdefault(scope, {}).update(translations)


def prefetch(articles: Sequence[Article], settings: Settings) -> Prefetched:
    """Back-translate the units of a chunk of articles in one Apertium call per route step.

    Why: Apertium costs about 0.26 s of CPU to start (it loads its transducers), once
    per call, so a batch of small articles spent most of a cold back-translated audit
    starting it once per article (docs/scaling.md). The articles' units are joined as
    one article's are (a blank line between units, which never occur inside a unit), and
    each article then takes its translations from here, so its report is the one it
    would get alone: the same translations, counted as new, cached by that article. A
    unit the chunk's call did not translate (a failure, or a count that did not split
    back) is left out, and its article asks the engine itself. Cached units are not
    translated again. Only Apertium: a neural model is loaded once per process anyway.
    """
    options = settings.backtranslation
    groups: dict[tuple[str, str | None, str, str], tuple[ApertiumBackend, set[str]]] = {}
    for article in articles:
        backend, _ = choose_backend(article, options)
        if not isinstance(backend, ApertiumBackend):
            continue
        key = (backend.mode, backend.pivot, article.target_lang, article.source_lang)
        units = groups.setdefault(key, (backend, set()))[1]
        for segment in article.segments:
            if segment.target.strip():
                units.update(unit for line in _layout(segment, backend.unit) for unit in line)
    kept: Prefetched = {}
    if not groups:
        return kept
    cache = None if options.no_cache else TranslationCache(options.cache_dir, lock_timeout=2.0)
    try:
        for (_, _, target_lang, source_lang), (backend, units) in groups.items():
            recorder = _Recorder(cache)
            _translate_route(backend, sorted(units), target_lang, source_lang, recorder)
            for scope, found in recorder.kept.items():
                kept.setdefault(scope, {}).update(found)
    finally:
        if cache is not None:
            cache.close()
    return kept


def _steps(backend: Backend, source_lang: str, target_lang: str) -> list[tuple[Backend, str]]:
    """The route's steps, each cached on its own: an Apertium route through a pivot
    (fr→es→en) caches fr→es under the same key as a direct fr→es back-translation, so
    articles of both pairs share it. Any other backend is one step."""
    if not isinstance(backend, ApertiumBackend) or len(backend.modes) < 2 or not backend.pivot:
        return [(backend, f"{source_lang}→{target_lang}")]
    languages = [source_lang, backend.pivot, target_lang]
    return [
        (ApertiumBackend(mode, backend.executable, backend.timeout, backend.chunk_size), f"{a}→{b}")
        for mode, a, b in zip(backend.modes, languages[:-1], languages[1:], strict=True)
    ]


def _translate_cached(
    backend: Backend, texts: list[str], source_lang: str, target_lang: str, direction: str,
    cache: _Store | None, prefetched: Prefetched | None = None,
) -> tuple[dict[str, Translation], set[str]]:
    """Each text's translation by one engine step, from the cache where it has it (the
    hits are returned too); new good translations are stored. A text in ``prefetched``
    is not translated again: it counts as new, as if the engine had just translated it."""
    done: dict[str, Translation] = {}
    scope: CacheScope | None = None
    if cache is not None or prefetched:
        try:
            scope = CacheScope(backend.name, backend.identity(), backend.version(), direction)
        except Exception:  # no version means no safe cache key, not no audit
            scope = None
        if scope is not None and cache is not None:
            for text, hit in cache.get_many(scope, texts).items():
                done[text] = Translation(hit.text, list(hit.unknown))
    hits = set(done)
    missing = [text for text in texts if text not in done]
    if missing:
        ready = prefetched.get(scope, {}) if prefetched and scope is not None else {}
        engine_texts = [text for text in missing if text not in ready]
        made = dict(zip(engine_texts, _translate_units(backend, engine_texts, source_lang, target_lang)
                        if engine_texts else [], strict=True))
        fresh = [Translation(ready[text].text, list(ready[text].unknown)) if text in ready else made[text]
                 for text in missing]
        done.update(zip(missing, fresh, strict=True))
        if cache is not None and scope is not None:
            good = {text: CachedTranslation(result.text, result.unknown)
                    for text, result in zip(missing, fresh, strict=True) if result.text}
            cache.put_many(scope, good)
    return done, hits


def _translate_route(
    backend: Backend, units: list[str], source_lang: str, target_lang: str, cache: _Store | None,
    prefetched: Prefetched | None = None,
) -> tuple[dict[str, Translation], int]:
    """Every unit through every step of the backend's route; and how many units needed
    no engine run at all (each of their steps came from the cache)."""
    (first_step, first_direction), *later = _steps(backend, source_lang, target_lang)
    done, hits = _translate_cached(
        first_step, units, source_lang, target_lang, first_direction, cache, prefetched
    )
    pivot_of = {unit: unit for unit in units if unit in hits}  # unit → its text at this step
    for step, direction in later:
        # Later steps translate the pivot text; the unknown words of the first step
        # (words of the audited target) are what the report shows.
        pivots = sorted({result.text for result in done.values() if result.text})
        onward, onward_hits = _translate_cached(
            step, pivots, source_lang, target_lang, direction, cache, prefetched
        )
        pivot_of = {unit: done[unit].text or "" for unit in pivot_of
                    if not done[unit].text or done[unit].text in onward_hits}
        done = {
            unit: Translation(onward[first.text].text, first.unknown, onward[first.text].note)
            if first.text else first
            for unit, first in done.items()
        }
    return done, len(pivot_of)


def _assemble(
    segments: list[Segment], layouts: Mapping[str, list[list[str]]], done: Mapping[str, Translation]
) -> dict[str, SegmentBackTranslation]:
    """Each segment's back-translation, assembled line by line from its units."""
    found = {}
    for segment in segments:
        lines: list[str] = []
        unknown: list[str] = []
        note = None
        for line in layouts[segment.id]:
            parts = []
            for unit in line:
                result = done.get(unit)
                if result is None or not result.ok:
                    note = (result.note if result else None) or "no output"
                    break
                parts.append(result.text or "")
                unknown.extend(word for word in result.unknown if word not in unknown)
            if note:
                break
            lines.append(" ".join(parts))
        if note:
            found[segment.id] = SegmentBackTranslation(None, note=f"not back-translated: {note}")
            continue
        found[segment.id] = SegmentBackTranslation("\n".join(lines).strip("\n"), {}, unknown)
    return found


def _round_trip(
    pairs: list[tuple[str, str]], cache: TranslationCache | None
) -> list[tuple[Statistics, dict[str, float]]]:
    """Each (back-translation, source) pair's score statistics and scores, from the
    cache where it has them.

    Scoring (TER above all) costs more than translating from the cache, so a
    warm re-audit reads the statistics and scores stored beside the
    translations; the key includes the metrics' signatures, so a new sacrebleu
    rescores.
    """
    def score(todo: list[tuple[str, str]]) -> list[tuple[Statistics, dict[str, float]]]:
        return [(stats, scores_from_statistics(stats)) for stats in many_statistics(todo)]

    if cache is None or not pairs:
        return score(pairs)
    version = statistics_version()
    keys = [statistics_key(version, text, source) for text, source in pairs]
    known = cache.get_round_trip(keys)
    todo = {key: pair for key, pair in zip(keys, pairs, strict=True) if key not in known}
    fresh = dict(zip(todo, score(list(todo.values())), strict=True))
    cache.put_round_trip(fresh)
    return [known.get(key) or fresh[key] for key in keys]
