"""Content coverage through back-translation (TA520 omission, TA521 addition).

Reads :func:`transaudit.meaning.coverage.moved_words`: lemmatised content words
of the source missing from the back-translation, and of the back-translation
missing from the source, weighted by rarity (wordfreq). Only a *run* of moved
words heavy enough is reported (scattered swaps are the engine's paraphrases).
The threshold per language pair is in ``data/coverage`` with the rule that set
it. Silent without a back-translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from transaudit import data
from transaudit.analysis import resources
from transaudit.analysis.text import word_count
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.meaning import encoder, similarity
from transaudit.meaning.coverage import heaviest_run, moved_words
from transaudit.meaning.insertions import far_from_source, lexicons, unexplained
from transaudit.model import Article, Category, Segment, Severity

FAMILY = "coverage"


def _limits(ctx: CheckContext) -> dict[str, Any]:
    """The pair's calibration (``ctx.pair``), else the default one (``data/coverage/default.toml``)."""
    return ctx.pair.family(FAMILY) or data.load(FAMILY, "default")


def _usable(segment: Segment, min_words: int) -> bool:
    back = segment.back_translation
    return bool(back and back.strip() and segment.source.strip()) and word_count(segment.source) >= min_words


class _CoverageCheck(Check):
    #: Off by default: on the DEMETR tune half a threshold that flags no unperturbed
    #: translation finds about one perturbation in ten (docs/evaluation.md, "Meaning").
    default_enabled = False


@register
class ContentOmitted(_CoverageCheck):
    """Source content words that did not come back through the back-translation.

    The source and the back-translation are lemmatised (simplemma) and source
    content words with no counterpart in the back-translation are weighted by
    rarity (wordfreq); the heaviest run of them is highlighted in the source
    when its weight reaches the pair's ``omission`` threshold. Paraphrase
    noise scatters; an omitted phrase or name comes as a run.

    Bad: source "El alcalde de Valparaíso, Jorge Sharp, inauguró el puente" →
    target "The mayor inaugurated the bridge" (back: "El alcalde inauguró el
    puente"): "Valparaíso, Jorge Sharp" is gone.
    Good: "The mayor of Valparaíso, Jorge Sharp, inaugurated the bridge".
    """

    code = "TA520"
    needs = (Need("coverage", pair=True, optional=True), Need(resources.BACKTRANSLATION))
    name = "content-omitted"
    category = Category.OMISSION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        limits = _limits(ctx)
        if not _usable(segment, int(limits["min_words"])):
            return
        missing, _ = moved_words(segment.source, segment.back_translation or "", ctx.source_lang)
        total, run = heaviest_run(segment.source, missing, ctx.source_lang)
        if total < float(limits["omission"]) or not run:
            return
        listed = ", ".join(f"'{m.token.text}'" for m in run)
        yield Finding(
            "source",
            run[0].token.start,
            run[-1].token.end,
            f"{listed} did not come back through the back-translation: possibly left out of the translation",
        )


@register
class ContentAdded(_CoverageCheck):
    """Back-translation content words with no counterpart in the source.

    The mirror of TA520: the heaviest run of back-translation content words
    that the source does not have, when its weight reaches the pair's
    ``addition`` threshold. The back-translation is not the target, so the
    whole target segment is highlighted and the message names the words.

    Bad: source "El puente abrió el lunes" → target "The new suspension bridge
    over the Mapocho opened on Monday" (back: "El puente colgante nuevo sobre
    el Mapocho abrió el lunes").
    Good: "The bridge opened on Monday".
    """

    code = "TA521"
    needs = (Need("coverage", pair=True, optional=True), Need(resources.BACKTRANSLATION))
    name = "content-added"
    category = Category.ADDITION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        limits = _limits(ctx)
        if not _usable(segment, int(limits["min_words"])):
            return
        back = segment.back_translation or ""
        _, added = moved_words(segment.source, back, ctx.source_lang)
        total, run = heaviest_run(back, added, ctx.source_lang)
        if total < float(limits["addition"]) or not run:
            return
        listed = ", ".join(f"'{m.token.text}'" for m in run)
        start = len(segment.target) - len(segment.target.lstrip())
        yield Finding(
            "target",
            start,
            len(segment.target.rstrip()),
            f"the back-translation brings {listed}, which the source does not have: possibly added",
        )


@register
class WordAdded(_CoverageCheck):
    """A content word of the translation that translates nothing in the source.

    Each target word is linked to the source words it can translate through
    Apertium's bilingual dictionaries (both directions), shared spellings and
    shared word starts (:mod:`transaudit.meaning.insertions`). A target content
    word with no link, whose neighbours translate neighbouring source words
    (nothing of the source left unexplained between them: an insertion, not a
    paraphrase), is flagged when it is rare enough (``word_weight``) and the
    sentence encoder finds it unlike every source word (``word_similarity``).
    Needs Apertium's dictionaries for the pair and the encoder; silent without.

    Bad: source "sobre los hombros de los consumidores" → target "on the
    shoulders of omnivore consumers".
    Good: "on the shoulders of consumers".
    """

    code = "TA522"
    needs = (Need("coverage", pair=True, optional=True), Need(resources.APERTIUM_DICTIONARY, pair=True))
    name = "word-added"
    category = Category.ADDITION
    severity = Severity.MINOR
    scope = "article"
    needs_similarity = True

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        limits = _limits(ctx)
        found = lexicons(ctx.source_lang, ctx.target_lang)
        pairs = [s for s in article.segments if s.source.strip() and s.target.strip()]
        if found is None or not pairs or "word_weight" not in limits:
            return
        forward, backward = found
        sources = forward.words(s.source for s in pairs)
        targets = backward.words(s.target for s in pairs)
        heavy = float(limits["word_weight"])
        candidates = {}
        for segment in pairs:
            source, target = sources[segment.source], targets[segment.target]
            chosen = [
                c
                for c in unexplained(source, target, forward, backward, ctx.target_lang)
                if c.weight >= heavy
            ]
            if chosen:
                candidates[segment.id] = (segment, source, chosen)
        if not candidates:
            return
        texts = {c.word.text for _, _, chosen in candidates.values() for c in chosen}
        texts |= {w.text for _, source, _ in candidates.values() for w in source if w.content}
        try:
            vectors = similarity.embed(sorted(texts), {"no-cache": ctx.no_cache, "cache-dir": ctx.cache_dir})
        except encoder.EncoderUnavailable:
            return
        floor = float(limits["word_similarity"])
        for segment, source, chosen in candidates.values():
            for added in far_from_source(chosen, source, vectors, floor):
                yield Finding(
                    "target",
                    added.word.start,
                    added.word.end,
                    f"'{added.word.text}' translates no word of the source: possibly added",
                    segment=segment.id,
                )
