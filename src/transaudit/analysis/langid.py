"""Seeded language identification on top of langdetect.

langdetect is random (it samples n-grams), so the factory seed is fixed and
every call gives the same answer for the same text. Its top guess is not
trusted on its own: checks ask "is this text more likely the source language
than the target language?" by comparing the two probabilities
(:func:`pair_probabilities`), and nothing is decided on very short text,
where n-gram statistics are noise (``"Real Madrid"`` or ``"No"``).

A call costs about a millisecond, so checks call it only after a cheap
vocabulary pre-filter has suggested the answer may be interesting.

This is the project's one language detector: readers guess a side's language
with :func:`side_language` (the whole side, no short-text guard), language
sanity checks use :func:`contradicting_language`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

#: Below this many letters (or words) a text is too short to identify.
MIN_LETTERS = 20
MIN_WORDS = 4

#: One random trial instead of langdetect's 7 and a capped sample: a pair
#: decision needs a clear winner, not a precise probability. On 189 sentences
#: a pre-filter sent to it, 1 trial agreed with 3 on 182 and cost half as much.
N_TRIAL = 1
MAX_CHARS = 300

_LETTER_RE = re.compile(r"[^\W\d_]")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
#: URLs, e-mail addresses, handles and hashtags say nothing about the language.
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+")


#: Profiles loaded for pair decisions besides the pair itself: loading all 55
#: of langdetect's costs about 1.5 s a process, these a fraction of that, and
#: close neighbours keep a Catalan or Galician-looking text from passing for Spanish.
PAIR_LANGUAGES = ("ca", "de", "en", "es", "fr", "it", "nl", "pt", "ro")


@cache
def _factory(languages: tuple[str, ...] | None = None) -> Any:
    """A seeded langdetect factory with all profiles, or only ``languages``."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    DetectorFactory.seed = 0
    factory = DetectorFactory()
    if languages is None:
        factory.load_profile(PROFILES_DIRECTORY)
    else:
        folder = Path(PROFILES_DIRECTORY)
        found = [folder / lang for lang in languages if (folder / lang).is_file()]
        factory.load_json_profile([path.read_text(encoding="utf-8") for path in found])
    factory.set_seed(0)
    return factory


def _pair_languages(first: str, second: str) -> tuple[str, ...]:
    return tuple(sorted({*PAIR_LANGUAGES, first, second}))


def _clean(text: str) -> str:
    return _NOISE_RE.sub(" ", text)


def long_enough(text: str, min_letters: int = MIN_LETTERS, min_words: int = MIN_WORDS) -> bool:
    """True when ``text`` has enough letters and words to identify reliably."""
    text = _clean(text)
    return len(_LETTER_RE.findall(text)) >= min_letters and len(_WORD_RE.findall(text)) >= min_words


@lru_cache(maxsize=4096)
def probabilities(text: str, languages: tuple[str, ...] | None = None) -> dict[str, float]:
    """Each language's probability for ``text`` (all of them, not only those above 0.1).

    ``languages`` limits the candidates (None: all of langdetect's). Empty when
    the text is too short or langdetect has no features for it.
    """
    if not long_enough(text):
        return {}
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(languages).create()
    detector.n_trial = N_TRIAL
    detector.append(_clean(text)[:MAX_CHARS])
    try:
        detector.get_probabilities()
    except LangDetectException:
        return {}
    if detector.langprob is None:
        return {}
    return {
        lang: prob for lang, prob in zip(detector.langlist, detector.langprob, strict=False) if prob > 1e-6
    }


def pair_probabilities(text: str, first: str, second: str) -> tuple[float, float] | None:
    """Probabilities of two languages for ``text``, or None when it is too short."""
    probs = probabilities(text, _pair_languages(first, second))
    if not probs:
        return None
    return probs.get(first, 0.0), probs.get(second, 0.0)


def is_language(text: str, lang: str, other: str, margin: float = 0.5) -> bool:
    """True when ``text`` is clearly ``lang`` rather than ``other``.

    "Clearly" means ``lang``'s probability beats ``other``'s by ``margin``;
    a short text is never clearly anything, and nothing is clear when
    langdetect has no profile for one of the two (Galician): its text would
    read as the nearest language it knows, Spanish or Portuguese.
    """
    if not (has_profile(lang) and has_profile(other)):
        return False
    pair = pair_probabilities(text, lang, other)
    if pair is None:
        return False
    return pair[0] - pair[1] >= margin


#: Characters of a side given to :func:`side_language` (langdetect reads the first 10,000).
SIDE_SAMPLE_CHARS = 20000


def side_language(texts: Sequence[str]) -> tuple[str, float] | None:
    """The most likely language of one side of an article, with its probability.

    For guessing an article's languages when the input does not say. The
    whole side is one sample, with all of langdetect's profiles and its usual
    seven trials; unlike the pair decisions there is no short-text guard (a
    one-word side still gets langdetect's best guess), so the caller decides
    how sure is sure enough. None when langdetect finds no features at all.
    """
    from langdetect.lang_detect_exception import LangDetectException

    sample = "\n".join(text for text in texts if text)[:SIDE_SAMPLE_CHARS]
    detector = _factory(None).create()
    detector.append(sample)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:
        return None
    if not guesses:
        return None
    return guesses[0].lang.split("-")[0], guesses[0].prob


#: A declared language is contradicted only by a detection at least this sure,
#: on at least this many words: langdetect's probabilities are overconfident on
#: short text (a 6-word Spanish line reads as Catalan at 0.99999). On the WMT24
#: en-es `tune` half, single segments of 20+ words were wrongly contradicted 2
#: times in 563, shorter ones 15 in 393 (benchmarks/measure_language_sanity.py).
CONTRADICTION_PROBABILITY = 0.95
CONTRADICTION_MIN_WORDS = 20


@cache
def _profiles() -> frozenset[str]:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(path.name for path in Path(PROFILES_DIRECTORY).iterdir())


def has_profile(lang: str) -> bool:
    """Can langdetect recognise ``lang`` at all (a profile of it or of one of its variants)?"""
    return any(profile.split("-")[0] == lang for profile in _profiles())


def contradicting_language(text: str, declared: str) -> tuple[str, float] | None:
    """The language ``text`` confidently reads as, when it is not ``declared``; else None.

    The guard against false alarms: nothing is said about text shorter than
    :data:`CONTRADICTION_MIN_WORDS` words, about a language langdetect has no profile for (it
    could never be detected, so every text would "contradict" it), or when the
    winner is below :data:`CONTRADICTION_PROBABILITY`. Candidates are the
    declared language and its usual neighbours (:data:`PAIR_LANGUAGES`).
    """
    # langdetect names Chinese by script (zh-cn, zh-tw): a variant counts as its language.
    variants = tuple(sorted(p for p in _profiles() if p.split("-")[0] == declared))
    if not variants or len(_WORD_RE.findall(_clean(text))) < CONTRADICTION_MIN_WORDS:
        return None
    probs = probabilities(text, tuple(sorted({*PAIR_LANGUAGES, *variants})))
    if not probs:
        return None
    lang, prob = max(probs.items(), key=lambda item: item[1])
    if lang.split("-")[0] != declared and prob >= CONTRADICTION_PROBABILITY:
        return lang.split("-")[0], prob
    return None
