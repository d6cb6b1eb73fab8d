"""Punctuation by locale: quotation marks, spacing and end punctuation.

Quotation marks are the hard part, because ’ is also the apostrophe and " is
both opener and closer: :mod:`transaudit.analysis.quotes` pairs them, and the
checks here report mismatched, unclosed and foreign marks.

Conventions are data: ``data/punctuation/<lang>.toml`` gives the CLDR quotation
delimiters of the language, the opening marks that are foreign to it, whether
it uses ¿ ¡, and where it wants (or forbids) a space before punctuation.
Whenever the source shows the same oddity (unbalanced quotes, doubled spaces,
a space before a comma) the target is being faithful and the check is silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from transaudit.analysis.quotes import CLOSER, QUOTE_RE, Quote, parse_quotes
from transaudit.analysis.resources import LanguageResources
from transaudit.analysis.text import sentence_spans
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need, Option
from transaudit.model import Article, Category, Segment, Severity


def _word_span(text: str, index: int, forward: bool) -> tuple[int, int]:
    """A quote mark with its neighbouring word, so a report has something to show."""
    if forward:
        end = index + 1
        while end < len(text) and not text[end].isspace() and end - index < 40:
            end += 1
        return index, end
    start = index
    while start > 0 and not text[start - 1].isspace() and index - start < 40:
        start -= 1
    return start, index + 1


@register
class QuoteMismatch(Check):
    """A quotation opened with one kind of mark and closed with another.

    Bad: “we will explain it in detail.’ — Good: “we will explain it in
    detail.” An apostrophe (don’t, Washington’s, countries’) is never taken
    for a closing quote.
    """

    code = "TA110"
    needs = (Need("punctuation", optional=True),)
    name = "quote-mismatch"
    category = Category.PUNCTUATION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for opener, closer in parse_quotes(segment.target, ctx.target).mismatches:
            expected = CLOSER.get(opener.char)
            yield Finding(
                "target",
                opener.index,
                closer.index + 1,
                f"quotation opened with {opener.char} is closed with {closer.char}",
                suggestion=expected,
            )


@register
class UnbalancedQuote(Check):
    """A quotation mark with no partner: opened and never closed, or closed and never opened.

    Bad: He said “we will explain it. — Good: He said “we will explain it.”
    Silent when the source is unbalanced the same way, and for quotes that run
    across paragraphs (the paragraph is left open and the next one reopens
    with “, or with » in Spanish), or across sentence segments (the next
    segment closes it).
    """

    code = "TA111"
    needs = (Need("punctuation", side="both", optional=True),)
    name = "unbalanced-quote"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    scope = "article"

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        # The target's open quotes at the end of the previous segment, and whether
        # the source excuses them (it is unbalanced as much).
        pending: tuple[Segment, list[Quote], bool] | None = None
        for segment in article.segments:
            if not segment.target.strip():
                continue
            target = parse_quotes(segment.target, ctx.target)
            orphans = list(target.orphans)
            if pending is not None:
                previous, open_quotes, excused = pending
                if orphans and orphans[0].family == open_quotes[-1].family:
                    orphans.pop(0)  # the quote carried over from the previous segment closes here
                elif target.leading is None and not excused:
                    yield from self._unclosed(previous, open_quotes)
                pending = None
            unclosed = list(target.unclosed)
            if not orphans and not unclosed:
                continue
            source = parse_quotes(segment.source, ctx.source)
            # Unbalanced as much as the source: faithful, or a quote cut by segmentation.
            source_imbalance = len(source.orphans) + len(source.unclosed) + source.loose
            excused = len(orphans) + len(unclosed) <= source_imbalance
            if not excused:
                for quote in orphans:
                    start, end = _word_span(segment.target, quote.index, forward=False)
                    yield Finding(
                        "target", start, end, f"closing {quote.char} with no opening mark", segment=segment.id
                    )
            if unclosed:
                pending = (segment, unclosed, excused)
        if pending is not None and not pending[2]:
            yield from self._unclosed(pending[0], pending[1])

    def _unclosed(self, segment: Segment, quotes: list[Quote]) -> Iterator[Finding]:
        for quote in quotes:
            start, end = _word_span(segment.target, quote.index, forward=True)
            yield Finding(
                "target",
                start,
                end,
                f"{quote.char} opens a quotation that is never closed",
                segment=segment.id,
            )


@register
class ForeignQuotes(Check):
    """Quotation marks of another language's convention (usually the source's).

    Bad: (English target) the «unipolar» world / the „unipolar“ world —
    Good: the “unipolar” world. Each language's own marks (CLDR) and its
    foreign openers are in ``data/punctuation/<lang>.toml``; a correct
    conversion («…» in Spanish → “…” in English) is silent.
    """

    code = "TA112"
    needs = (Need("punctuation"),)
    name = "foreign-quotes"
    category = Category.LOCALE_QUOTES
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        lang_data = ctx.target.family("punctuation")
        foreign = set(lang_data.get("foreign_openers", []))
        if not foreign or not QUOTE_RE.search(segment.target):
            return
        parse = parse_quotes(segment.target, ctx.target)
        quotes = lang_data.get("quotes", {})
        start_mark, end_mark = quotes.get("start", ""), quotes.get("end", "")
        text = segment.target
        spans: list[tuple[Quote, Quote | None]] = [
            (o, c) for o, c in (*parse.pairs, *parse.mismatches) if o.char in foreign
        ]
        spans += [(o, None) for o in parse.unclosed if o.char in foreign]
        for opener, closer in sorted(spans, key=lambda pair: pair[0].index):
            if opener is parse.leading and opener.char in lang_data.get("continuation_marks", []):
                continue
            end = closer.index + 1 if closer else _word_span(text, opener.index, True)[1]
            inner = text[opener.index + 1 : closer.index] if closer else None
            suggestion = f"{start_mark}{inner}{end_mark}" if inner is not None and start_mark else None
            yield Finding(
                "target",
                opener.index,
                end,
                f"{opener.char}…{closer.char if closer else ''} is not a {ctx.target_lang} quotation mark"
                + (f" (use {start_mark}…{end_mark})" if start_mark else ""),
                suggestion=suggestion,
            )


_INVERTED_RE = re.compile("[¿¡]")


@register
class InvertedMarks(Check):
    """Spanish ¿ or ¡ left in a target language that does not use them.

    Bad: (English target) ¿Who will pay for it? — Good: Who will pay for it?
    Languages that use them say ``inverted_marks = true`` in their data; a
    language without punctuation data is never flagged.
    """

    code = "TA113"
    needs = (Need("punctuation"),)
    name = "inverted-marks"
    category = Category.PUNCTUATION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        lang_data = ctx.target.family("punctuation")
        if not lang_data or lang_data.get("inverted_marks", True):
            return
        for match in _INVERTED_RE.finditer(segment.target):
            yield Finding(
                "target",
                match.start(),
                match.end(),
                f"{match.group()} is not used in {ctx.target_lang}",
                suggestion="",
            )


#: A question or exclamation mark that ends a clause (not ?id= in a URL).
_CLAUSE_END_RE = re.compile(r"(?<=\w)[?!](?=[\s\"'”’»)\]]|$)")


def _clause_start(text: str, index: int) -> int:
    """Where the sentence holding ``index`` starts: after ? ! a newline or a single full stop.

    An ellipsis ("que... ayudamos") does not end a sentence.
    """
    start = max(text.rfind("?", 0, index), text.rfind("!", 0, index), text.rfind("\n", 0, index)) + 1
    dot = text.rfind(". ", start, index)
    while dot > 0 and text[dot - 1] == ".":
        dot = text.rfind(". ", start, dot - 1)
    return max(start, dot + 1) if dot >= 0 else start


@register
class MissingInvertedMark(Check):
    """A Spanish question or exclamation with a closing ? or ! but no opening ¿ or ¡.

    Bad: Quién lo pagará? — Good: ¿Quién lo pagará? Applies to languages
    with ``inverted_marks = true``; silent when the source has the same
    unopened mark, so quoted names and titles pass.
    """

    code = "TA114"
    needs = (Need("punctuation"),)
    name = "missing-inverted-mark"
    category = Category.PUNCTUATION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.target.family("punctuation").get("inverted_marks", False):
            return
        text = segment.target
        if "?" not in text and "!" not in text:
            return
        for match in _CLAUSE_END_RE.finditer(text):
            mark = match.group()
            opener = "¿" if mark == "?" else "¡"
            start = _clause_start(text, match.start())
            if text.rfind(opener, start, match.start()) >= 0:
                continue
            clause = text[start : match.end()]
            if "¿" in clause or "¡" in clause or len(clause.split()) < 2:
                continue  # ¡Hola! ¿Qué? pairs crossing, or a one-word cry
            while start < match.start() and not text[start].isalnum():
                start += 1
            yield Finding(
                "target",
                start,
                match.end(),
                f"'{mark}' without the opening '{opener}'",
                suggestion=f"{opener}{text[start : match.end()]}",
            )


#: What may stand before a space-and-mark to make it a spacing error: a word or a closer.
_SPACE_AFTER = frozenset('"”’»)]')


def _space_re(chars: list[str]) -> re.Pattern[str] | None:
    if not chars:
        return None
    cls = "".join(re.escape(c) for c in chars)
    # A space, then the mark ending the clause. Not an ellipsis (" ..."), an
    # emoticon (" :)") or a leading dot (" .com"). Starting with the space class
    # lets the regex engine skip ahead fast; what precedes is checked by hand.
    return re.compile(rf"([ \t\u00a0]+)([{cls}])(?![.\w(\-)]|[:;][)(DPp])")


def _space_patterns(lang: LanguageResources) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(forbidden, required) spaces before punctuation, compiled once per language (``lang.part``)."""
    lang_data = lang.family("punctuation")
    forbidden = _space_re(lang_data.get("no_space_before", []))
    required_chars = lang_data.get("space_before", [])
    required = None
    if required_chars:
        cls = "".join(re.escape(c) for c in required_chars)
        required = re.compile(rf"(?<=[^\W\d_])([{cls}])(?=\s|$)")
    return forbidden, required


