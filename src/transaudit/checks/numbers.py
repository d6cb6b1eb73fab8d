"""Numbers and dates: what the source says in figures must survive translation.

Each side's numbers are read with that language's conventions and matched
across the two sides by :mod:`transaudit.analysis.numbers` ("2.500" in Spanish
equals "2,500" in English, "3.400 millones" equals "3.4 billion"); this module
turns the comparison into findings.

Numbers written as words ("dos", "two", "first", "XX") are weak evidence: they
match figures on the other side but are never reported missing, because
translations routinely turn "both" into "the two" or "a couple" into "two".
A target number word is reported only when it replaced a source number that
went missing ("cinco millones" → "four million").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from transaudit.analysis.fields import is_bare_label
from transaudit.analysis.numbers import NOTHING, Comparison, Mention, compare, lost_dates, suggestion_for
from transaudit.analysis.resources import LanguageResources
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.model import Category, Segment, Severity


def _comparable(source: str, target: str) -> bool:
    """Both sides have content: empty or label-only targets are another check's job."""
    if not source or source.isspace() or not target or target.isspace():
        return False
    return not (len(target) <= 60 and is_bare_label(target))


def _comparison(segment: Segment, ctx: CheckContext) -> Comparison:
    """The segment's comparison; an empty one when the segment is not comparable, so checks just loop."""
    return _compare_segment(segment.source, segment.target, ctx.source, ctx.target)


@lru_cache(maxsize=8192)
def _compare_segment(
    source: str, target: str, source_lang: LanguageResources, target_lang: LanguageResources
) -> Comparison:
    if not _comparable(source, target):
        return NOTHING
    return compare(source, target, source_lang, target_lang)


def _mismatches(pairs: list[tuple[Mention, Mention]], target_lang: str) -> Iterator[Finding]:
    """A target finding for each (source, target) pair that disagrees: TA201's numbers, TA205's months."""
    for source, target in pairs:
        yield Finding(
            "target",
            target.start,
            target.end,
            f"'{target.text}' does not match the source's '{source.text}'",
            suggestion=suggestion_for(source, target_lang),
            counterpart=(source.start, source.end),
        )


@register
class NumberChanged(Check):
    """A number in the target differs from the one in the source.

    Bad: "13 millones de trabajadores" → "45 million workers".
    Good: "3.400 millones de euros" → "3.4 billion euros"; "el 12 %" → "12%".
    """

    code = "TA201"
    needs = (Need("numbers", side="both", optional=True),)
    name = "number-changed"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        yield from _mismatches(_comparison(segment, ctx).changed, ctx.target_lang)


@register
class NumberMissing(Check):
    """A number in the source has no counterpart in the target.

    Bad: "murieron 14 personas" → "people died".
    Good: "murieron 14 personas" → "14 people died" (or "fourteen people died").
    """

    code = "TA202"
    needs = (Need("numbers", side="both", optional=True),)
    name = "number-missing"
    category = Category.OMISSION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        missing = _comparison(segment, ctx).missing
        if not missing:
            return
        for start, end, date in lost_dates(
            segment.source, segment.target, missing, ctx.source, ctx.target
        ):
            yield Finding("source", start, end, f"the date '{date}' is missing from the translation")
            missing = [m for m in missing if not start <= m.start < end]
        for mention in missing:
            yield Finding(
                "source", mention.start, mention.end, f"'{mention.text}' is missing from the translation"
            )


@register
class NumberAdded(Check):
    """A number in the target that the source does not have.

    Bad: "llegaron ayer" → "they arrived 3 days ago".
    Good: "llegaron ayer" → "they arrived yesterday".
    """

    code = "TA203"
    needs = (Need("numbers", side="both", optional=True),)
    name = "number-added"
    category = Category.ADDITION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for mention in _comparison(segment, ctx).added:
            yield Finding("target", mention.start, mention.end, f"'{mention.text}' is not in the source")


@register
class NumberFormat(Check):
    """A number kept in the source language's format, which reads differently in the target.

    Bad: "2.500 personas" → "2.500 people" (in English: two and a half).
    Good: "2.500 personas" → "2,500 people".
    """

    code = "TA204"
    needs = (Need("numbers", side="both", optional=True),)
    name = "number-format"
    category = Category.LOCALE_NUMBER
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for target, source in _comparison(segment, ctx).misformatted:
            yield Finding(
                "target",
                target.start,
                target.end,
                f"'{target.text}' follows the source's number format ('{source.text}'); "
                f"it reads as a different number in {ctx.target_lang}",
                suggestion=suggestion_for(source, ctx.target_lang),
            )


@register
class MonthChanged(Check):
    """A month name in the target differs from the source's.

    Bad: "el 15 de septiembre" → "on October 15".
    Good: "el 15 de septiembre" → "on September 15" or "on 15 September".
    """

    code = "TA205"
    needs = (Need("numbers", side="both", optional=True),)
    name = "month-changed"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        yield from _mismatches(_comparison(segment, ctx).months_changed, ctx.target_lang)
