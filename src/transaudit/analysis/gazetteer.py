"""The gazetteer: countries, regions, cities and people, indexed for fast lookup.

Facts that do not depend on a language (which countries a region or a type noun
fits, and where that membership comes from; a city's country) live in
``data/gazetteer/world.toml``. Everything a language says about them — country
names (``iso-<lang>.toml``, generated from pycountry's ISO 3166 catalogues by
``benchmarks/build_gazetteer.py``, plus ``<lang>.toml``), demonyms, region
adjectives, type nouns, city exonyms, spellings of people's names — lives in
``data/gazetteer/<lang>.toml``. A new language is a new data file.

Each language is indexed once (``lru_cache``) into a token trie, so scanning a
segment costs one dictionary lookup per word; scans are cached per text because
several checks read the same segment.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from transaudit import data
from transaudit.analysis.text import fold

FAMILY = "gazetteer"

#: Words without hyphens, so "US-backed" and "Moscow-Beijing" expose their names.
_TOKEN_RE = re.compile(r"\w+(?:['’](?![sS]\b)\w+)*")
_SPACE_RE = re.compile(r"\s+")

# Mention kinds.
COUNTRY = "country"
DEMONYM = "demonym"
CITY = "city"
METONYM = "metonym"
PERSON = "person"


@dataclass(frozen=True)
class Group:
    """A region or a type noun: the countries it fits and why."""

    id: str
    members: frozenset[str]
    accepted: frozenset[str]
    source: str
    accepted_source: str = ""

    def fits(self, country: str) -> bool:
        return country in self.members or country in self.accepted


@dataclass(frozen=True)
class Mention:
    """A name in the text: a country (by name or demonym), city, metonym or person.

    ``country`` is the ISO code the mention points at (a city's or a person's
    country). ``strong`` is False for mentions that only locate something
    ("Dushanbe, the capital of Tajikistan", "the Uzbek city of …") or whose
    words often mean something else ("Georgia", "Persian").
    """

    start: int
    end: int
    text: str
    kind: str
    entity: str
    country: str
    strong: bool = True


@dataclass(frozen=True)
class Descriptor:
    """A definite description of a country: "the Central Asian country", "el emirato".

    The span (``start``/``end``) covers the describing words without the
    article. ``fits`` are the countries it can describe (the intersection of its
    groups, accepted members included); ``named`` is a country named right after
    it ("the Gulf state of Qatar").
    """

    start: int
    end: int
    text: str
    groups: tuple[str, ...]
    fits: frozenset[str]
    named: str | None = None


@dataclass(frozen=True)
class _Entry:
    tokens: tuple[str, ...]
    gaps: tuple[str, ...]
    case_sensitive: bool
    kind: str
    entity: str
    country: str
    surface: str


@dataclass
class _Trie:
    by_first: dict[str, list[_Entry]] = field(default_factory=dict)

    #: First words as they can appear in text (exact, and lower/capitalized for
    #: case-insensitive entries), for a set intersection before any per-word work.
    surfaces: set[str] = field(default_factory=set)

    def add(self, entry: _Entry) -> None:
        first = entry.tokens[0]
        self.surfaces.add(first)
        if not entry.case_sensitive:
            self.surfaces.update({first.lower(), first[:1].upper() + first[1:].lower(), first.upper()})
        bucket = self.by_first.setdefault(first.casefold(), [])
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.tokens))


def _split(surface: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    matches = list(_TOKEN_RE.finditer(surface))
    tokens = tuple(m.group() for m in matches)
    gaps = tuple(_SPACE_RE.sub(" ", surface[a.end() : b.start()]) for a, b in itertools.pairwise(matches))
    return tokens, gaps


def quick_fold(word: str) -> str:
    """:func:`transaudit.analysis.text.fold`, skipping Unicode normalisation for ASCII words."""
    return word.casefold() if word.isascii() else fold(word)


def words_of(text: str) -> frozenset[str]:
    """The set of distinct words of a text (cached)."""
    return _words(text)


@lru_cache(maxsize=16384)
def _words(text: str) -> frozenset[str]:
    """The set of words of a text (cached): a cheap first filter for every lookup."""
    return frozenset(_TOKEN_RE.findall(text))


@lru_cache(maxsize=16384)
def tokenize(text: str) -> tuple[tuple[int, int, str], ...]:
    """Words (no hyphens) with offsets, the unit every gazetteer lookup uses (cached)."""
    # findall + str.find is about twice as fast as finditer; between two matches
    # there are no word characters, so find() lands on the match itself.
    tokens = []
    position = 0
    find = text.find
    for word in _TOKEN_RE.findall(text):
        start = find(word, position)
        position = start + len(word)
        tokens.append((start, position, word))
    return tuple(tokens)


def _match(entry: _Entry, tokens: Sequence[tuple[int, int, str]], i: int, text: str) -> bool:
    n = len(entry.tokens)
    if i + n > len(tokens):
        return False
    for k in range(n):
        word = tokens[i + k][2]
        want = entry.tokens[k]
        if entry.case_sensitive:
            if word != want:
                return False
        elif word.casefold() != want.casefold():
            return False
        if k and _SPACE_RE.sub(" ", text[tokens[i + k - 1][1] : tokens[i + k][0]]) != entry.gaps[k - 1]:
            return False
    return True


def inflect(word: str, rules: Sequence[Sequence[Any]]) -> list[str]:
    """The word and its other forms by the language's suffix rules (longest suffix wins)."""
    best: tuple[str, list[str]] | None = None
    for suffix, replacements in rules:
        if word.endswith(suffix) and (best is None or len(suffix) > len(best[0])):
            best = (suffix, list(replacements))
    if best is None:
        return [word]
    stem = word[: len(word) - len(best[0])]
    return [word, *(stem + replacement for replacement in best[1])]


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    return data.load(FAMILY, "world")


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Every region and type group, with ``all_except`` groups resolved."""
    raw = world().get("groups", {})
    import pycountry

    every = frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}
    result: dict[str, Group] = {}
    for gid, spec in raw.items():
        if "all_except" in spec:
            continue
        result[gid] = Group(
            gid,
            frozenset(spec.get("members", [])),
            frozenset(spec.get("accepted", [])),
            spec.get("source", ""),
            spec.get("accepted_source", ""),
        )
    for gid, spec in raw.items():
        if "all_except" not in spec:
            continue
        excluded: set[str] = set()
        for other in spec["all_except"]:
            excluded |= result[other].members | result[other].accepted
        result[gid] = Group(gid, every - excluded, frozenset(), spec.get("source", ""))
    return result


class Gazetteer:
    """One language's names and descriptors, indexed for scanning text."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        spec = data.load(FAMILY, lang)
        iso = data.load(FAMILY, f"iso-{lang}").get("countries", {})
        self.available = bool(spec)
        grammar = spec.get("grammar", {})
        self.articles = frozenset(w.casefold() for w in grammar.get("articles", []))
        self.article_surfaces = frozenset(
            form for w in self.articles for form in (w, w.capitalize(), w.upper())
        )
        self.modifier_before = grammar.get("modifier_position", "before") == "before"
        self.max_fillers = int(grammar.get("max_fillers", 2))
        self.heads = frozenset(grammar.get("heads", []))
        self.head_surfaces = frozenset(form for w in self.heads for form in (w, w.capitalize()))
        self.demonym_heads = frozenset(grammar.get("demonym_heads", []))
        self.of_words = frozenset(grammar.get("of_words", []))
        self.not_fillers = frozenset(grammar.get("not_fillers", []))
        self.place_nouns = frozenset(grammar.get("place_nouns", []))
        self.capital_of = tuple(
            sorted((p.casefold() for p in grammar.get("capital_of", [])), key=len, reverse=True)
        )
        lowercase_adjectives = bool(grammar.get("lowercase_adjectives", False))
        rules = spec.get("inflection", {}).get("suffixes", [])
        ambiguous = spec.get("ambiguous", {})
        self.ambiguous = frozenset(ambiguous.get("countries", [])) | frozenset(
            w.casefold() for w in ambiguous.get("demonyms", [])
        )
        self.names = _Trie()
        self.modifiers = _Trie()
        self.type_nouns = _Trie()
        #: Standard (first) name per country / city / person id, for messages.
        self.country_names: dict[str, str] = {}
        self.standard: dict[tuple[str, str], str] = {}
        #: Every accepted surface form of each entity, for spelling checks.
        self.forms: dict[tuple[str, str], tuple[str, ...]] = {}
        self.demonym_words: dict[str, str] = {}
        self.descriptor_words: list[tuple[str, tuple[str, ...]]] = []

        countries: dict[str, list[str]] = {}
        for code, names in spec.get("countries", {}).items():
            countries.setdefault(code, []).extend(names)
        for code, names in iso.items():
            countries.setdefault(code, []).extend(n for n in names if n not in countries[code])
        for code, names in countries.items():
            self.country_names[code] = names[0]
            self._add_entity(self.names, COUNTRY, code, code, names, case_sensitive=True)

        self.standard_demonyms: dict[str, list[str]] = {}
        for code, words in spec.get("demonyms", {}).items():
            self.standard_demonyms[code] = list(words)
            forms: list[str] = []
            for word in words:
                forms.extend(inflect(word, rules))
            for form in forms:
                self.demonym_words[form.casefold()] = code
            self._add_entity(self.names, DEMONYM, code, code, forms, case_sensitive=not lowercase_adjectives)
            self._add_entity(self.modifiers, DEMONYM, code, code, forms, case_sensitive=False)

        for city, names in spec.get("cities", {}).items():
            country = world().get("cities", {}).get(city, {}).get("country", "")
            self._add_entity(self.names, CITY, city, country, names, case_sensitive=True)
        for key, names in spec.get("metonyms", {}).items():
            self._add_entity(self.names, METONYM, key, world().get("metonyms", {}).get(key, ""), names, True)
        for person, names in spec.get("people", {}).items():
            country = world().get("people", {}).get(person, {}).get("country", "")
            self._add_entity(self.names, PERSON, person, country, names, case_sensitive=True)

        for phrase, gids in spec.get("descriptors", {}).items():
            forms = inflect(phrase, rules) if lowercase_adjectives and " " not in phrase else [phrase]
            for form in forms:
                self._add_entity(self.modifiers, "region", "+".join(gids), "", [form], case_sensitive=False)
            self.descriptor_words.append((phrase, tuple(gids)))
        for phrase, gids in spec.get("type_nouns", {}).items():
            self._add_entity(self.type_nouns, "type", "+".join(gids), "", [phrase], case_sensitive=False)
            self.descriptor_words.append((phrase, tuple(gids)))

    def _add_entity(
        self, trie: _Trie, kind: str, entity: str, country: str, names: Iterable[str], case_sensitive: bool
    ) -> None:
        names = list(dict.fromkeys(names))
        if not names:
            return
        self.standard.setdefault((kind, entity), names[0])
        self.forms[(kind, entity)] = tuple(dict.fromkeys((*self.forms.get((kind, entity), ()), *names)))
        for name in names:
            tokens, gaps = _split(name)
            if tokens:
                trie.add(_Entry(tokens, gaps, case_sensitive, kind, entity, country, name))

    # -- scanning -------------------------------------------------------------

    def _scan(self, trie: _Trie, tokens: Sequence[tuple[int, int, str]], i: int, text: str) -> _Entry | None:
        for entry in trie.by_first.get(tokens[i][2].casefold(), ()):
            if _match(entry, tokens, i, text):
                return entry
        return None

    def mentions(self, text: str) -> tuple[Mention, ...]:
        return _mentions(self.lang, text)

    def descriptors(self, text: str) -> tuple[Descriptor, ...]:
        return _descriptors(self.lang, text)

    def _find_mentions(self, text: str) -> tuple[Mention, ...]:
        hits = _words(text) & self.names.surfaces
        if not hits:
            return ()
        tokens = tokenize(text)
        firsts = self.names.by_first
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            if tokens[i][2] not in hits:
                i += 1
                continue
            bucket = firsts.get(tokens[i][2].casefold())
            entry = next((e for e in bucket if _match(e, tokens, i, text)), None) if bucket else None
            if entry is None:
                i += 1
                continue
            n = len(entry.tokens)
            if (
                entry.kind == DEMONYM
                and not entry.case_sensitive
                and tokens[i][2][:1].isupper()
                and not _sentence_initial(tokens, i, text)
            ):
                i += n  # "Comercial Mexicana": a demonym inside a name
                continue
            start, end = tokens[i][0], tokens[i + n - 1][1]
            strong = self._strong(entry, tokens, i, n, text, found)
            found.append(
                Mention(start, end, text[start:end], entry.kind, entry.entity, entry.country, strong)
            )
            i += n
        return tuple(found)

    def _strong(
        self,
        entry: _Entry,
        tokens: Sequence[tuple[int, int, str]],
        i: int,
        n: int,
        text: str,
        before: Sequence[Mention],
    ) -> bool:
        """Whether a mention can be the topic a later description refers back to."""
        if entry.kind in (CITY, METONYM, PERSON):
            return False
        if entry.surface in self.ambiguous or entry.surface.casefold() in self.ambiguous:
            return False
        if entry.kind == DEMONYM:
            neighbour = i + n if self.modifier_before else i - 1
            if 0 <= neighbour < len(tokens) and tokens[neighbour][2].casefold() in self.place_nouns:
                return False
            return True
        start = tokens[i][0]
        head = text[max(0, start - 40) : start].casefold().rstrip()
        for phrase in self.capital_of:
            if head.endswith(phrase) and (len(head) == len(phrase) or not head[-len(phrase) - 1].isalnum()):
                return False
        # "Samarkand, Uzbekistan" / "Gaziantep (Turkey)": a place located in a country.
        raw = text[max(0, start - 3) : start]
        if i and (raw.endswith(", ") or raw.endswith("(")):
            prev = tokens[i - 1]
            prev_mention = next((m for m in reversed(before) if m.end == prev[1]), None)
            if prev_mention is not None:
                return prev_mention.kind != CITY
            if prev[2][:1].isupper() and not _sentence_initial(tokens, i - 1, text):
                return False
        return True

    def _find_descriptors(self, text: str) -> tuple[Descriptor, ...]:
        if not self.articles:
            return ()
        words = _words(text)
        if not (words & self.article_surfaces) or not (
            words & self.head_surfaces or words & self.type_nouns.surfaces
        ):
            return ()
        tokens = tokenize(text)
        country_spans = [(m.start, m.end) for m in self.mentions(text) if m.kind == COUNTRY]
        found: list[Descriptor] = []
        for i, token in enumerate(tokens):
            if token[2] not in self.article_surfaces:
                continue
            described = self._describe(tokens, i + 1, text)
            if described is None:
                continue
            start, end, gids, last = described
            if any(s < end and start < e for s, e in country_spans):
                continue
            named: str | None = None
            nxt = last + 1
            if (
                nxt + 1 < len(tokens)
                and tokens[nxt][2] in self.of_words
                and _only_space(text, tokens[last], tokens[nxt])
            ):
                target = next((m for m in self.mentions(text) if m.start == tokens[nxt + 1][0]), None)
                if target is None or target.kind != COUNTRY:
                    continue
                named = target.country
            fits = _fits(gids)
            found.append(Descriptor(start, end, text[start:end], gids, fits, named))
        return tuple(found)

    def _describe(
        self, tokens: Sequence[tuple[int, int, str]], j: int, text: str
    ) -> tuple[int, int, tuple[str, ...], int] | None:
        """Match fillers, modifiers and a head (or a type noun) from token j."""
        fillers = 0
        while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j]):
            word = tokens[j][2]
            typed = self._scan(self.type_nouns, tokens, j, text)
            if typed is not None:
                n = len(typed.tokens)
                return tokens[j][0], tokens[j + n - 1][1], tuple(typed.entity.split("+")), j + n - 1
            if self.modifier_before:
                result = self._modifiers(tokens, j, text)
                if result is not None:
                    gids, k, demonym_only = result
                    if k < len(tokens) and _only_space(text, tokens[k - 1], tokens[k]):
                        head = tokens[k][2].casefold()
                        if head in (self.demonym_heads if demonym_only else self.heads):
                            return tokens[j][0], tokens[k][1], gids, k
                    return None
            elif word.casefold() in self.heads and (word.islower() or fillers == 0):
                head = word.casefold()
                if j + 1 < len(tokens) and _only_space(text, tokens[j], tokens[j + 1]):
                    result = self._modifiers(tokens, j + 1, text)
                    if result is not None:
                        gids, k, demonym_only = result
                        if not demonym_only or head in self.demonym_heads:
                            return tokens[j][0], tokens[k - 1][1], gids, k - 1
            if not word.islower() or word in self.not_fillers or fillers >= self.max_fillers:
                return None
            if self.modifier_before and word in self.heads:
                return None
            fillers += 1
            j += 1
        return None

    def _modifiers(
        self, tokens: Sequence[tuple[int, int, str]], j: int, text: str
    ) -> tuple[tuple[str, ...], int, bool] | None:
        """One or more modifiers from token j: (group ids, next token, only demonyms)."""
        gids: list[str] = []
        demonym_only = True
        k = j
        while k < len(tokens):
            if k > j and not _only_space(text, tokens[k - 1], tokens[k]):
                break
            entry = self._scan(self.modifiers, tokens, k, text)
            if entry is None:
                break
            if entry.kind == DEMONYM:
                if not self._adjective_case(entry, tokens[k][2]):
                    break
                gids.append("=" + entry.entity)
            else:
                gids.extend(entry.entity.split("+"))
                demonym_only = False
            k += len(entry.tokens)
        if not gids:
            return None
        return tuple(gids), k, demonym_only

    def _adjective_case(self, entry: _Entry, word: str) -> bool:
        # English demonyms are capitalized; Spanish ones are lower case.
        return word[:1].isupper() if self.modifier_before else word.islower()

    # -- descriptions for messages ---------------------------------------------

    def fitting_descriptors(self, country: str, limit: int = 5) -> list[str]:
        """Descriptor words of this language whose standard members include the country.

        One phrase per group (the first in the data), then the country's demonyms.
        """
        table = groups()
        found: list[str] = []
        seen: set[tuple[str, ...]] = set()
        for phrase, gids in self.descriptor_words:
            if gids in seen or not all(g in table and country in table[g].members for g in gids):
                continue
            seen.add(gids)
            found.append(phrase)
        demonyms = [w for w, code in self.demonym_words.items() if code == country]
        found.extend(self.standard_demonyms.get(country, demonyms[:1]))
        return found[:limit]

    def name(self, country: str) -> str:
        return self.country_names.get(country, country)