@register
class SpaceBeforePunctuation(Check):
    """A space where the target language wants none (English "word ,") or none where it wants one.

    Bad: (English) "the talks , held on Monday ." — Good: "the talks, held on
    Monday." In French a no-break space goes before ; : ! ? ("Pourquoi ?"),
    so there the missing space is flagged instead. The rules are data
    (``no_space_before`` and ``space_before``); silent when the source has the
    same spacing.
    """

    code = "TA115"
    needs = (Need("punctuation"),)
    name = "space-before-punctuation"
    category = Category.WHITESPACE
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        forbidden, required = ctx.target.part(_space_patterns)
        text = segment.target
        if forbidden is not None:
            for match in forbidden.finditer(text):
                before = text[match.start() - 1] if match.start() else " "
                if not (before.isalnum() or before in _SPACE_AFTER or before == "_"):
                    continue
                mark = match.group(2)
                if f" {mark}" in segment.source or f"\u00a0{mark}" in segment.source:
                    continue
                yield Finding(
                    "target",
                    match.start(1),
                    match.end(2),
                    f"space before '{mark}'",
                    suggestion=mark,
                )
        if required is not None:
            for match in required.finditer(text):
                mark = match.group(1)
                start = match.start(1)
                while start > 0 and text[start - 1].isalnum():
                    start -= 1
                word = text[start : match.start(1)]
                yield Finding(
                    "target",
                    start,
                    match.end(1),
                    f"'{mark}' needs a no-break space before it in {ctx.target_lang}",
                    suggestion=f"{word}\u202f{mark}",
                )


