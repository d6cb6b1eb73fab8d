"""Content coverage through back-translation (TA520 omission, TA521 addition).

Reads :func:`transaudit.meaning.coverage.moved_words`: lemmatised content words
of the source missing from the back-translation, and of the back-translation
missing from the source, weighted by rarity (wordfreq). Only a *run* of moved
words heavy enough is reported (scattered swaps are the engine's paraphrases).
The threshold per language pair is in ``data/coverage`` with the rule that set
it. Silent without a back-translation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from transaudit import data
from transaudit.analysis import resources, spelling
from transaudit.analysis.text import word_count
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.meaning import encoder, similarity
from transaudit.meaning.bilingual import Word
from transaudit.meaning.coverage import copied, heaviest_run, moved_words
from transaudit.meaning.insertions import (
    RUN_EXCESS,
    Inserted,
    far_from_source,
    lexicons,
    links,
    omitted,
    unexplained,
)
from transaudit.model import Article, Category, Segment, Severity, Side

FAMILY = "coverage"


def _limits(ctx: CheckContext) -> dict[str, Any]:
    """The pair's calibration (``ctx.pair``), else the default one (``data/coverage/default.toml``)."""
    return ctx.pair.family(FAMILY) or data.load(FAMILY, "default")


def _usable(segment: Segment, min_words: int) -> bool:
    back = segment.back_translation
    return bool(back and back.strip() and segment.source.strip()) and word_count(segment.source) >= min_words


#: How far (as a share of each text's words) the target word the dictionaries link to a
#: source word may stand from that word's own place for :func:`_rendered` to count it as
#: its translation. A translation keeps its source's order closely enough for this; a
#: word linked only to a target word elsewhere in the paragraph (the same term used in
#: another sentence: "clinical trials" of the next sentence) says nothing about whether
#: this phrase was translated. Chosen on the tune halves (docs/evaluation.md, "TA520 and
#: untranslatable words"): with links anywhere, TA520 flagged 9 Bio-MQM en→es tune
#: segments (2 on an annotated span) and 5 WMT24 reference tune paragraphs; with 0.1,
#: 14 (6) and 7; 0.05 gave 16 (6) and 9, 0.15 and 0.2 gave 11 (4) and 6; without the
#: rule (session 4) 31 (8) and 14.
RENDERED_PLACE = 0.1


def _rendered(segment: Segment, ctx: CheckContext) -> frozenset[int]:
    """Offsets of source words Apertium's dictionaries link to a word of the target itself.

    Asked only when the back-translation carries a target word Apertium could
    not translate (copied through: "salmonicultores" for "salmon farmers";
    :func:`~transaudit.meaning.coverage.copied`): the round trip is then known
    to have lost words the translation has, and the rest of it drifts with it
    ("algas" → "seaweeds" for "algae"). A source word the dictionary finds in
    the target (by translation, or by spelling for the unknown word) at about
    its own place (:data:`RENDERED_PLACE`) is then not omitted, and counts as a
    word that came back: it breaks a run. Without an unknown word the
    back-translation is all the evidence, as before. Empty without the pair's
    dictionaries.
    """
    found = lexicons(ctx.source_lang, ctx.target_lang)
    if found is None:
        return frozenset()
    forward, backward = found
    source = forward.words([segment.source])[segment.source]
    target = backward.words([segment.target])[segment.target]
    every = links(source, target, forward, backward) if target else []
    s_len, t_len = max(1, len(source)), max(1, len(target))
    linked = {
        i for j, found in enumerate(every) for i in found if abs(i / s_len - j / t_len) <= RENDERED_PLACE
    }
    return frozenset(source[i].start for i in linked)


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
        back = segment.back_translation or ""
        missing, added = moved_words(segment.source, back, ctx.source_lang)
        total, run = heaviest_run(segment.source, missing, ctx.source_lang)
        if total < float(limits["omission"]) or not run:
            return
        rendered = _rendered(segment, ctx) if copied(added, segment.target, back) else frozenset()
        if rendered:
            missing = tuple(m for m in missing if m.token.start not in rendered)
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
    ``addition`` threshold. A word the engine copied through untranslated
    (it stands, spelled the same, in the target: "chivos"), unless it is a name
    or a word the target language's Hunspell rejects (a misspelling, a
    coinage), is no evidence and neither counts nor breaks a run: it shows a
    gap in the engine's dictionary, not a word the source lacks. The back-translation
    is not the target, so the whole target segment is highlighted and the
    message names the words.

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
        speller = spelling.speller(ctx.target_lang)
        untranslated = copied(added, segment.target, back, speller.check if speller is not None else None)
        kept = tuple(m for m in added if m not in untranslated)
        total, run = heaviest_run(back, kept, ctx.source_lang, neutral=untranslated)
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


