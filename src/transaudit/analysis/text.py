"""Shared text helpers with offsets: words and sentences.

Checks need spans, so every helper returns ``(start, end)`` offsets into the
text it was given. These run on every segment, so they are plain compiled
regular expressions; the aligner uses pysbd (slower, better) through
:func:`sentence_segmenter`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
#: A fast sentence boundary: end punctuation (and closing quotes/brackets)
#: followed by space. Used by checks, where a missed boundary costs little.
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")


class Token(NamedTuple):
    start: int
    end: int
    text: str


def words(text: str) -> list[Token]:
    """Word tokens with offsets (letters, digits, inner apostrophes/hyphens)."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (start, end) covering the text, whitespace trimmed."""
    spans = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


#: What may stand between a sentence's end and its first word: spaces,
#: opening quotes and brackets, Spanish opening marks.
_OPENERS = " \t\"“«'‘(¡¿"


def starts_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (text start, or after . ! ? … : or a line break)?

    Checks that judge a capitalised word need it: a capital opening a sentence
    says nothing about a name. Only the six characters before are read, so it
    costs the same on a 100 KB paragraph.
    """
    before = text[max(0, start - 6) : start].rstrip(_OPENERS)
    return not before or before[-1] in ".!?…:\n"


def fold(text: str) -> str:
    """Lower-case and strip diacritics, for comparing names across languages."""
    if text.isascii():  # nothing to decompose (most words): the same answer, ten times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


@lru_cache(maxsize=16)
def sentence_segmenter(lang: str) -> Any:  # pysbd is untyped
    """A pysbd segmenter for the language (English rules when pysbd lacks it)."""
    import pysbd

    try:
        return pysbd.Segmenter(language=lang, clean=False, char_span=True)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=True)