_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)( {2,})(?=\S)")


@register
class DoubledSpace(Check):
    """Two or more spaces between words.

    Bad: "the  talks" — Good: "the talks". Silent when the source has doubled
    spaces too (a layout convention carried over).
    """

    code = "TA116"
    name = "doubled-space"
    category = Category.WHITESPACE
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if "  " not in segment.target or "  " in segment.source:
            return
        for match in _DOUBLE_SPACE_RE.finditer(segment.target):
            yield Finding("target", match.start(), match.end(), "doubled space", suggestion=" ")


_DOUBLED_PUNCT_RE = re.compile(r",,|;;|(?<![.\d])\.\.(?![.\d/])|,\.(?!\d)")


@register
class DoubledPunctuation(Check):
    """A comma or full stop written twice, or a comma run into a full stop.

    Bad: "the talks,, held on Monday.." — Good: "the talks, held on Monday."
    An ellipsis ("..."), a range ("1..5") and "etc.," are fine.
    """

    code = "TA117"
    name = "doubled-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        text = segment.target
        if ",," not in text and ";;" not in text and ".." not in text and ",." not in text:
            return
        for match in _DOUBLED_PUNCT_RE.finditer(text):
            if match.group() in segment.source:
                continue
            yield Finding(
                "target",
                match.start(),
                match.end(),
                f"'{match.group()}' doubled punctuation",
                suggestion=match.group()[-1] if match.group() != ",." else ".",
            )