#: Characters beyond which a segment is not examined: one word's or one run's share of a
#: paragraph of 5,000 characters (about 800 words) is too small to move its sentence
#: vector by the ``sentence_gain`` the check demands (gains of 0.01–0.04 on 150-character
#: sentences shrink with length), so nothing could be flagged there; skipping spares the
#: encoder three long texts.
LONGEST = 5_000


class _LoneWord(_CoverageCheck):
    """A content word of one side that no word of the other side translates.

    The shared machinery of TA522 (a target word: added) and TA523 (a source
    word: left out), :mod:`transaudit.meaning.insertions`. Three kinds of
    evidence must agree, each with its threshold in ``data/coverage`` and the
    rule that set it:

    * the dictionary: Apertium's bilingual dictionaries (both ways), shared
      spellings and word starts link no word of the other side to it, while its
      neighbours translate neighbouring words there (nothing of the other side
      left unexplained near them: an insertion or a drop, not a paraphrase); it
      is a content word, not also a function word, a name, a lone verb, a
      number's unit, nor one of the language's commonest words (``word_weight``);
    * the encoder, word by word: its vector is unlike every content word of
      the other side (cosine below ``word_similarity``);
    * the encoder, sentence by sentence: without it, this side comes closer to
      the other (cosine gain of at least ``sentence_gain``): the word carries
      meaning the other side does not have.

    Needs Apertium's dictionaries for the pair and the sentence encoder; silent
    without either.
    """

    needs = (Need("coverage", pair=True, optional=True), Need(resources.APERTIUM_DICTIONARY, pair=True))
    scope = "article"
    needs_similarity = True
    #: The side whose words are examined ("target": added words; "source": dropped ones).
    side: Side = "target"
    #: The calibration key of the least sentence gain for this side (``sentence_gain`` if absent).
    gain_key = "sentence_gain"
    #: The search of :mod:`transaudit.meaning.insertions` for that side (``unexplained``
    #: or ``omitted``: the same arguments, the examined side's language and text last).
    find: Callable[..., list[Inserted]]
    #: The message for one word and for several: "{words}" is filled with the quoted words.
    one_word: str
    many_words: str

    def _lonely(
        self, source: Any, target: Any, forward: Any, backward: Any, segment: Segment,
        ctx: CheckContext, spelled: Any,
    ) -> list[Inserted]:
        lang = ctx.target_lang if self.side == "target" else ctx.source_lang
        return self.find(source, target, forward, backward, lang, segment.text(self.side), spelled)

    def _message(self, words: list[str]) -> str:
        template = self.one_word if len(words) == 1 else self.many_words
        return template.format(words=", ".join(f"'{w}'" for w in words))

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
        speller = spelling.speller(ctx.target_lang if self.side == "target" else ctx.source_lang)
        spelled = speller.check if speller is not None else None
        singles: list[tuple[Segment, Inserted, Sequence[Word]]] = []
        runs: list[tuple[Segment, list[Inserted]]] = []
        shortest = int(limits["min_words"])
        for segment in pairs:
            if word_count(segment.source) < shortest:
                continue  # a heading: one word is the whole sentence, the encoder's gain says nothing
            if len(segment.text(self.side)) > LONGEST:
                continue
            source, target = sources[segment.source], targets[segment.target]
            gaps: dict[int, list[Inserted]] = {}
            for lone in self._lonely(source, target, forward, backward, segment, ctx, spelled):
                if lone.weight >= heavy:
                    gaps.setdefault(lone.gap, []).append(lone)
            other = source if self.side == "target" else target
            for words in gaps.values():
                if len(words) >= RUN_EXCESS:
                    runs.append((segment, words))
                else:
                    singles.extend((segment, lone, other) for lone in words)
        if not singles and not runs:
            return
        texts = {lone.word.text for _, lone, _ in singles}
        texts |= {w.text for _, _, other in singles for w in other if w.content}
        settings = {"no-cache": ctx.no_cache, "cache-dir": ctx.cache_dir}
        try:
            vectors = similarity.embed(sorted(texts), settings)
            floor = float(limits["word_similarity"])
            units = [
                (segment, [lone])
                for segment, lone, other in singles
                if far_from_source([lone], other, vectors, floor)
            ]
            units += runs
            gains = _gains(units, self.side, settings)
        except encoder.EncoderUnavailable:
            return
        least = float(limits.get(self.gain_key, limits.get("sentence_gain", 0.0)))
        for (segment, words), gain in zip(units, gains, strict=True):
            if gain < least:
                continue
            start, end = words[0].word.start, words[-1].word.end
            yield Finding(
                self.side, start, end, self._message([w.word.text for w in words]), segment=segment.id
            )


