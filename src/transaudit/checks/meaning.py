"""Meaning: the target's sentence embedding far from the source's (TA501, TA502).

Both read ``Segment.similarity`` (cosines in a multilingual encoder's space,
:mod:`transaudit.meaning.similarity`), filled once per article, through one
*score* per segment (:func:`score`):

* both languages among the encoder's (:data:`~transaudit.meaning.encoder.LANGUAGES`)
  and a back-translation: the mean of source↔target and source↔back-translation.
  Two views of one translation: the cross-lingual cosine alone misses a wrong term
  the back-translation makes plain, and Apertium's literal back-translation alone
  punishes free renderings. On Bio-MQM es→en tune, segments below 0.72 on the mean
  carry a Major error 8 times in 11, against 1 in 3 for source↔target below 0.72;
* no back-translation: source↔target alone, with its own threshold (``diverges``);
* a target language the encoder was not trained on (Catalan, Romanian, Galician):
  the back-translation alone, which is in the source's language; without one the
  segment is not judged. A source language outside them: the checks do not run.

Thresholds are per language pair in ``data/similarity`` with the rule that set
each; a pair without its own file (``default.toml``) is *uncalibrated*
(``transaudit languages`` says "without similarity data for es-fr"). For every
pair whose data sets ``relative`` (all three files), a segment must also be an
outlier within its own article (robust z-score at most ``relative``), so that an
article translated freely throughout (a human translation, a literary text, a
language the encoder knows less well) does not raise an alarm on every paragraph;
an article of fewer than ``min_segments`` judged segments leaves the absolute
threshold alone. Where the pair sets ``back_fidelity`` (es-en), the
back-translation's view counts only when the back-translation keeps the target's
own meaning at least that much (back-translation↔target cosine): a round trip that
garbles an informal target measures the engine, not the translation.
Without the encoder package both checks are silent and the audit says why.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from typing import Any

from transaudit import data
from transaudit.analysis import resources
from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import fold, word_count
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.checks.coverage import LONGEST as COVERAGE_LONGEST
from transaudit.meaning import encoder, senses, similarity
from transaudit.meaning.bilingual import Lexicon, Word
from transaudit.meaning.coverage import FUNCTION_ZIPF
from transaudit.meaning.insertions import lexicons, links
from transaudit.model import Article, Category, Segment, Severity

FAMILY = "similarity"
#: A robust z-score's spread is never taken below this (a cosine): an article of
#: near-identical scores would otherwise make a 0.02 dip an "outlier".
MIN_SPREAD = 0.02
#: MAD × 1.4826 estimates the standard deviation of a normal cloud.
MAD_SCALE = 1.4826
#: Characters on either side beyond which a segment is not judged, as TA522/TA523
#: (:data:`transaudit.checks.coverage.LONGEST`): the thresholds were set on paragraphs of
#: at most about 1,100 characters (Bio-MQM, WMT24), and one vector for a text of 800
#: words or more averages away any local change, so its cosine says nothing the
#: checks were calibrated for, and a span over most of such a paragraph points at
#: nothing a reviewer could check.
LONGEST = COVERAGE_LONGEST
#: The back-translation's view this far below the direct one (cosines) says the round trip
#: failed, not the translation: the mean then stands for neither, and the direct view is
#: judged alone (against ``diverges``). 0.2 is above the 99th percentile of the gap on the
#: error-free Bio-MQM tune segments (0.184 es→en, 373 segments; 0.154 en→es, 46): a word
#: Apertium cannot read ("Veintids" for "Veintidós", an acronym) comes back untranslated
#: and drags the back-translation's view down (en→es tune: 0.79 direct, 0.43 back, a
#: faithful "Veintids estudios fueron revisados").
VIEW_GAP = 0.2


def thresholds(source_lang: str, target_lang: str) -> dict[str, Any]:
    """The pair's calibration, else the default one."""
    return data.load(FAMILY, f"{source_lang}-{target_lang}") or data.load(FAMILY, "default")


def _limits(ctx: CheckContext) -> tuple[dict[str, Any], bool]:
    """The pair's thresholds and whether they are its own (calibrated) or the default."""
    own = ctx.pair.family(FAMILY)
    return (own, True) if own else (data.load(FAMILY, "default"), False)


def views(segment: Segment, source_lang: str, target_lang: str) -> dict[str, float]:
    """The cosines that can be trusted for this pair: source↔target, source↔back-translation.

    Source↔target only when the encoder knows both languages; source↔back-translation
    (both in the source's language) whenever there is one; nothing when the encoder
    does not know the source language.
    """
    values = segment.similarity
    if similarity.TARGET not in values or not encoder.knows(source_lang):
        return {}
    found = {k: v for k, v in values.items() if k == similarity.BACK}
    if encoder.knows(target_lang):
        found[similarity.TARGET] = values[similarity.TARGET]
    return found


