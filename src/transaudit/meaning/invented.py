"""Invented words: a target word that exists in no dictionary, coined from a source word.

A machine translation that does not know a source word often copies it with the
target language's endings ("societarios" → "societaries", "inatento" →
"inatent"): the result looks like a term, so the spelling check (TA140) lets it
pass as a rare word, and an editor who does not read the source takes it for
jargon. Such a coinage is a mistranslation, not a slip of the keyboard.

A target word is an invented word when all of these hold (each test is a
resource, not a list):

* it is a plain word of :data:`MIN_LETTERS` letters or more, lower-case or
  capitalised only because it opens a sentence (a capital inside a sentence
  marks a name; a capital elsewhere in the word, an acronym or a brand);
* no resource of the target language knows it: not Hunspell (every installed
  variety), not wordfreq (Zipf 2.5 or more, the lowest band the frequency
  tables keep), not Apertium's analyser of the target language, nor
  any of them behind a short prefix ("reimplementar", as TA140 reads it);
* it is not a word of the source language either (Hunspell): that is an
  untranslated word, TA211's;
* it is not copied from the source (the same letters, accents aside: a name
  or a term kept on purpose);
* it is a *calque* of a source word: the folded spellings agree to at least
  :data:`CALQUE_RATIO` (rapidfuzz ratio) with the closest source word;
* that source word is ordinary vocabulary of the source language, known to
  its Hunspell dictionary or at least :data:`SOURCE_ZIPF` common: such a word
  has an established translation, so a coinage in its place is wrong. A source
  word no dictionary knows ("actígrafo") is a term of art whose coined
  translation ("actigraph") may well be the right one the resources lack;
* it is not a typing slip of a known word: when TA140 finds a correction one
  slip away, the word is a calque only if it is nearer the source word than the
  correction ("inatent": 93 to "inatento", 92 to "intent");
* it is not a known word with a letter outside ASCII lost ("examin" for
  "examinó"), nor an ASCII word in a segment where another word shows that
  loss ("metastsica" beside "cncer" for "cáncer": Hunspell lacks
  "metastásica"): that is damaged encoding, which TA140 and the encoding
  checks report.

The rule was chosen on the tune half of Bio-MQM es→en (docs/evaluation.md,
"Invented words"): every coinage it finds there lies on a span the annotators
marked as a Major mistranslation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.fuzz import ratio

from transaudit.analysis import frequencies, spelling
from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import fold, starts_sentence
from transaudit.checks.spelling import typo_judge
from transaudit.meaning.bilingual import lexicon

#: Shorter words are abbreviations and particles, whose spelling says little.
MIN_LETTERS = 5
#: A calque keeps most of its source word's letters in order: rapidfuzz ratio (0–100) on
#: the folded forms. On Bio-MQM es→en tune every coinage marked by the annotators scores
#: 80–93 ("Societary"/"societarios" 80); the next words down were 74 ("quadratal" for
#: "cuadrática", "cautellar" for "cautelosas"), where an English suffix replaces a Spanish
#: one and the word could be a rare derivation; the limit keeps to letter-for-letter copies.
CALQUE_RATIO = 80.0
#: A source word unknown to its Hunspell dictionary is still ordinary vocabulary when it is
#: this common (once in three million words; the lowest band the frequency tables hold).
SOURCE_ZIPF = 2.5
#: Letters of the target language outside ASCII are read from its commonest words.
_ALPHABET_SAMPLE = 3000

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Invented:
    """A coined target word, the source word it copies and their likeness (0–100)."""

    start: int
    end: int
    word: str
    source_word: str
    likeness: float


@cache
def _accented_letters(lang: str) -> str:
    """Letters outside ASCII that the language's commonest words use ("áéíóúñü" for es)."""
    letters = {ch for word in frequencies.commonest(lang, _ALPHABET_SAMPLE) for ch in word if ch.isalpha()}
    return "".join(sorted(ch for ch in letters if not ch.isascii()))


def _lost_accent(key: str, lang: str, speller: spelling.Speller) -> bool:
    """Does putting back one of the language's non-ASCII letters make a known word?"""
    for letter in _accented_letters(lang):
        for at in range(len(key) + 1):
            if speller.check(key[:at] + letter + key[at:]):
                return True
    return False


