"""Identifiers: a source identifier's letters replaced in the translation (TA515)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.meaning.identifiers import replaced_identifiers
from transaudit.model import Category, Segment, Severity


@register
class IdentifierReplaced(Check):
    """An identifier of the source ("COVID-19") whose letters the translation replaced.

    A target identifier (letters joined by a hyphen to a number) that is not
    in the source, with the number of a source identifier the target lost,
    and letters neither the same ones reordered (a translated acronym:
    "VIH-1" → "HIV-1") nor a close spelling: the name was replaced and the
    number kept, so the number check sees nothing wrong.
    :mod:`transaudit.meaning.identifiers` gives the rule.

    Bad: source "casos activos de COVID-19" → target "active cases of SPRYCEL-19".
    Good: "active cases of COVID-19"; "el VIH-1" → "HIV-1".
    """

    code = "TA515"
    name = "identifier-replaced"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    #: Off by default until measured on more than Bio-MQM and WMT24 (docs/evaluation.md).
    default_enabled = False

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for found in replaced_identifiers(segment.source, segment.target):
            yield Finding(
                "target",
                found.start,
                found.end,
                f"'{found.text}' stands where the source has '{found.source}': the identifier's "
                "name was replaced and its number kept",
                suggestion=found.source,
            )