def score(
    segment: Segment, source_lang: str, target_lang: str, fidelity: float | None = None
) -> tuple[float, str] | None:
    """The segment's meaning score and its basis (``mean``, ``target``, ``back_translation``).

    The mean of the trusted views (:func:`views`) when there are two, else the one;
    the direct view alone when the back-translation's is more than :data:`VIEW_GAP`
    below it (the round trip failed), or, given ``fidelity``, when the
    back-translation keeps less of the target's own meaning than that
    (back-translation↔target cosine, :data:`~transaudit.meaning.similarity.BACK_TO_TARGET`:
    the engine garbled the target, so the back view measures the engine); None when
    nothing trustworthy can be said.
    """
    found = views(segment, source_lang, target_lang)
    if len(found) == 2:
        if found[similarity.BACK] < found[similarity.TARGET] - VIEW_GAP:
            return found[similarity.TARGET], similarity.TARGET
        kept = segment.similarity.get(similarity.BACK_TO_TARGET)
        if fidelity is not None and kept is not None and kept < fidelity:
            return found[similarity.TARGET], similarity.TARGET
        return sum(found.values()) / 2, "mean"
    if found:
        ((basis, value),) = found.items()
        return value, basis
    return None


def _ceiling(limits: dict[str, Any], basis: str) -> float:
    """``diverges_mean`` for the mean score, else ``diverges`` (the stricter single view)."""
    if basis == "mean":
        return float(limits.get("diverges_mean", limits["diverges"]))
    return float(limits["diverges"])


def _scored(
    article: Article, ctx: CheckContext, fidelity: float | None = None
) -> list[tuple[Segment, float, str]]:
    similarity.annotate(article, {"no-cache": ctx.no_cache, "cache-dir": ctx.cache_dir})
    out = []
    for segment in article.segments:
        found = score(segment, ctx.source_lang, ctx.target_lang, fidelity)
        if found is not None:
            out.append((segment, *found))
    return out


def outliers(values: list[float], below: float, min_segments: int) -> list[bool]:
    """Which values sit ``below`` robust standard deviations under the article's median.

    With fewer than ``min_segments`` values there is no article to compare with:
    every value passes (the absolute threshold alone decides).
    """
    if len(values) < min_segments:
        return [True] * len(values)
    middle = statistics.median(values)
    spread = max(MIN_SPREAD, MAD_SCALE * statistics.median(abs(v - middle) for v in values))
    return [(v - middle) / spread <= below for v in values]


def _judged(segment: Segment) -> bool:
    """Neither side longer than :data:`LONGEST`."""
    return len(segment.source) <= LONGEST and len(segment.target) <= LONGEST


def _trimmed(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


def moved_words(segment: Segment, source_lang: str, target_lang: str) -> list[Word]:
    """Target words no source word translates, in text order: where the meaning moved.

    A content word with no link to any source word through Apertium's
    dictionaries both ways (:func:`transaudit.meaning.insertions.links`), not among
    its language's commonest (Zipf ≥ 6: "there", "also" come and go with any
    paraphrase); an unknown word (a mangled term, "HIVAIDS" for "COVID-19")
    counts too. Empty without the pair's dictionaries.
    """
    found = lexicons(source_lang, target_lang)
    if found is None:
        return []
    forward, backward = found
    source = forward.words([segment.source])[segment.source]
    target = backward.words([segment.target])[segment.target]
    linked = _evidence_links(source, target, links(source, target, forward, backward), backward)
    linked = _near_senses(source, target, linked, forward, backward, source_lang, target_lang)
    moved = []
    for word, link in zip(target, linked, strict=True):
        if link or not word.content or any(ch.isdigit() for ch in word.text):
            continue
        if word.readings and min(zipf(lemma, target_lang) for lemma in word.lemmas) >= FUNCTION_ZIPF:
            continue
        moved.append(word)
    return moved


#: Letters a dictionary form must have to be found inside an unknown compound ("americano").
COMPOUND_PART = 5


def _pos(word: Word) -> set[str]:
    return {r.split("<", 2)[1].split(">", 1)[0] for r in word.readings if "<" in r}


def _evidence_links(
    source: Sequence[Word], target: Sequence[Word], linked: list[set[int]], backward: Lexicon
) -> list[set[int]]:
    """The dictionary's links, with three renderings a dictionary cannot see.

    - A source word Apertium does not know that contains a target word's
      translation ("sudamericano" ⊃ "americano" ← "American") is a compound
      that word renders.
    - A capitalised run inside a sentence ("South American", "New Zealand") is
      one name: linked as a whole when one of its words is.
    - A source multiword unit the dictionary reads as one ("en gran medida",
      adverb) and no target word renders pairs with the only unlinked target
      word read only as that part of speech ("heavily", not "on": also a
      preposition): idioms are rendered freely.
    """
    out = [set(found) for found in linked]
    unknown = [
        (i, fold(w.text)) for i, w in enumerate(source) if not w.readings and len(w.text) > COMPOUND_PART
    ]
    for j, word in enumerate(target):
        if out[j] or not unknown:
            continue
        forms = {f for f in backward.translations(word) if len(f) >= COMPOUND_PART and " " not in f}
        out[j].update(i for i, text in unknown if any(f in text and f != text for f in forms))
    j = 0
    while j < len(target):
        end = j
        while end < len(target) and target[end].text[:1].isupper() and target[end].text.isalpha():
            end += 1
        if j == 0 or target[j - 1].text in ".!?:":
            j += 1  # a sentence's first capital says nothing ("The South American …")
        if end - j > 1:
            shared = set().union(*out[j:end])
            for k in range(j, end):
                out[k] |= shared
        j = max(end, j + 1)
    used = set().union(*out) if out else set()
    for i, word in enumerate(source):
        if " " not in word.text or i in used:
            continue
        kinds = _pos(word)
        free = [j for j, w in enumerate(target) if not out[j] and w.readings and _pos(w) <= kinds]
        if len(free) == 1:
            out[free[0]].add(i)
    return out


#: WordNet's own detachment rules for nouns (morphy, ``morph.c``): a plural ending and
#: what replaces it; the first base form WordNet lists is the noun.
_NOUN_ENDINGS = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
                 ("shes", "sh"), ("men", "man"), ("ies", "y"))


