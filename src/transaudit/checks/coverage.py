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
from transaudit.analysis.text import word_count
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.meaning.coverage import heaviest_run, moved_words
from transaudit.model import Category, Segment, Severity

FAMILY = "coverage"


def _limits(ctx: CheckContext) -> dict[str, Any]:
    return data.load(FAMILY, f"{ctx.source_lang}-{ctx.target_lang}") or data.load(FAMILY, "default")


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
    needs = (Need("coverage", pair=True, optional=True),)
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
    needs = (Need("coverage", pair=True, optional=True),)
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
