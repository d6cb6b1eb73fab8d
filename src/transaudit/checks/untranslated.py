"""Untranslated text: source-language words, sentences or whole segments left in the target.

Three grains, reported once each (a segment identical to its source is not
also reported sentence by sentence, nor word by word):

* TA212 — the target is the source again, apart from names and numbers;
* TA210 — a target sentence is in the source language (langdetect, seeded,
  comparing the two languages' probabilities; called only when a cheap share
  of source-only vocabulary suggests it, and never on short text);
* TA211 — a word or run of words copied from the source that is not a word
  of the target language: it occurs in the source, is not capitalised there
  (names are copied on purpose), is not a common target-language word, and
  wordfreq finds it far more common in the source language than in the
  target one — or, for words too rare for wordfreq, the source language's
  Hunspell dictionary knows it and the target's does not. The evidence is
  graded: a weak case (a gap under 1,000 times) is a minor issue.

No hand-made word list: every language wordfreq and Hunspell cover is covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from transaudit.analysis import frequencies, gazetteer, langid, lexicon, spelling
from transaudit.analysis.text import sentence_spans, starts_sentence
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.memo import SOURCE_CACHE, WORD_CACHE, lasting
from transaudit.model import Category, Segment, Severity

#: A sentence needs this many words before langdetect is asked about it.
MIN_SENTENCE_WORDS = 5
#: Share of source-only vocabulary in a target sentence that warrants a langdetect call.
PREFILTER_SHARE = 0.25
#: Vocabulary evidence strong enough to decide without langdetect: this share of
#: source-only words, in at least this many words, and no target-only word.
CERTAIN_SHARE = 0.4
CERTAIN_WORDS = 8
#: How much more probable the source language must be than the target language.
MARGIN = 0.5

_NOISE_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#$]\w+|<[^<>\n]{1,200}>"
    r"|\S+\.(?:com|org|net|html?|php|pdf|jpe?g|png|gov|edu|io)\b\S*"
)
#: A short quoted term ("like", «streaming») is usually kept on purpose.
_TITLE_RE = re.compile(r"[\"“«‘]([^\"“”«»‘’\n]{1,80})[\"”»’]")
#: A name or title: capitalised words, possibly joined by short lower-case
#: words ("The Lord of the Rings", "Banco de España").
_CAP = r"[A-ZÁÉÍÓÚÑÜÀÈÌÒÙÇÄÖ][\w'’\-]*"
_NAME_RE = re.compile(rf"{_CAP}(?:\s+(?:[a-z]{{1,3}}\s+){{0,2}}{_CAP})+")
_QUOTED_RE = re.compile(r"[\"“”«»‘’']([^\"“”«»‘’'\n]{1,40})[\"“”«»‘’']")


#: A word seen at least ten times per million words (Zipf 4) of a language is
#: a word of that language: a target word this common is never a leftover,
#: whatever its frequency in the source language ("hospital", "no", "de" in
#: English, "km"). Below it, only the gap between the languages decides
#: ("said" is written in Spanish text, Zipf 3.6, as a quotation of English).
TARGET_WORD_ZIPF = 4.0
#: A word seen once per million words (Zipf 3) is known to the target language:
#: a segment identical to its source needs three words below this to count.
KNOWN_WORD_ZIPF = 3.0
#: A leftover must be a real source-language word: seen at least this often
#: in the source language (Zipf 2.5: about once in three million words).
SOURCE_WORD_ZIPF = 2.5
#: How much more common in the source language than in the target a word
#: must be to count as source-language evidence: 100 times (two Zipf units).
#: "de" (Spanish 7.8, English 5.2) is Spanish evidence in an English text;
#: "no" (7.2 and 6.4) is not.
SOURCE_GAP = 2.0
#: A leftover with this gap or more and no target use worth the name (Zipf
#: below 1.5) is major; weaker evidence is minor.
STRONG_GAP = 3.0
RARE_IN_TARGET_ZIPF = 1.5
#: A capitalised word copied from the source counts only when the target
#: language barely knows it (under once per ten million words): names of
#: people and places travel between languages and are far more common.
NAME_RARE_ZIPF = 2.0
#: A word the target language's dictionary knows only capitalised ("Alma",
#: "Bonita" in English) owes its target frequency to the name: written in lower
#: case, it is a source-language word once the source uses it ten times more
#: (one Zipf unit) as an ordinary word ("the depths of my alma").
NAME_ONLY_GAP = 1.0


@cache
def target_words(lang: str) -> frozenset[str]:
    """Words common enough in ``lang`` (Zipf ≥ :data:`TARGET_WORD_ZIPF`) to be its own words."""
    return frequencies.frequent(lang, TARGET_WORD_ZIPF)


@cache
def source_only(source_lang: str, target_lang: str) -> frozenset[str]:
    """Source-language words at least 100 times more common there than in the target language.

    Built once per pair from wordfreq (see :mod:`transaudit.analysis.frequencies`);
    used as cheap evidence that a stretch of target text is in the source language.
    """
    target = frequencies.table(target_lang)
    common = target.common
    # A word outside the target's dict part is below DICT_ZIPF there: a source value
    # that far above it passes without the slower look-up among the packed rare words.
    sure = frequencies.DICT_ZIPF + SOURCE_GAP
    return frozenset(
        word
        for word, value in frequencies.table(source_lang).at_least(SOURCE_WORD_ZIPF).items()
        if value >= SOURCE_WORD_ZIPF
        and (
            value - common[word] >= SOURCE_GAP
            if word in common
            else value >= sure or value - target.get(word, 0.0) >= SOURCE_GAP
        )
    )


@lasting
@lru_cache(maxsize=WORD_CACHE)
def leftover_strength(word: str, source_lang: str, target_lang: str) -> float:
    """Graded evidence that ``word`` (case-folded) is a source-language word: 0 when none.

    Kept per word and pair between articles: it reads only the languages'
    frequencies and dictionaries.

    Between close languages (:func:`close_languages`) the target language's
    Hunspell dictionary speaks first: a word it accepts is a word of the target
    language, whatever wordfreq says. They share homographs — Catalan "nada"
    (swims), "solo", "uso" (I use) are Spanish words too — and a target word is
    not a leftover for being common next door. (Between distant languages a
    dictionary word of that shape is a rarity, English "dos", and the evidence
    below decides.) Then three kinds of evidence:

    * wordfreq says the word is common in the source language and rare in the
      target one (the strength is the Zipf gap);
    * the word is common in the target's wordfreq data but its dictionary
      rejects it and the source's accepts it, with a tenfold gap
      (:data:`FOREIGN_GAP`): wordfreq's web text of a language quotes its
      neighbours, so Spanish "los", "pero", "esta" look common in Catalan;
    * for words too rare for wordfreq to say, the source dictionary accepts
      the word and the target's rejects it (strength :data:`SOURCE_GAP`, the
      weakest that counts).
    """
    if _target_dictionary_knows(word, target_lang) and close_languages(source_lang, target_lang):
        return 0.0
    src = frequencies.zipf(word, source_lang)
    tgt = frequencies.zipf(word, target_lang)
    if tgt >= TARGET_WORD_ZIPF:
        return src - tgt if foreign_in_target_data(word, source_lang, target_lang) else 0.0
    if src >= SOURCE_WORD_ZIPF and src - tgt >= SOURCE_GAP:
        return src - tgt
    if tgt < RARE_IN_TARGET_ZIPF and len(word) >= 4 and _dictionary_evidence(word, source_lang, target_lang):
        return SOURCE_GAP
    if src - tgt >= NAME_ONLY_GAP and _name_only_in_target(word, source_lang, target_lang):
        return SOURCE_GAP
    return 0.0


def _name_only_in_target(word: str, source_lang: str, target_lang: str) -> bool:
    """The target's dictionary has the word only capitalised (a name); the source's as an ordinary word."""
    tgt = spelling.speller(target_lang)
    if tgt is None or len(word) < 4 or tgt.check(word) or not tgt.check(word.capitalize()):
        return False
    return lexicon.common_word(word, source_lang)


#: A word the target dictionary rejects but wordfreq finds common in the target
#: language is a source-language word quoted in the target's web text when the
#: source dictionary accepts it and it is ten times (one Zipf unit) more common
#: in the source language: Spanish "los" (7.2 in Spanish, 5.6 in Catalan).
FOREIGN_GAP = 1.0


@lasting
@lru_cache(maxsize=WORD_CACHE)
def foreign_in_target_data(word: str, source_lang: str, target_lang: str) -> bool:
    """A common word of the target's wordfreq data that is really a source-language word.

    Needs both dictionaries (without them wordfreq alone decides, as before).
    """
    src = frequencies.zipf(word, source_lang)
    if src - frequencies.zipf(word, target_lang) < FOREIGN_GAP or src < TARGET_WORD_ZIPF:
        return False
    return _dictionary_evidence(word, source_lang, target_lang)


#: Languages are close when the target dictionary accepts at least a fifth of the
#: source language's thousand commonest words of four letters or more: Spanish →
#: Catalan 27 %, Portuguese 46 %, Galician 58 %, English → French 25 %; Spanish →
#: English 10 %, → French 12 %, → Italian 19 %, → Romanian 17 %, → German 1 %.
CLOSE_SHARE = 0.2


@cache
def close_languages(source_lang: str, target_lang: str) -> bool:
    """Does the target dictionary know much of the source language's common vocabulary?"""
    tgt = spelling.speller(target_lang)
    if tgt is None or not frequencies.available(source_lang):
        return tgt is not None  # no frequencies to weigh against: the dictionary decides
    sample = frequencies.commonest(source_lang, 1000, _sample_word)
    return bool(sample) and sum(map(tgt.check, sample)) >= CLOSE_SHARE * len(sample)


