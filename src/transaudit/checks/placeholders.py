"""Placeholders (inline tags, format specifiers) missing from or added to the target.

Readers of XLIFF, TMX and PO keep inline markup as placeholders
(:class:`~transaudit.model.Placeholder`); every other check sees them masked.
This check is the one that compares them, like pofilter's "variables" and
Xbench's tag checks: a lost ``<x1/>`` drops an image or a link, a lost ``%s``
drops a value, an extra ``%d`` crashes the program that formats the string.
Order is free (languages reorder), so the two sides are compared as multisets
of placeholder keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.model import Category, Segment, Severity


@register
class PlaceholderMismatch(Check):
    """A placeholder (inline tag or format specifier) missing from the target, or added to it.

    Bad: "Click <x1/>here" → "Haga clic aquí" (the link code is gone);
    "%d files deleted" → "archivos eliminados".
    Good: "Click <x1/>here" → "Haga clic <x1/>aquí"; "%d files" → "%d archivos".
    A missing placeholder is an omission (span on the source), an added one an
    addition (span on the target). In a PO plural form the count specifier may
    be left out or put in (``meta["count"]``). An empty target is TA220's.
    """

    code = "TA230"
    name = "placeholder-mismatch"
    category = Category.OMISSION
    severity = Severity.MAJOR
    sees_placeholders = True

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not segment.target.strip() or not segment.source.strip():
            return
        if not segment.source_placeholders and not segment.target_placeholders:
            return
        free = set(segment.meta.get("count", "").split("\n")) - {""} if "plural" in segment.meta else set()
        source = Counter(p.key for p in segment.source_placeholders if p.key not in free)
        target = Counter(p.key for p in segment.target_placeholders if p.key not in free)
        missing = source - target
        added = target - source
        for placeholder in segment.source_placeholders:
            if missing[placeholder.key] > 0:
                missing[placeholder.key] -= 1
                yield Finding(
                    "source", placeholder.start, placeholder.end,
                    f"placeholder {placeholder.markup!r} is missing from the translation",
                )
        for placeholder in reversed(segment.target_placeholders):
            if added[placeholder.key] > 0:
                added[placeholder.key] -= 1
                yield Finding(
                    "target", placeholder.start, placeholder.end,
                    f"placeholder {placeholder.markup!r} is not in the source",
                    category=Category.ADDITION,
                )
