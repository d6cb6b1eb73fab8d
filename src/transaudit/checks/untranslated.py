"""Untranslated text: source-language words, sentences or whole segments left in the target.

Three grains, reported once each (a segment identical to its source is not
also reported sentence by sentence, nor word by word):

* TA212 — the target is the source again, apart from names and numbers;
* TA210 — a target sentence is in the source language (langdetect, seeded,
  comparing the two languages' probabilities; called only when a cheap share
  of source-only vocabulary suggests it, and never on short text);
* TA211 — a word or run of words copied from the source that is not a word
  of the target language: it occurs in the source, is not capitalised there
  (names are copied on purpose), is not a frequent target-language word, and
  is either a frequent source-language word or has a source-language shape
  (``data/vocabulary/<lang>.txt`` and ``<lang>.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from transaudit import data
from transaudit.analysis import langid
from transaudit.analysis.text import sentence_spans
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
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
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+|<[^<>\n]{1,200}>"
    r"|\S+\.(?:com|org|net|html?|php|pdf|jpe?g|png|gov|edu|io)\b\S*"
)
#: A short quoted term ("like", «streaming») is usually kept on purpose.
_TITLE_RE = re.compile(r"[\"“«‘]([^\"“”«»‘’\n]{1,80})[\"”»’]")
#: A name or title: capitalised words, possibly joined by short lower-case
#: words ("The Lord of the Rings", "Banco de España").
_CAP = r"[A-ZÁÉÍÓÚÑÜÀÈÌÒÙÇÄÖ][\w'’\-]*"
_NAME_RE = re.compile(rf"{_CAP}(?:\s+(?:[a-z]{{1,3}}\s+){{0,2}}{_CAP})+")
_QUOTED_RE = re.compile(r"[\"“”«»‘’']([^\"“”«»‘’'\n]{1,40})[\"“”«»‘’']")


@cache
def vocabulary(lang: str) -> frozenset[str]:
    """Frequent words of ``lang`` (case-folded), number words included."""
    vocab: set[str] = set()
    for line in data.load_text("vocabulary", lang):
        vocab.update(word.casefold() for word in line.split())
    numbers = data.load("numbers", lang)
    for table in ("words", "scales", "months"):
        vocab.update(str(word).casefold() for word in numbers.get(table, {}))
    return frozenset(vocab)


@cache
def source_only(source_lang: str, target_lang: str) -> frozenset[str]:
    """Frequent source-language words that are not frequent target-language words."""
    return vocabulary(source_lang) - vocabulary(target_lang)


@cache
def _shapes(lang: str) -> re.Pattern[str] | None:
    patterns = data.load("vocabulary", lang).get("marked", [])
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass
class Analysis:
    """What is untranslated in one segment, found once for all three checks."""

    identical: bool = False
    sentences: list[tuple[int, int]] = field(default_factory=list)
    runs: list[tuple[int, int, list[str]]] = field(default_factory=list)


_EMPTY = Analysis()
#: Letters-only words, for the cheap set-based pre-filters.
_PLAIN_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


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
    tgt_vocab = vocabulary(target_lang)
    tgt_folded = _PLAIN_WORD_RE.findall(target.casefold())
    if not tgt_folded:
        return _EMPTY
    src_folded = _folded_words(source)

    # The whole segment again, names, numbers, links and markup aside.
    if len(src_folded) == len(tgt_folded) and list(src_folded) == tgt_folded:
        plain = _PLAIN_WORD_RE.findall(_NOISE_RE.sub(" ", target))
        unknown = [w for w in plain if not w[0].isupper() and len(w) >= 4 and w.casefold() not in tgt_vocab]
        if any(w.casefold() in src_only for w in plain) or len(unknown) >= 3:
            return Analysis(identical=True)

    result = Analysis()
    # Sentences: a cheap vocabulary share first, langdetect only if it is high;
    # a target wholly in the source language costs one call, not one a sentence.
    hits = sum(map(src_only.__contains__, tgt_folded))
    if hits >= 2:
        spans = sentence_spans(target)
        whole = _source_language(target, src_only, source_lang, target_lang)
        if whole:
            # One call said "source language"; keep the sentences whose vocabulary agrees.
            chosen = [(s, e) for s, e in spans if _source_share(target[s:e], src_only) >= PREFILTER_SHARE]
            result.sentences.extend(_merge(target, chosen))
        elif whole is None or hits * 2 >= MIN_SENTENCE_WORDS:
            chosen = [
                (s, e)
                for s, e in spans
                if (s, e) != (0, len(target))
                and _source_language(target[s:e], src_only, source_lang, target_lang)
            ]
            result.sentences.extend(_merge(target, chosen))

    # Words copied from the source: lower-case there, or capitalised only to
    # start a sentence; a word capitalised inside a source sentence is a name.
    candidates = _folded_set(source).intersection(tgt_folded) - tgt_vocab
    if not candidates:
        return result
    src_lower, names = _source_cases(source)
    candidates = (candidates & src_lower) - names
    if not candidates:
        return result
    shapes = _shapes(source_lang)
    candidates = {w for w in candidates if w in src_only or _shaped(shapes, w)}
    if not candidates:
        return result
    masked = _masked(target)
    tokens = [(m.start(), m.end(), m.group()) for m in _PLAIN_WORD_RE.finditer(target)]
    flagged: list[int] = []
    for index, (start, _end, text) in enumerate(tokens):
        key = text.casefold()
        if key not in candidates or masked[start] == "\0" or len(key) < 2:
            continue  # one letter is a variable or an initial ("y in x"), not a word
        shaped = _shaped(shapes, key)
        if text[0].isupper() and (text.isupper() or not shaped):
            continue  # a name or a title, unless it has a source-language shape
        title_word = text[0].isupper() or (len(key) <= 3 and not shaped)
        if title_word and _next_to_name(tokens, index, names):
            continue  # inside a name or title: "Lord of the Rings", "Banco de España"
        if any(s <= start < e for s, e in result.sentences):
            continue
        flagged.append(index)
    result.runs = _runs(target, tokens, flagged, src_only)
    return result


def _plain_words(text: str) -> tuple[str, list[str]]:
    """The text without quoted titles and capitalised names, and its case-folded words."""
    plain = _NAME_RE.sub(" ", _TITLE_RE.sub(" ", text))
    return plain, list(map(str.casefold, _PLAIN_WORD_RE.findall(plain)))


@lru_cache(maxsize=4096)
def _folded_words(text: str) -> tuple[str, ...]:
    """Case-folded words of a text, cached: one source meets many translations."""
    return tuple(_PLAIN_WORD_RE.findall(text.casefold()))


@lru_cache(maxsize=4096)
def _source_cases(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """Source words written lower-case (or capitalised only to start a sentence), and names."""
    lower: set[str] = set()
    names: set[str] = set()
    for match in _PLAIN_WORD_RE.finditer(source):
        word = match.group()
        if not word[0].isupper() or _starts_sentence(source, match.start()):
            lower.add(word.casefold())
        else:
            names.add(word.casefold())
    return frozenset(lower), frozenset(names)


@lru_cache(maxsize=4096)
def _folded_set(text: str) -> frozenset[str]:
    return frozenset(_folded_words(text))


def _source_share(text: str, src_only: frozenset[str]) -> float:
    _plain, words = _plain_words(text)
    return sum(map(src_only.__contains__, words)) / len(words) if words else 0.0


def _source_language(text: str, src_only: frozenset[str], source_lang: str, target_lang: str) -> bool | None:
    """Is this stretch in the source language? None when too short or the pre-filter says no.

    Quoted titles ("It's My Party") and runs of capitalised words ("The Lord
    of the Rings") are kept in the original on purpose, so they do not count.
    """
    plain, words = _plain_words(text)
    if len(words) < MIN_SENTENCE_WORDS:
        return None
    hits = sum(map(src_only.__contains__, words))
    if hits < PREFILTER_SHARE * len(words):
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


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 6) : start].rstrip(" \t\"“«'‘(¡¿")
    return not before or before[-1] in ".!?…:\n"


def _shaped(shapes: re.Pattern[str] | None, word: str) -> bool:
    return len(word) >= 4 and shapes is not None and shapes.search(word) is not None


def _next_to_name(tokens: list[tuple[int, int, str]], index: int, names: set[str]) -> bool:
    """True inside a copied name or title: "Lord of the Rings", "Banco de España"."""
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(tokens):
            word = tokens[neighbour][2]
            if word[0].isupper() and not word.isupper() and word.casefold() in names:
                return True
    return False


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
    name = "untranslated-words"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        for start, end, tokens in _analysis(segment, ctx).runs:
            quoted = " ".join(tokens)
            yield Finding(
                "target", start, end, f"'{quoted}' is left in the source language ({ctx.source_lang})"
            )


@register
class IdenticalToSource(Check):
    """The target repeats the source, apart from names and numbers.

    Bad: "Fuente: agencias" → "Fuente: agencias".
    Good: "Fuente: agencias" → "Source: agencies"; a title made only of
    names ("Real Madrid") may stay as it is.
    """

    code = "TA212"
    name = "identical-to-source"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if _analysis(segment, ctx).identical:
            start = len(segment.target) - len(segment.target.lstrip())
            end = len(segment.target.rstrip())
            yield Finding("target", start, end, "the target is the source text, untranslated")