@register
class WordAdded(_LoneWord):
    """A content word of the translation that translates nothing in the source.

    A target content word no source word translates (Apertium's dictionaries),
    between neighbours that translate neighbouring source words, unlike every
    source word for the sentence encoder, and whose removal brings the
    translation closer to the source (the rules: TA522 and TA523 share them,
    :class:`_LoneWord`). Names, numbers' units, lone verbs ("harían falta"
    renders "would take") and function words are never flagged; a word Apertium
    does not know counts only if the target language's Hunspell dictionary
    accepts it (a misspelling is TA140's).

    Bad: source "sobre los hombros de los consumidores" → target "on the
    shoulders of omnivore consumers".
    Good: "on the shoulders of consumers".
    """

    code = "TA522"
    name = "word-added"
    category = Category.ADDITION
    severity = Severity.MINOR
    side: Side = "target"
    gain_key = "added_gain"

    find = staticmethod(unexplained)
    one_word = "{words} translates no word of the source: possibly added"
    many_words = "{words} translate no word of the source: possibly added"


@register
class WordOmitted(_LoneWord):
    """A content word of the source that nothing in the translation renders.

    The mirror of TA522: a source content word no target word translates
    (Apertium's dictionaries), between neighbours whose translations stand next
    to each other in the target (nothing of the target unexplained between
    them: a word dropped, not a phrase said in other words), unlike every target
    word for the sentence encoder, and whose removal brings the source closer to
    the translation. The source word is highlighted.

    Bad: source "los trabajadores despedidos protestaron ayer" → target "the
    workers protested yesterday".
    Good: "the dismissed workers protested yesterday".

    A source word Apertium does not know is never taken as dropped (nothing
    links it to its rendering but its spelling: "crate" → "cajón"), and the head
    of a compound joined by a genitive preposition whose other noun is
    translated is not either ("caja de zapatos" → "shoebox").
    """

    code = "TA523"
    name = "word-omitted"
    category = Category.OMISSION
    severity = Severity.MINOR
    side: Side = "source"

    find = staticmethod(omitted)
    one_word = "{words} is translated by no word of the target: possibly left out"
    many_words = "{words} are translated by no word of the target: possibly left out"


def _without(text: str, start: int, end: int) -> str:
    return (text[:start].rstrip() + " " + text[end:].lstrip()).strip()


def _gains(units: list[tuple[Segment, list[Inserted]]], side: Side, settings: dict[str, Any]) -> list[float]:
    """How much closer the two sides come without each word or run (sentence encoder cosine)."""
    if not units:
        return []
    other_side: Side = "source" if side == "target" else "target"
    shorter = [_without(s.text(side), words[0].word.start, words[-1].word.end) for s, words in units]
    texts = {s.source for s, _ in units} | {s.target for s, _ in units} | set(shorter)
    vectors = similarity.embed(sorted(texts), settings)
    return [
        float(vectors[segment.text(other_side)] @ vectors[without])
        - float(vectors[segment.text(other_side)] @ vectors[segment.text(side)])
        for (segment, _), without in zip(units, shorter, strict=True)
    ]
