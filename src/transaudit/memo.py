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
"""

from __future__ import annotations

import functools
import gc
import sys

#: An lru_cache bounded at this many entries or more memoises per-text work.
TEXT_CACHE_MIN = 1024


def text_caches() -> list[functools._lru_cache_wrapper[object]]:
    """The text-keyed caches of every loaded transaudit module."""
    found = []
    for name, module in list(sys.modules.items()):
        if name != "transaudit" and not name.startswith("transaudit."):
            continue
        for value in list(vars(module).values()):
            if not isinstance(value, functools._lru_cache_wrapper):
                continue
            if getattr(value, "__module__", None) != name:
                continue  # imported from another module: counted there
            maxsize = value.cache_parameters()["maxsize"]
            if maxsize is not None and maxsize >= TEXT_CACHE_MIN:
                found.append(value)
    return found


_settled = False


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
