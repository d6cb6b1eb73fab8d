"""Tense changed: a verb of the translation that speaks of another time than the source's (TA512)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.analysis import resources
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.checks.coverage import LONGEST
from transaudit.meaning.insertions import lexicons
from transaudit.meaning.tense import shifts
from transaudit.model import Article, Category, Severity


@register
class TenseChanged(Check):
    """A verb of the translation speaks of another time than the source verb it translates.

    Verbs are linked through Apertium's bilingual dictionary, and each verb
    group's time (past, present, future, conditional) is read from the
    analyser's tense tags on its first member: the auxiliary when there is one
    ("will say", "había dicho"), else the verb (:mod:`transaudit.meaning.tense`).
    The perfect ("has said") agrees with past and present; a form whose time is
    ambiguous (English base forms, "put"), a subjunctive, an infinitive, a word
    that is also a noun without an auxiliary before it ("places"), a modal
    other than will/would, or a participle used as an adjective (after a degree
    word or a determiner, or in a reduced relative clause: "the framework
    proposed here is useful") has no time and is never flagged. A side over the
    meaning checks' 5,000 characters is not judged: linking its verbs weighs every
    word against every other (6 s on 100,000 characters, near the scaling test's
    15 s limit under load). A verb is compared
    only with the source verbs of its own sentence's counterparts (the k-th
    sentence of each side when they have as many, else the source sentences at
    the same place in the paragraph): the same verb elsewhere in the paragraph
    tells another event.

    Bad: source "El ministro dijo que el puente abrirá en mayo" → target "The
    minister says that the bridge will open in May".
    Good: "The minister said that the bridge will open in May".
    """

    code = "TA512"
    needs = (Need(resources.APERTIUM_DICTIONARY, pair=True),)
    name = "tense-changed"
    category = Category.MISTRANSLATION
    severity = Severity.MINOR
    scope = "article"
    #: Off by default: translators shift tense on purpose (a historical present for a
    #: past, "Hace 450 millones de años" for "took"): it flags about one professional
    #: WMT24 reference paragraph in 30 (docs/evaluation.md, "Meaning").
    default_enabled = False

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        found = lexicons(ctx.source_lang, ctx.target_lang)
        pairs = [
            s
            for s in article.segments
            if s.source.strip() and s.target.strip() and max(len(s.source), len(s.target)) <= LONGEST
        ]
        if found is None or not pairs:
            return
        forward, backward = found
        sources = forward.words(s.source for s in pairs)
        targets = backward.words(s.target for s in pairs)
        for segment in pairs:
            found_shifts = shifts(
                sources[segment.source],
                targets[segment.target],
                forward,
                backward,
                (segment.source, segment.target),
            )
            for shift in found_shifts:
                yield Finding(
                    "target",
                    shift.target.start,
                    shift.target.end,
                    f"'{shift.target.text}' speaks of the {shift.target_time}, the source's "
                    f"'{shift.source.text}' of the {shift.source_time}: tense changed",
                    segment=segment.id,
                )