def _sample_word(word: str) -> bool:
    """A word of four letters or more, letters only: what :func:`close_languages` samples."""
    return len(word) >= 4 and word.isalpha()


@lasting
@lru_cache(maxsize=WORD_CACHE)
def _target_dictionary_knows(word: str, target_lang: str) -> bool:
    """A dictionary of the target language accepts the (lower-case) word; False without one.

    Only the lower-case form counts: a dictionary's proper name ("Cebolla")
    says nothing about the common word.
    """
    tgt = spelling.speller(target_lang)
    return tgt is not None and tgt.check(word.casefold())


def _dictionary_evidence(word: str, source_lang: str, target_lang: str) -> bool:
    """The source language's dictionary knows the word and the target language's does not."""
    src, tgt = spelling.speller(source_lang), spelling.speller(target_lang)
    if src is None or tgt is None:
        return False
    return src.check(word) and not tgt.check(word) and not tgt.check(word.capitalize())


@dataclass
class Analysis:
    """What is untranslated in one segment, found once for all three checks."""

    identical: bool = False
    sentences: list[tuple[int, int]] = field(default_factory=list)
    runs: list[tuple[int, int, list[str]]] = field(default_factory=list)
    #: Evidence per flagged word (see :func:`leftover_strength`).
    strength: dict[str, float] = field(default_factory=dict)


