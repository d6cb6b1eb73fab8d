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
* it is not a contraction's clitic written apart from its word: a piece with
  the apostrophe after only brackets or a space, the two joined a dictionary
  word ("does(n't)", a tokeniser's "does n't": "doesn't");
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
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

from transaudit.analysis import frequencies, gazetteer, spelling, tokens
from transaudit.analysis.text import starts_sentence
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
#: Hunspell's Catalan dictionary spells them. The segment's target is read through
#: the shared :func:`transaudit.analysis.tokens.word_view` (its ``letter_set``).
_WORD_RE = tokens.LETTER_WORD_RE
_NOISE_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+|<[^<>\n]{1,200}>|\S+\.(?:com|org|net)\b\S*"
)


_LETTER_RE = re.compile(r"[^\W\d_]")


def _starts_a_sentence_somewhere(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` as a whole word (as :data:`_WORD_RE` reads it) opening a sentence?

    Found with ``str.find``, each hit checked as a word of its own: no letter
    before it (nor an apostrophe or middle dot joined to one: "d'Alembert"), and
    the word pattern ending where the word does.
    """
    letter = _LETTER_RE.match
    at = text.find(word)
    while at >= 0:
        joined = at > 0 and (
            letter(text[at - 1]) is not None
            or (text[at - 1] in "'’·" and at > 1 and letter(text[at - 2]) is not None)
        )
        if not joined:
            match = _WORD_RE.match(text, at)
            if match is not None and match.end() == at + len(word) and starts_sentence(text, at):
                return True
        at = text.find(word, at + 1)
    return False


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
    """(start, end, word, correction) for each misspelled target word.

    Cheap tests first, on the segment's distinct words: a segment whose words
    are all common (most of them) is done after one ``findall`` and a dict
    look-up a word. A rare word is then judged once per pair of languages
    (:class:`TypoJudge`: dictionaries, frequencies, the neighbour search), and
    only a word judged a slip is looked for in the text, where its place
    (a capital inside a sentence, a place name) and the source are read.
    """
    masked = (
        _NOISE_RE.sub(lambda m: " " * len(m.group()), target)
        if ("/" in target or "@" in target or "<" in target or "#" in target)
        else target
    )
    judge = typo_judge(source_lang, target_lang, speller)
    usual = judge.usual
    settled = judge.settled
    rare: set[str] = set()
    capitalised = False
    # The segment's words come from the tokenisation the word checks share (without
    # links to blank, the target's own). Words written as their common case-folded
    # form ("puente") and words already settled (never a slip, whatever their
    # sentence) are set aside at C speed; the rest are folded and looked up one by one.
    words = tokens.word_view(target).letter_set if masked is target else frozenset(_WORD_RE.findall(masked))
    for word in words.difference(judge.common_forms, settled):
        if len(word) < MIN_LENGTH:
            settled.add(word)
            continue
        key = word.casefold()
        if usual.get(key, 0.0) >= COMMON_ZIPF:
            settled.add(word)  # common, capitalised ("Gobierno") or folded otherwise
        elif key not in accepted:
            rare.add(word)
            capitalised = capitalised or word[0].isupper()
    if capitalised:
        # A capital inside a sentence marks a name: such a word is judged only
        # if it also starts a sentence somewhere in the segment.
        rare = {w for w in rare if not w[0].isupper() or _starts_a_sentence_somewhere(masked, w)}
    slips: dict[str, str] = {}
    for word in rare:
        correction = judge.correction(word, word.casefold())
        if correction is not None:
            slips[word] = correction
        else:
            settled.add(word)
    if not slips:
        return
    source_words = frozenset(w.casefold() for w in _WORD_RE.findall(source))
    places: list[tuple[int, int]] | None = None
    previous: re.Match[str] | None = None
    for match in _WORD_RE.finditer(masked):
        word = match.group()
        correction = slips.get(word)
        before, previous = previous, match
        if correction is None or word.casefold() in source_words:
            continue  # not a slip, or copied from the source: a name or a term
        if before is not None and _clitic_apart(masked, before, match, speller):
            continue
        if word[0].isupper():
            if not starts_sentence(masked, match.start()):
                continue  # a name inside a sentence
            if places is None:
                places = [(m.start, m.end) for m in gazetteer.gazetteer(target_lang).mentions(target)]
            if any(s <= match.start() < e for s, e in places):
                continue
        yield match.start(), match.end(), word, correction


def _clitic_apart(text: str, before: re.Match[str], match: re.Match[str], speller: spelling.Speller) -> bool:
    """A contraction's clitic written apart from its word: "does(n't)", "ca n't".

    A clitic is a bound form with the contraction's apostrophe (English "n't");
    brackets or a space can part it from its host ("does(n't)"; word tokenisers
    such as the Penn Treebank's write "does n't", "ca n't"), and the piece alone
    is no word. It is the host's when only white space and brackets stand between
    the two and the dictionary accepts them joined ("doesn't", "can't"). A piece
    without an apostrophe is not excused so: a word split by a space ("becau se")
    is a slip.
    """
    word = match.group()
    if "'" not in word and "’" not in word:
        return False
    gap = text[before.end() : match.start()]
    if not all(c.isspace() or unicodedata.category(c) in ("Ps", "Pe") for c in gap):
        return False
    return speller.check(before.group() + word)


class TypoJudge:
    """Is a rare word, as written, a slip of the keyboard, and for what? Judged once a word.

    Everything here depends on the word and the two languages only, not on
    its sentence, so each verdict is kept (a batch repeats its rare words:
    names, terms, one system's favourite slips). The verdicts grow with the
    distinct rare words seen, like the speller's own memo of look-ups.
    """

    def __init__(self, source_lang: str, target_lang: str, speller: spelling.Speller) -> None:
        self.source_lang, self.target_lang, self.speller = source_lang, target_lang, speller
        self.table = frequencies.table(target_lang)
        # Threshold tests read only the dict of common words (exact: rarer words are below).
        self.usual = self.table.at_least(COMMON_ZIPF)
        #: The common words that are their own case-folded form: a word of the text
        #: among them is common as written (its key is itself), no look-up needed.
        self.common_forms = frozenset(
            word for word, value in self.usual.items() if value >= COMMON_ZIPF and word.casefold() == word
        )
        self._source_usual = frequencies.table(source_lang).at_least(SOURCE_WORD_ZIPF)
        self._english = frequencies.table("en").at_least(COMMON_ZIPF)
        self._verdicts: dict[str, str | None] = {}
        #: Words, as written, that are never reported whatever their sentence: shorter
        #: than :data:`MIN_LENGTH`, common (:data:`COMMON_ZIPF`) once case-folded, or
        #: judged no slip. A segment's words are set against them at C speed, so the
        #: words looked at one by one are the new ones, the names and the slips.
        self.settled: set[str] = set()

    def correction(self, word: str, key: str) -> str | None:
        """The correction of ``word`` (``key`` is its case-folded form), or None if it is no slip."""
        try:
            return self._verdicts[word]
        except KeyError:
            verdict = self._verdicts[word] = self._judge(word, key)
            return verdict

    def _judge(self, word: str, key: str) -> str | None:
        if _ELONGATED_RE.search(key):
            return None
        if word[0].isupper():
            if word.isupper() or any(ch.isupper() for ch in word[1:]):
                return None  # an acronym, or "iPhone"
        elif any(ch.isupper() for ch in word):
            return None  # "eBay", "mRNA"
        if self._source_usual.get(key, 0.0) >= SOURCE_WORD_ZIPF or self._english.get(key, 0.0) >= COMMON_ZIPF:
            return None  # a source-language word, or an English loan or quotation ("Hello", "streaming")
        speller = self.speller
        if speller.check(word) or (word[0].isupper() and speller.check(key)):
            return None  # some variety's spelling
        # Every test is a pure function of the word, so their order only sets the
        # cost: the neighbour search (a few dozen look-ups) comes before the
        # remaining dictionary tests (up to four look-ups behind a prefix, two in
        # every variety of the source language), since two thirds of the words
        # that get this far have no frequent neighbour and need none of them.
        correction = _correction(word, speller, self.table, self.target_lang)
        if correction is None or spelling.prefixed(key, speller):
            return None  # no slip; or a known word behind a prefix ("destructuring")
        other = spelling.speller(self.source_lang)
        if other is not None and (other.check(word) or other.check(key)):
            return None  # a source-language word: untranslated, not misspelled
        return correction


@cache
def typo_judge(source_lang: str, target_lang: str, speller: spelling.Speller) -> TypoJudge:
    """The judge of a language pair with this speller (one per process, like the speller)."""
    return TypoJudge(source_lang, target_lang, speller)


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


def _frequent_neighbours(key: str, lang: str) -> tuple[str, ...]:
    """Up to three words one slip from ``key``, each :data:`CORRECTION_GAIN` more common, commonest first."""
    table = frequencies.table(lang)
    own = table.get(key, 0.0)
    found = neighbours(lang).find(key)
    scored = sorted(((table[c], c) for c in found), reverse=True)[:3]
    return tuple(candidate for value, candidate in scored if value - own >= CORRECTION_GAIN)


@cache
def neighbours(lang: str) -> spelling.Neighbours:
    """The one-slip search of ``lang``: its words common enough to be a correction of anything
    (:data:`CORRECTION_GAIN` above a word wordfreq has never seen), in its own letters."""
    return spelling.Neighbours(
        frequencies.table(lang).at_least(CORRECTION_GAIN), CORRECTION_GAIN, frequencies.alphabet(lang)
    )


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
