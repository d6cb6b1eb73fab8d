"""The gazetteer: countries, regions, cities and people, indexed for fast lookup.

Facts that do not depend on a language (which countries a region or a type noun
fits, and where that membership comes from; a city's country) live in
``data/gazetteer/world.toml``. Everything a language says about them — country
names (``iso-<lang>.toml``, generated from pycountry's ISO 3166 catalogues by
``benchmarks/build_gazetteer.py``, plus ``<lang>.toml``), demonyms, region
adjectives, type nouns, city exonyms, spellings of people's names — lives in
``data/gazetteer/<lang>.toml``. A new language is a new data file.

Each language is indexed once (kept on its ``LanguageResources``) into phrase tries
(:mod:`~transaudit.analysis.trie`), so scanning a segment costs one dictionary
lookup per word; scans are cached per text because several checks read the
same segment. Neighbours with one job each: region membership
(:mod:`~transaudit.analysis.regions`), the descriptor grammar
(:mod:`~transaudit.analysis.descriptors`), names the gazetteer does not know
(:mod:`~transaudit.analysis.name_runs`), name spellings per pair
(:mod:`~transaudit.analysis.name_spelling`) and wording for messages
(:mod:`~transaudit.analysis.place_labels`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transaudit import data
from transaudit.analysis.descriptors import Descriptor, find_descriptors
from transaudit.analysis.regions import FAMILY, world
from transaudit.analysis.resources import LanguageResources, resolve
from transaudit.analysis.tokens import Token, sentence_initial, tokenize, words_of
from transaudit.analysis.trie import (
    CITY,
    COUNTRY,
    DEMONYM,
    METONYM,
    PERSON,
    Entry,
    PhraseTrie,
    match,
    split_surface,
)
from transaudit.memo import text_cache

__all__ = [
    "CITY",
    "COUNTRY",
    "DEMONYM",
    "FAMILY",
    "METONYM",
    "PERSON",
    "Descriptor",
    "Gazetteer",
    "Mention",
    "gazetteer",
    "inflect",
    "supported",
]


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


class Gazetteer:
    """One language's names and descriptors, indexed for scanning text."""

    def __init__(self, lang: str, spec: Mapping[str, Any] | None = None,
                 iso_file: Mapping[str, Any] | None = None) -> None:
        self.lang = lang
        spec = data.load(FAMILY, lang) if spec is None else spec
        iso_file = data.load(FAMILY, f"iso-{lang}") if iso_file is None else iso_file
        iso = iso_file.get("countries", {})
        self.available = bool(spec)
        grammar = spec.get("grammar", {})
        #: Elided articles/prepositions split off the word they are glued to ("l'Iran").
        elisions = {w.casefold().replace("’", "'") for w in grammar.get("elisions", [])}
        self.elisions = tuple(sorted(elisions, key=len, reverse=True))
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
        #: Demonyms and region adjectives are written in lower case ("iranien", "iranisch").
        self.lowercase_adjectives = lowercase_adjectives
        #: Endings a country name takes in running text (German genitive "Irans").
        name_suffixes = tuple(grammar.get("name_suffixes", []))
        rules = spec.get("inflection", {}).get("suffixes", [])
        ambiguous = spec.get("ambiguous", {})
        self.ambiguous = frozenset(ambiguous.get("countries", [])) | frozenset(
            w.casefold() for w in ambiguous.get("demonyms", [])
        )
        self.names = PhraseTrie()
        self.modifiers = PhraseTrie()
        self.type_nouns = PhraseTrie()
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
            names = names + [
                name + suffix for name in names for suffix in name_suffixes if name[-1:] not in "sxzßSXZ"
            ]
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

        # Hand-written phrases first (messages suggest them first), then those generated from CLDR.
        descriptors = dict(spec.get("descriptors", {}))
        for phrase, gids in iso_file.get("descriptors", {}).items():
            descriptors.setdefault(phrase, gids)
        for phrase, gids in descriptors.items():
            forms = inflect(phrase, rules) if lowercase_adjectives and " " not in phrase else [phrase]
            for form in forms:
                self._add_entity(self.modifiers, "region", "+".join(gids), "", [form], case_sensitive=False)
            self.descriptor_words.append((phrase, tuple(gids)))
        for phrase, gids in spec.get("type_nouns", {}).items():
            self._add_entity(self.type_nouns, "type", "+".join(gids), "", [phrase], case_sensitive=False)
            self.descriptor_words.append((phrase, tuple(gids)))

    def _add_entity(
        self,
        trie: PhraseTrie,
        kind: str,
        entity: str,
        country: str,
        names: Iterable[str],
        case_sensitive: bool,
    ) -> None:
        names = list(dict.fromkeys(names))
        if not names:
            return
        self.standard.setdefault((kind, entity), names[0])
        self.forms[(kind, entity)] = tuple(dict.fromkeys((*self.forms.get((kind, entity), ()), *names)))
        for name in names:
            tokens, gaps = split_surface(name, self.elisions)
            if tokens:
                trie.add(Entry(tokens, gaps, case_sensitive, kind, entity, country, name))

    # -- scanning -------------------------------------------------------------

    def mentions(self, text: str) -> tuple[Mention, ...]:
        return _mentions(self, text)

    def descriptors(self, text: str) -> tuple[Descriptor, ...]:
        return _descriptors(self, text)

    def _find_mentions(self, text: str) -> tuple[Mention, ...]:
        words = words_of(text, self.elisions)
        hits = words & self.names.surfaces
        if hits:
            hits = self.names.live(hits, words)
        if not hits:
            return ()
        tokens = tokenize(text, self.elisions)
        firsts = self.names.by_first
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            if tokens[i][2] not in hits:
                i += 1
                continue
            bucket = firsts.get(tokens[i][2].casefold())
            entry = next((e for e in bucket if match(e, tokens, i, text)), None) if bucket else None
            if entry is None:
                i += 1
                continue
            n = len(entry.tokens)
            if (
                entry.kind == DEMONYM
                and not entry.case_sensitive
                and tokens[i][2][:1].isupper()
                and not sentence_initial(tokens, i, text)
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
        entry: Entry,
        tokens: Sequence[Token],
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
            if prev[2][:1].isupper() and not sentence_initial(tokens, i - 1, text):
                return False
        return True

    def name(self, country: str) -> str:
        return self.country_names.get(country, country)


def _build(lang: LanguageResources) -> Gazetteer:
    return Gazetteer(lang.lang, lang.family(FAMILY), lang.variant(FAMILY, "iso"))


def gazetteer(lang: str | LanguageResources) -> Gazetteer:
    """The indexed gazetteer of a language (empty without data), built once per language's resources."""
    return resolve(lang).part(_build)


@text_cache(8192, text=1, per_source=2)
def _mentions(gaz: Gazetteer, text: str) -> tuple[Mention, ...]:
    """Cached by (gazetteer, text): a pure function of both, asked by several checks per segment."""
    return gaz._find_mentions(text)


@text_cache(8192, text=1, per_source=2)
def _descriptors(gaz: Gazetteer, text: str) -> tuple[Descriptor, ...]:
    return find_descriptors(gaz, text)


def supported(lang: str) -> bool:
    return gazetteer(lang).available
