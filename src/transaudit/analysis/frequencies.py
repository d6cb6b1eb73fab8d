"""How common a word is in a language: wordfreq's Zipf frequencies, for every language it has.

wordfreq (PyPI ``wordfreq``, data inside the wheel) counts words in subtitles,
Wikipedia, news, books and web text for 40+ languages. A Zipf frequency is
log10 of occurrences per billion words: 7 for "the", 3 for a word seen once
per million words, 0 for a word wordfreq has never seen.

The table of a language is read once, lazily, straight from wordfreq's
frequency file (one bucket per centibel, about 0.2 s a language), so a lookup
is a dict access rather than wordfreq's tokenizing ``zipf_frequency`` (about
9 µs a call). Only the words of Zipf 2.5 or more (:data:`DICT_ZIPF`: the lowest
threshold a check asks a word list for, ``at_least(2.5)``; the thresholds are
mostly 3 and 4) are kept as a dict; the rarer four fifths of the list (274,500
Spanish words) are kept packed — as text, spread by hash over 4,096 strings —
so Spanish and English together take 19.7 MiB (tracemalloc; 24.2 MiB with
the rare words' UTF-8 bytes in one string found through sorted hashes, 38 as
plain dicts), and the file is read bucket by bucket, never all at once. A
look-up of a rare word is a ``str.find`` in one of those strings (about 1.5 µs);
every value is exactly wordfreq's. No numpy is needed (16 MiB of a process).
The files are found in wordfreq's data folder without importing wordfreq
itself (its import, with ftfy, langcodes and regex, costs 16 MiB of a process's
memory for functions the checks do not call). A language wordfreq does not
know gives an empty table: every word then has frequency 0, and checks that
need frequencies find nothing rather than fail.
"""

from __future__ import annotations

import gzip
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, partial
from itertools import chain
from typing import Any

#: Zipf value of wordfreq's first bucket; bucket ``i`` holds words of Zipf ``9 - i / 100``.
_TOP_ZIPF = 9.0
#: Words at least this common are kept in a dict; rarer ones packed (see the module's docstring).
#: Not above the lowest threshold a check gives :meth:`ZipfTable.at_least` (2.5, TA140's
#: correction gain), which would otherwise build a dict of the whole table.
DICT_ZIPF = 2.5
#: Strings the rare words are spread over by hash (about 70 words, 700 characters each
#: for Spanish or English): a look-up searches one of them.
_GROUPS = 1 << 12
#: wordfreq's ``has_digit_sequence``: a digit followed by digits, points or commas.
_MULTI_DIGIT_RE = re.compile(r"\d[\d.,]+")


def _value(index: int) -> float:
    return round(_TOP_ZIPF - index / 100, 2)


#: The first bucket below :data:`DICT_ZIPF`: a rare word's bucket is stored as its distance from it.
_RARE_BASE = next(index for index in range(1000) if _value(index) < DICT_ZIPF)


class ZipfTable(Mapping[str, float]):
    """Word → Zipf frequency: a dict for the common words, packed text for the rare ones.

    A rare word is kept as ``"\\n" + word + "\\t" + one character for its bucket`` in
    one of :data:`_GROUPS` strings, chosen by the word's hash; a look-up is a
    ``str.find`` of ``"\\n" + word + "\\t"`` in its group (about 70 words). wordfreq's
    words hold no whitespace, so the key can only match a whole entry.

    Iteration follows wordfreq's buckets from the rarest, each in wordfreq's
    order (as a dict built bucket by bucket would), so a stable sort by value
    ranks tied words alphabetically. The rare words' order is not kept in
    memory: ``reread`` gives their buckets again (the file is read again) for
    the rare callers that iterate the whole table.
    """

    def __init__(
        self,
        common: dict[str, float],
        rare: Iterable[tuple[int, list[str]]],
        reread: Callable[[], Iterable[tuple[int, list[str]]]] | None = None,
    ) -> None:
        """``common``: the dict part; ``rare``: (bucket index, words), commonest bucket first,
        each index past :data:`_RARE_BASE`; ``reread``: the same buckets again (default: kept)."""
        self.common = common
        if reread is None:
            rare = kept = list(rare)
            reread = kept.__iter__
        self._reread = reread
        parts: list[list[str]] = [[] for _ in range(_GROUPS)]
        mask = _GROUPS - 1
        count = 0
        for index, words in rare:
            if index < _RARE_BASE:
                raise ValueError(f"bucket {index} is not a rare one")
            tag = "\t" + chr(index - _RARE_BASE)
            if any("\t" in word or "\n" in word for word in words):
                raise ValueError("a word with a tab or a line break")
            for word in words:
                parts[hash(word) & mask].append(word + tag)
            count += len(words)
        self._count = count
        self._groups = ["\n" + "\n".join(part) + "\n" if part else "" for part in parts]

    def _rare(self, word: str) -> int:
        """The bucket index of ``word`` among the rare words, or -1."""
        if not isinstance(word, str) or "\n" in word or "\t" in word:
            return -1
        group = self._groups[hash(word) & (_GROUPS - 1)]
        key = "\n" + word + "\t"
        at = group.find(key)
        return -1 if at < 0 else _RARE_BASE + ord(group[at + len(key)])

    def get(self, word: Any, default: Any = None) -> Any:
        value = self.common.get(word)
        if value is not None:
            return value
        index = self._rare(word)
        return default if index < 0 else _value(index)

    def __getitem__(self, word: str) -> float:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return word in self.common or self._rare(word) >= 0  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self.common) + self._count

    def __iter__(self) -> Iterator[str]:
        return chain(self._rare_words(), self.common)

    def _rare_words(self) -> Iterator[str]:
        """The rare words, rarest bucket first, each bucket in wordfreq's order."""
        for _, words in reversed(list(self._reread())):
            yield from words

    def at_least(self, min_zipf: float) -> Mapping[str, float]:
        """The words of Zipf ``min_zipf`` or more with their values (the dict, when it has them all)."""
        if min_zipf >= DICT_ZIPF:
            return self.common
        return {word: value for word, value in self.items() if value >= min_zipf}


