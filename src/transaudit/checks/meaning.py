"""Meaning: the target's sentence embedding far from the source's (TA501, TA502).

Both read ``Segment.similarity`` (cosine between the source and the target in
a multilingual encoder's space, :mod:`transaudit.meaning.similarity`), filled
once per article. Thresholds are per language pair in ``data/similarity``
(``default.toml`` for uncalibrated pairs), each with the rule that set it.
Without the encoder package both checks are silent and the audit says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from transaudit import data
from transaudit.analysis.text import word_count
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.meaning import similarity
from transaudit.model import Article, Category, Segment, Severity

FAMILY = "similarity"


def thresholds(source_lang: str, target_lang: str) -> dict[str, Any]:
    """The pair's calibration, else the default one."""
    return data.load(FAMILY, f"{source_lang}-{target_lang}") or data.load(FAMILY, "default")


def _scored(article: Article, ctx: CheckContext) -> list[Segment]:
    similarity.annotate(article, {"no-cache": ctx.no_cache, "cache-dir": ctx.cache_dir})
    return [s for s in article.segments if similarity.TARGET in s.similarity]


def _trimmed(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


class _MeaningCheck(Check):
    scope = "article"
    #: The audit computes similarity before the checks when one of these runs
    #: (so a missing encoder becomes a notice in the report).
    needs_similarity = True
    #: Off by default: the encoder costs ~5 s to load per process and ~10 ms per
    #: sentence cold (docs/evaluation.md, "Meaning"); select with ``--select TA50``.
    default_enabled = False


@register
class MisalignedSegment(_MeaningCheck):
    """The target does not translate this source at all: another sentence, or nothing.

    The source and target sentence embeddings are about as far apart as two
    unrelated sentences (cosine below the pair's ``misaligned`` threshold): a
    segment shifted by the aligner or the MT system, a hallucinated sentence,
    or an empty stand-in. A heading of a word or two is judged only when the
    other side is a whole sentence.

    Bad: source "Conclusiones." → target "In this regard, it is important to note
    that there is a lack of progress in this area."
    Good: source "Conclusiones." → target "Conclusions."
    """

    code = "TA502"
    needs = (Need("similarity", pair=True, optional=True),)
    name = "misaligned-segment"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        limits = ctx.pair.family(FAMILY) or data.load(FAMILY, "default")
        floor, min_words = float(limits["misaligned"]), int(limits["min_words"])
        for segment in _scored(article, ctx):
            value = segment.similarity[similarity.TARGET]
            if value >= floor:
                continue
            if max(word_count(segment.source), word_count(segment.target)) < min_words:
                continue
            start, end = _trimmed(segment.target)
            yield Finding(
                "target",
                start,
                end,
                f"the translation does not match its source (meaning similarity {value:.2f}, unrelated "
                f"sentences score below {floor:.2f}): another sentence, a misalignment or an invented text",
                segment=segment.id,
            )


@register
class MeaningDiverges(_MeaningCheck):
    """The translation's meaning strays from the source's (sentence embeddings far apart).

    The cosine between the source and target embeddings is below the pair's
    ``diverges`` threshold, set below every unperturbed translation of the
    calibration data, yet above ``misaligned`` (TA502 reports those). Sources
    shorter than ``min_words`` are skipped: headings score low whatever their
    translation. The back-translation's similarity is quoted when there is one.
    The encoder sees gross changes (a wrong term, a dropped clause, another
    entity), not a single flipped word: TA510 and TA520 look for those.

    Bad: source "Las parcelas de Bland-Altman mostraron un acuerdo satisfactorio
    para la energía y las proteínas." → target "Group plots showed satisfactory
    agreement between both methods."
    Good: "Bland-Altman plots showed satisfactory agreement for energy and protein."
    """

    code = "TA501"
    needs = (Need("similarity", pair=True, optional=True),)
    name = "meaning-diverges"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        limits = ctx.pair.family(FAMILY) or data.load(FAMILY, "default")
        floor, ceiling = float(limits["misaligned"]), float(limits["diverges"])
        min_words = int(limits["min_words"])
        for segment in _scored(article, ctx):
            value = segment.similarity[similarity.TARGET]
            if not floor <= value < ceiling or word_count(segment.source) < min_words:
                continue
            back = segment.similarity.get(similarity.BACK)
            quoted = f"; back-translation {back:.2f}" if back is not None else ""
            start, end = _trimmed(segment.target)
            yield Finding(
                "target",
                start,
                end,
                f"the meaning may diverge from the source (meaning similarity {value:.2f}{quoted}; faithful "
                f"translations score {ceiling:.2f} or more): compare the two",
                segment=segment.id,
            )
