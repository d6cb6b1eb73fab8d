"""Spelling (MQM Fluency/Spelling): target words no dictionary of the target language knows.

Hunspell dictionaries through pyenchant (:mod:`transaudit.analysis.spelling`),
every main variety of the target language accepted (en_US and en_GB, …).
A news or science text is full of words no dictionary has — names, drug
names, acronyms, loans — so a word is reported only when all of these hold:

* it is a plain lower-case word, or capitalised only because it starts a
  sentence (a capital inside a sentence marks a name), of three letters or
  more, with no letter tripled ("tooodo"), without digits, not all capitals (an acronym), not in a link;
* it is not in the source (a name or term copied on purpose), nor in the
  glossary, nor in the editors' word list (``[spelling] words = "FILE"``),
  nor in the gazetteer;
* it is not common in the target language (wordfreq Zipf < 4: typos are rare
  in edited text, so a word seen ten times per million words is a word);
* it is not a known word of six letters or more behind a short prefix (a
  derivation Hunspell lacks: "destructuring", "cogestión");
* the source language's dictionary does not accept it either, nor is it
  common in the source language or in English (then it is an untranslated
  word, TA211's business, or an English loan or quotation);
* a word one slip away (a letter dropped, added, changed, or two swapped),
  accepted by the dictionary, is about 300 times more common than the word
  itself or more (wordfreq): a slip of the keyboard has a frequent
  neighbour ("recieve" → "receive"), a rare term does not ("angiotensin").

Without a dictionary for the target language the check is silent and the
audit says so in a notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path

from transaudit.analysis import frequencies, gazetteer, spelling
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.input.glossary import cached_glossary
from transaudit.model import Category, Segment, Severity

#: Words at least this common in the target language (ten per million) are words.
COMMON_ZIPF = 4.0
#: A word seen once per million words of the source language is that language's word.
SOURCE_WORD_ZIPF = 3.0
#: A correction must be this much more common than the word (2.5 Zipf units:
#: about 300 times). wordfreq counts typos too, and one slip on a word is made
#: far less often than once in 300 writings of it ("thier" 3.0, "their" 6.4;
#: "hecer" 1.6, "hacer" 6.1); a form seen more often than that is used on
#: purpose: a rare word Hunspell lacks ("miríada" 2.3 beside "mirada" 4.7), a
#: diminutive ("principito" 3.0 beside "principio" 5.6) or a derived form
#: ("tensionados" beside "pensionados"). Chosen on the tune half of WMT24's
#: reference: 2.0 let those three through, 3.0 lost a real typo.
CORRECTION_GAIN = 2.5
#: A correction one edit away (insert, delete, substitute, swap adjacent
#: letters): the typing slip. Two edits reach diminutives and derivations
#: ("platitos" → "platos", "reimplementar" → "implementar").
MAX_EDITS = 1
#: Shorter words are interjections and abbreviations ("eh", "uh").
MIN_LENGTH = 3
#: A letter written three times running is expressive ("tooodo", "Buuu"), not a slip.
_ELONGATED_RE = re.compile(r"(\w)\1\1")

#: A word: letters joined by apostrophes or a middle dot (Unicode's MidLetter,
#: UAX #29), so Catalan "col·locar" and "d'el·lipsi" are single words, as
#: Hunspell's Catalan dictionary spells them.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’·][^\W\d_]+)*")
_NOISE_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+|<[^<>\n]{1,200}>|\S+\.(?:com|org|net)\b\S*"
)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start].rstrip(" \t\"“«'‘(¡¿")
    return not before or before[-1] in ".!?…:\n"


@cache
def _word_list(path: str) -> frozenset[str]:
    """An editors' word list: one word a line, ``#`` starts a comment (unreadable → empty)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(
        line.split("#", 1)[0].strip().casefold() for line in lines if line.split("#", 1)[0].strip()
    )


def accepted_words(ctx: CheckContext) -> frozenset[str]:
    """Words the editors accept: the ``[spelling] words`` file and the glossary's target terms."""
    words: set[str] = set()
    for path in ctx.spelling_words:
        words |= _word_list(path)
    for path in ctx.glossaries:
        try:
            terms = cached_glossary(path).for_pair(ctx.source_lang, ctx.target_lang)
        except Exception:  # a bad glossary is reported by the glossary checks
            continue
        for term in terms:
            for text in term.targets:
                words.update(w.casefold() for w in _WORD_RE.findall(text))
    return frozenset(words)