_EMPTY = ZipfTable({}, [])


def _buckets(path: str) -> Iterator[list[str]]:
    """wordfreq's cBpack file (gzipped msgpack: a header, a word list per centibel), list by list."""
    import msgpack  # type: ignore[import-untyped]  # wordfreq's own dependency

    with gzip.open(path, "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        count = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: not a wordfreq cBpack file")
        for _ in range(count - 1):
            yield unpacker.unpack()


def _rare_buckets(path: str) -> Iterator[tuple[int, list[str]]]:
    """The (index, words) of the file's non-empty buckets below :data:`DICT_ZIPF`, commonest first."""
    for index, words in enumerate(_buckets(path)):
        if words and _value(index) < DICT_ZIPF:
            yield index, words


@cache
def word_lists() -> dict[str, str]:
    """Language → wordfreq's best frequency file for it (``large_`` over ``small_``), as
    ``wordfreq.available_languages("best")`` says, read from its data folder."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a core dependency
        return {}
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    found: dict[str, dict[str, str]] = {"small": {}, "large": {}}
    for path in sorted(folder.glob("*.msgpack.gz")):
        if path.name.startswith("_"):
            continue
        name, _, lang = path.name.split(".")[0].partition("_")
        if name in found and lang:
            found[name][lang] = str(path)
    return {**found["small"], **found["large"]}


@cache
def table(lang: str) -> ZipfTable:
    """Case-folded word → Zipf frequency in ``lang`` (empty when wordfreq lacks the language)."""
    path = word_lists().get(lang)
    if path is None:
        return _EMPTY
    words_of: dict[str, float] = {}
    common: list[tuple[int, list[str]]] = []
    buckets = enumerate(_buckets(path))
    rare: Iterator[tuple[int, list[str]]] = iter(())
    for index, words in buckets:
        if _value(index) < DICT_ZIPF:
            rare = chain([(index, words)], buckets)  # packed as they are read
            break
        if words:
            common.append((index, words))
    packed = ZipfTable(
        words_of, ((index, words) for index, words in rare if words), partial(_rare_buckets, path)
    )
    # Rarest bucket first (the order a dict built bucket by bucket has).
    for index, words in reversed(common):
        words_of.update(dict.fromkeys(words, _value(index)))
    return packed


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (case-folded; 0.0 when never seen)."""
    return table(lang).get(word.casefold(), 0.0)


def available(lang: str) -> bool:
    """Does wordfreq know this language?"""
    return bool(table(lang))


@cache
def frequent(lang: str, min_zipf: float) -> frozenset[str]:
    """The words of ``lang`` at least as common as ``min_zipf`` (3.0: once per million words)."""
    return frozenset(word for word, value in table(lang).at_least(min_zipf).items() if value >= min_zipf)


def commonest(lang: str, count: int, keep: Callable[[str], bool] = bool) -> list[str]:
    """The ``count`` commonest words of ``lang`` that ``keep`` accepts, tied words in wordfreq's
    order (alphabetical), as a stable sort of the table by falling Zipf would give.

    The dict part holds wordfreq's buckets rarest first, each in wordfreq's
    order, so it is read backwards a bucket at a time (each bucket turned back
    round): ``keep`` is asked only about the words up to the last one taken, not
    about the whole table (a heap over every word cost about a second a language).
    """
    words = table(lang)
    found: list[str] = []
    bucket: list[str] = []
    level: float | None = None
    for word, value in chain(reversed(words.common.items()), [("", -1.0)]):
        if value != level:
            found.extend(w for w in reversed(bucket) if keep(w))
            if len(found) >= count:
                return found[:count]
            bucket, level = [], value
        bucket.append(word)
    if len(found) < count:  # the dict's words run out: the rare ones follow, all less common
        rare = ((w, v) for w, v in words.items() if w not in words.common and keep(w))
        found += [w for w, _ in heapq.nlargest(count - len(found), rare, key=_second)]
    return found


def _second(item: tuple[str, float]) -> float:
    return item[1]


@cache
def top_words(lang: str, count: int) -> tuple[str, ...]:
    """The ``count`` most frequent words of ``lang``, most frequent first (empty when unknown)."""
    # wordfreq's top_n_list (which leaves out digit sequences), without loading its whole list again.
    return tuple(commonest(lang, count, lambda word: not _MULTI_DIGIT_RE.match(word)))


@cache
def alphabet(lang: str) -> str:
    """The letters of ``lang``'s common words (Zipf ≥ 4), sorted: what a one-letter slip may type."""
    return "".join(sorted({ch for ch in "".join(frequent(lang, 4.0)) if ch.isalpha()}))