_TRAILING = "\"'”’»›“«)]}*_ \t\u00a0\u202f\r\n"
_END_MARKS = ".?!…"


def end_marks(text: str) -> tuple[str, int, int] | None:
    """The end punctuation of a text, ignoring closing quotes and brackets.

    Returns (marks, start, end) with "..." normalised to "…" in ``marks`` and
    raw offsets of the first and after the last mark; None when the text does
    not end in . ? ! or ….
    """
    if not text or text[-1].isalnum():
        return None
    index = len(text) - 1
    first = last = -1
    while index >= 0 and (text[index] in _TRAILING or text[index] in _END_MARKS):
        if text[index] in _END_MARKS:
            first = index
            if last < 0:
                last = index
        index -= 1
    if first < 0:
        return None
    marks = "".join(c for c in text[first : last + 1] if c in _END_MARKS).replace("...", "…")
    return marks, first, last + 1


def _mark_set(marks: str) -> set[str]:
    return set(marks.replace("..", "."))


@register
class EndPunctuation(Check):
    """The source ends a sentence with . ? ! and the target drops or changes it.

    Bad: source "¿Quién pagará?" → target "Who will pay." (or "Who will pay")
    — Good: "Who will pay?" Closing quotes and brackets are ignored, so “…?”
    and «¿…?». agree; titles without end punctuation on both sides are fine,
    and so is a heading of fewer than ``min_source_words`` words that drops
    its full stop ("Resultados." → "RESULTS"). The first segment of an
    article of several segments is its title when it is one sentence: a title
    without the source's full stop is the target language's style (English
    titles take none; Spanish journals end them with one), not an error.
    """

    code = "TA118"
    needs = (Need("punctuation", optional=True),)
    name = "end-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.MINOR
    scope = "article"
    options: ClassVar[tuple[Option, ...]] = (
        Option("min_source_words", int, 4,
               "a dropped full stop is not reported for shorter sources (headings, labels)", minimum=1),
    )

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        several = len(article.segments) > 1
        for index, segment in enumerate(article.segments):
            title = several and index == 0 and len(sentence_spans(segment.source.strip())) == 1
            for finding in self.check_segment(segment, ctx, title=title):
                yield replace(finding, segment=segment.id)

    def check_segment(self, segment: Segment, ctx: CheckContext, title: bool = False) -> Iterator[Finding]:
        source = segment.source.rstrip()
        target = segment.target.rstrip()
        if not source or not target:
            return
        source_end = end_marks(source)
        if source_end is None:
            return
        target_end = end_marks(target)
        source_marks = _mark_set(source_end[0])
        if target_end is None:
            if len(source.split()) <= int(ctx.options.get("min_source_words", 4)) - 1:
                return  # a heading or label ("Resultados." → "RESULTS")
            if title and source_end[0] == ".":
                return  # an article's title: the full stop is the source language's style
            last = target[-1]
            if last.isalnum() or last in _TRAILING:
                index = len(target)
                while index > 0 and target[index - 1] in _TRAILING:
                    index -= 1
                start = max(0, index - 1)
                while start > 0 and not target[start - 1].isspace():
                    start -= 1
                yield Finding(
                    "target",
                    start,
                    len(target),
                    f"the source ends with '{source_end[0]}' and the target has no end punctuation",
                    suggestion=f"{target}{source_end[0][-1]}",
                )
            return
        target_marks = _mark_set(target_end[0])
        if source_marks & target_marks:
            return
        if source_marks <= {".", "…"} and target_marks <= {".", "…"}:
            return
        if "!" in source_marks and target_marks <= {"."}:
            return  # toning an exclamation down is an editorial choice
        if ctx.target.family("punctuation").get("inverted_marks", False):
            last_break = max(target.rfind(". ", 0, target_end[1]), 0)
            opened = target[last_break : target_end[1]]
            if ("?" in target_marks and "¿" in opened) or ("!" in target_marks and "¡" in opened):
                return  # a question or exclamation opened with ¿ ¡ is the translator's choice
        yield Finding(
            "target",
            target_end[1],
            target_end[2],
            f"the source ends with '{source_end[0]}' and the target with '{target_end[0]}'",
            suggestion=source_end[0],
        )
