"""Possessives: one open source possessor rendered as two different ones (TA514)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.meaning.possessives import mixed_possessives
from transaudit.model import Category, Segment, Severity

FAMILY = "possessives"


@register
class PossessiveMismatch(Check):
    """Possessives the source leaves open ("su") that the translation renders inconsistently.

    A source sentence with two or more possessives that do not say who owns
    (Spanish "su/sus", French "son/sa/ses", Portuguese "seu/sua", Catalan
    "seu/seva", Italian "suo/sua": ``data/possessives``) whose translation mixes
    possessives of different kinds ("his" and "her", "their" and "its"; German
    "sein" and "ihr"): the translation
    guessed the possessor at each one. Two different possessors in one
    sentence are legitimate and would be flagged too (the reason it is off by
    default); :mod:`transaudit.meaning.possessives` gives the rule.

    Bad: source "información sobre sus vidas personales en su España, durante
    su estancia" → target "information about his personal lives in her Spain,
    during his stay".
    Good: "information about their personal lives in their Spain, during their stay".
    """

    code = "TA514"
    needs = (Need(FAMILY, side="both"),)
    name = "possessive-mismatch"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    #: Off by default: it cannot tell two possessors from one guessed twice (docs/evaluation.md).
    default_enabled = False

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        source_data, target_data = ctx.source.family(FAMILY), ctx.target.family(FAMILY)
        for found in mixed_possessives(segment.source, segment.target, source_data, target_data):
            words = ", ".join(f"'{word}' ({kind})" for word, kind in found.found)
            yield Finding(
                "target",
                found.start,
                found.end,
                f"the source's possessives leave the possessor open, and the translation names "
                f"different ones: {words}",
            )
