"""Wrong sense: a noun of the translation that means something else than the source's (TA516)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.analysis import resources
from transaudit.analysis.text import word_count
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.checks.coverage import LONGEST
from transaudit.checks.meaning import score
from transaudit.meaning import encoder, similarity
from transaudit.meaning.insertions import lexicons
from transaudit.meaning.substitution import Substitution, substitutions
from transaudit.model import Article, Category, Segment, Severity

#: Two words the sentence encoder scores at least this close (cosine of their vectors,
#: across the two languages) are taken as a translation of each other whatever the
#: dictionaries say: the 5th percentile of the noun pairs Apertium's dictionary itself
#: translates (Bio-MQM tune halves: 0.697 es→en over 183 pairs, 0.692 en→es over 180).
#: A synonym the dictionary lacks ("abordajes" for "approaches", 0.78; "cuestión" for
#: "issue", 0.82) is silenced by it; "fire" for "destierro" (0.48) is not.
TRANSLATION_FLOOR = 0.69
#: Shorter sources are headings; a word there is the whole sentence (as TA501, TA522).
MIN_WORDS = 5
#: The similarity family (``data/similarity``): ``doubtful_mean`` is the pair's ceiling on
#: the segment's meaning score (:func:`transaudit.checks.meaning.score`) for this check.
FAMILY = "similarity"


def _doubtful(segment: Segment, ctx: CheckContext, ceiling: float) -> bool:
    """The segment's meaning score is below ``ceiling`` (unscored segments are not doubtful)."""
    found = score(segment, ctx.source_lang, ctx.target_lang)
    return found is not None and found[0] < ceiling


@register
class WrongSense(Check):
    """A noun of the translation that means none of the source nouns it stands for.

    Apertium's dictionaries link no source word to the target noun, a source noun
    beside the same translated neighbours is left with no rendering, and WordNet
    finds no shared or near sense (two hypernym/hyponym links at most) between
    the English side's word and the other word's dictionary translations; the
    sentence encoder, word by word, must also score the pair below
    :data:`TRANSLATION_FLOOR` (a synonym the dictionary lacks scores higher);
    and where the pair's similarity data gives ``doubtful_mean`` (es→en), the
    segment's meaning score (TA501's) must be below it: a wrong term moves the
    sentence a little. The target must be English (WordNet's language, every
    sense of the word the reader sees). The rule and what is not evidence:
    :mod:`transaudit.meaning.substitution`. The suggestion is the source noun's
    dictionary translation. Silent without WordNet, the pair's dictionaries or
    the sentence encoder.

    Bad: source "El otro sufrió el destierro obligado" → target "The other suffered
    the obligate fire".
    Good: "The other suffered forced exile".
    """

    code = "TA516"
    needs = (Need(resources.SENSES, pair=True), Need(FAMILY, pair=True, optional=True))
    #: The audit computes similarity before the checks (so a missing encoder is a notice).
    needs_similarity = True
    name = "wrong-sense"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    scope = "article"
    #: Off by default, as the other meaning checks (docs/evaluation.md, "Meaning").
    default_enabled = False

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        found = lexicons(ctx.source_lang, ctx.target_lang)
        pairs = [
            s
            for s in article.segments
            if s.source.strip()
            and s.target.strip()
            and word_count(s.source) >= MIN_WORDS
            and max(len(s.source), len(s.target)) <= LONGEST
        ]
        if found is None or not pairs:
            return
        forward, backward = found
        sources = forward.words(s.source for s in pairs)
        targets = backward.words(s.target for s in pairs)
        candidates: list[tuple[Segment, Substitution]] = []
        for segment in pairs:
            for swap in substitutions(
                sources[segment.source],
                targets[segment.target],
                forward,
                backward,
                ctx.source_lang,
                ctx.target_lang,
                segment.source,
                segment.target,
            ):
                candidates.append((segment, swap))
        if not candidates:
            return
        settings = {"no-cache": ctx.no_cache, "cache-dir": ctx.cache_dir}
        texts = {swap.target.text for _, swap in candidates}
        texts |= {w.text for _, swap in candidates for w in swap.source}
        try:
            vectors = similarity.embed(sorted(texts), settings)
        except encoder.EncoderUnavailable:
            return
        ceiling = ctx.pair.family(FAMILY).get("doubtful_mean")
        similarity.annotate(article, settings)
        for segment, swap in candidates:
            if ceiling is not None and not _doubtful(segment, ctx, float(ceiling)):
                continue
            word = vectors[swap.target.text]
            closest = max(float(word @ vectors[w.text]) for w in swap.source)
            if closest >= TRANSLATION_FLOOR:
                continue
            quoted = ", ".join(f"'{w.text}'" for w in swap.source)
            given = sorted(forward.translations(swap.source[0]))
            meaning = f" (dictionary: {', '.join(repr(g) for g in given[:3])})" if given else ""
            yield Finding(
                "target",
                swap.target.start,
                swap.target.end,
                f"'{swap.target.text}' means none of the source's {quoted}{meaning}: WordNet finds no "
                "shared or near sense, a word of another meaning",
                segment=segment.id,
                suggestion=given[0] if len(given) == 1 else None,
            )
