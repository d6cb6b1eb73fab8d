"""Round trip: segments whose back-translation strays far from the source."""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from typing import ClassVar

from transaudit.analysis.text import Token, fold, words
from transaudit.backtranslation.scores import CHRF
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need, Option
from transaudit.model import Article, Category, Segment, Severity

#: Words shorter than this must come back exactly; longer ones may come back
#: inflected (same first letters), since engines change number and tense.
_STEM = 5


def _present(word: str, back: set[str], stems: set[str]) -> bool:
    if word in back:
        return True
    return len(word) >= _STEM and not word.isdigit() and word[:_STEM] in stems


def missing_runs(source: str, back_translation: str, stopwords: set[str]) -> list[list[Token]]:
    """Source content words absent from the back-translation, grouped in runs.

    A run is a stretch of missing words with no word that came back between
    them (function words in between are spanned, not counted).
    """
    back = {fold(token.text) for token in words(back_translation)}
    stems = {word[:_STEM] for word in back if len(word) >= _STEM}
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in words(source):
        folded = fold(token.text)
        if folded in stopwords:
            continue
        if _present(folded, back, stems):
            if current:
                runs.append(current)
                current = []
            continue
        current.append(token)
    if current:
        runs.append(current)
    return runs


def _joined(text: str, i: int) -> bool:
    """``text[i]`` belongs to the word around it: a word character, or a period or
    apostrophe between two ("a.m.", "U.S.", "o'clock"), which the tokeniser splits at."""
    if i < 0 or i >= len(text):
        return False
    if text[i].isalnum():
        return True
    return text[i] in ".'’" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole written words: a run that opens on the "m" of "a.m."
    starts at its "a" (a reader fixes words, not pieces of an abbreviation)."""
    while _joined(text, start - 1):
        start -= 1
    while _joined(text, end):
        end += 1
    return start, end


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@register
class RoundTripDivergence(Check):
    """Possible meaning change: the back-translation strays far from the source.

    The target is translated back into the source language and compared with
    the source (chrF). A segment is flagged when its score is below an
    absolute floor, or far below the article's own median, and some source
    content words never came back; the longest run of those words is
    highlighted in the source. Round-trip scores are weak evidence on one
    sentence, so this is a hint for the editor to compare, never a verdict.
    Silent when there is no back-translation.

    Bad: source "El ministro firmó el acuerdo", target "The minister rejected
    the deal", back-translation "El ministro rechazó el trato" — "firmó …
    acuerdo" did not come back.
    Good: source "El ministro firmó el acuerdo", target "The minister signed
    the agreement", back-translation "El ministro firmó el acuerdo".
    """

    code = "TA401"
    needs = (Need("backtranslation"), Need("roundtrip", side="source", optional=True))
    name = "round-trip-divergence"
    category = Category.MISTRANSLATION
    severity = Severity.MINOR
    scope = "article"
    #: Off by default: against bio-mqm's annotations (Apertium, es→en) only 2 of
    #: its 6 flags matched an annotated span, and by hand half of the others were
    #: the engine's own failures ("otra postura" → "stance" left in English), not
    #: the translation's. Select it (``--select TA401``) to get the hints.
    default_enabled = False
    options: ClassVar[tuple[Option, ...]] = (
        Option("floor", float, 15.0,
               "chrF below this is flagged whatever the article's other scores are", minimum=0),
        Option("drop", float, 30.0, "chrF this many points below the article median is flagged …", minimum=0),
        Option("min_segments", int, 5,
               "… if the article has at least this many scored segments …", minimum=1),
        Option("ceiling", float, 40.0, "… and the score is below this ceiling", minimum=0),
        Option("min_words", int, 4,
               "shorter sources (in words) are too short for a meaningful score", minimum=1),
        Option("min_missing", int, 2, "at least this many source content words must be missing", minimum=1),
        Option("max_spans", int, 1, "findings per segment (longest runs of missing words first)", minimum=1),
    )

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        options = {**self.option_defaults(), **ctx.options}
        scored = [segment for segment in article.segments if _scorable(segment, int(options["min_words"]))]
        if not scored:
            return
        scores = [segment.bt_scores[CHRF] for segment in scored]
        median = statistics.median(scores)
        relative = len(scored) >= int(options["min_segments"])
        stopwords = {fold(word) for word in ctx.source.family("roundtrip").get("stopwords", [])}
        for segment in scored:
            score = segment.bt_scores[CHRF]
            low = score < float(options["floor"])
            far = relative and score < median - float(options["drop"]) and score < float(options["ceiling"])
            if not (low or far):
                continue
            runs = missing_runs(segment.source, segment.back_translation or "", stopwords)
            missing = [token.text for run in runs for token in run]
            if len(missing) < int(options["min_missing"]):
                continue
            yield from self._findings(segment, runs, missing, score, median, int(options["max_spans"]))

    def _findings(
        self,
        segment: Segment,
        runs: Sequence[list[Token]],
        missing: list[str],
        score: float,
        median: float,
        max_spans: int,
    ) -> Iterator[Finding]:
        ranked = sorted(runs, key=lambda run: (-len(run), run[0].start))[: max(1, max_spans)]
        listed = ", ".join(f"'{word}'" for word in missing[:6]) + (" …" if len(missing) > 6 else "")
        message = (
            f"possible meaning change: the back-translation (round-trip chrF {score:.0f}, article median "
            f'{median:.0f}) does not bring back {listed}; it reads "{_short(segment.back_translation or "")}"'
        )
        for run in sorted(ranked, key=lambda run: run[0].start):
            start, end = snap(segment.source, run[0].start, run[-1].end)
            yield Finding("source", start, end, message, segment=segment.id)


def _scorable(segment: Segment, min_words: int) -> bool:
    return (
        segment.back_translation is not None
        and CHRF in segment.bt_scores
        and bool(segment.source.strip())
        and len(words(segment.source)) >= min_words
    )
