"""Names: a source name misspelled (TA530) or swapped for another (TA531) in the target."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.analysis.text import fold
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.meaning.name_counterparts import replaced_names, respelled
from transaudit.meaning.names import mangled_names, swapped_given_name, swapped_name
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
    """A name of the source replaced by another name in the translation.

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

    A given name swapped before the same surname ("Rosa Martínez" → "Elena
    Martínez") is one too, when Apertium's analyser reads both as given names
    (``<np><ant>``) or knows neither word. Other swaps inside a longer name, or
    with a name that is also a common word, are TA532's (off by default).

    Bad: source "según el economista Kowalczyk" → target "according to the
    economist Kenneth".
    Good: "according to the economist Kowalczyk"; "Meguiar" → "McGuire" (a
    respelling: rapidfuzz ratio ≥ 60, or ≥ 50 with the same initial).
    """

    code = "TA531"
    name = "name-replaced"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not (segment.source.strip() and segment.target.strip()):
            return
        swap = swapped_name(segment.source, segment.target, ctx.source_lang, ctx.target_lang)
        if swap is not None and respelled(fold(swap[0].text), fold(swap[1].text)):
            swap = None
        if swap is None:
            swap = swapped_given_name(segment.source, segment.target, ctx.source_lang, ctx.target_lang)
        if swap is not None:
            lost, new = swap
            yield _replaced(new.start, new.end, new.text, lost.text)


@register
class NameCounterpartMissing(Check):
    """A name of the source without a counterpart in the translation, and a name there instead.

    Word by word, with Apertium's analyser and dictionary (pairs that have them
    both ways: es↔en, es↔ca, es↔fr, …; :mod:`transaudit.meaning.name_counterparts`):
    a source name (a proper noun or acronym to the analyser, or a capitalized
    word no resource knows) with no counterpart in the target (the same
    spelling, a close one, a dictionary translation, the same gazetteer place),
    or written fewer times there, and a target name or run of title words with
    none in the source. This finds a swap inside a longer name ("Robert Habeck"
    → "Ahmed Habeck"), a name that is also a rare word ("Aristarco"), a company
    replaced by an institution ("Agremex" → "the Labor State Government") and
    one of two mentions replaced ("Seattle … Seattle-Tacoma" → "Boston …
    Seattle-Tacoma"). A respelled name ("Meguiar" → "McGuire"), an acronym
    translated ("SLA" → "ANS") or spelled out, either way round ("NSW" ↔ "Nueva
    Gales del Sur"), or glossed in brackets and left out ("the Accountant-General
    (AG)" → "el Contador General"), a name of ordinary words translated ("Via
    Láctea" → "Milky Way"), one of two mentions respelled and a nickname the
    dictionary knows as a word ("Stumpy" → "Muñoncito") are not replacements; a
    text written in capitals is not judged.

    Off by default: on the held-out halves of the WMT24 en→es reference and of
    the synth set it flags faithful paragraphs the tune halves did not show
    (docs/evaluation.md), and it costs Apertium look-ups on about one segment in
    ten.

    Bad: "impidió a Robert Habeck" → "prevented Ahmed Habeck".
    Good: "prevented Robert Habeck"; "la ONU y el Banco Mundial" → "the UN and the World Bank".
    """

    code = "TA532"
    name = "name-counterpart-missing"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    default_enabled = False

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not (segment.source.strip() and segment.target.strip()):
            return
        for found in replaced_names(segment.source, segment.target, ctx.source_lang, ctx.target_lang):
            yield _replaced(found.new.start, found.new.end, found.new.text, found.lost.text)


def _replaced(start: int, end: int, new: str, lost: str) -> Finding:
    return Finding(
        "target",
        start,
        end,
        f"'{new}' is not in the source, which names '{lost}' here",
        suggestion=lost,
    )
