r"""Words with offsets, the unit every name and descriptor lookup works on.

Words carry no hyphens ("US-backed" and "Moscow-Beijing" expose their names)
and keep an inner apostrophe but not a possessive 's. Languages that elide an
article or a preposition before a vowel (French "l'Iran", "d'Asie"; Italian,
Catalan) list the elided forms as data (``elisions`` in the gazetteer grammar);
a word that starts with one is split into the elided word ("l'", written with a
straight apostrophe whatever the text uses) and the rest, so "l'Iran" is found
as "Iran". Without elisions (English, Spanish) words are exactly as before.
Both scans are cached per text because several checks read the same segment.

:func:`word_view` is the one tokenisation of a text that the word checks share
(TA140, repetition, numbers, :func:`words_of`): one C-level ``findall`` of its
``\w+`` runs, from which each user's own words are derived with set and ``str``
operations, exactly (see :class:`WordView`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from transaudit.analysis.text import fold

#: A word and its offsets: (start, end, text).
Token = tuple[int, int, str]

#: Words without hyphens, so "US-backed" and "Moscow-Beijing" expose their names.
TOKEN_RE = re.compile(r"\w+(?:['’](?![sS]\b)\w+)*")
SPACE_RE = re.compile(r"\s+")


def quick_fold(word: str) -> str:
    """:func:`transaudit.analysis.text.fold`, skipping Unicode normalisation for ASCII words."""
    return word.casefold() if word.isascii() else fold(word)


def _elided(word: str, elisions: tuple[str, ...]) -> int:
    """Length of the elided prefix the word starts with ("l'" in "l'Iran"), else 0."""
    if "'" not in word and "’" not in word:
        return 0
    lowered = word.casefold().replace("’", "'")
    for prefix in elisions:
        if lowered.startswith(prefix) and len(word) > len(prefix):
            return len(prefix)
    return 0


#: Texts whose words and tokens are kept. Checks ask for a segment's words while
#: they run on it (the engine runs every check on one segment, then the next), and
#: article checks over a chunk of :data:`transaudit.engine.CHUNK` segments ask again
#: for both sides: 4,096 holds a chunk's sources and targets (2,048) with room for
#: the other texts the checks split (sentences, names). A word set is ~5 KB on a
#: long paragraph, so a bigger cache is memory an audit of a 50,000-row file keeps.
TEXT_CACHE = 4096


#: Runs of word characters: the unit every view of :class:`WordView` is derived from.
RUN_RE = re.compile(r"\w+")
#: TA140's words: letters joined by apostrophes or a middle dot (Unicode's MidLetter,
#: UAX #29), so Catalan "col·locar" and "d'el·lipsi" are single words.
LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:['’·][^\W\d_]+)*")
#: Maximal runs of letters (no digits, no underscore).
LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
#: Characters whose case folding turns a letter into a combining mark or the other way
#: round ("İ" → "i" + U+0307): in a text holding one, the words of ``text.casefold()``
#: are not the case-folded words of ``text``. Every other character folds letters to
#: letters and nothing else to a letter, an apostrophe, a hyphen or a middle dot
#: (checked over all of Unicode by tests/analysis/test_tokens.py).
UNSAFE_FOLD_RE = re.compile(
    "[\u0130\u01f0\u0345\u0390\u03b0\u1e96-\u1e99\u1f50\u1f52\u1f54\u1f56\u1fb6-\u1fb7"
    "\u1fc6-\u1fc7\u1fd2-\u1fd3\u1fd6-\u1fd7\u1fe2-\u1fe4\u1fe6-\u1fe7\u1ff6-\u1ff7]"
)
#: What ``str.lower`` treats unlike the regex engine's case-insensitive match (which
#: lowers one character at a time): "İ" lowers to two characters, and a final capital
#: sigma to "ς" (the regex engine: "σ").
_LOWER_UNLIKE = ("\u0130", "\u03a3")


class WordView:
    r"""One text's words, tokenised once and shared by the checks that read words.

    ``runs`` is ``re.findall(r"\w+", text)``: the maximal runs of word characters,
    in order. The other views are derived from it at C speed (``set``, ``filter``,
    ``map``) and kept on the object; each is exactly what its own regex would give,
    and a text holding the characters a view's regex joins words on (apostrophes,
    the middle dot) falls back to that regex, so a caller never sees a difference:

    * :attr:`token_set`: ``frozenset(TOKEN_RE.findall(text))``, :func:`words_of`'s words;
    * :attr:`letter_runs`: ``frozenset(LETTER_RUN_RE.findall(text))``, maximal letter runs;
    * :attr:`letter_set`: ``frozenset(LETTER_WORD_RE.findall(text))``, TA140's words
      (letters joined by apostrophes or a middle dot; digits split words);
    * :attr:`folded_letter_set`: ``frozenset(LETTER_RUN_RE.findall(text.casefold()))``;
    * :attr:`lowered`: the runs lowered one character at a time, as the regex
      engine compares them under ``re.IGNORECASE`` (None when ``str.lower`` would
      differ: a text with "İ" or a capital sigma);
    * :attr:`distinct`: ``frozenset(runs)``.

    Get one with :func:`word_view` (cached): the engine runs every check on one
    segment before the next, so the checks of a segment share one view a text.
    """

    __slots__ = (
        "_distinct", "_folded", "_letters", "_lowered", "_runs", "_tokens", "apostrophe", "runs", "text"
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.runs: tuple[str, ...] = tuple(RUN_RE.findall(text))
        #: The text holds an apostrophe (straight or typographic): words may join across it.
        self.apostrophe = "'" in text or "’" in text
        self._distinct: frozenset[str] | None = None
        self._tokens: frozenset[str] | None = None
        self._runs: frozenset[str] | None = None
        self._letters: frozenset[str] | None = None
        self._folded: frozenset[str] | None = None
        self._lowered: tuple[str, ...] | bool | None = False

    @property
    def distinct(self) -> frozenset[str]:
        """The distinct runs."""
        if self._distinct is None:
            self._distinct = frozenset(self.runs)
        return self._distinct

    @property
    def token_set(self) -> frozenset[str]:
        """``frozenset(TOKEN_RE.findall(text))``: without an apostrophe, TOKEN_RE's words are the runs."""
        if self._tokens is None:
            self._tokens = frozenset(TOKEN_RE.findall(self.text)) if self.apostrophe else self.distinct
        return self._tokens

    @property
    def letter_runs(self) -> frozenset[str]:
        """``frozenset(LETTER_RUN_RE.findall(text))``: the maximal runs of letters.

        A run that is all letters (``str.isalpha``) is one; a run with digits, an
        underscore or a numeric sign ("COVID19", "km²") holds its letter runs.
        """
        if self._runs is None:
            distinct = self.distinct
            letters = frozenset(filter(str.isalpha, distinct))
            if len(letters) < len(distinct):
                letters = letters.union(*map(LETTER_RUN_RE.findall, distinct.difference(letters)))
            self._runs = letters
        return self._runs

    @property
    def letter_set(self) -> frozenset[str]:
        """``frozenset(LETTER_WORD_RE.findall(text))``: the letter runs, when nothing joins them."""
        if self._letters is None:
            if self.apostrophe or "·" in self.text:
                self._letters = frozenset(LETTER_WORD_RE.findall(self.text))
            else:
                self._letters = self.letter_runs
        return self._letters

    @property
    def folded_letter_set(self) -> frozenset[str]:
        """``frozenset(LETTER_RUN_RE.findall(text.casefold()))``: the case-folded letter runs."""
        if self._folded is None:
            text = self.text
            if text.isascii() or UNSAFE_FOLD_RE.search(text) is None:
                # Letters fold to letters and nothing else does: each folded run is a run folded.
                self._folded = frozenset(map(str.casefold, self.letter_runs))
            else:
                self._folded = frozenset(LETTER_RUN_RE.findall(text.casefold()))
        return self._folded

    @property
    def lowered(self) -> tuple[str, ...] | None:
        """The runs lowered as ``re.IGNORECASE`` compares them, or None when ``str.lower`` differs."""
        if self._lowered is False:
            text = self.text
            if text.isascii() or not any(ch in text for ch in _LOWER_UNLIKE):
                self._lowered = tuple(map(str.lower, self.runs))
            else:
                self._lowered = None
        return self._lowered  # type: ignore[return-value]