def varieties_for(lang: str, configured: Iterable[str]) -> tuple[str, ...]:
    """The configured ``[spelling] varieties`` of this language (``en_GB`` for en), in order.

    A configuration names varieties of several languages at once; only the
    target language's own narrow its speller (an ``en_US`` setting must not
    spell-check Spanish with an English dictionary).
    """
    return tuple(tag for tag in configured if tag.replace("-", "_").split("_")[0].lower() == lang)


def target_speller(ctx: CheckContext) -> spelling.Speller | None:
    """The target language's speller, narrowed to ``[spelling] varieties`` when configured."""
    tags = varieties_for(ctx.target_lang, ctx.spelling_varieties or ())
    return spelling.speller(ctx.target_lang, tags or None)


def misspellings(
    source: str,
    target: str,
    source_lang: str,
    target_lang: str,
    speller: spelling.Speller,
    accepted: frozenset[str],
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, word, correction) for each misspelled target word."""
    common = frequencies.table(target_lang)
    # Threshold tests read only the dict of common words (exact: rarer words are below).
    usual = common.at_least(COMMON_ZIPF)
    source_usual = frequencies.table(source_lang).at_least(SOURCE_WORD_ZIPF)
    english = frequencies.table("en").at_least(COMMON_ZIPF)
    masked = (
        _NOISE_RE.sub(lambda m: " " * len(m.group()), target)
        if ("/" in target or "@" in target or "<" in target or "#" in target)
        else target
    )
    source_words: frozenset[str] | None = None
    places: list[tuple[int, int]] | None = None
    for match in _WORD_RE.finditer(masked):
        word = match.group()
        key = word.casefold()
        if len(word) < MIN_LENGTH or usual.get(key, 0.0) >= COMMON_ZIPF or key in accepted:
            continue
        if _ELONGATED_RE.search(key):
            continue
        if word[0].isupper():
            if (
                word.isupper()
                or any(ch.isupper() for ch in word[1:])
                or not _starts_sentence(masked, match.start())
            ):
                continue  # an acronym, "iPhone", or a name inside a sentence
        elif any(ch.isupper() for ch in word):
            continue  # "eBay", "mRNA"
        if source_words is None:
            source_words = frozenset(w.casefold() for w in _WORD_RE.findall(source))
        if key in source_words:
            continue  # copied from the source: a name or a term
        if (
            source_usual.get(key, 0.0) >= SOURCE_WORD_ZIPF
            or english.get(key, 0.0) >= COMMON_ZIPF
        ):
            continue  # a source-language word, or an English loan or quotation ("Hello", "streaming")
        if speller.check(word) or (word[0].isupper() and speller.check(key)) or _prefixed(key, speller):
            continue  # some variety's spelling; or a known word behind a prefix ("destructuring")
        other = spelling.speller(source_lang)
        if other is not None and (other.check(word) or other.check(key)):
            continue  # a source-language word: untranslated, not misspelled
        # The costliest test last (hundreds of candidate look-ups): most words
        # that get this far are names or terms some dictionary knows.
        correction = _correction(word, speller, common, target_lang)
        if correction is None:
            continue  # no slip of the keyboard
        if word[0].isupper():
            if places is None:
                places = [(m.start, m.end) for m in gazetteer.gazetteer(target_lang).mentions(target)]
            if any(s <= match.start() < e for s, e in places):
                continue
        yield match.start(), match.end(), word, correction


#: A derivation Hunspell lacks is a known word of six letters or more behind a
#: prefix of at most four ("de-structuring", "re-ubicaciones", "co-gestión").
PREFIX_MAX, STEM_MIN = 4, 6


def _prefixed(word: str, speller: spelling.Speller) -> bool:
    return any(speller.check(word[k:]) for k in range(1, PREFIX_MAX + 1) if len(word) - k >= STEM_MIN)


def _one_edit(word: str, letters: str, known: Mapping[str, float]) -> set[str]:
    """The words of ``known`` one slip away: a letter dropped, swapped with the next, changed or added.

    Each batch of edits is filtered as it is made (the ~600 edits of a word
    are never held together): this is the check's inner loop.
    """
    n = len(word)
    keep = known.__contains__
    found = set(filter(keep, [word[:i] + word[i + 1 :] for i in range(n)]))
    found.update(filter(keep, [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)]))
    for i in range(n + 1):
        head, tail = word[:i], word[i:]
        if i < n:
            rest = word[i + 1 :]
            found.update(filter(keep, [head + c + rest for c in letters]))
        found.update(filter(keep, [head + c + tail for c in letters]))
    return found


def _correction(word: str, speller: spelling.Speller, table: Mapping[str, float], lang: str) -> str | None:
    """The most common word one slip away, if ~300 times more common and in the dictionary.

    The candidates come from the edits themselves, looked up in wordfreq's table
    (a dict look-up each), and the dictionary confirms the winner: Hunspell's own
    suggestion search takes a third of a second a word on a busy machine.
    """
    for candidate in _frequent_neighbours(word.casefold(), lang):
        if speller.check(candidate):
            return candidate.capitalize() if word[0].isupper() else candidate
    return None


#: Rare words recur across the articles of a batch ("retra", a system's
#: favourite slip), so their neighbours are kept for the last few hundred
#: words; each entry is a word and up to three others (below memo.py's bound
#: for per-article text caches, so kept across articles).
NEIGHBOUR_MEMO = 512


@lru_cache(maxsize=NEIGHBOUR_MEMO)
def _frequent_neighbours(key: str, lang: str) -> tuple[str, ...]:
    """Up to three words one slip from ``key``, each :data:`CORRECTION_GAIN` more common, commonest first.

    Building the ~600 edits of a word and looking each up is the check's main
    cost (about half a millisecond a word), hence the memo.
    """
    table = frequencies.table(lang)
    own = table.get(key, 0.0)
    # A neighbour is at least CORRECTION_GAIN above the word's own Zipf (≥ 0): only
    # words that common are looked at (a dict, not the packed rare words).
    found = _one_edit(key, frequencies.alphabet(lang), table.at_least(CORRECTION_GAIN))
    found.discard(key)
    scored = sorted(((table[c], c) for c in found), reverse=True)[:3]
    return tuple(candidate for value, candidate in scored if value - own >= CORRECTION_GAIN)


@register
class Misspelling(Check):
    """A target word that no dictionary of the target language knows, with a close correction.

    Bad: "the talks were postponed becuase of the storm" (→ "because").
    Good: "the talks were postponed because of the storm"; names, acronyms,
    units, numbers, links, glossary terms, words copied from the source and
    words in the editors' list (``[spelling] words = "FILE"``) are never
    reported.
    """

    code = "TA140"
    needs = (Need("hunspell"), Need("wordfreq", side="both", optional=True))
    name = "misspelling"
    category = Category.SPELLING
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not segment.target or not segment.source:
            return
        speller = target_speller(ctx)
        if speller is None:
            return
        accepted = accepted_words(ctx)
        for start, end, word, correction in misspellings(
            segment.source, segment.target, ctx.source_lang, ctx.target_lang, speller, accepted
        ):
            yield Finding(
                "target",
                start,
                end,
                f"'{word}' is not in the {ctx.target_lang} dictionary",
                suggestion=correction,
            )


def missing_dictionary_notice(target_lang: str, configured: Iterable[str] = ()) -> str | None:
    """A notice when the target language has no usable dictionary (spelling checks skip),
    including a ``[spelling] varieties`` tag that is misspelt or not installed."""
    tags = varieties_for(target_lang, configured)
    if spelling.speller(target_lang, tags or None) is not None:
        return None
    if tags:
        return (
            f"no installed spelling dictionary among the configured varieties {', '.join(tags)} "
            f"(installed: {', '.join(spelling.varieties(target_lang)) or 'none'}); "
            "the spelling check (TA140) is skipped"
        )
    return (
        f"no spelling dictionary for {target_lang}: install hunspell-{target_lang} and libenchant-2-2; "
        "the spelling check (TA140) is skipped"
    )
