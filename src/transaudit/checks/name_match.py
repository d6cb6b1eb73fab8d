"""Names: a source name misspelled (TA530) or swapped for another (TA531) in the target."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.meaning.names import mangled_names, swapped_name
from transaudit.model import Category, Segment, Severity


@register
class MangledName(Check):
    """A person's or place's name of the source spelled differently in the translation.

    Each word of a source name (a run of capitalized words, as TA303 finds
    them) must come back in the target: the same word (case and accents aside),
    a spelling the pair's transliteration habits explain ("Gorbachov" ↔
    "Gorbachev"), or the target language's established form (more frequent in
    it, by wordfreq). A capitalized target word that is close (four letters in
    five the same) but none of these is a mangled name, with the source spelling
    as suggestion. A name that is missing or replaced by another is TA303's.

    Bad: source "el dirigente Wilfredo Choque Apaza" → target "the leader
    Wilfredo Choque Apasa".
    Good: "the leader Wilfredo Choque Apaza".
    """

    code = "TA530"
    name = "mangled-name"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not (segment.source.strip() and segment.target.strip()):
            return
        seen: set[int] = set()
        for found in mangled_names(segment.source, segment.target, ctx.source_lang, ctx.target_lang):
            if found.target.start in seen:
                continue
            seen.add(found.target.start)
            yield Finding(
                "target",
                found.target.start,
                found.target.end,
                f"'{found.target.text}' looks like a misspelling of the source's name '{found.source.text}'",
                suggestion=found.source.text,
            )


@register
class NameReplaced(Check):
    """A one-word name of the source replaced by another one-word name in the translation.

    The swap TA303 leaves out: TA303 judges a lost and a new name when one of
    them has two words or more. Here exactly one source name (a capitalized
    word that is not a common word, not opening a sentence) has no similar word
    in the target, and exactly one target name has none in the source.

    A capitalized word the dictionary accepts in lower case ("World",
    "Monde") is a title word, not a name. A demonym or a place's adjective
    ("Galician", "Andalusians": the gazetteer's demonyms, or an adjective and
    never a proper noun to Apertium's analyser of the language) describes, it
    does not name: "La Xunta exigió…" → "The Galician government demanded…"
    explains the institution's name.

    Bad: source "según el economista Kowalczyk" → target "according to the
    economist Kenneth".
    Good: "according to the economist Kowalczyk".
    """

    code = "TA531"
    name = "name-replaced"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not (segment.source.strip() and segment.target.strip()):
            return
        swap = swapped_name(segment.source, segment.target, ctx.source_lang, ctx.target_lang)
        if swap is None:
            return
        lost, new = swap
        yield Finding(
            "target",
            new.start,
            new.end,
            f"'{new.text}' is not in the source, which names '{lost.text}' here",
            suggestion=lost.text,
        )
