"""Name spellings: source-language spellings of names left in the translation.

A Spanish translator writes "Dusambé", "Mirziyóyev" and "Jürelsüj"; English
writes "Dushanbe", "Mirziyoyev" and "Khürelsükh". Machine translation copies the
source's spelling, or half of it ("Dushanbé"). The gazetteer knows the standard
target-language forms; the pair's transliteration habits
(``data/gazetteer/<src>-<tgt>.toml``) say how the source language respells them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from transaudit.analysis import gazetteer as gz
from transaudit.analysis import name_runs, name_spelling, tokens
from transaudit.analysis.text import fold
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.model import Category, Segment, Severity


def _marks(word: str) -> set[str]:
    """The accented letters of a word."""
    return {ch for ch in word if fold(ch) != ch.casefold()}


def _strip(word: str, accents: frozenset[str]) -> str:
    """The word without the given accents, case kept."""
    return "".join(unicodedata.normalize("NFKD", ch)[0] if ch in accents else ch for ch in word)


@lru_cache(maxsize=8192)
def known_misspellings(
    source_lang: str, target_lang: str, target: str, source: str = ""
) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, reason, standard form) for names the gazetteer can correct.

    A source-language name inside a phrase copied from the source ("the Birth in
    Brazil study", "RT Russia") is a title or a brand, not a leaked exonym.
    """
    if not target:
        return ()
    index = name_spelling.spelling_index(source_lang, target_lang)
    found: dict[int, tuple[int, int, str, str]] = {}
    src = gz.gazetteer(source_lang)
    ambiguous = src.ambiguous | gz.gazetteer(target_lang).ambiguous
    # A mention's first word is one of the text's words as the gazetteer reads them: a
    # text holding no exonym's first word names none (most texts: the scan is skipped).
    if _exonym_openers(source_lang, target_lang) & tokens.words_of(target, src.elisions):
        for m in src.mentions(target):
            if m.kind not in (gz.CITY, gz.COUNTRY) or m.text in ambiguous:
                continue
            standard = index["exonyms"].get(m.text) or _copied_exonym(m, index, source)
            if standard is None:
                continue
            if source and _inside_copied_phrase(m, tokens.tokenize(target), tokens.words_of(source)):
                continue
            found[m.start] = (m.start, m.end, "exonym", standard)
    wrong: dict[str, tuple[str, str]] = {}
    for word in tokens.words_of(target):
        if not word[:1].isupper() or len(word) < 4 or word in index["exact"]:
            continue
        # The index first (two dict look-ups), the common-word test only for a word it
        # would correct: a common word is never corrected, whichever is asked first.
        key = tokens.quick_fold(word)
        standard = index["folded"].get(key)
        if standard is not None:
            if _marks(word) - _marks(standard) and not name_runs.is_common(word, target_lang):
                wrong[word] = ("diacritics", standard)
            continue
        standard = index["skeleton"].get(key)
        if standard is not None and fold(standard) != key and not name_runs.is_common(word, target_lang):
            wrong[word] = ("transliteration", standard)
    if wrong:
        for start, end, word in tokens.tokenize(target):
            if word in wrong and start not in found:
                found[start] = (start, end, *wrong[word])
    return tuple(found[k] for k in sorted(found))


def _copied_exonym(mention: gz.Mention, index: dict[str, Any], source: str) -> str | None:
    """The target name for a source-language name that is also a common word of the target
    language ("Chine"), when it is the source's name copied: the source writes it as the
    target does (its case included: the source's capital says it is the name).
    """
    standard = index["copied_exonyms"].get(mention.text)
    if standard is None or mention.text not in tokens.words_of(source):
        return None
    return str(standard)


@cache
def _exonym_openers(source_lang: str, target_lang: str) -> frozenset[str]:
    """The first word of every exonym the pair's index corrects, as the source gazetteer
    tokenizes it (a mention's text starts with the word it was found at)."""
    elisions = gz.gazetteer(source_lang).elisions
    index = name_spelling.spelling_index(source_lang, target_lang)
    exonyms = [*index["exonyms"], *index["copied_exonyms"]]
    return frozenset(found[0][2] for found in (tokens.tokenize(name, elisions) for name in exonyms) if found)


def _inside_copied_phrase(
    mention: gz.Mention, tokens: tuple[tuple[int, int, str], ...], copied: frozenset[str]
) -> bool:
    index = next((i for i, t in enumerate(tokens) if t[0] == mention.start), None)
    if index is None:
        return False
    neighbours = [tokens[index - 1][2]] if index else []
    end_index = next((i for i, t in enumerate(tokens) if t[1] == mention.end), index)
    if end_index + 1 < len(tokens):
        neighbours.append(tokens[end_index + 1][2])
    return any(word in copied for word in neighbours)


_REASONS = {
    "exonym": "the source language's name for this place; {lang} writes '{std}'",
    "diacritics": "accents of the source language's spelling; {lang} writes '{std}'",
    "transliteration": "a source-language transliteration; {lang} writes '{std}'",
}


@register
class KnownNameSpelling(Check):
    """A name spelled the source language's way instead of the target's standard form.

    Bad (Spanish → English): "Dushanbé", "Pekín", "Mirziyóyev", "Jurelsuj".
    Good: "Dushanbe", "Beijing", "Mirziyoyev", "Khürelsükh".
    """

    code = "TA320"
    needs = (Need("gazetteer", side="both"),)
    name = "name-spelling"
    category = Category.LOCALE_NAME
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not gz.supported(ctx.target_lang) or not gz.supported(ctx.source_lang):
            return
        for start, end, reason, standard in known_misspellings(
            ctx.source_lang, ctx.target_lang, segment.target, segment.source
        ):
            word = segment.target[start:end]
            yield Finding(
                "target",
                start,
                end,
                f"'{word}' uses " + _REASONS[reason].format(lang=ctx.target_lang, std=standard),
                suggestion=standard,
            )


@register
class CopiedTransliteration(Check):
    """A capitalized word copied from the source with the source language's accents.

    Only the pattern is known (not the name): the word appears unchanged in the
    source, carries accents the target language does not write, and looks
    transliterated (endings such as -ov, -yev, -enko; data in
    ``gazetteer/<src>-<tgt>.toml``), so native names such as "López" stay silent.

    Bad (Spanish → English): "Minister Sergéi Shoigúyev said". Good: "Minister
    Sergei Shoiguyev said".
    """

    code = "TA321"
    needs = (Need("gazetteer"),)
    name = "copied-transliteration"
    category = Category.LOCALE_NAME
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        habits = name_spelling.transliteration(ctx.source_lang, ctx.target_lang)
        accents = habits["source_diacritics"]
        markers = habits["markers"]
        if not accents or markers is None or not segment.source:
            return
        known = {
            start
            for start, *_ in known_misspellings(
                ctx.source_lang, ctx.target_lang, segment.target, segment.source
            )
        }
        exact = name_spelling.spelling_index(ctx.source_lang, ctx.target_lang)["exact"]
        source_words = {w for _, _, w in tokens.tokenize(segment.source)}
        for start, end, word in tokens.tokenize(segment.target):
            if start in known or not word[:1].isupper() or word in exact or word not in source_words:
                continue
            if not accents.intersection(word) or not markers.search(fold(word)):
                continue
            plain = _strip(word, accents)
            yield Finding(
                "target",
                start,
                end,
                f"'{word}' keeps the source language's accents; possibly a {ctx.source_lang} transliteration",
                suggestion=plain,
            )
