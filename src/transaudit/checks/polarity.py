"""Polarity: a negation on one side of a segment and none on the other (TA510)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.analysis.text import Token
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.meaning.insertions import lexicons
from transaudit.meaning.polarity import (
    clausal,
    lexical_negations,
    negated_verb,
    negated_verbs,
    negations,
    supported,
    unmatched_negations,
)
from transaudit.model import Category, Segment, Severity


@register
class NegationMismatch(Check):
    """A negation in the source that the translation drops, or one it adds.

    Negation cues per language are data (``data/negation/<lang>.toml``, from
    each language's reference grammar): "no", "nunca", "sin", "ni" in Spanish;
    "not", "n't", "never", "without", "no" in English; fixed phrases that do not
    negate ("sin embargo", "not only") are listed apart. A segment is flagged
    when one side has a cue and the other has none. When there is a
    back-translation it must agree with the target: a target whose
    back-translation brings a negation back expresses it some other way
    ("unable", "impossible"), and is left alone; so is a negation the target
    adds where the source means one without a cue ("unable", "lack of",
    "chemo-naïve": the ``lexical`` table of the source language), and a source
    negation the target renders the same way ("no planeados" → "unplanned") or
    with a negative implicative verb ("no haya aprobado" → "failing to
    approve": ``lexical.implicative``, :func:`~transaudit.meaning.polarity.implicative_negations`).
    Both sides negating is not enough when only the source negates a clause:
    the negative preposition ("sin", "without": ``prepositions``) negates a
    phrase, so "sin recargar … no cambiará" → "without recharging … will
    change" is flagged, unless the target has more such prepositions than the
    source ("no pagó" → "without paying"). The report marks the target word
    Apertium's dictionaries link to the verb after the dropped cue ("change"),
    for an editor who does not read the source. When both sides negate, the
    negated verbs are counted and matched through Apertium's dictionaries: a
    side that negates more verbs, whose unmatched ones are exactly the excess,
    added or dropped a negation ("no coincidieron, pero sí en el sostenimiento"
    → "did not coincide, but did not sustain"; the span is "not sustain").

    Bad: source "El gobierno no aprobó la ley." → target "The government
    approved the law."
    Good: "The government did not approve the law."

    Off by default: on a professional human translation (300 WMT24 en→es
    reference paragraphs, ``--backend none``) all 8 of its flags were false —
    litotes ("in no small part" → "en gran parte"), negated paraphrases
    ("the wrong way" → "como no había que hacerlo"). Natural translations
    move negation around far more than DEMETR's controlled perturbations,
    where it was measured. Turn it on with ``--extend-select TA510``.
    """

    code = "TA510"
    needs = (Need("negation", side="both"),)
    name = "negation-mismatch"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    default_enabled = False

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not (segment.source.strip() and segment.target.strip()):
            return
        if not (supported(ctx.source_lang) and supported(ctx.target_lang)):
            return
        source = negations(segment.source, ctx.source_lang)
        target = negations(segment.target, ctx.target_lang)
        back = segment.back_translation
        if bool(source) == bool(target):
            if source and target:
                found = list(self._clause_dropped(segment, ctx, source, target))
                yield from found or self._verbs_differ(segment, ctx)
            return
        if back and back.strip() and bool(negations(back, ctx.source_lang)) != bool(target):
            return  # the back-translation disagrees with the target: the cue list missed a form
        if source:
            if lexical_negations(segment.target, ctx.target_lang, affixes_only=True):
                return  # "embarazos no planeados" → "unplanned pregnancies"
            yield self._dropped(segment, ctx, source[0], "the translation has no negation")
            return
        if lexical_negations(segment.source, ctx.source_lang):
            return  # "unable", "lack of", "chemo-naïve": the target's cue renders it
        cue = target[0]
        yield Finding(
            "target",
            cue.start,
            cue.end,
            f"the translation negates ('{cue.text}') but the source has no negation: "
            "the meaning may be reversed",
        )

    def _clause_dropped(
        self, segment: Segment, ctx: CheckContext, source: tuple[Token, ...], target: tuple[Token, ...]
    ) -> Iterator[Finding]:
        """Both negate, but only the source negates a clause ("sin … no cambiará" → "without … will change").

        A clause negation of the source is answered by one in the target, or by a
        negative preposition the target has more of than the source ("no pagó" →
        "without paying"). The back-translation must agree (no clause negation
        either), and an affix negation ("unchanged") renders it.
        """
        wanted = clausal(source, ctx.source_lang)
        if not wanted or clausal(target, ctx.target_lang):
            return
        extra = (len(target) - len(clausal(target, ctx.target_lang))) - (len(source) - len(wanted))
        if extra > 0:
            return
        back = segment.back_translation
        if back and back.strip() and clausal(negations(back, ctx.source_lang), ctx.source_lang):
            return
        if lexical_negations(segment.target, ctx.target_lang, affixes_only=True):
            return
        yield self._dropped(segment, ctx, wanted[0], "the translation negates no clause")

    def _verbs_differ(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        """Both sides negate, but one negates more verbs than the other ("no coincidieron, pero sí
        en el sostenimiento" → "did not coincide, but did not sustain").

        The negated verbs of each side (:func:`~transaudit.meaning.polarity.negated_verbs`,
        negative concord counted once) are matched through Apertium's dictionaries; a side
        with more of them than the other, whose unmatched ones are exactly the excess, has
        added (or dropped) that negation. The back-translation must negate as many verbs as
        the target, and a negation the other side expresses without a cue ("unable",
        "lack of": the ``lexical`` table) answers one.
        """
        found = unmatched_negations(segment.source, segment.target, ctx.source_lang, ctx.target_lang)
        if found is None:
            return
        dropped, added = found
        if not (dropped or added):
            return
        back = segment.back_translation
        if back and back.strip():
            count, source_count = self._negated(back, ctx), self._negated(segment.source, ctx)
            if added and count <= source_count:
                return  # the back-translation negates no more than the source
            if dropped and count >= source_count:
                return  # … or no fewer
        if added:
            if lexical_negations(segment.source, ctx.source_lang):
                return
            extra = added[0]
            negated = segment.target[extra.cue.start : extra.verb.end]
            yield Finding(
                "target",
                extra.cue.start,
                extra.verb.end,
                f"the translation negates '{extra.verb.text}' ('{negated}')"
                " but the source does not negate what it translates: the meaning may be reversed",
            )
            return
        if lexical_negations(segment.target, ctx.target_lang, affixes_only=True):
            return
        lost = dropped[0]
        where = (lost.counterpart.start, lost.counterpart.end) if lost.counterpart else None
        verb = f"; '{lost.counterpart.text}' stands unnegated" if lost.counterpart else ""
        yield Finding(
            "source",
            lost.cue.start,
            max(lost.cue.end, lost.verb.end),
            f"the source negates '{lost.verb.text}' ('{lost.cue.text}') but the translation does not{verb}:"
            " the meaning may be reversed",
            category=Category.MISTRANSLATION,
            counterpart=where,
        )

    @staticmethod
    def _negated(text: str, ctx: CheckContext) -> int:
        """How many clause negations a source-language text has (negative concord counted once)."""
        found = lexicons(ctx.source_lang, ctx.target_lang)
        if found is None:
            return 0
        cues = clausal(negations(text, ctx.source_lang), ctx.source_lang)
        return len(negated_verbs(found[0].words([text])[text], cues))

    def _dropped(self, segment: Segment, ctx: CheckContext, cue: Token, what: str) -> Finding:
        """The source cue, with the target verb it belonged to when the dictionaries find it."""
        where = negated_verb(segment.source, segment.target, cue, ctx.source_lang, ctx.target_lang)
        verb = f"; '{segment.target[where[0]:where[1]]}' stands unnegated" if where else ""
        return Finding(
            "source",
            cue.start,
            cue.end,
            f"the source negates ('{cue.text}') but {what}{verb}: the meaning may be reversed",
            category=Category.MISTRANSLATION,
            counterpart=where,
        )
