"""One language's resources, loaded once per process and handed to checks explicitly.

A :class:`LanguageResources` holds what the checks know about a language: the
data families under ``transaudit/data`` (``data/<family>/<lang>.toml``:
repetition, punctuation, capitalization, boilerplate, gazetteer, numbers, …)
and the resources found on this machine (a Hunspell dictionary through
enchant, wordfreq's frequencies). A :class:`PairResources` holds the per-pair
families (``data/length/es-en.toml``). Nothing is read until a check asks:
a run whose checks never touch the gazetteer never parses it, which keeps peak
memory down.

Checks reach them through their :class:`~transaudit.checks.base.CheckContext`
(``ctx.target``, ``ctx.source``, ``ctx.pair``), so what a check reads is
visible at the call, and a test can hand a check its own data::

    ctx = CheckContext("es", "xx", target=LanguageResources("xx", {"boilerplate": {...}}))

What a check builds from the raw data (a compiled number locale, the residue
phrases) is built once per language object with :meth:`LanguageResources.part`
and kept on it, instead of in a module-level ``lru_cache`` keyed by language
code: injected data then never mixes with the installed data.

:func:`available` answers "does this language have family X?" without
loading it (a file exists, a dictionary is installed, wordfreq lists the
language); the engine and ``transaudit languages`` use it to decide which
checks run (see :class:`~transaudit.checks.base.Need`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

from transaudit import data

T = TypeVar("T")

#: Resources outside ``transaudit/data``: Hunspell dictionaries (enchant) and wordfreq.
HUNSPELL, WORDFREQ = "hunspell", "wordfreq"
#: A back-translation of the target (the backend's, not a data family).
BACKTRANSLATION = "backtranslation"
#: Per-pair machine resources: Apertium's analysers and bilingual dictionaries both ways
#: (TA522), and those with WordNet's English antonyms on an English side (TA511).
APERTIUM_DICTIONARY, ANTONYMS = "apertium-dictionary", "antonyms"
#: WordNet's English noun hierarchy with Apertium's dictionaries both ways, into English (TA516).
SENSES = "wordnet-senses"
#: The per-pair families that are machine resources (no data file): found installed or not.
PAIR_RESOURCES = frozenset({APERTIUM_DICTIONARY, ANTONYMS, SENSES})
#: The sentence encoder's training languages (TA501/TA502; :data:`transaudit.meaning.encoder.LANGUAGES`).
SENTENCE_ENCODER = "sentence-encoder"
#: Machine resources, as ``transaudit languages`` describes them.
RESOURCE_NAMES = {
    SENTENCE_ENCODER: "sentence-encoder training",
    HUNSPELL: "Hunspell dictionary",
    WORDFREQ: "wordfreq frequencies",
    APERTIUM_DICTIONARY: "Apertium bilingual dictionary",
    ANTONYMS: "English WordNet antonyms (wordnet-base) through an Apertium English dictionary",
    SENSES: "English WordNet nouns (wordnet-base) for an English target, with Apertium dictionaries",
}


def describe(family: str) -> str:
    """How a report names a family: "gazetteer data", "Hunspell dictionary"."""
    return RESOURCE_NAMES.get(family, f"{family} data")


class _Parts:
    """Built parts of one resource object, keyed by the function that built them."""

    def __init__(self) -> None:
        self._built: dict[Callable[..., Any], Any] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {}  # built parts are rebuilt where the object lands (a Dask worker)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def get(self, build: Callable[..., T], owner: Any) -> T:
        try:
            return self._built[build]
        except KeyError:
            pass
        with self._lock:
            if build not in self._built:
                self._built[build] = build(owner)
            return self._built[build]


class LanguageResources:
    """Everything the checks read about one language, each part loaded on first use.

    ``families`` replaces installed data families (tests, or a caller with its
    own data): a family given here is the only one of that name this object
    sees, and :meth:`has` says yes for it when it is not empty.
    """

    def __init__(self, lang: str, families: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self.lang = lang
        self._given = {name: dict(value) for name, value in (families or {}).items()}
        self._parts = _Parts()

    def __repr__(self) -> str:
        given = f", given={sorted(self._given)}" if self._given else ""
        return f"LanguageResources({self.lang!r}{given})"

    def family(self, name: str) -> dict[str, Any]:
        """The raw data of one family (``data/<name>/<lang>.toml``); empty when the language has none."""
        if name in self._given:
            return self._given[name]
        return data.load(name, self.lang)

    def variant(self, name: str, prefix: str) -> dict[str, Any]:
        """A generated companion file of a family (``data/gazetteer/iso-<lang>.toml``: prefix ``iso``).

        Given families replace it too: ``{"gazetteer": {...}, "gazetteer/iso": {...}}``
        (absent: empty, so a test's own gazetteer is all this object sees).
        """
        if name in self._given or f"{name}/{prefix}" in self._given:
            return self._given.get(f"{name}/{prefix}", {})
        return data.load(name, f"{prefix}-{self.lang}")

    def lines(self, name: str) -> tuple[str, ...]:
        """A one-item-a-line family (``data/<name>/<lang>.txt``)."""
        if name in self._given:
            return tuple(self._given[name].get("lines", ()))
        return data.load_text(name, self.lang)

    def has(self, name: str) -> bool:
        """Does this language have the family (or resource), without loading it?"""
        if name in self._given:
            return bool(self._given[name])
        return available(name, self.lang)

    def part(self, build: Callable[[LanguageResources], T]) -> T:
        """``build(self)``, computed once for this object (e.g. compiled residue phrases)."""
        return self._parts.get(build, self)


class PairResources:
    """The per-pair families of a language pair (``data/<family>/<src>-<tgt>.toml``)."""

    def __init__(
        self, source: str, target: str, families: Mapping[str, Mapping[str, Any]] | None = None
    ) -> None:
        self.source, self.target = source, target
        self._given = {name: dict(value) for name, value in (families or {}).items()}
        self._parts = _Parts()

    @property
    def key(self) -> str:
        return f"{self.source}-{self.target}"

    def family(self, name: str) -> dict[str, Any]:
        """The pair's data of one family; empty when the pair has none."""
        if name in self._given:
            return self._given[name]
        return data.load(name, self.key)

    def has(self, name: str) -> bool:
        if name in self._given:
            return bool(self._given[name])
        if name == APERTIUM_DICTIONARY:
            from transaudit.meaning.insertions import lexicons

            return lexicons(self.source, self.target) is not None
        if name == ANTONYMS:
            from transaudit.meaning.opposites import available as antonyms_available

            return antonyms_available(self.source, self.target)
        if name == SENSES:
            from transaudit.meaning.substitution import available as senses_available

            return senses_available(self.source, self.target)
        return data.exists(name, self.key)

    def why_not(self, name: str) -> str | None:
        """The specific reason a machine resource is missing for this pair, when one is known.

        "no wordnet-senses for en-es" would read as a missing package when the
        reason is the pair itself (TA516 compares English senses: an English target).
        """
        if name == SENSES and name not in self._given:
            from transaudit.meaning.substitution import missing

            return missing(self.source, self.target)
        return None

    def part(self, build: Callable[[PairResources], T]) -> T:
        return self._parts.get(build, self)


_REGISTRY: dict[str, LanguageResources] = {}
_PAIRS: dict[tuple[str, str], PairResources] = {}
_REGISTRY_LOCK = threading.Lock()


def for_language(lang: str) -> LanguageResources:
    """The process's resources of ``lang`` (one object per language, so parts are built once)."""
    found = _REGISTRY.get(lang)
    if found is None:
        with _REGISTRY_LOCK:
            found = _REGISTRY.setdefault(lang, LanguageResources(lang))
    return found


def for_pair(source: str, target: str) -> PairResources:
    """The process's per-pair resources of ``source``→``target``."""
    found = _PAIRS.get((source, target))
    if found is None:
        with _REGISTRY_LOCK:
            found = _PAIRS.setdefault((source, target), PairResources(source, target))
    return found


def resolve(lang: str | LanguageResources) -> LanguageResources:
    """``lang`` itself, or the process's resources of that language code (for callers holding a code)."""
    return lang if isinstance(lang, LanguageResources) else for_language(lang)


def available(family: str, lang: str) -> bool:
    """Whether ``lang`` has ``family``: a data file, an installed dictionary, a wordfreq list."""
    if family == HUNSPELL:
        from transaudit.analysis import spelling

        return bool(spelling.varieties(lang))
    if family == WORDFREQ:
        return lang in _wordfreq_languages()
    if family == SENTENCE_ENCODER:
        from transaudit.meaning.encoder import knows

        return knows(lang)
    return data.exists(family, lang)


@cache
def _wordfreq_languages() -> frozenset[str]:
    """wordfreq's languages (its list only: the tables themselves load on first lookup)."""
    from transaudit.analysis.frequencies import word_lists

    return frozenset(word_lists())
