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

from rapidfuzz.fuzz import ratio

from transaudit.analysis import frequencies, spelling
from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import fold
from transaudit.checks.spelling import _prefixed, _starts_sentence, typo_judge
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
    return zipf(key, lang) > 0 or speller.check(word) or speller.check(key) or _prefixed(key, speller)


def invented_words(source: str, target: str, source_lang: str, target_lang: str) -> Iterator[Invented]:
    """Target words coined from a source word (the module's rule), in text order."""
    target_speller, source_speller = spelling.speller(target_lang), spelling.speller(source_lang)
    if target_speller is None or source_speller is None or not source.strip():
        return
    source_words = _WORD_RE.findall(source)
    copied = {fold(w) for w in source_words}
    analyser = lexicon(target_lang, source_lang)
    damaged: bool | None = None  # does some word of the target show lost letters? (asked lazily)
    for match in _WORD_RE.finditer(target):
        word = match.group()
        if len(word) < MIN_LETTERS or any(ch.isupper() for ch in word[1:]):
            continue
        if word[0].isupper() and not _starts_sentence(target, match.start()):
            continue
        key = word.casefold()
        if fold(word) in copied or _known(word, key, target_lang, target_speller):
            continue
        if source_speller.check(word) or source_speller.check(key):
            continue
        if analyser is not None and any(w.readings for w in analyser.words([key])[key]):
            continue
        closest, likeness = _closest(word, source_words)
        if likeness < CALQUE_RATIO:
            continue
        if not (source_speller.check(closest) or source_speller.check(closest.casefold())):
            if zipf(closest.casefold(), source_lang) < SOURCE_ZIPF:
                continue
        correction = typo_judge(source_lang, target_lang, target_speller).correction(word, key)
        if correction is not None and ratio(fold(correction), fold(word)) >= likeness:
            continue
        if _lost_accent(key, target_lang, target_speller):
            continue
        if key.isascii() and _accented_letters(target_lang):
            if damaged is None:
                damaged = _shows_lost_letters(target, target_lang, target_speller)
            if damaged:
                continue
        yield Invented(match.start(), match.end(), word, closest, likeness)


def _closest(word: str, candidates: list[str]) -> tuple[str, float]:
    """The source word spelled most like ``word`` (folded), and the likeness."""
    folded = fold(word)
    best, score = "", 0.0
    for candidate in candidates:
        value = ratio(fold(candidate), folded)
        if value > score:
            best, score = candidate, value
    return best, score


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
