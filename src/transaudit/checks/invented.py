"""Invented words: a target word coined from a source word, known to no dictionary (TA513)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.analysis import resources
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.checks.spelling import accepted_words
from transaudit.meaning.invented import dictionary_translation, invented_words
from transaudit.model import Category, Segment, Severity


@register
class InventedWord(Check):
    """A word of the translation that no dictionary knows, copied from an ordinary source word.

    The rule is :mod:`transaudit.meaning.invented`'s: the target word is known to
    no Hunspell variety, wordfreq or Apertium analyser of the target language,
    is no word of the source language, not a typing slip (TA140's) nor a word
    with a lost accent, and keeps the letters of a source word (rapidfuzz ratio
    ≥ 80) that the source language's dictionary knows: an ordinary word has an
    established translation, so a coinage in its place is a mistranslation. A
    source word no dictionary knows (a term of art) is left alone. The
    suggestion is the source word's translation in Apertium's bilingual
    dictionary when it has one. Words the editors accept (``[spelling] words``,
    the glossary's target terms) are never reported, as for TA140: the way to
    silence a real word no resource lists ("cooperativists").

    Bad: source "Los societarios padecieron inquietudes" → target "The
    societaries suffered from concerns".
    Good: "The members suffered from concerns".
    """

    code = "TA513"
    needs = (
        Need(resources.HUNSPELL, side="both"),
        Need(resources.WORDFREQ, side="both", optional=True),
        Need(resources.APERTIUM_DICTIONARY, pair=True, optional=True),
    )
    name = "invented-word"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    #: Off by default until measured on more than Bio-MQM, DEMETR and WMT24 (docs/evaluation.md).
    default_enabled = False

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not segment.source.strip() or not segment.target.strip():
            return
        accepted = accepted_words(ctx)
        for found in invented_words(segment.source, segment.target, ctx.source_lang, ctx.target_lang):
            if found.word.casefold() in accepted:
                continue
            suggestion = dictionary_translation(found.source_word, ctx.source_lang, ctx.target_lang)
            yield Finding(
                "target",
                found.start,
                found.end,
                f"'{found.word}' is no {ctx.target_lang} word any dictionary knows: a copy of the source's "
                f"'{found.source_word}' rather than its translation",
                suggestion=suggestion,
            )
