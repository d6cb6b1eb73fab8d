"""Completeness: empty, truncated or one-sided segments, web-page residue, odd lengths.

These are the cheapest problems to see and the most embarrassing to publish:
a "Date:" with no date, a paragraph the translation dropped, or "LEAVE A
REPLY" copied from the page around the article. Residue phrases, field labels
and words a sentence cannot end with are per-language data
(``data/boilerplate/<lang>.toml``); usual length ratios are per pair
(``data/length/<src>-<tgt>.toml``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import ClassVar

from transaudit.analysis.boilerplate import MAX_RESIDUE_LINE, boilerplate
from transaudit.analysis.fields import is_bare_label
from transaudit.analysis.resources import LanguageResources
from transaudit.analysis.text import fold
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need, Option
from transaudit.model import Category, Segment, Severity

#: Long segments only (short ones vary too much); how many spreads count as far.
LENGTH_OPTIONS = (
    Option("min_source_chars", int, 150,
           "shorter sources (in characters) are not judged: their length varies too much", minimum=1),
    Option("min_source_words", int, 20, "shorter sources (in words) are not judged", minimum=1),
    Option("deviations", float, 3.3,
           "spreads of the log length ratio from the pair's usual one that count as unusual", minimum=0),
)
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_LABEL_VALUE_RE = re.compile(r"^\s*[^\W\d_][\w'’.\- ]{0,38}?\s*:\s*\S")
_SENTENCE_END = (".", "!", "?", "…", '"', "»", "”", "’", ")", "'")


def has_words(text: str) -> bool:
    """True when the text has any letter or digit (a lone "." is empty)."""
    return _WORD_CHAR_RE.search(text) is not None


def _has_value(source: str, lang: LanguageResources) -> bool:
    """Does the source field carry a value ("Fecha: 15 de mayo", "Por Ana Gómez")?"""
    if _LABEL_VALUE_RE.match(source):
        return True
    words = fold(source).split()
    labels = boilerplate(lang).labels
    return any(len(words) > n and " ".join(words[:n]).strip(":") in labels for n in (1, 2) if len(words) >= n)


def _trimmed(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return start, max(start, end)


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as trimmed (start, end) spans."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        start, end = _trimmed(line)
        if end > start:
            spans.append((offset + start, offset + end))
        offset += len(line) + 1
    return spans


@register
class EmptyTarget(Check):
    """The source has text but the translation is empty.

    Bad: "El acuerdo se firmó ayer." → "" (or just ".").
    Good: "El acuerdo se firmó ayer." → "The agreement was signed yesterday."
    The span covers the source, since the target has nothing to point at.
    """

    code = "TA220"
    name = "empty-target"
    category = Category.OMISSION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if has_words(segment.source) and not has_words(segment.target):
            start, end = _trimmed(segment.source)
            yield Finding("source", start, end, "the translation of this text is empty")


@register
class EmptyField(Check):
    """A field label whose value the translation dropped.

    Bad: "Fecha: 15 de marzo de 2021" → "Date:".
    Good: "Fecha: 15 de marzo de 2021" → "Date: March 15, 2021".
    """

    code = "TA221"
    needs = (Need("boilerplate", side="source", optional=True),)
    name = "empty-field"
    category = Category.OMISSION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if ":" not in segment.target or not has_words(segment.source) or not has_words(segment.target):
            return
        target_lines = _lines(segment.target)
        source_lines = _lines(segment.source)
        if len(target_lines) == 1:
            pairs = [(target_lines[0], segment.source.strip())]
        elif len(target_lines) == len(source_lines):
            pairs = [(t, segment.source[s:e]) for t, (s, e) in zip(target_lines, source_lines, strict=True)]
        else:
            return
        for (start, end), source in pairs:
            label = segment.target[start:end]
            if not is_bare_label(label):
                continue
            if _has_value(source, ctx.source):
                yield Finding(
                    "target",
                    start,
                    end,
                    f"'{label}' has no value; the source has one: '{source.strip()[:80]}'",
                )


@register
class UntranslatedAddition(Check):
    """A target segment with no source counterpart.

    Bad: an extra paragraph "Click here to see the photos" after the last
    translated one, with no source text.
    Good: every target paragraph translates a source paragraph.
    Known web-page residue is reported as TA223 instead.
    """

    code = "TA222"
    needs = (Need("boilerplate", optional=True),)
    name = "addition-without-source"
    category = Category.ADDITION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if has_words(segment.source) or not has_words(segment.target):
            return
        residue = boilerplate(ctx.target)
        lines = _lines(segment.target)
        if lines and all(residue.matches(segment.target[s:e]) for s, e in lines):
            return
        start, end = _trimmed(segment.target)
        yield Finding("target", start, end, "this text has no counterpart in the source")


@register
class WebResidue(Check):
    """Web-page residue (comment forms, share buttons, cookie notices) in the target.

    Bad: a target paragraph "LEAVE A REPLY" or "Share post:" with no source.
    Good: only the article's own text is translated.
    Inside a segment that has a source, only a whole line that is nothing but
    residue counts, and only when the source carries no residue of its own.
    """

    code = "TA223"
    needs = (Need("boilerplate"), Need("boilerplate", side="source", optional=True))
    name = "web-residue"
    category = Category.ADDITION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not has_words(segment.target):
            return
        if "\n" not in segment.target and len(segment.target) > 2 * MAX_RESIDUE_LINE:
            return  # one long line of article text
        residue = boilerplate(ctx.target)
        lines = _lines(segment.target)
        if not has_words(segment.source):
            if lines and all(residue.matches(segment.target[s:e]) for s, e in lines):
                for start, end in lines:
                    yield Finding("target", start, end, "web-page residue with no source")
            return
        found = [
            (s, e) for s, e in lines if e - s <= MAX_RESIDUE_LINE and residue.matches(segment.target[s:e])
        ]
        if not found:
            return
        source_residue = boilerplate(ctx.source)
        for s, e in _lines(segment.source):
            line = segment.source[s:e]
            if len(line.split()) <= 4 or source_residue.matches(line):
                return
        for start, end in found:
            yield Finding("target", start, end, "web-page residue that the source does not have")


@register
class TruncatedTarget(Check):
    """The translation stops in mid-sentence.

    Bad: "Llegó a la ciudad con su familia." → "He arrived in the city with the".
    Good: "Llegó a la ciudad con su familia." → "He arrived in the city with his family."
    Fires only when the source ends a sentence and the target ends on a word
    no sentence ends with (``truncation_words`` in the boilerplate data).
    """

    code = "TA224"
    needs = (Need("boilerplate"),)
    name = "truncated-target"
    category = Category.OMISSION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        source = segment.source.rstrip()
        target = segment.target.rstrip()
        if not source.endswith(_SENTENCE_END) or not has_words(target) or target.endswith(_SENTENCE_END):
            return
        if len(target.split()) < 4:
            return
        match = re.search(r"(\w+)\W*$", target)
        if match is None or fold(match.group(1)) not in boilerplate(ctx.target).truncation:
            return
        yield Finding(
            "target", match.start(1), len(target), f"the translation stops after '{match.group(1)}'"
        )


def _length_model(ctx: CheckContext) -> tuple[float, float]:
    """The pair's usual log length ratio and spread (TA225/TA226 do not run without them: ``needs``)."""
    pair = ctx.pair.family("length")
    return float(pair["ratio"]), float(pair["spread"])


