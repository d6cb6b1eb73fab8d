"""People's and places' names the gazetteer does not know: runs of capitalized words.

A run is kept only when it looks like a name: its words are not common
capitalized words of the language (titles, months, institutions from the
gazetteer data; any word the language's dictionary and wordfreq know as an
ordinary word, :mod:`transaudit.analysis.lexicon`), it does not sit inside a
short quotation, a one-word
run does not open a sentence, and headline-style title case is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from transaudit import data
from transaudit.analysis import lexicon
from transaudit.analysis.gazetteer import FAMILY, gazetteer
from transaudit.analysis.tokens import Token, words_of
from transaudit.analysis.trie import PERSON
from transaudit.memo import text_cache


@dataclass(frozen=True)
class NameRun:
    """Two or more capitalized words that look like a person's or place's name."""

    start: int
    end: int
    text: str
    words: tuple[Token, ...]


@cache
def common_capitalized(lang: str) -> frozenset[str]:
    """Words capitalized without being names that dictionaries do not settle (titles, "Sr", "Mr")."""
    return frozenset(
        w.casefold() for w in data.load(FAMILY, lang).get("common_capitalized", {}).get("words", [])
    )


def is_common(word: str, lang: str) -> bool:
    """A capitalized word that is not a name: a title word of the data, or an ordinary word."""
    return word.casefold() in common_capitalized(lang) or lexicon.common_word(word, lang)


#: A capitalized word that does not open a sentence: without one, a text has no name run.
_INNER_CAPITAL_RE = re.compile(r"[^\s.!?¿¡:]\s+[A-ZÀ-ÖØ-ÞĀ-Ž]")

#: A capitalized word (the first letter is checked again with str.isupper).
_CAPITAL_RE = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-ÞĀ-Ž]\w*(?:['’](?![sS]\b)\w+)*")

#: "… Seguridad del " before a word: that word ends an institution's name.
_INSTITUTION_TAIL_RE = re.compile(
    r"[A-ZÀ-ÖØ-Þ]\w*\s+(?:de|del|de la|de los|de las|la|las|los|of|of the|the|for|y|and|on|para)\s+$"
)

_QUOTE_RE = re.compile(r'[«“»”"]')


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans between quotation marks (« », “ ”, or a pair of ")."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    ascii_open: int | None = None
    for match in _QUOTE_RE.finditer(text):
        ch, i = match.group(), match.start()
        if ch in "«“" and opened is None:
            opened = i
        elif ch in "»”" and opened is not None:
            spans.append((opened, i))
            opened = None
        elif ch == '"':
            if ascii_open is None:
                ascii_open = i
            else:
                spans.append((ascii_open, i))
                ascii_open = None
    return spans


@text_cache(8192)
def name_sequences(text: str, lang: str) -> tuple[NameRun, ...]:
    """Runs of capitalized, non-common words outside short quotations.

    A run of one word counts only when it does not open a sentence and is not
    the tail of an institution's name ("Junta de Seguridad del Transporte").
    Runs with a word ending like a common noun ("Protección", "Safety") are
    dropped, and title-case lines (headlines) are skipped altogether (in a
    language that capitalises nouns, its ordinary nouns do not make a line
    title-case).
    """
    if not text or not _INNER_CAPITAL_RE.search(text):
        return ()
    capitals = [(m.start(), m.end(), m.group()) for m in _CAPITAL_RE.finditer(text)]
    if lexicon.capitalises_nouns(lang):
        # German capitalises every noun: the other words, short ones included
        # ("In", "Zum", "Der"), show whether a line is a headline.
        long_words = [w for w in words_of(text) if not lexicon.capitalised_noun(w, lang)]
    else:
        long_words = [w for w in words_of(text) if len(w) > 3]
    if len(long_words) >= 4 and sum(1 for w in long_words if w[0].isupper()) >= 0.75 * len(long_words):
        # A headline leaves only function words in lower case ("Merkel Meets Macron
        # with Allies"); two lower-case content words make the line a sentence with
        # many names ("Prime Minister Keir Starmer met business leaders in Manchester").
        function = _function_words(lang)
        lower = [w for w in long_words if not w[0].isupper() and w.casefold() not in function]
        if len(lower) < 2:
            return ()
    common = common_capitalized(lang)
    endings = _not_name_endings(lang)
    known = [(m.start, m.end) for m in gazetteer(lang).mentions(text) if m.kind != PERSON]
    quoted = (
        [(s, e) for s, e in _quoted(text) if e - s <= 60] if '"' in text or "«" in text or "“" in text else []
    )
    runs: list[NameRun] = []
    current: list[Token] = []
    for token in [*capitals, (-1, -1, "")]:
        word = token[2]
        usable = (
            len(word) >= 2
            and word[0].isupper()
            and not word.isupper()
            and word.casefold() not in common
            and not any(map(str.isdigit, word))
            and not (known and any(s <= token[0] < e for s, e in known))
        )
        if usable and current and text[current[-1][1] : token[0]] == " ":
            current.append(token)
            continue
        while current and _ELIDED_COMMON_RE.match(current[0][2]):
            current = current[1:]  # "L'alcalde Puigdollers": the name is "Puigdollers"
        # The shape first: most candidates are a sentence's first word, dropped
        # without looking their words up in the dictionaries.
        if current and _keep_run(current, text, quoted, endings, lang) and _without_ordinary(current, lang):
            start, end = current[0][0], current[-1][1]
            runs.append(NameRun(start, end, text[start:end], tuple(current)))
        current = [token] if usable else []
    return tuple(runs)


#: An elided article or preposition glued to a lower-case word ("L'alcalde", "D'una",
#: "L'ancien"): capitalized only because it opens a sentence, never part of a name
#: (unlike "D'Alema", "O'Brien", where the word after the apostrophe is capitalized).
_ELIDED_COMMON_RE = re.compile(r"\w{1,2}['’][^\W\d_A-ZÀ-ÖØ-Þ]")


def _without_ordinary(run: list[Token], lang: str) -> list[Token]:
    """The run as a name, or [] when it is made of the language's ordinary words only.

    Ordinary words (:func:`lexicon.common_word`) written with capitals are a
    title ("la Tumba del Soldado Desconocido", "the Milky Way"); next to a word
    that is not one they belong to the name ("Marta Ibáñez Soler", "Daniel
    Ortega": Spanish surnames are often words).
    """
    return [] if all(lexicon.common_word(word, lang) for _, _, word in run) else run


def _keep_run(
    run: list[Token], text: str, quoted: Sequence[tuple[int, int]], endings: tuple[str, ...], lang: str
) -> bool:
    """Whether a candidate run is kept: every test must pass, the cheapest (position) first.

    A word ending like a common noun ("Protección", "Seguridad") marks an
    institution's name, unless Apertium's analyser of the language knows the
    word as a person's given name or surname ("Rosa", "Sosa", "Espinosa":
    ``<np><ant>`` / ``<np><cog>``).
    """
    start = run[0][0]
    if any(s < start < e for s, e in quoted):
        return False
    if len(run) == 1:
        if len(run[0][2]) < 4:
            return False
        before = text[max(0, start - 60) : start]
        opened = before.rstrip(" \t\"'“‘«¿¡(")
        if not opened or opened[-1] in ".!?:\n":
            return False
        if _INSTITUTION_TAIL_RE.search(before):
            return False
    return not (
        endings and any(w.casefold().endswith(endings) and not person_word(w, lang) for _, _, w in run)
    )


#: Apertium's tags of a person's given name and surname.
_PERSON_TAGS = ("<np><ant>", "<np><cog>")


@lru_cache(maxsize=4096)
def person_word(word: str, lang: str) -> bool:
    """Does Apertium's analyser of the language (any installed pair) read the word as a
    person's given name or surname? False without Apertium."""
    from transaudit.meaning.names import analyser

    found = analyser(lang, "")
    if found is None:
        return False
    return any(tag in r for w in found.words([word])[word] for r in w.readings for tag in _PERSON_TAGS)


@cache
def _function_words(lang: str) -> frozenset[str]:
    """Words never capitalised in mid-sentence (``lowercase_words`` of the capitalization data)."""
    return frozenset(w.casefold() for w in data.load("capitalization", lang).get("lowercase_words", []))


@cache
def _not_name_endings(lang: str) -> tuple[str, ...]:
    return tuple(data.load(FAMILY, lang).get("name_shape", {}).get("not_name_endings", []))
