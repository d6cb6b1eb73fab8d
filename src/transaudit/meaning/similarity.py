"""Cross-lingual similarity per segment: source↔target and source↔back-translation.

Computed once per article, on demand (the first TA50x check that needs it, or
the audit when such a check is selected), and stored on each segment
(``Segment.similarity``: ``{"target": cos, "back_translation": cos,
"back_to_target": cos}``) so the JSON and HTML reports show it. The third cosine,
back-translation↔target, says how much of the target's meaning the round trip
kept: it does not know the source, so it measures the engine, not the
translation (TA501 trusts the back-translation's view only when it is high).
Texts are embedded in one batch per article, through the on-disk vector cache;
the encoder is loaded only on a cache miss.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported where it is used: a default audit never loads it (16 MiB)
    import numpy as np

from transaudit.meaning import encoder
from transaudit.meaning.vectors import VectorCache
from transaudit.model import Article

TARGET = "target"
BACK = "back_translation"
#: Back-translation ↔ target: how faithfully the engine rendered the target (not the source).
BACK_TO_TARGET = "back_to_target"

#: Articles already annotated in this process, by identity (eval audits many).
_MARK = "_similarity_done"


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def embed(texts: list[str], settings: Mapping[str, Any] | None = None) -> dict[str, np.ndarray]:
    """Vectors for distinct texts, from the cache where possible (raises EncoderUnavailable)."""
    settings = settings or {}
    wanted = sorted(set(texts))
    if not wanted:
        return {}
    model = encoder.identity()
    cache = None if _truthy(settings.get("no-cache")) else VectorCache(settings.get("cache-dir"))
    found = cache.get_many(model, wanted) if cache is not None else {}
    missing = [text for text in wanted if text not in found]
    if missing:
        if not encoder.available():
            raise encoder.EncoderUnavailable(encoder.NOTICE)
        fresh = encoder.load().encode(missing)
        new = dict(zip(missing, fresh, strict=True))
        found.update(new)
        if cache is not None:
            cache.put_many(model, new)
    if cache is not None:
        cache.close()
    return found


def annotate(article: Article, settings: Mapping[str, Any] | None = None) -> str | None:
    """Fill ``segment.similarity`` for every two-sided segment; the notice if impossible."""
    if getattr(article, _MARK, None) is not None:
        return getattr(article, _MARK) or None
    pairs = [s for s in article.segments if s.source.strip() and s.target.strip()]
    texts = [s.source for s in pairs] + [s.target for s in pairs]
    texts += [s.back_translation for s in pairs if s.back_translation and s.back_translation.strip()]
    try:
        vectors = embed(texts, settings)
    except encoder.EncoderUnavailable as error:
        setattr(article, _MARK, str(error))
        return str(error)
    for segment in pairs:
        source = vectors[segment.source]
        segment.similarity = {TARGET: round(float(source @ vectors[segment.target]), 4)}
        back = segment.back_translation
        if back and back.strip():
            segment.similarity[BACK] = round(float(source @ vectors[back]), 4)
            segment.similarity[BACK_TO_TARGET] = round(float(vectors[segment.target] @ vectors[back]), 4)
    setattr(article, _MARK, "")
    return None