#: Views kept: the texts of the segment being checked (source, target, the other
#: texts checks split off them), so the checks of one segment share one scan; the
#: word sets themselves are kept longer by :func:`words_of`'s own cache.
VIEW_CACHE = 64


@lru_cache(maxsize=VIEW_CACHE)
def word_view(text: str) -> WordView:
    """The shared :class:`WordView` of ``text`` (cached)."""
    return WordView(text)


def words_of(text: str, elisions: tuple[str, ...] = ()) -> frozenset[str]:
    """The set of distinct words of a text (cached): a cheap first filter for every lookup."""
    # One cache key for ``words_of(t)`` and ``words_of(t, ())`` (the gazetteer of a
    # language without elisions passes its empty tuple): lru_cache keys them apart.
    return _words_of(text, elisions)


@lru_cache(maxsize=TEXT_CACHE)
def _words_of(text: str, elisions: tuple[str, ...]) -> frozenset[str]:
    if not elisions:
        return word_view(text).token_set
    return frozenset(word for _, _, word in tokenize(text, elisions))


def tokenize(text: str, elisions: tuple[str, ...] = ()) -> tuple[Token, ...]:
    """Words (no hyphens) with offsets, the unit every gazetteer lookup uses (cached).

    ``elisions`` (casefolded, straight apostrophe, e.g. ``("l'", "d'")``) split
    elided articles and prepositions off the word they are glued to.
    """
    return _tokenize(text, elisions)  # one cache key with or without an empty ``elisions``