_EMPTY = Analysis()
def _found(sentences: list[tuple[int, int]]) -> Analysis:
    """The analysis of a segment where no word was flagged: the shared empty one when no
    sentence was either (most segments; the checks only read it)."""
    return Analysis(sentences=sentences) if sentences else _EMPTY


#: Letters-only words, for the cheap set-based pre-filters. Apostrophes, hyphens
#: and the middle dot join letters into one word (the dot is Unicode's MidLetter,
#: UAX #29: Catalan "col·laboració" is one word, not "col" and "laboració").
_PLAIN_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-·][^\W\d_]+)*")


@lru_cache(maxsize=8192)
def analyse(source: str, target: str, source_lang: str, target_lang: str) -> Analysis:
    """Find the identical segment, the source-language sentences and the copied words.

    Set operations on case-folded words decide first whether anything can be
    found; offsets and langdetect are computed only for the few segments where
    something can.
    """
    if source_lang == target_lang or not source.strip() or not target.strip():
        return _EMPTY
    src_only = source_only(source_lang, target_lang)
    tgt_vocab = target_words(target_lang)
    tgt_folded = _PLAIN_WORD_RE.findall(target.casefold())
    if not tgt_folded:
        return _EMPTY
    src_folded = _folded_words(source)

    # The whole segment again, names, numbers, links and markup aside: only
    # lower-case words count, so a line of names and figures ("Real Madrid 2,
    # Barcelona 1") is never reported.
    if len(src_folded) == len(tgt_folded) and list(src_folded) == tgt_folded:
        bare = _NOISE_RE.sub(" ", target)
        prose = "".join(bare.split())
        if len(bare.split()) * 2 < len(target.split()) or len(prose) * 2 < len(target.strip()):
            return _EMPTY  # mostly markup, links or handles: code kept as it is, not prose
        plain = [
            m.group()
            for m in _PLAIN_WORD_RE.finditer(bare)
            if not m.group()[0].isupper() or starts_sentence(bare, m.start())
        ]
        known = frequencies.frequent(target_lang, KNOWN_WORD_ZIPF)
        # A word the target dictionary accepts is a target word here too: between
        # close languages a line can be right in both ("Continuación domingo:").
        foreign = [w for w in plain if not _target_dictionary_knows(w, target_lang)]
        unknown = [w for w in foreign if len(w) >= 4 and w.casefold() not in known]
        if any(w.casefold() in src_only for w in foreign) or len(unknown) >= 3:
            return Analysis(identical=True)

    sentences: list[tuple[int, int]] = []
    # Sentences: a cheap vocabulary share first, langdetect only if it is high;
    # a target wholly in the source language costs one call, not one a sentence.
    # Sentences need word frequencies of both languages (the pre-filter and the
    # vocabulary decision read "common here, rare there"): without them, no guess.
    hits = sum(map(src_only.__contains__, tgt_folded))
    if hits >= 2 and frequencies.available(source_lang) and frequencies.available(target_lang):
        spans = sentence_spans(target)
        whole = _source_language(target, src_only, source_lang, target_lang)
        if whole:
            # One call said "source language"; keep the sentences whose vocabulary agrees.
            shared = shared_words(source_lang, target_lang)
            chosen = [
                (s, e) for s, e in spans if _source_share(target[s:e], src_only, shared) >= PREFILTER_SHARE
            ]
            sentences.extend(_merge(target, chosen))
        elif whole is None or hits * 2 >= MIN_SENTENCE_WORDS:
            chosen = [
                (s, e)
                for s, e in spans
                if (s, e) != (0, len(target))
                and _source_language(target[s:e], src_only, source_lang, target_lang)
            ]
            sentences.extend(_merge(target, chosen))

    # Words copied from the source: lower-case there, or capitalised only to
    # start a sentence; a word capitalised inside a source sentence is a name.
    candidates = {
        w
        for w in _folded_set(source).intersection(tgt_folded)
        if w not in tgt_vocab or foreign_in_target_data(w, source_lang, target_lang)
    }
    if not candidates:
        return _found(sentences)
    strength = {w: leftover_strength(w, source_lang, target_lang) for w in candidates if _wordlike(w)}
    strength = {w: v for w, v in strength.items() if v > 0}
    if not strength:
        return _found(sentences)  # (before the source's cases are read: most segments stop here)
    src_lower, names = _source_cases(source)
    # A name of the source copied as it is stays unless it is a word the target
    # language hardly knows and the source language uses a thousand times more
    # ("the United Estados", "the Olimpiadas"), not a name ("García", "Madrid").
    strength = {
        w: v
        for w, v in strength.items()
        if (
            (w in src_lower and w not in names)
            or (v >= STRONG_GAP and frequencies.zipf(w, target_lang) < NAME_RARE_ZIPF)
        )
    }
    if not strength:
        return _found(sentences)
    masked = _masked(target)
    tokens = [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD_RE.finditer(target)]
    place_names: list[tuple[int, int]] | None = None
    flagged: list[int] = []
    for index, (start, _end, text) in enumerate(tokens):
        key = text.casefold()
        if key not in strength or masked[start] == "\0":
            continue
        if len(key) <= 4 and _after_figure(target, start):
            continue  # a unit ("12 mg", "3 ha", "5 gal"), shared by both languages
        if text[0].isupper() and not _sentence_capital(
            text, target, start, _lower_case_words(source), names, source_lang
        ):
            if text.isupper() or strength[key] < STRONG_GAP:
                continue  # an acronym, or a name or title unless the evidence is strong
            if place_names is None:
                place_names = [(m.start, m.end) for m in gazetteer.gazetteer(target_lang).mentions(target)]
            if any(s <= start < e for s, e in place_names):
                continue  # a place or person the gazetteer knows
        if text[0].isupper() and _in_plain_name(tokens, index, strength, _folded_set(source)):
            continue  # part of a name kept as it is: "Banco de España", "Real Madrid"
        if len(key) <= 3 and not text[0].isupper() and (
            _next_to_name(tokens, index, names) or _inside_title(tokens, index)
        ):
            continue  # inside a name or title: "Lord of the Rings", "Banco de España"
        if any(s <= start < e for s, e in sentences):
            continue
        flagged.append(index)
    return Analysis(False, sentences, _runs(target, tokens, flagged, src_only), strength)