def _wordnet_noun(text: str) -> str:
    """The noun WordNet lists for a form the analyser lacks ("carmakers" → "carmaker")."""
    word = fold(text)
    if senses.known(word):
        return word
    for ending, base in _NOUN_ENDINGS:
        if word.endswith(ending) and senses.known(word[: len(word) - len(ending)] + base):
            return word[: len(word) - len(ending)] + base
    return word


def _english_nouns(word: Word, lang: str, lexicon: Lexicon) -> frozenset[str]:
    """The word's English nouns for WordNet: its own lemmas (WordNet's base form for a
    word the analyser lacks) in English, else its dictionary translations."""
    if lang.split("-")[0] != "en":
        return frozenset(f for f in lexicon.translations(word) if f)
    return word.lemmas if word.readings else frozenset({_wordnet_noun(word.text)})


def _near_senses(
    source: Sequence[Word],
    target: Sequence[Word],
    linked: list[set[int]],
    forward: Lexicon,
    backward: Lexicon,
    source_lang: str,
    target_lang: str,
) -> list[set[int]]:
    """Links the dictionary lacks between a word and a more or less specific one.

    A target word no source word links to renders an unlinked source word when
    one's English noun is the other's or a kind of it in WordNet (two hypernym
    links at most, :func:`transaudit.meaning.senses.in_line`): "carmakers" for
    "fabricantes" (Apertium: "manufacturer", of which a carmaker is a kind) is a
    more specific word, not a moved meaning. Two kinds of one thing ("bicycles"
    for "coches") are another meaning and stay evidence. One side must be English
    (WordNet's language); without WordNet the links stay as they are.
    """
    if "en" not in (source_lang.split("-")[0], target_lang.split("-")[0]) or not senses.installed():
        return linked
    used = set().union(*linked) if linked else set()
    loose = [(i, _english_nouns(w, source_lang, forward)) for i, w in enumerate(source)
             if i not in used and w.content]
    if not loose:
        return linked
    out = [set(found) for found in linked]
    for j, word in enumerate(target):
        if out[j] or not word.content:
            continue
        mine = _english_nouns(word, target_lang, backward)
        out[j].update(i for i, theirs in loose if any(senses.in_line(a, b) for a in mine for b in theirs))
    return out


class _MeaningCheck(Check):
    scope = "article"
    #: The audit computes similarity before the checks when one of these runs
    #: (so a missing encoder becomes a notice in the report).
    needs_similarity = True
    #: Off by default: the encoder costs ~5 s to load per process and ~10 ms per
    #: sentence cold (docs/evaluation.md, "Meaning"); select with ``--select TA50``.
    default_enabled = False
    needs = (
        Need("similarity", pair=True, optional=True),
        Need(resources.SENTENCE_ENCODER, side="source"),
        Need(resources.SENTENCE_ENCODER, side="target", optional=True),
    )


