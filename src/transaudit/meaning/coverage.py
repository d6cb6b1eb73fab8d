"""Content words that did not survive the round trip, weighted by rarity.

The back-translation is in the source language, so the two can be compared
word by word after lemmatisation (simplemma). A source content word whose lemma
is not in the back-translation is an omission candidate; a back-translation
content word with no source counterpart is an addition candidate. Words are
weighted by inverse frequency (wordfreq Zipf: weight = max(0, 6 − Zipf)), so
function words (Zipf ≥ 6: "de", "the") weigh nothing and common words that
paraphrases swap ("hacer", "gran") weigh little; a name or a technical word
weighs most. Numbers are left to TA201–TA203.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from transaudit.analysis.frequencies import zipf
from transaudit.analysis.text import Token, fold, words

#: Zipf from which a word weighs nothing: about the 300 commonest words of a language.
FUNCTION_ZIPF = 6.0
#: Letters a word needs to count at all (shorter ones are particles and symbols).
MIN_LETTERS = 3
#: Two words spelled this alike (rapidfuzz ratio on folded lemmas) are the same word
#: inflected or spelled differently by the engine ("organización"/"organizacion").
ALIKE = 85.0


@dataclass(frozen=True)
class Moved:
    """A content word on one side with no counterpart on the other."""

    token: Token
    lemma: str
    weight: float


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    """The dictionary form, case-folded (accents kept: wordfreq's keys have them)."""
    try:
        from simplemma import lemmatize

        return str(lemmatize(word, lang=lang)).casefold()
    except ValueError:  # a language simplemma lacks
        return word.casefold()


@lru_cache(maxsize=65536)
def weight(lemma: str, lang: str) -> float:
    """Inverse frequency of a lemma: 0 for function words, up to 6 for unseen words."""
    return max(0.0, FUNCTION_ZIPF - zipf(lemma, lang))


def _content(text: str, lang: str) -> list[tuple[Token, str]]:
    out = []
    for token in words(text):
        if len(token.text) < MIN_LETTERS or any(ch.isdigit() for ch in token.text):
            continue
        out.append((token, _lemma(token.text, lang)))
    return out


def _matched(lemma: str, word: str, lemmas: set[str], folded: set[str]) -> bool:
    if lemma in lemmas or word in folded:
        return True
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    return process.extractOne(lemma, lemmas, scorer=ratio, score_cutoff=ALIKE) is not None


@lru_cache(maxsize=4096)
def moved_words(source: str, back: str, lang: str) -> tuple[tuple[Moved, ...], tuple[Moved, ...]]:
    """(source words missing from the back-translation, back-translation words not in the source)."""
    src, bt = _content(source, lang), _content(back, lang)
    src_lemmas = {fold(lemma) for _, lemma in src}
    bt_lemmas = {fold(lemma) for _, lemma in bt}
    src_folded = {fold(t.text) for t, _ in src}
    bt_folded = {fold(t.text) for t, _ in bt}
    missing = tuple(
        Moved(token, lemma, weight(lemma, lang))
        for token, lemma in src
        if not _matched(fold(lemma), fold(token.text), bt_lemmas, bt_folded)
    )
    added = tuple(
        Moved(token, lemma, weight(lemma, lang))
        for token, lemma in bt
        if not _matched(fold(lemma), fold(token.text), src_lemmas, src_folded)
    )
    return missing, added


def copied(
    moved: tuple[Moved, ...], target: str, back: str, known: Callable[[str], bool] | None = None
) -> tuple[Moved, ...]:
    """Moved back-translation words that stand, spelled the same, in the target: real words, no names.

    The engine copies a word its dictionary lacks ("chivos", "gerontologist")
    through unchanged, so it comes back in the target's own spelling: that says
    nothing about the source, only about the engine's dictionary. Two kinds of
    copied word are still evidence: a capitalized word inside a sentence (a
    name, which the engine copies by design) and, when ``known`` (the target
    language's Hunspell dictionary) is given, a word it rejects: no word of the
    language at all ("comapany", a coinage), which renders nothing of the source.
    """
    present = {fold(token.text) for token in words(target)}
    return tuple(
        m
        for m in moved
        if fold(m.token.text) in present
        and not _inside_capitalized(m.token, back)
        and (known is None or known(m.token.text))
    )


def _inside_capitalized(token: Token, text: str) -> bool:
    """A capitalized word that does not open a sentence (a name)."""
    if not token.text[:1].isupper():
        return False
    before = text[: token.start].rstrip().rstrip("\"'“”«»‘’¿¡([")
    return bool(before) and before[-1] not in ".!?:;…"


def heaviest_run(
    text: str, moved: tuple[Moved, ...], lang: str, neutral: tuple[Moved, ...] = ()
) -> tuple[float, list[Moved]]:
    """The run of moved words with the largest total weight, in text order.

    A run is broken by a content word (weight ≥ 0.5) that did survive; moved
    words scattered over a sentence are paraphrase noise, a run of them is a
    phrase that went missing (or came in). ``neutral`` words neither count nor
    break a run (words the engine copied without translating, :func:`copied`).
    """
    starts = {m.token.start: m for m in moved}
    skip = {m.token.start for m in neutral}
    best: tuple[float, list[Moved]] = (0.0, [])
    current: list[Moved] = []
    total = 0.0
    for token, lemma in _content(text, lang):
        if token.start in skip:
            continue
        if token.start in starts:
            current.append(starts[token.start])
            total += starts[token.start].weight
            if total > best[0]:
                best = (total, list(current))
        elif weight(lemma, lang) >= 0.5:
            current, total = [], 0.0
    return best