def _only_space(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    gap = text[left[1] : right[0]]
    return bool(gap) and gap.isspace()


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Words of one phrase: separated by spaces or a hyphen ("oil-rich")."""
    gap = text[left[1] : right[0]]
    return bool(gap) and (gap.isspace() or gap == "-")


def _sentence_initial(tokens: Sequence[tuple[int, int, str]], i: int, text: str) -> bool:
    before = text[: tokens[i][0]].rstrip(" \t\"'“‘«¿¡(")
    return not before or before[-1] in ".!?:\n"


def _fits(gids: Sequence[str]) -> frozenset[str]:
    table = groups()
    result: frozenset[str] | None = None
    for gid in gids:
        if gid.startswith("="):
            allowed = frozenset({gid[1:]})
        elif gid in table:
            allowed = table[gid].members | table[gid].accepted
        else:
            continue
        result = allowed if result is None else result & allowed
    return result if result is not None else frozenset()


@cache
def gazetteer(lang: str) -> Gazetteer:
    """The indexed gazetteer of a language (empty when the language has no data)."""
    return Gazetteer(lang)


@lru_cache(maxsize=8192)
def _mentions(lang: str, text: str) -> tuple[Mention, ...]:
    return gazetteer(lang)._find_mentions(text)


@lru_cache(maxsize=8192)
def _descriptors(lang: str, text: str) -> tuple[Descriptor, ...]:
    return gazetteer(lang)._find_descriptors(text)


def group_label(gids: Sequence[str], lang: str) -> str:
    """What a descriptor's groups are, with their source, for messages."""
    gaz = gazetteer(lang)
    table = groups()
    labels = []
    for gid in gids:
        if gid.startswith("="):
            labels.append(f"it names {gaz.name(gid[1:])}")
        elif gid in table:
            group = table[gid]
            text = f"{gid.replace('_', ' ')} is {describe_countries(group.members, lang)} ({group.source})"
            if group.accepted:
                text += (
                    f", also {describe_countries(group.accepted, lang)} ({group.accepted_source or 'usage'})"
                )
            labels.append(text)
    return "; ".join(labels)


def describe_countries(codes: Iterable[str], lang: str, limit: int = 5) -> str:
    gaz = gazetteer(lang)
    names = sorted(gaz.name(c) for c in codes)
    more = len(names) - limit
    return ", ".join(names[:limit]) + (f" and {more} more" if more > 0 else "")


@cache
def transliteration(source_lang: str, target_lang: str) -> dict[str, Any]:
    """The pair's transliteration habits (rewrites compiled once)."""
    spec = data.load(FAMILY, f"{source_lang}-{target_lang}").get("transliteration", {})
    return {
        "rewrites": tuple((re.compile(a), b) for a, b in spec.get("rewrites", [])),
        "source_diacritics": frozenset(spec.get("source_diacritics", "")),
        "markers": re.compile("|".join(spec["markers"])) if spec.get("markers") else None,
        "exonym_ok": frozenset(spec.get("exonym_ok", [])),
    }


@cache
def spelling_index(source_lang: str, target_lang: str) -> dict[str, Any]:
    """Target-language name forms indexed for spelling checks.

    ``exact``: every accepted single-word form. ``folded``: fold(word) -> the
    standard word. ``skeleton``: the source-language spelling habit applied to the
    folded standard word -> the standard word. ``exonyms``: a source-language
    name (one or more words) of an entity whose target name differs -> target name.
    """
    tgt = gazetteer(target_lang)
    src = gazetteer(source_lang)
    habits = transliteration(source_lang, target_lang)
    exact: set[str] = set()
    folded: dict[str, str] = {}
    skeleton: dict[str, str] = {}
    for (kind, _entity), forms in tgt.forms.items():
        if kind not in (CITY, PERSON, COUNTRY):
            continue
        for form in forms:
            exact.update(_TOKEN_RE.findall(form))
    for (kind, _entity), forms in tgt.forms.items():
        if kind not in (CITY, PERSON):
            continue
        standard_words = _TOKEN_RE.findall(forms[0])
        for form in forms:
            words = _TOKEN_RE.findall(form)
            aligned = standard_words if len(words) == len(standard_words) else words
            for word, std_word in zip(words, aligned, strict=True):
                key = fold(word)
                folded.setdefault(key, std_word)
                spelled = key
                for pattern, replacement in habits["rewrites"]:
                    spelled = pattern.sub(replacement, spelled)
                if spelled != key:
                    skeleton.setdefault(spelled, std_word)
    exonyms: dict[str, str] = {}
    for (kind, entity), forms in src.forms.items():
        if kind not in (CITY, COUNTRY):
            continue
        target_forms = tgt.forms.get((kind, entity))
        if not target_forms:
            continue
        for form in forms:
            if form in target_forms or form in habits["exonym_ok"] or form in exact:
                continue
            exonyms[form] = target_forms[0]
    return {"exact": frozenset(exact), "folded": folded, "skeleton": skeleton, "exonyms": exonyms}


def countries_of(mentions: Iterable[Mention], kinds: Iterable[str] | None = None) -> set[str]:
    wanted = set(kinds) if kinds is not None else None
    return {m.country for m in mentions if m.country and (wanted is None or m.kind in wanted)}


def supported(lang: str) -> bool:
    return gazetteer(lang).available


def load_all(langs: Mapping[str, Any] | Iterable[str]) -> None:
    """Warm the caches (used by benchmarks)."""
    for lang in langs:
        gazetteer(lang)


# -- people's names not in the gazetteer ------------------------------------------


@dataclass(frozen=True)
class NameRun:
    """Two or more capitalized words that look like a person's or place's name."""

    start: int
    end: int
    text: str
    words: tuple[tuple[int, int, str], ...]


@cache
def common_capitalized(lang: str) -> frozenset[str]:
    """Words that are capitalized without being names (titles, months, institutions)."""
    words = {w.casefold() for w in data.load(FAMILY, lang).get("common_capitalized", {}).get("words", [])}
    for line in data.load_text("vocabulary", lang):
        words.update(w.casefold() for w in line.split())
    return frozenset(words)


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


@lru_cache(maxsize=8192)
def name_sequences(text: str, lang: str) -> tuple[NameRun, ...]:
    """Runs of capitalized, non-common words outside short quotations.

    A run of one word counts only when it does not open a sentence and is not
    the tail of an institution's name ("Junta de Seguridad del Transporte").
    Runs with a word ending like a common noun ("Protección", "Safety") are
    dropped, and title-case lines (headlines) are skipped altogether.
    """
    if not text or not _INNER_CAPITAL_RE.search(text):
        return ()
    capitals = [(m.start(), m.end(), m.group()) for m in _CAPITAL_RE.finditer(text)]
    long_words = [w for w in _words(text) if len(w) > 3]
    if len(long_words) >= 4 and sum(1 for w in long_words if w[0].isupper()) >= 0.75 * len(long_words):
        return ()
    common = common_capitalized(lang)
    endings = _not_name_endings(lang)
    known = [(m.start, m.end) for m in gazetteer(lang).mentions(text) if m.kind != PERSON]
    quoted = (
        [(s, e) for s, e in _quoted(text) if e - s <= 60] if '"' in text or "«" in text or "“" in text else []
    )
    runs: list[NameRun] = []
    current: list[tuple[int, int, str]] = []
    for token in [*capitals, (-1, -1, "")]:
        word = token[2]
        usable = (
            len(word) >= 2
            and word[0].isupper()
            and not word.isupper()
            and word.casefold() not in common
            and not any(ch.isdigit() for ch in word)
            and not any(s <= token[0] < e for s, e in known)
        )
        if usable and current and text[current[-1][1] : token[0]] == " ":
            current.append(token)
            continue
        if current and _keep_run(current, text, quoted, endings):
            start, end = current[0][0], current[-1][1]
            runs.append(NameRun(start, end, text[start:end], tuple(current)))
        current = [token] if usable else []
    return tuple(runs)


def _keep_run(
    run: list[tuple[int, int, str]], text: str, quoted: Sequence[tuple[int, int]], endings: tuple[str, ...]
) -> bool:
    start = run[0][0]
    if any(s < start < e for s, e in quoted):
        return False
    if endings and any(w.casefold().endswith(endings) for _, _, w in run):
        return False
    if len(run) > 1:
        return True
    if len(run[0][2]) < 4:
        return False
    before = text[max(0, start - 60) : start]
    opened = before.rstrip(" \t\"'“‘«¿¡(")
    if not opened or opened[-1] in ".!?:\n":
        return False
    return not _INSTITUTION_TAIL_RE.search(before)


@cache
def _not_name_endings(lang: str) -> tuple[str, ...]:
    return tuple(data.load(FAMILY, lang).get("name_shape", {}).get("not_name_endings", []))


@lru_cache(maxsize=65536)
def _bigrams(word: str) -> frozenset[str]:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))


@lru_cache(maxsize=8192)
def _folded_words(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(every folded word, capitalized folded words of three letters or more)."""
    words = _words(text)
    every = frozenset(quick_fold(w) for w in words)
    capitalized = sorted({quick_fold(w) for w in words if w[0].isupper() and len(w) >= 3})
    return every, tuple(capitalized)


def similar_token(word: str, text: str, threshold: float = 0.7) -> bool:
    """Whether the text holds this word, or a capitalized word spelled closely (folded, fuzzy)."""
    from difflib import SequenceMatcher

    key = quick_fold(word)
    every, capitalized = _folded_words(text)
    if key in every:
        return True
    if len(key) < 4:
        return False
    grams = _bigrams(key)
    for other in capitalized:
        if abs(len(other) - len(key)) > 3 or len(grams & _bigrams(other)) < 0.4 * len(grams):
            continue
        if SequenceMatcher(None, key, other).ratio() >= threshold:
            return True
    return False
