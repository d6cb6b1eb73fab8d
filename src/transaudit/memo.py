"""Per-article memo caches: emptied between the articles of a batch.

Analysis helpers memoise pure functions of a segment's text with
``functools.lru_cache`` so that the checks of one article share tokenising,
gazetteer look-ups and parsing. Those entries are worth nothing to the next
article of a batch (its text differs) but would stay until the cache is full,
and with whole paragraphs as keys a full cache holds hundreds of MiB. So a batch
worker calls :func:`clear_text_caches` after each article, as Translate
Toolkit empties its per-unit results cache for each unit: memory stays flat in
the number of articles.

The rule that tells a text cache from a resource cache, without a list to keep
in step with the modules: resources are cached per language, with no limit or a
small one (8 or 16 entries); a cache bounded at :data:`TEXT_CACHE_MIN` entries
or more is keyed by text.

Two kinds of large caches are worth keeping from one article to the next, and
are marked :func:`lasting` so that :func:`clear_text_caches` leaves them: a
cache keyed by *words* (its size follows the language's vocabulary, which every
article repeats, like the speller's own memo of look-ups), and a cache keyed by
*source texts* only (a newsroom re-audits a story after an edit, and several
systems' translations of one source are audited one after the other: the source
side is the same paragraphs each time). Both stay bounded by their ``maxsize``,
which the marked caches keep small enough (a source-text cache holds about one
article's paragraphs) for memory to stay flat over a batch. A function asked
about both sides (a gazetteer scan, name runs) is a :func:`text_cache`: its
calls on the current article's sources go to a lasting twin, the others to
its text cache.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

#: An lru_cache bounded at this many entries or more memoises per-text work.
TEXT_CACHE_MIN = 1024
#: Bound of a :func:`lasting` cache keyed by words: a language's working
#: vocabulary (a 998-paragraph WMT24 article has ~9,000 distinct words), a few
#: MiB at most, whatever the number of articles.
WORD_CACHE = 16384
#: Bound of a :func:`lasting` cache keyed by source texts: one usual article's
#: paragraphs (WMT24's documents have under 1,000), so the next article on the
#: same source finds them all, and memory stays that of one article's sources.
SOURCE_CACHE = 1024


#: The attribute :func:`lasting` sets on a cache.
_LASTING = "transaudit_lasting"

_Cache = TypeVar("_Cache", bound=Callable[..., object])


def lasting(cache: _Cache) -> _Cache:
    """Mark a bounded ``lru_cache`` to be kept between articles (see the module's docstring).

    Only for caches keyed by words or by source texts, bounded by their ``maxsize``.
    """
    if not isinstance(cache, functools._lru_cache_wrapper) or cache.cache_parameters()["maxsize"] is None:
        raise TypeError("lasting() takes a bounded functools.lru_cache")
    setattr(cache, _LASTING, True)
    return cache


def is_lasting(cache: object) -> bool:
    return bool(getattr(cache, _LASTING, False))


#: The source texts of the article being checked (:func:`source_texts`).
_sources: frozenset[str] = frozenset()


@contextmanager
def source_texts(texts: Iterable[str]) -> Iterator[None]:
    """While the checks run on an article, these texts (its sources) are memoised by
    :func:`text_cache` functions in their lasting source cache."""
    global _sources
    previous, _sources = _sources, frozenset(texts)
    try:
        yield
    finally:
        _sources = previous


def text_cache(maxsize: int, text: int = 0, per_source: int = 1) -> Callable[[_Cache], _Cache]:
    """``lru_cache(maxsize)`` for a pure function of a text (argument ``text``), with a twin
    for source texts.

    A call on one of the current article's sources (:func:`source_texts`) is answered
    from a :func:`lasting` cache of :data:`SOURCE_CACHE` entries, any other from the
    text cache emptied after each article. Whichever answers, the value is the same
    (a pure function): the twin only lets the next article on the same source find
    its analyses. ``per_source``: the entries one source text takes in the twin (a
    gazetteer of each language scans it: 2), so that one article's sources fit.
    ``cache_clear``/``cache_info`` are the text cache's; the twin is ``.sources``.
    """

    def decorate(function: _Cache) -> _Cache:
        texts = functools.lru_cache(maxsize=maxsize)(function)
        sources = lasting(functools.lru_cache(maxsize=SOURCE_CACHE * per_source)(function))

        @functools.wraps(function)
        def cached(*args: Any) -> Any:
            return (sources if args[text] in _sources else texts)(*args)

        cached.texts = texts  # type: ignore[attr-defined]
        cached.sources = sources  # type: ignore[attr-defined]
        cached.cache_clear = texts.cache_clear  # type: ignore[attr-defined]
        cached.cache_info = texts.cache_info  # type: ignore[attr-defined]
        cached.cache_parameters = texts.cache_parameters  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate


def text_caches() -> list[functools._lru_cache_wrapper[object]]:
    """The text-keyed caches of every loaded transaudit module (not the :func:`lasting` ones)."""
    found = []
    for name, module in list(sys.modules.items()):
        if name != "transaudit" and not name.startswith("transaudit."):
            continue
        for value in list(vars(module).values()):
            value = getattr(value, "texts", value)  # a text_cache function: its text cache
            if not isinstance(value, functools._lru_cache_wrapper):
                continue
            if getattr(value, "__module__", None) != name:
                continue  # imported from another module: counted there
            maxsize = value.cache_parameters()["maxsize"]
            if maxsize is not None and maxsize >= TEXT_CACHE_MIN and not is_lasting(value):
                found.append(value)
    return found


_settled = False

#: Allocations between two young-generation passes of the cyclic garbage collector
#: in a process auditing a batch (CPython's default is 700). An audit allocates
#: millions of short-lived objects (tuples, match objects, strings) that reference
#: counting frees at once; the collector's passes over them found nothing to free
#: yet cost about a tenth of a batch's CPU (``gc.callbacks`` over the 23 WMT24
#: systems: 1,430 passes, 1.2 s of 20). Reference cycles are rare in the checks'
#: data (frozen dataclasses, tuples); one waits for at most this many more
#: allocations before it is freed, a few hundred KiB. Peak memory of that run is
#: unchanged (135 MiB).
BATCH_GC_THRESHOLD = 10_000


@contextmanager
def batch_collector() -> Iterator[None]:
    """The garbage collector's young-generation threshold raised to :data:`BATCH_GC_THRESHOLD`
    while a batch runs in this process, restored afterwards (see :func:`tune_collector`)."""
    previous = gc.get_threshold()
    tune_collector()
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def tune_collector() -> None:
    """Raise the young-generation threshold for a process that audits articles (a batch worker).

    Only the collector's timing changes, never what is freed: reports are the same.
    """
    threshold, *older = gc.get_threshold()
    gc.set_threshold(max(threshold, BATCH_GC_THRESHOLD), *older)


def clear_text_caches(settle: bool = True) -> int:
    """Empty the text-keyed caches; return how many there were.

    ``settle=False`` between the chunks of one long article (:mod:`transaudit.engine`):
    the article is not finished, so what is alive is not yet only resources.

    After the first article of a process, what is still alive is mostly the
    language resources loaded for it (wordfreq tables, gazetteer, Hunspell
    answers, langdetect profiles) and lives as long as the process: it is moved
    out of the garbage collector's sight (``gc.freeze``), which otherwise
    walks those millions of objects again at every full collection (about 8%
    of a batch's CPU). Frozen objects are still freed when no longer referenced;
    only a reference cycle among them would stay, once.
    """
    global _settled
    caches = text_caches()
    for cache in caches:
        cache.cache_clear()
    if settle and not _settled:
        _settled = True
        gc.collect()
        gc.freeze()
    return len(caches)
