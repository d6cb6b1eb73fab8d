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


def clear_text_caches() -> int:
    """Empty the text-keyed caches; return how many there were."""
    caches = text_caches()
    for cache in caches:
        cache.cache_clear()
    return len(caches)