def _shows_lost_letters(text: str, lang: str, speller: spelling.Speller) -> bool:
    """Is some unknown ASCII word of ``text`` a known word with a non-ASCII letter lost?"""
    for word in set(_WORD_RE.findall(text)):
        key = word.casefold()
        if len(key) >= 3 and key.isascii() and not speller.check(key) and zipf(key, lang) == 0:
            if _lost_accent(key, lang, speller):
                return True
    return False


def _known(word: str, key: str, lang: str, speller: spelling.Speller) -> bool:
    return zipf(key, lang) > 0 or speller.check(word) or speller.check(key) or spelling.prefixed(key, speller)


def invented_words(source: str, target: str, source_lang: str, target_lang: str) -> Iterator[Invented]:
    """Target words coined from a source word (the module's rule), in text order.

    Cheap tests first, once per distinct word: the dictionaries (C look-ups) and
    the likeness to the source's distinct words (rapidfuzz's ``extractOne`` with
    the cut-off); Apertium's analyser then reads the few words left in one call.
    """
    target_speller, source_speller = spelling.speller(target_lang), spelling.speller(source_lang)
    if target_speller is None or source_speller is None or not source.strip():
        return
    folded_sources: dict[str, str] = {}
    for word in _WORD_RE.findall(source):
        folded_sources.setdefault(fold(word), word)
    choices = list(folded_sources)
    verdicts: dict[str, tuple[str, float] | None] = {}
    places: list[tuple[re.Match[str], str]] = []
    for match in _WORD_RE.finditer(target):
        word = match.group()
        if len(word) < MIN_LETTERS or any(ch.isupper() for ch in word[1:]):
            continue
        if word[0].isupper() and not starts_sentence(target, match.start()):
            continue
        if word not in verdicts:
            verdicts[word] = _candidate(word, choices, folded_sources, source_lang, target_lang)
        if verdicts[word] is not None:
            places.append((match, word))
    if not places:
        return
    analyser = lexicon(target_lang, source_lang)
    if analyser is not None:
        keys = sorted({word.casefold() for _, word in places})
        analysed = analyser.words(keys)
        known = {key for key in keys if any(w.readings for w in analysed[key])}
        places = [(m, w) for m, w in places if w.casefold() not in known]
    judged: dict[str, bool] = {}
    damaged: bool | None = None  # does some word of the target show lost letters? (asked lazily)
    for match, word in places:
        found = verdicts[word]
        assert found is not None
        closest, likeness = found
        key = word.casefold()
        if word not in judged:
            correction = typo_judge(source_lang, target_lang, target_speller).correction(word, key)
            slip = correction is not None and ratio(fold(correction), fold(word)) >= likeness
            judged[word] = not slip and not _lost_accent(key, target_lang, target_speller)
        if not judged[word]:
            continue
        if key.isascii() and _accented_letters(target_lang):
            if damaged is None:
                damaged = _shows_lost_letters(target, target_lang, target_speller)
            if damaged:
                continue
        yield Invented(match.start(), match.end(), word, closest, likeness)


def _candidate(
    word: str, choices: list[str], folded_sources: dict[str, str], source_lang: str, target_lang: str
) -> tuple[str, float] | None:
    """(source word, likeness) when ``word`` passes the dictionary and likeness tests, else None."""
    key, folded = word.casefold(), fold(word)
    if folded in folded_sources:
        return None  # copied from the source: a name or a term kept on purpose
    target_speller, source_speller = spelling.speller(target_lang), spelling.speller(source_lang)
    if target_speller is None or source_speller is None:
        return None
    if _known(word, key, target_lang, target_speller):
        return None
    if source_speller.check(word) or source_speller.check(key):
        return None  # a source-language word: untranslated (TA211's)
    best = process.extractOne(folded, choices, scorer=ratio, score_cutoff=CALQUE_RATIO)
    if best is None:
        return None
    closest, likeness = folded_sources[best[0]], float(best[1])
    if not (source_speller.check(closest) or source_speller.check(closest.casefold())):
        if zipf(closest.casefold(), source_lang) < SOURCE_ZIPF:
            return None  # a term of art no dictionary of the source language knows
    return closest, likeness


def dictionary_translation(word: str, source_lang: str, target_lang: str) -> str | None:
    """A translation of the source word from Apertium's bilingual dictionary, if it has one."""
    found = lexicon(source_lang, target_lang)
    if found is None:
        return None
    options: set[str] = set()
    for analysed in found.words([word])[word]:
        options |= found.translations(analysed)
    options = {o for o in options if o.isalpha()}
    return min(options) if options else None