@lru_cache(maxsize=TEXT_CACHE)
def _tokenize(text: str, elisions: tuple[str, ...]) -> tuple[Token, ...]:
    # findall + str.find is about twice as fast as finditer; between two matches
    # there are no word characters, so find() lands on the match itself.
    tokens: list[Token] = []
    position = 0
    find = text.find
    if not elisions:  # the common case, without the per-word elision test
        append = tokens.append
        for word in TOKEN_RE.findall(text):
            start = find(word, position)
            position = start + len(word)
            append((start, position, word))
        return tuple(tokens)
    for word in TOKEN_RE.findall(text):
        start = find(word, position)
        position = start + len(word)
        cut = _elided(word, elisions) if elisions else 0
        if cut:
            tokens.append((start, start + cut, word[:cut].replace("’", "'")))
            tokens.append((start + cut, position, word[cut:]))
        else:
            tokens.append((start, position, word))
    return tuple(tokens)


def _glued(left: Token, gap: str) -> bool:
    """An elided word and the word it is glued to ("d'|Asie"): one phrase with no gap."""
    return not gap and left[2].endswith("'")


def only_space(text: str, left: Token, right: Token) -> bool:
    gap = text[left[1] : right[0]]
    return (bool(gap) and gap.isspace()) or _glued(left, gap)


def joined(text: str, left: Token, right: Token) -> bool:
    """Words of one phrase: separated by spaces or a hyphen ("oil-rich")."""
    gap = text[left[1] : right[0]]
    return (bool(gap) and (gap.isspace() or gap == "-")) or _glued(left, gap)


def sentence_initial(tokens: Sequence[Token], i: int, text: str) -> bool:
    before = text[: tokens[i][0]].rstrip(" \t\"'“‘«¿¡(")
    return not before or before[-1] in ".!?:\n"
