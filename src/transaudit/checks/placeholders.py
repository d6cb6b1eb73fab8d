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

import html
import re
from collections import Counter
from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.input.placeholders import pairs
from transaudit.model import Category, Placeholder, Segment, Severity, Side


@register
class PlaceholderMismatch(Check):
    """A placeholder (inline tag or format specifier) missing from the target, or added to it.

    Bad: "Click <x1/>here" → "Haga clic aquí" (the link code is gone);
    "%d files deleted" → "archivos eliminados".
    Good: "Click <x1/>here" → "Haga clic <x1/>aquí"; "%d files" → "%d archivos".
    A missing placeholder is an omission (span on the source), an added one an
    addition (span on the target); a paired tag (``<g1>``…``</g1>``) lost or
    added whole is one issue spanning both halves. In a PO plural message the
    singular form ``msgstr[0]`` may leave out or put in the count specifier
    (``meta["count"]``); the other forms may not. An empty target is TA220's.
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
        free = _free_count(segment)
        source = Counter(p.key for p in segment.source_placeholders if p.key not in free)
        target = Counter(p.key for p in segment.target_placeholders if p.key not in free)
        sides: tuple[tuple[Side, tuple[Placeholder, ...], Counter[str]], ...] = (
            ("source", segment.source_placeholders, source - target),
            ("target", segment.target_placeholders, target - source),
        )
        for side, placeholders, extra in sides:
            for first, last in _unmatched(placeholders, extra):
                where = "is missing from the translation" if side == "source" else "is not in the source"
                shown = repr(_label(first)) if last is None else f"{_label(first)!r}…{_label(last)!r}"
                what = "placeholder" if last is None else "paired tag"
                yield Finding(
                    side, first.start, (last or first).end, f"{what} {shown} {where}",
                    category=None if side == "source" else Category.ADDITION,
                )


_DISP = re.compile(r'^<(?:ph|sc|ec)\b[^>]*\sdisp="([^"]*)"')


def _label(placeholder: Placeholder) -> str:
    """How a message names a placeholder: its markup, or an XLIFF 2 code's display text
    (``<ph id="2" disp="%d"/>`` is ``%d``, as in the PO file it was written from)."""
    found = _DISP.match(placeholder.markup)
    return html.unescape(found.group(1)) if found and found.group(1) else placeholder.markup


def _free_count(segment: Segment) -> set[str]:
    """The count specifier of a PO plural's singular form (``msgstr[0]``), which may be left out or put in.

    gettext convention: the singular form may say "one file" instead of "%d
    file"; every other form is used for several numbers and must show it. The
    reader records the count in ``meta["count"]`` and only for a language with
    more than one form (with one form, ``msgstr[0]`` serves every number).
    """
    if segment.meta.get("plural") != "0":
        return set()
    return set(segment.meta.get("count", "").split("\n")) - {""}


def _unmatched(
    placeholders: tuple[Placeholder, ...], extra: Counter[str]
) -> Iterator[tuple[Placeholder, Placeholder | None]]:
    """The placeholders of ``extra`` (a multiset of keys) in text order; both halves of a paired tag as one.

    A tag pair added or lost together is one mistake (one formatting span), so
    it is one issue spanning from its opening to its closing code.
    """
    extra = Counter(extra)
    unmatched: set[int] = set()
    for index in range(len(placeholders) - 1, -1, -1):  # the later occurrences are the unmatched ones
        if extra[placeholders[index].key] > 0:
            extra[placeholders[index].key] -= 1
            unmatched.add(index)
    halves = pairs(placeholders)
    closings = {closing for opening, closing in halves.items() if {opening, closing} <= unmatched}
    for index in sorted(unmatched - closings):
        closing = halves.get(index)
        yield placeholders[index], placeholders[closing] if closing in closings else None