class _LengthCheck(Check):
    """TA225 and TA226 are the two tails of one test: the length ratio's deviation from the pair's usual.

    ``direction`` is -1 to flag translations far shorter than usual, +1 far longer.
    """

    options: ClassVar[tuple[Option, ...]] = LENGTH_OPTIONS
    direction: ClassVar[int]
    message: ClassVar[str]

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        deviation = _deviation(segment, ctx)
        if deviation is not None and self.direction * deviation > float(ctx.options.get("deviations", 3.3)):
            start, end = _trimmed(segment.target)
            yield Finding("target", start, end, self.message)


@register
class LengthOmission(_LengthCheck):
    """A long segment whose translation is far shorter than usual: something was left out.

    Bad: a 40-word source paragraph translated by one 12-word sentence.
    Good: a translation of about the usual length for the language pair.
    Only long segments are judged (short ones vary too much), against the
    pair's usual ratio and spread in ``data/length/<src>-<tgt>.toml``.
    """

    code = "TA225"
    needs = (Need("length", pair=True),)
    name = "length-omission"
    category = Category.OMISSION
    severity = Severity.MINOR
    direction = -1
    message = "the translation is much shorter than the source; something may be missing"


@register
class LengthAddition(_LengthCheck):
    """A long segment whose translation is far longer than usual: something was added.

    Bad: a two-sentence source translated by three sentences.
    Good: a translation of about the usual length for the language pair.
    """

    code = "TA226"
    needs = (Need("length", pair=True),)
    name = "length-addition"
    category = Category.ADDITION
    severity = Severity.MINOR
    direction = 1
    message = "the translation is much longer than the source; something may be added"


def _deviation(segment: Segment, ctx: CheckContext) -> float | None:
    """How many spreads the segment's log length ratio is from the pair's usual one."""
    min_chars = int(ctx.options.get("min_source_chars", 150))
    if len(segment.source) < min_chars:
        return None
    source = segment.source.strip()
    target = segment.target.strip()
    if not target or len(source) < min_chars:
        return None
    ratio, spread = _length_model(ctx)
    deviation = (math.log(len(target) / len(source)) - math.log(ratio)) / spread
    if abs(deviation) < 2.0:
        return deviation  # usual length: no need to count words
    if source.count(" ") + 1 < int(ctx.options.get("min_source_words", 20)):
        return None
    return deviation