@register
class MisalignedSegment(_MeaningCheck):
    """The target does not translate this source at all: another sentence, or nothing.

    Every trusted view (source↔target, and source↔back-translation when there is
    one) is about as low as two unrelated sentences' (below the pair's
    ``misaligned`` threshold): asking both keeps a free translation that Apertium
    back-translates badly from passing for another sentence (on professional WMT24
    references the mean alone flagged 5 paragraphs in 478, both views 2): a
    segment shifted by the aligner or the MT system,
    a hallucinated sentence, or an empty stand-in. A heading of a word or two is
    judged only when the other side is a whole sentence; a segment with a side
    over 5,000 characters (:data:`LONGEST`) is not judged.

    Bad: source "Conclusiones." → target "In this regard, it is important to note
    that there is a lack of progress in this area."
    Good: source "Conclusiones." → target "Conclusions."
    """

    code = "TA502"
    name = "misaligned-segment"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        limits, _ = _limits(ctx)
        floor, min_words = float(limits["misaligned"]), int(limits["min_words"])
        similarity.annotate(article, {"no-cache": ctx.no_cache, "cache-dir": ctx.cache_dir})
        for segment in article.segments:
            if not _judged(segment):
                continue
            found = views(segment, ctx.source_lang, ctx.target_lang)
            if not found or max(found.values()) >= floor:
                continue
            if max(word_count(segment.source), word_count(segment.target)) < min_words:
                continue
            start, end = _trimmed(segment.target)
            yield Finding(
                "target",
                start,
                end,
                f"the translation does not match its source (meaning similarity {_views(found)}, "
                f"unrelated sentences score below {floor:.2f}): another sentence, a misalignment or an "
                "invented text",
                segment=segment.id,
            )


def _views(found: dict[str, float]) -> str:
    """"target 0.32, back-translation 0.41" (sorted, so messages are stable)."""
    return ", ".join(f"{k.replace('_', '-')} {v:.2f}" for k, v in sorted(found.items()))


@register
class MeaningDiverges(_MeaningCheck):
    """The translation's meaning strays from the source's (sentence embeddings far apart).

    The segment's meaning score (the mean of source↔target and
    source↔back-translation cosines; one of them where only it can be trusted)
    is below the pair's threshold (``diverges_mean`` for the mean, ``diverges``
    for a single cosine), unless every view is below ``misaligned`` (TA502 reports
    those; a mean below it with one view above is still TA501's). The
    segment must also stand out in its article (robust z-score at most
    ``relative``) when the article has ``min_segments`` judged segments or more,
    and the back-translation's view counts only when the back-translation keeps
    the target's meaning (``back_fidelity``, where set). Sources shorter than
    ``min_words`` are skipped: headings score low whatever their translation;
    so are segments with a side over 5,000 characters (:data:`LONGEST`).
    The span covers the target words no source word translates (Apertium's
    dictionaries), where the meaning moved; the whole segment without them.
    The encoder sees gross changes (a wrong term, a dropped clause, another
    entity), not a single flipped word: TA510 and TA520 look for those.

    Bad: source "El otro sufrió el destierro obligado debido a su ideología." →
    target "The other patient suffered the war due to his ideology."
    Good: "The other suffered forced exile because of his ideology."
    """

    code = "TA501"
    name = "meaning-diverges"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        limits, calibrated = _limits(ctx)
        floor, min_words = float(limits["misaligned"]), int(limits["min_words"])
        fidelity = float(limits["back_fidelity"]) if "back_fidelity" in limits else None
        scored = [
            (s, v, b)
            for s, v, b in _scored(article, ctx, fidelity)
            if word_count(s.source) >= min_words and _judged(s)
        ]
        standing = [True] * len(scored)
        if "relative" in limits:
            values = [v for _, v, _ in scored]
            standing = outliers(values, float(limits["relative"]), int(limits["min_segments"]))
        for (segment, value, basis), stands_out in zip(scored, standing, strict=True):
            ceiling = _ceiling(limits, basis)
            if value >= ceiling or not stands_out:
                continue
            if max(views(segment, ctx.source_lang, ctx.target_lang).values()) < floor:
                continue  # every view as low as unrelated sentences: TA502's
            start, end = _trimmed(segment.target)
            moved = moved_words(segment, ctx.source_lang, ctx.target_lang)
            where = ""
            if moved:
                start, end = moved[0].start, moved[-1].end
                names = ", ".join(dict.fromkeys(f"'{w.text}'" for w in moved[:6]))
                where = f"; no source word gives {names}"
            note = "" if calibrated else ", uncalibrated pair"
            seen = _views(segment.similarity)
            yield Finding(
                "target",
                start,
                end,
                f"the meaning may diverge from the source (meaning similarity {value:.2f}: {seen}; faithful "
                f"translations score {ceiling:.2f} or more{note}){where}",
                segment=segment.id,
            )
