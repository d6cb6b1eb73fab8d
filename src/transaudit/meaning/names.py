"""Matching a source name's words to the target's, transliteration-aware.

Words come from the gazetteer's name-run detection
(:func:`transaudit.analysis.name_runs.name_sequences`). A source word is
*matched* when the target has it (folded: case and accents aside), or a
spelling the pair's transliteration habits explain (the rewrites of
``data/gazetteer/<pair>.toml``, :mod:`transaudit.analysis.name_spelling`:
"Gorbachov" ↔ "Gorbachev", "Jruschov" ↔ "Khrushchev"), or a spelling the
target language knows better (wordfreq: an established exonym). It is *mangled*
when the closest capitalized target word is close (rapidfuzz ratio ≥ 80 on the
folded forms) but none of the above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from transaudit.analysis.frequencies import zipf
from transaudit.analysis.fuzzy import similar_token
from transaudit.analysis.name_runs import NameRun, name_sequences
from transaudit.analysis.name_spelling import transliteration
from transaudit.analysis.text import WORD_RE, Token, fold

if TYPE_CHECKING:
    from transaudit.meaning.bilingual import Lexicon

#: Closest-match ratio (0–100, rapidfuzz) from which an unequal word is the same
#: name misspelled rather than another name: one letter in five may differ
#: ("Apaza" → "Apasa" 80; "Gómez" → "Gomes" 80; "Pérez" → "Ortiz" 40).
CLOSE = 80.0
_POSSESSIVE = re.compile(r"['’][sS]?$|['’][sS]$")
#: Shorter words are too often another word ("Ana" / "Ala").
MIN_LETTERS = 4


@dataclass(frozen=True)
class Mangled:
    source: Token
    target: Token


def _explained(source_word: str, target_word: str, source_lang: str, target_lang: str) -> bool:
    """A different spelling the pair's habits or the target language's usage account for."""
    rewrites = transliteration(source_lang, target_lang)["rewrites"]
    spelled = fold(target_word)
    for pattern, replacement in rewrites:
        spelled = pattern.sub(replacement, spelled)
    if spelled == fold(source_word):
        return True
    if _spelled_by_sound(fold(source_word), fold(target_word)):
        return True
    # An exonym: the target's spelling is the one its language uses (wordfreq; looked
    # up with its accents: "Cataluña", not "cataluna"). The source's spelling without
    # its accents is the target language's too ("Fernandez" in English texts): a spelling
    # commoner than the accented name but not than that ("Fernandes", a surname of its
    # own) changes a letter, it is not the target language's form of this name.
    established = max(zipf(source_word, target_lang), zipf(fold(source_word), target_lang), 1.0)
    if zipf(target_word, target_lang) > established:
        return True
    return _exonym(target_word, source_lang, target_lang)


def _spelled_by_sound(source: str, target: str) -> bool:
    """A French transcription written as it sounds: "ou" as "u", a final mute "e" dropped.

    Place and person names of the Maghreb, the Sahel and the Levant reach
    English in their French transcription, and Spanish, Catalan, Portuguese or
    Italian respell that by sound ("Ouarzazate" → "Uarzazat", "Ouagadougou" →
    "Uagadugu", "Bouteflika" → "Buteflika"). The target must be the source with
    every "ou" written "u" (at least one) and perhaps its final "e" dropped, and
    nothing else changed: "Apaza" → "Apasa" or "Jorge" → "Jorg" stay mangles.
    """
    if "ou" not in source:
        return False
    sounded = source.replace("ou", "u")
    return target == sounded or (sounded.endswith("e") and target == sounded[:-1])


#: Zipf from which a spelling is in established use in a language (about once in ten
#: million words); a misspelt name stays below it ("Apasa" 0, "Gómes" 1.5 in Spanish).
ESTABLISHED_ZIPF = 2.0
#: Zipf under which a spelling is foreign to a language.
FOREIGN_ZIPF = 1.0


def _exonym(target_word: str, source_lang: str, target_lang: str) -> bool:
    """A spelling of the target language's own for a foreign place or person (wordfreq).

    An exonym ("Sídney", "Dresde", "Múnich" in Spanish) is in established use in
    the target language, unused in the source language, and not a common word
    of the target language (Hunspell rejects it in lower case). The original
    spelling may still be the commoner one in the target language's texts
    ("Sydney" in Spanish news), which is why the frequency comparison above
    misses these. A near-miss that is a common word ("Dream Team" → "Dreamy
    Team") stays a mangled name.
    """
    if zipf(target_word, target_lang) < ESTABLISHED_ZIPF or zipf(target_word, source_lang) >= FOREIGN_ZIPF:
        return False
    return not _common_word(target_word, target_lang)


def _bare(token: Token) -> Token:
    """The word without an English possessive ("Maslow's" → "Maslow")."""
    text = _bare_text(token.text)
    return token if text is token.text else Token(token.start, token.start + len(text), text)


def _bare_text(word: str) -> str:
    """:func:`_bare` of a word without its offsets."""
    if "'" not in word and "’" not in word:
        return word  # no apostrophe, no possessive: the common case, without a regex search
    match = _POSSESSIVE.search(word)
    return word if match is None else word[: match.start()]


#: Hyphen, hyphen (U+2010) and non-breaking hyphen (U+2011) split a word into parts.
_HYPHENS = "-\u2010\u2011"
_HYPHEN_PART = re.compile(f"[^{_HYPHENS}]+")


def _words_and_parts(text: str, capitalized: list[Token] | None = None) -> list[str]:
    """The words of ``text``, each hyphenated one followed by its parts ("Adebayo-Okafor",
    "Adebayo", "Okafor"); ``capitalized``, if given, receives those starting with a capital,
    with their offsets, in the same order.

    Offsets are made only for the capitalized few, and found with str.find rather than
    a match object per word: between two matches there is no word character, so find()
    lands on the match itself.
    """
    out: list[str] = []
    position = 0
    find = text.find
    for word in WORD_RE.findall(text):
        out.append(word)
        hyphenated = "-" in word or "\u2010" in word or "\u2011" in word
        if capitalized is None:
            if hyphenated:
                out.extend(_HYPHEN_PART.findall(word))
            continue
        start = find(word, position)
        position = start + len(word)
        if word[:1].isupper():
            capitalized.append(Token(start, position, word))
        if hyphenated:
            for match in _HYPHEN_PART.finditer(word):
                part = match.group()
                out.append(part)
                if part[:1].isupper():
                    capitalized.append(Token(start + match.start(), start + match.end(), part))
    return out


def _word_char(ch: str) -> bool:
    r"""A character ``\w`` matches in a ``str`` pattern."""
    return ch.isalnum() or ch == "_"


def _written_as_word(word: str, text: str) -> bool:
    """Is ``word`` (letters and digits, apostrophes between them) one of :data:`WORD_RE`'s words of ``text``?

    Found with ``str.find`` instead of reading every word of the text: an
    occurrence is a whole word when neither side continues it, that is when the
    character beside it is no word character, nor an apostrophe or hyphen that
    :data:`WORD_RE` would join to a word character beyond it.
    """
    size, length = len(word), len(text)
    at = text.find(word)
    while at >= 0:
        end = at + size
        before = at == 0 or not (
            _word_char(text[at - 1]) or (text[at - 1] in "'’-" and at > 1 and _word_char(text[at - 2]))
        )
        after = end == length or not (
            _word_char(text[end]) or (text[end] in "'’-" and end + 1 < length and _word_char(text[end + 1]))
        )
        if before and after:
            return True
        at = text.find(word, at + 1)
    return False


@lru_cache(maxsize=4096)
def mangled_names(source: str, target: str, source_lang: str, target_lang: str) -> tuple[Mangled, ...]:
    """Source name words whose closest target word is a near miss, with that word."""
    from rapidfuzz import fuzz

    runs = name_sequences(source, source_lang)
    if not runs:
        return ()
    # A source name word the target writes as one of its words is kept (most are): its
    # folded form is among the target's (no possessive ends a name run's word, and it
    # holds no hyphen), so the loop below would pass it by. Only the others need the
    # target's words folded and the near-miss search.
    if all(_written_as_word(text, target) for run in runs for _, _, text in run.words):
        return ()
    # A hyphenated word counts whole and by its parts: the name runs split the source's
    # "Fenwick-Holloway" into two words, each matched to its part ("Hollowey") of the target's.
    capitalized: list[Token] = []
    target_words = _words_and_parts(target, capitalized)
    target_tokens = [_bare(t) for t in capitalized]
    folded_target = {fold(_bare_text(word)) for word in target_words}
    # Written with or without a hyphen ("WiFi" / "Wi-Fi", "Elzakzaki"): the same spelling.
    folded_target |= {k.replace("-", "") for k in folded_target}
    source_folded = {fold(word) for word in _words_and_parts(source)}
    # The target words a source word may be a near miss of; other source words kept as
    # they are, and short words, are not (folded once here, not once per source word).
    candidates = [
        (other, token)
        for other, token in ((fold(token.text), token) for token in target_tokens)
        if other not in source_folded and len(other) >= MIN_LETTERS
    ]
    found: list[Mangled] = []
    for run in runs:
        for start, end, text in run.words:
            key = fold(text)
            if len(key) < MIN_LETTERS or key.replace("-", "") in folded_target:
                continue
            best: tuple[float, Token] | None = None
            for other, token in candidates:
                score = fuzz.ratio(key, other)
                if best is None or score > best[0]:
                    best = (score, token)
            if best is None or best[0] < CLOSE:
                continue
            if _explained(text.casefold(), best[1].text.casefold(), source_lang, target_lang):
                continue
            found.append(Mangled(Token(start, end, text), best[1]))
    return tuple(found)


def swapped_name(
    source: str, target: str, source_lang: str, target_lang: str
) -> tuple[NameRun, NameRun] | None:
    """A one-word source name gone and a one-word target name come, and nothing else moved.

    The case TA303 leaves out (it judges swaps where one of the names has two
    words or more): exactly one source name run with no similar word in the
    target (:func:`transaudit.analysis.fuzzy.similar_token`) and exactly one
    target name run with none in the source, each of one word. A capitalized
    word the language's dictionary (Hunspell) accepts in lower case is a common
    word in a title ("Hello World" → "Bonjour le Monde"), not a name, unless
    Apertium's analyser reads the source word only as a person's name
    ("Aristarco").
    """
    lost = [n for n in name_sequences(source, source_lang) if not _kept(n, target)]
    lost = [n for n in lost if not _common_word(n.text, source_lang) or _person(n, source_lang, target_lang)]
    if not lost:
        return None
    new = [n for n in name_sequences(target, target_lang) if not _kept(n, source)]
    new = [n for n in new if not _common_word(n.text, target_lang)]
    if not new:
        return None
    lost = [n for n in lost if not _describes(n, source_lang, target_lang)]
    if len(lost) != 1 or len(lost[0].words) != 1:
        return None
    new = [n for n in new if not _describes(n, target_lang, source_lang)]
    if len(new) != 1 or len(new[0].words) != 1:
        return None
    return lost[0], new[0]


def swapped_given_name(
    source: str, target: str, source_lang: str, target_lang: str
) -> tuple[NameRun, NameRun] | None:
    """A person's given name replaced by another before the same surname.

    "Rosa Martínez" → "Elena Martínez": :func:`swapped_name` calls the run kept
    (its surname came back), TA532's word-by-word comparison is off by default.
    Here a source name run of two words or more whose first word the target
    lacks (:func:`similar_token`), and a target run with the same other words
    (folded) and another first word the source lacks, make a swap when both
    first words are given names: Apertium's analyser of their language reads
    them as ``<np><ant>``, or knows no reading and the dictionary (Hunspell) has
    no such word. A respelling ("Vladímir" / "Wladimir": ratio ≥ 60, or ≥ 50
    with the same initial) and a title ("Doctora Martínez" → "Dr. Martínez") are
    not swaps. The analyser is asked only when the shape matches (rarely).
    """
    runs = [r for r in name_sequences(source, source_lang) if len(r.words) >= 2]
    if not runs:
        return None
    candidates: list[NameRun] | None = None
    for run in runs:
        first, rest = run.words[0], [fold(w) for _, _, w in run.words[1:]]
        if similar_token(first[2], target):
            continue
        if not all(_written_as_word(w, target) for _, _, w in run.words[1:]):
            continue
        if candidates is None:
            candidates = [r for r in name_sequences(target, target_lang) if len(r.words) >= 2]
        for other in candidates:
            new = other.words[0]
            if [fold(w) for _, _, w in other.words[1:]] != rest or similar_token(new[2], source):
                continue
            from transaudit.meaning.name_counterparts import respelled

            if respelled(fold(first[2]), fold(new[2])):
                continue
            if _given_name(first[2], source_lang, target_lang) and _given_name(
                new[2], target_lang, source_lang
            ):
                return _one_word(first), _one_word(new)
    return None


def _one_word(token: tuple[int, int, str]) -> NameRun:
    return NameRun(token[0], token[1], token[2], (token,))


def _given_name(word: str, lang: str, other: str) -> bool:
    """A given name to Apertium's analyser (``<np><ant>``), or a word it and Hunspell do not know."""
    reader = analyser(lang, other)
    if reader is None:
        return False
    readings = _readings(reader, word)
    if readings:
        return any("<np><ant>" in r for r in readings)
    return not _common_word(word, lang)


def _person(run: NameRun, lang: str, other: str) -> bool:
    """A one-word run that is also a dictionary word, read by Apertium's analyser as a
    person's name only ("Aristarco", a severe critic in Spanish: ``Aristarco<np><ant>``)."""
    if len(run.words) != 1:
        return False
    reader = analyser(lang, other)
    if reader is None:
        return False
    readings = _readings(reader, run.text)
    return bool(readings) and all("<np><ant>" in r or "<np><cog>" in r for r in readings)


def _describes(run: NameRun, lang: str, other: str) -> bool:
    """A one-word run that is a proper adjective (a demonym), which describes rather than names."""
    return len(run.words) == 1 and proper_adjective(run.text, lang, other)


@lru_cache(maxsize=4096)
def proper_adjective(word: str, lang: str, other: str = "") -> bool:
    """A demonym or a place's adjective ("Galician", "Andalusians", "Polish"), not a name.

    Languages that capitalize these (English) make them look like names, yet
    "the Galician government" for "la Xunta" explains the name, it does not
    swap it for another. The word is one when the language's gazetteer lists it
    as a country's demonym, or when Apertium's analyser of the language (the
    audited pair's, else the first installed pair's) files the word, or the
    dictionary form of its noun reading ("Galicians" → "Galician"), as an
    adjective (``galician<adj>``) and never as a proper noun (``Kenneth<np>``).
    Unknown words ("Novak", "Xunta") and names that are also adjectives stay
    names; without Apertium only the gazetteer answers.
    """
    from transaudit.analysis.gazetteer import gazetteer

    if _bare_text(word).casefold() in gazetteer(lang).demonym_words:
        return True
    reader = analyser(lang, other)
    if reader is None:
        return False
    readings = _readings(reader, word)
    if any("<np>" in r for r in readings):
        return False
    if any("<adj>" in r for r in readings):
        return True
    lemmas = {r.split("<", 1)[0] for r in readings if "<n>" in r} - {word}
    return any(
        any("<adj>" in r for r in found) and not any("<np>" in r for r in found)
        for found in (_readings(reader, lemma) for lemma in lemmas)
    )


def _readings(reader: Lexicon, word: str) -> list[str]:
    return [r for w in reader.words([word])[word] for r in w.readings]


#: Languages whose Apertium pairs may hold a language's analyser when the audited pair
#: has none, tried in this order.
_ANALYSER_PARTNERS = ("en", "es", "ca", "fr", "pt", "it", "gl", "ro")


def analyser(lang: str, other: str) -> Lexicon | None:
    """Apertium's analyser of ``lang``: the pair with ``other``'s, else the first installed pair's."""
    from transaudit.meaning.bilingual import lexicon

    for partner in (other, *_ANALYSER_PARTNERS):
        if partner and partner != lang:
            found = lexicon(lang, partner)
            if found is not None:
                return found
    return None


def _kept(run: NameRun, other: str) -> bool:
    return any(similar_token(word, other) for _, _, word in run.words)


def _common_word(word: str, lang: str) -> bool:
    """Hunspell accepts the word in lower case (False without a dictionary for the language)."""
    from transaudit.analysis.spelling import speller

    checker = speller(lang)
    return checker is not None and checker.check(word.lower())