#: A figure, then optional space: a word right after it is a unit or a symbol.
_FIGURE_BEFORE_RE = re.compile(r"\d[\s\u00a0\u202f]?$")


def _after_figure(text: str, start: int) -> bool:
    return bool(_FIGURE_BEFORE_RE.search(text[max(0, start - 2) : start]))


def _wordlike(word: str) -> bool:
    """Two letters or more and a vowel: "mg", "km", "pH" and initials are units or codes."""
    return len(word) >= 2 and not _VOWELS.isdisjoint(word)


_VOWELS = frozenset("aeiouyáéíóúàèìòùâêîôûäëïöüãõ")


def _plain_words(text: str) -> tuple[str, list[str]]:
    """The text without quoted titles and capitalised names, and its case-folded words."""
    plain = _NAME_RE.sub(" ", _TITLE_RE.sub(" ", text))
    return plain, list(map(str.casefold, _PLAIN_WORD_RE.findall(plain)))


@lasting
@lru_cache(maxsize=SOURCE_CACHE)
def _folded_words(text: str) -> tuple[str, ...]:
    """Case-folded words of a text, cached: one source meets many translations."""
    return tuple(_PLAIN_WORD_RE.findall(text.casefold()))


@lasting
@lru_cache(maxsize=SOURCE_CACHE)
def _source_cases(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """Source words written lower-case (or capitalised only to start a sentence), and names."""
    lower: set[str] = set()
    names: set[str] = set()
    # findall and str.find rather than finditer (no match object per word): between
    # two words there is no letter, so find() lands on the next word itself.
    position = 0
    find = source.find
    for word in _PLAIN_WORD_RE.findall(source):
        start = find(word, position)
        position = start + len(word)
        if not word[0].isupper() or starts_sentence(source, start):
            lower.add(word.casefold())
        else:
            names.add(word.casefold())
    return frozenset(lower), frozenset(names)


@lasting
@lru_cache(maxsize=SOURCE_CACHE)
def _lower_case_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case."""
    return frozenset(w for w in _PLAIN_WORD_RE.findall(text) if w[0].islower())


@lru_cache(maxsize=4096)
def _folded_set(text: str) -> frozenset[str]:
    """Emptied with the article (a set of a paragraph's words is ~3 KB): rebuilt from the kept tuple."""
    return frozenset(_folded_words(text))


@cache
def shared_words(source_lang: str, target_lang: str) -> frozenset[str]:
    """Words common (Zipf ≥ :data:`TARGET_WORD_ZIPF`) in both languages: evidence for neither.

    Close languages share most function words (Spanish and Catalan "la", "de",
    "que", "una", "se"); counted in a sentence's share of source-only words
    they would hide a Spanish sentence in a Catalan text from the pre-filter.
    """
    return target_words(source_lang) & target_words(target_lang)


def _source_share(text: str, src_only: frozenset[str], shared: frozenset[str]) -> float:
    """Share of source-only words among the words that tell the two languages apart."""
    _plain, words = _plain_words(text)
    telling = [w for w in words if w not in shared]
    return sum(map(src_only.__contains__, telling)) / len(telling) if telling else 0.0


def _source_language(text: str, src_only: frozenset[str], source_lang: str, target_lang: str) -> bool | None:
    """Is this stretch in the source language? None when too short or the pre-filter says no.

    Quoted titles ("It's My Party") and runs of capitalised words ("The Lord
    of the Rings") are kept in the original on purpose, so they do not count.
    The pre-filter share leaves out words common in both languages
    (:func:`shared_words`); the decision without langdetect counts every word.
    """
    plain, words = _plain_words(text)
    if len(words) < MIN_SENTENCE_WORDS:
        return None
    hits = sum(map(src_only.__contains__, words))
    telling = sum(1 for w in words if w not in shared_words(source_lang, target_lang))
    if hits < PREFILTER_SHARE * telling or not hits:
        return None
    if hits >= CERTAIN_SHARE * len(words) and len(words) >= CERTAIN_WORDS:
        # Two words in five are frequent source-only words and none is a
        # target-only one: no n-gram statistics needed.
        tgt_only = source_only(target_lang, source_lang)
        if not any(map(tgt_only.__contains__, words)):
            return True
    return langid.is_language(plain, source_lang, target_lang, MARGIN)


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join adjacent sentences into one span (one issue for one untranslated stretch)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _title_like(quoted: str) -> bool:
    """A short quoted term, or a quoted title in title case ("Night on the Galactic Railroad")."""
    parts = quoted.split()
    capitalised = sum(1 for part in parts if part[:1].isupper())
    return len(parts) <= 4 or capitalised * 2 >= len(parts)


def _in_plain_name(
    tokens: list[tuple[int, int, str]], index: int, strength: dict[str, float], source: frozenset[str]
) -> bool:
    """A capitalised word next to (or one short word from) a capitalised word copied from the source.

    A name kept as it is has its other words in the source too ("Banco de
    España", "Real Madrid"); a target-language neighbour makes it a translated
    name with a word left over ("the United Estados of America").
    """
    for neighbour in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= neighbour < len(tokens):
            word = tokens[neighbour][2]
            if abs(neighbour - index) == 2 and len(tokens[(neighbour + index) // 2][2]) > 3:
                continue
            key = word.casefold()
            if word[0].isupper() and key in source and strength.get(key, 0.0) < STRONG_GAP:
                return True
    return False


def _sentence_capital(
    text: str, target: str, start: int, src_lower: frozenset[str], names: frozenset[str], source_lang: str
) -> bool:
    """A word capitalised only because it opens a target sentence ("Dos well-known theories …").

    The source writes it in lower case at least once (so not only where a
    sentence starts it: "Sweep has done the capping" may be a name) and never
    as a name, and the source language's dictionary and wordfreq know it as an
    ordinary word: a name opening a sentence ("García said") stays a name.
    """
    key = text.casefold()
    return (
        not text.isupper()
        and starts_sentence(target, start)
        and key in src_lower
        and key not in names
        and lexicon.common_word(key, source_lang)
    )


def _next_to_name(tokens: list[tuple[int, int, str]], index: int, names: frozenset[str] | set[str]) -> bool:
    """True inside a copied name or title: "Lord of the Rings", "Banco de España"."""
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(tokens):
            word = tokens[neighbour][2]
            if word[0].isupper() and not word.isupper() and word.casefold() in names:
                return True
    return False


def _inside_title(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """A short word between capitalised words, at most one short word away on each side.

    "Memories of the Land", "Banco de la Nación": the small words of a title
    or name written in title case, wherever it comes from.
    """

    def capitalised(step: int) -> bool:
        for distance in (1, 2):
            position = index + step * distance
            if not 0 <= position < len(tokens):
                return False
            word = tokens[position][2]
            if word[0].isupper():
                return True
            if len(word) > 3:
                return False
        return False

    return capitalised(-1) and capitalised(1)


def _masked(text: str) -> str:
    """The text with links, handles and short quoted terms blanked to NULs."""
    chars = list(text)
    for regex in (_NOISE_RE, _QUOTED_RE):
        for match in regex.finditer(text):
            span = match.span(1) if regex is _QUOTED_RE else match.span()
            if regex is _QUOTED_RE and not _title_like(match.group(1)):
                continue
            chars[span[0] : span[1]] = "\0" * (span[1] - span[0])
    return "".join(chars)


def _runs(
    text: str, tokens: list[tuple[int, int, str]], flagged: list[int], src_only: frozenset[str]
) -> list[tuple[int, int, list[str]]]:
    """Join flagged words separated only by spaces (or one source-only word) into runs."""
    runs: list[tuple[int, int, list[str]]] = []
    flagged_set = set(flagged)
    index = 0
    while index < len(tokens):
        if index not in flagged_set:
            index += 1
            continue
        first = last = index
        while True:
            nxt = last + 1
            if nxt in flagged_set and _joined(text, tokens[last], tokens[nxt]):
                last = nxt
                continue
            if (
                nxt + 1 in flagged_set
                and nxt < len(tokens)
                and tokens[nxt][2].casefold() in src_only
                and _joined(text, tokens[last], tokens[nxt])
                and _joined(text, tokens[nxt], tokens[nxt + 1])
            ):
                last = nxt + 1
                continue
            break
        runs.append((tokens[first][0], tokens[last][1], [t[2] for t in tokens[first : last + 1]]))
        index = last + 1
    return runs


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    return not text[left[1] : right[0]].strip()


def _analysis(segment: Segment, ctx: CheckContext) -> Analysis:
    return analyse(segment.source, segment.target, ctx.source_lang, ctx.target_lang)


@register
class UntranslatedSentence(Check):
    """A target sentence still in the source language.

    Bad: "The talks ended late. El acuerdo se firmará la semana que viene."
    Good: "The talks ended late. The agreement will be signed next week."
    """

    code = "TA210"
    needs = (Need("wordfreq", side="both", optional=True),)
    name = "untranslated-sentence"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for start, end in _analysis(segment, ctx).sentences:
            yield Finding(
                "target", start, end, f"this sentence is still in the source language ({ctx.source_lang})"
            )


@register
class UntranslatedWords(Check):
    """Source-language words copied into the target.

    Bad: "a mirror diámetro of thirty meters".
    Good: "a mirror diameter of thirty meters"; names copied on purpose
    ("the newspaper El País") stay silent.
    """

    code = "TA211"
    needs = (Need("wordfreq", side="both"),)
    name = "untranslated-words"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        analysis = _analysis(segment, ctx)
        for start, end, tokens in analysis.runs:
            quoted = " ".join(tokens)
            evidence = max(analysis.strength.get(t.casefold(), 0.0) for t in tokens)
            strong = evidence >= STRONG_GAP or len(tokens) > 1
            yield Finding(
                "target",
                start,
                end,
                f"'{quoted}' is left in the source language ({ctx.source_lang})",
                severity=None if strong else Severity.MINOR,
            )


@register
class IdenticalToSource(Check):
    """The target repeats the source, apart from names and numbers.

    Bad: "Fuente: agencias" → "Fuente: agencias".
    Good: "Fuente: agencias" → "Source: agencies"; a title made only of
    names ("Real Madrid") may stay as it is.
    """

    code = "TA212"
    needs = (Need("wordfreq", side="both", optional=True),)
    name = "identical-to-source"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if _analysis(segment, ctx).identical:
            start = len(segment.target) - len(segment.target.lstrip())
            end = len(segment.target.rstrip())
            yield Finding("target", start, end, "the target is the source text, untranslated")
