"""Is a word spelled right in a language? Hunspell dictionaries through pyenchant.

A language is served by every installed dictionary of its main varieties:
English accepts en_US and en_GB spellings ("color", "colour"), Spanish the
dictionary of Spain and those of the Americas, Portuguese pt_PT and pt_BR —
an editor is not told that a correct spelling of another variety is wrong.
A configured list of dictionary tags (``[spelling] varieties``) narrows this.

Dictionaries are opened once per language, lazily, and a file only once:
Debian installs the Spanish of twenty countries as links to one es_ES
dictionary (and German's de_BE, de_LU as links to de_DE), and opening each
link would hold twenty copies of the same ~9 MiB dictionary and ask each of
them about every unknown word. The answers are memoised
per word (a news article repeats its words, and Hunspell takes ~20 µs a
lookup). A language without an installed dictionary (or a machine without
libenchant) gives ``None`` from :func:`speller`: the caller says so once and
skips, it never crashes.

Debian packages: ``libenchant-2-2`` and ``hunspell-<lang>`` (see the Makefile).
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any


def _enchant() -> Any | None:
    try:
        import enchant
    except (ImportError, OSError):  # pyenchant missing, or libenchant not installed
        return None
    return enchant


@cache
def installed() -> tuple[str, ...]:
    """Dictionary tags enchant can open here (``en_US``, ``es_MX``, …), sorted."""
    enchant = _enchant()
    if enchant is None:
        return ()
    try:
        return tuple(sorted(enchant.list_languages()))
    except Exception:  # a broken enchant set-up means no dictionaries
        return ()


@cache
def varieties(lang: str) -> tuple[str, ...]:
    """The installed dictionaries of ``lang``'s varieties: ``es`` → es_ES, es_MX, …

    Every regional dictionary of the language counts as a main variety; the bare
    tag (``en``, ``fr``) is used only when no regional one is installed, since it
    is usually an alias of one of them.
    """
    tags = installed()
    regional = tuple(tag for tag in tags if tag.split("_")[0] == lang and "_" in tag)
    if regional:
        return regional
    return (lang,) if lang in tags else ()


class Speller:
    """One language's dictionaries, asked together: a word is right if any accepts it."""

    def __init__(
        self, lang: str, tags: Sequence[str], dictionaries: Sequence[Any], served: Sequence[str] = ()
    ) -> None:
        """``dictionaries`` opened under ``tags`` (aligned); ``served``: every variety they
        answer for, links to the same files included (default: ``tags``)."""
        self.lang = lang
        self.tags = tuple(tags)
        self._dicts = tuple(dictionaries)
        self._known: dict[str, bool] = {}
        self._main_known: dict[str, bool] = {}
        self._suggestions: dict[str, tuple[str, ...]] = {}
        main = _main_variety(lang)
        self._main = self.tags.index(main) if main in self.tags else 0
        # The main variety first: most words are settled by one dictionary.
        if self._main:
            order = [self._main, *(i for i in range(len(self._dicts)) if i != self._main)]
            self._dicts = tuple(self._dicts[i] for i in order)
            self.tags = tuple(self.tags[i] for i in order)
            self._main = 0
        #: Every variety answered for (es_MX is served by es_ES's files on Debian).
        self.served = tuple(served) or self.tags

    def check(self, word: str) -> bool:
        """True when some variety's dictionary accepts ``word`` as written."""
        known = self._known.get(word)
        if known is None:
            known = any(d.check(word) for d in self._dicts)
            self._known[word] = known
        return known

    def check_main(self, word: str) -> bool:
        """True when the main variety's dictionary accepts ``word`` (one look-up, for a first sift)."""
        known = self._known.get(word)
        if known is not None:
            return known
        known = self._main_known.get(word)
        if known is None:
            known = bool(self._dicts[0].check(word))
            self._main_known[word] = known
        return known

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Corrections proposed by the main variety's dictionary (memoised).

        Hunspell's suggestion search takes milliseconds a word per dictionary, so
        only the language's main variety is asked (CLDR's likely region: en_US,
        es_ES, pt_BR); the other varieties only widen what is accepted.
        """
        known = self._suggestions.get(word)
        if known is None:
            known = tuple(self._dicts[self._main].suggest(word))[:limit]
            self._suggestions[word] = known
        return list(known)


def _main_variety(lang: str) -> str:
    """``lang`` with its most likely region (CLDR likely subtags via Babel): es → es_ES."""
    try:
        from babel.core import get_global

        likely = str(get_global("likely_subtags").get(lang, ""))
    except Exception:  # Babel missing or its data unreadable: no preference
        return lang
    region = likely.split("_")[-1] if likely.count("_") >= 1 else ""
    return f"{lang}_{region}" if region.isupper() else lang


def _search_dirs() -> list[Path]:
    """Where enchant's Hunspell provider looks for dictionaries (user's first)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    data = (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    dirs = [Path(config) / "enchant" / "hunspell"]
    dirs += [Path(root) / name for root in data if root for name in ("hunspell", "myspell")]
    return [*dirs, Path("/usr/share/myspell/dicts")]


def dictionary_file(tag: str) -> str:
    """The real path of ``tag``'s Hunspell files, or the tag itself when they are not found.

    Two tags with the same files are one dictionary (a link such as
    es_MX.dic → es_ES.dic); a tag found nowhere is never merged with another.
    """
    for folder in _search_dirs():
        dic, aff = folder / f"{tag}.dic", folder / f"{tag}.aff"
        if dic.is_file() and aff.is_file():
            return f"{dic.resolve()}|{aff.resolve()}"
    return tag


@cache
def _speller(lang: str, tags: tuple[str, ...]) -> Speller | None:
    enchant = _enchant()
    if enchant is None or not tags:
        return None
    dictionaries = []
    opened = []
    files: set[str] = set()
    main = _main_variety(lang)
    for tag in sorted(tags, key=lambda tag: tag != main):  # the main variety opens its file
        if tag not in installed():
            continue  # enchant would quietly fall back to another variety
        file = dictionary_file(tag)
        if file in files:
            continue  # the same dictionary under another variety's name
        try:
            dictionaries.append(enchant.Dict(tag))
        except Exception:  # enchant raises its own errors for a missing dictionary
            continue
        opened.append(tag)
        files.add(file)
    served = tuple(tag for tag in tags if tag in installed() and dictionary_file(tag) in files)
    return Speller(lang, opened, dictionaries, served) if dictionaries else None


def speller(lang: str, tags: Iterable[str] | None = None) -> Speller | None:
    """The speller of ``lang`` (all its installed varieties, or ``tags``), None if none is installed."""
    chosen = tuple(tags) if tags else varieties(lang)
    return _speller(lang, chosen)


#: A word's reversal, at C speed (no Python frame per call): the sort and search key of
#: the words ordered by their endings.
_REVERSED = itemgetter(slice(None, None, -1))
#: Above every character: ``prefix + _TOP`` bounds the words that start with ``prefix``.
_TOP = "\U0010ffff"


class Neighbours:
    """The words of a frequency list one slip from a word (Damerau: a letter dropped, added,
    changed, or two neighbours swapped).

    The definition is :meth:`_from_edits`: spell out a word's ~600 edits and look
    each up (about a quarter of a millisecond a word). The search used after the
    first :data:`INDEX_AFTER` words finds the same words with a few binary
    searches in the listed words sorted by length, once by their beginnings and
    once by their endings (two lists of references, 1 MiB for Spanish's 67,000
    words of Zipf 2.5 or more, built in under a tenth of a second):

    * a dropped letter or two letters swapped gives ``n - 1`` and ``n - 1``
      strings, looked up directly;
    * a letter changed at ``i`` keeps the word's first ``i`` letters and its last
      ``n - i - 1``, a letter added at ``i`` its first ``i`` and last ``n - i``:
      whichever part is longer (half the word or more) is a beginning or an
      ending the candidate shares, so the candidates are the words of length
      ``n`` (``n + 1``) in one range of one sorted list, checked letter by
      letter. The ranges of one side are nested (the beginning ``q[:i + 1]``
      narrows ``q[:i]``'s range), so each is searched inside the last, and the
      first empty one ends that side: most words stop after a handful of
      searches. A range wider than the alphabet falls back to spelling out that
      one position's edits.
    """

    #: Searches spelled out before the sorted lists are built (about the lists' own cost).
    INDEX_AFTER = 300

    def __init__(self, words: Mapping[str, float], min_zipf: float, alphabet: str) -> None:
        """``words``: word → Zipf; only those of ``min_zipf`` or more are found. A letter
        added or changed must be one of ``alphabet`` (the language's own letters)."""
        self._words = words
        self._min = min_zipf
        self._alphabet = alphabet
        self._letters = frozenset(alphabet)
        self._searches = 0
        self._index: tuple[dict[int, list[str]], dict[int, list[str]]] | None = None

    def find(self, word: str) -> set[str]:
        """The listed words (Zipf ≥ the minimum) one slip from ``word``, ``word`` itself left out."""
        self._searches += 1
        if self._index is None and self._searches > self.INDEX_AFTER:
            self._index = self._build()
        found = self._from_index(word) if self._index is not None else self._from_edits(word)
        found.discard(word)
        return found

    def _from_edits(self, word: str) -> set[str]:
        """Each batch of edits is filtered as it is made (the ~600 edits are never held together)."""
        n, letters, words = len(word), self._alphabet, self._words
        keep = words.__contains__
        found = set(filter(keep, [word[:i] + word[i + 1 :] for i in range(n)]))
        found.update(filter(keep, [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)]))
        for i in range(n + 1):
            head, tail = word[:i], word[i:]
            if i < n:
                rest = word[i + 1 :]
                found.update(filter(keep, [head + c + rest for c in letters]))
            found.update(filter(keep, [head + c + tail for c in letters]))
        return {candidate for candidate in found if words[candidate] >= self._min}

    def _build(self) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        """The listed words by length, sorted by their beginnings and by their endings."""
        by_length: dict[int, list[str]] = {}
        for word, value in self._words.items():
            if value >= self._min:
                by_length.setdefault(len(word), []).append(word)
        forward = {length: sorted(words) for length, words in by_length.items()}
        backward = {length: sorted(words, key=_REVERSED) for length, words in by_length.items()}
        return forward, backward

    def _from_index(self, word: str) -> set[str]:
        assert self._index is not None
        forward, backward = self._index
        n, words = len(word), self._words
        keep = words.__contains__
        found = set(filter(keep, [word[:i] + word[i + 1 :] for i in range(n)]))
        found.update(filter(keep, [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)]))
        for length, kept in ((n, 1), (n + 1, 0)):  # a letter changed (one kept out), or added
            if length in forward:
                self._by_beginnings(word, kept, forward[length], found)
                self._by_endings(word, kept, backward[length], found)
        return {candidate for candidate in found if words[candidate] >= self._min}

    def _by_beginnings(self, word: str, skip: int, ordered: list[str], found: set[str]) -> None:
        """Candidates ``word[:i] + c + word[i + skip:]`` whose beginning is the longer part.

        ``ordered``: the listed words of the candidates' length, sorted.
        """
        n, letters, wide = len(word), self._letters, len(self._alphabet)
        lo, hi = 0, len(ordered)
        for i in range((n - skip + 1) // 2, n - skip + 1):
            head = word[:i]
            lo = bisect_left(ordered, head, lo, hi)
            if lo == hi or not ordered[lo].startswith(head):
                return  # no word starts so: nor with any longer beginning of ``word``
            hi = bisect_left(ordered, head + _TOP, lo, hi)
            while hi < len(ordered) and ordered[hi].startswith(head):
                hi += 1  # a word with the top character itself after ``head`` (never in practice)
            tail = word[i + skip :]
            if hi - lo > wide:
                found.update(filter(self._words.__contains__, [head + c + tail for c in self._alphabet]))
            else:
                found.update(w for w in ordered[lo:hi] if w.endswith(tail) and w[i] in letters)

    def _by_endings(self, word: str, skip: int, ordered: list[str], found: set[str]) -> None:
        """Candidates ``word[:i] + c + word[i + skip:]`` whose ending is the longer part.

        ``ordered``: the listed words of the candidates' length, sorted by their reversal.
        """
        n, letters, wide = len(word), self._letters, len(self._alphabet)
        backwards = word[::-1]
        lo, hi = 0, len(ordered)
        for i in range((n - skip + 1) // 2 - 1, -1, -1):
            ending = backwards[: n - i - skip]
            lo = bisect_left(ordered, ending, lo, hi, key=_REVERSED)
            if lo == hi or not _REVERSED(ordered[lo]).startswith(ending):
                return  # no word ends so: nor with any longer ending of ``word``
            hi = bisect_left(ordered, ending + _TOP, lo, hi, key=_REVERSED)
            while hi < len(ordered) and _REVERSED(ordered[hi]).startswith(ending):
                hi += 1
            head = word[:i]
            if hi - lo > wide:
                tail = word[i + skip :]
                found.update(filter(self._words.__contains__, [head + c + tail for c in self._alphabet]))
            else:
                found.update(w for w in ordered[lo:hi] if w.startswith(head) and w[i] in letters)


#: A derivation Hunspell lacks is a known word of six letters or more behind a
#: prefix of at most four ("de-structuring", "re-ubicaciones", "co-gestión").
PREFIX_MAX, STEM_MIN = 4, 6


def prefixed(word: str, speller: Speller) -> bool:
    """Is ``word`` a known word of six letters or more behind a prefix of at most four?"""
    return any(speller.check(word[k:]) for k in range(1, PREFIX_MAX + 1) if len(word) - k >= STEM_MIN)
