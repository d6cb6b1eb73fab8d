"""The shape of every data family: which keys a file may hold, and of which type.

A small schema per family, in code (keys and types, nothing more), so a typo in
a key or a number written as text is caught by the test suite
(``tests/data_files/test_schema.py``) with the file and the key named, instead of
a check quietly reading nothing. A file's *kind* comes from its name:
``en`` (a language), ``es-en`` (a pair), ``default`` (a pair family's fallback),
``iso-en`` and ``world`` (the gazetteer's generated and shared files).

Spec notation: a type (``str``, ``int``, ``bool``, :data:`NUMBER`); ``[spec]``,
a list of items of that spec (``list`` for any list); ``{"key": spec}``, a table
with only these keys (each optional); :class:`Each`, a table with any keys
whose values all match one spec.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: int or float (TOML writes 1.0 and 1 differently; both are numbers here).
NUMBER = (int, float)
WORDS = [str]


@dataclass(frozen=True)
class Each:
    """A table with free keys (country codes, words, city ids) whose values share one spec."""

    value: Any


BOILERPLATE = {"lines": WORDS, "patterns": WORDS, "truncation_words": WORDS, "labels": WORDS}
CAPITALIZATION = {"abbreviations": WORDS, "lowercase_words": WORDS, "particles": WORDS}
COVERAGE = {"addition": NUMBER, "omission": NUMBER, "min_words": int,
            "word_weight": NUMBER, "word_similarity": NUMBER, "sentence_gain": NUMBER,
            "added_gain": NUMBER}  # fmt: skip
LENGTH = {"ratio": NUMBER, "spread": NUMBER}
SIMILARITY = {"diverges": NUMBER, "diverges_mean": NUMBER, "misaligned": NUMBER, "min_words": int,
              "relative": NUMBER, "min_segments": int, "doubtful_mean": NUMBER,
              "back_fidelity": NUMBER}  # fmt: skip
NEGATION = {
    "words": WORDS, "suffixes": WORDS, "not_negation": WORDS, "prepositions": WORDS,
    "lexical": {"prefixes": WORDS, "suffixes": WORDS, "words": WORDS, "implicative": WORDS},
}  # fmt: skip
NUMBERS = {
    "decimal": WORDS, "group": WORDS, "three_digits": Each(str), "words": Each(NUMBER),
    "scales": Each(NUMBER), "months": Each(int), "idiomatic": WORDS, "month_case": str,
    "after_noon": WORDS, "hour_marks": WORDS, "connectors": WORDS, "units": Each(list),
    "decades": Each(int),
}  # fmt: skip
PUNCTUATION = {
    "extra_openers": WORDS, "continuation_marks": WORDS, "elisions": WORDS,
    "no_space_before": WORDS, "space_before": WORDS, "inverted_marks": bool,
}  # fmt: skip
REPETITION = {
    "doubled_ok": WORDS, "loop_ok": WORDS, "coordinators": WORDS, "coordination_ok": WORDS,
    "coordination_ok_patterns": WORDS, "finite_verb_endings": WORDS, "determiners": WORDS,
}  # fmt: skip
POSSESSIVES = {"open": WORDS, "marked": Each(str)}
QUOTES = {"primary": WORDS, "alternate": WORDS, "openers": WORDS, "closers": WORDS}
ROUNDTRIP = {"stopwords": WORDS}
NAMES = Each(WORDS)
GAZETTEER = {
    "grammar": {
        "articles": WORDS, "capital_of": WORDS, "demonym_heads": WORDS, "elisions": WORDS,
        "heads": WORDS, "not_fillers": WORDS, "of_words": WORDS, "place_nouns": WORDS,
        "lowercase_adjectives": bool, "max_fillers": int, "modifier_position": str,
        "region_of": str, "region_of_plural": Each(str), "region_of_by_code": Each(WORDS),
        "name_suffixes": WORDS,
    },
    "inflection": {"suffixes": [list]},
    "countries": NAMES, "demonyms": NAMES, "descriptors": NAMES, "type_nouns": NAMES,
    "cities": NAMES, "metonyms": NAMES, "people": NAMES,
    "ambiguous": {"countries": WORDS, "demonyms": WORDS},
    "common_capitalized": {"words": WORDS},
    "name_shape": {"not_name_endings": WORDS},
}  # fmt: skip
GAZETTEER_ISO = {"countries": NAMES, "descriptors": NAMES}
GAZETTEER_WORLD = {
    "groups": Each({"members": WORDS, "accepted": WORDS, "source": str, "accepted_source": str, "name": str,
                    "all_except": WORDS}),
    "cities": Each({"country": str, "capital": bool}),
    "metonyms": Each(str),
    "people": Each({"country": str}),
}  # fmt: skip
GAZETTEER_PAIR = {
    "transliteration": {"rewrites": [list], "source_diacritics": str, "markers": WORDS, "exonym_ok": WORDS}
}

#: (family, kind) → schema. Kinds: "lang", "pair", "default", "iso", "world".
SCHEMAS: dict[tuple[str, str], Any] = {
    ("boilerplate", "lang"): BOILERPLATE,
    ("capitalization", "lang"): CAPITALIZATION,
    ("coverage", "pair"): COVERAGE,
    ("coverage", "default"): COVERAGE,
    ("gazetteer", "lang"): GAZETTEER,
    ("gazetteer", "iso"): GAZETTEER_ISO,
    ("gazetteer", "world"): GAZETTEER_WORLD,
    ("gazetteer", "pair"): GAZETTEER_PAIR,
    ("length", "pair"): LENGTH,
    ("negation", "lang"): NEGATION,
    ("numbers", "lang"): NUMBERS,
    ("possessives", "lang"): POSSESSIVES,
    ("punctuation", "lang"): PUNCTUATION,
    ("quotes", "lang"): QUOTES,
    ("repetition", "lang"): REPETITION,
    ("roundtrip", "lang"): ROUNDTRIP,
    ("similarity", "pair"): SIMILARITY,
    ("similarity", "default"): SIMILARITY,
}

_LANG = re.compile(r"^[a-z]{2,3}$")
_PAIR = re.compile(r"^[a-z]{2,3}-[a-z]{2,3}$")
_ISO = re.compile(r"^iso-[a-z]{2,3}$")


def kind(stem: str) -> str | None:
    """The kind of a data file from its name (``en`` → lang, ``es-en`` → pair, …); None if unknown."""
    if _LANG.match(stem):
        return "lang"
    if _ISO.match(stem):  # before pairs: "iso-en" has a pair's shape
        return "iso"
    if _PAIR.match(stem):
        return "pair"
    return stem if stem in ("default", "world") else None


def _type_name(spec: Any) -> str:
    if spec is NUMBER:
        return "a number"
    if isinstance(spec, type):
        return {
            str: "a string",
            int: "a whole number",
            bool: "true or false",
            list: "a list",
            float: "a number",
        }.get(spec, spec.__name__)
    if isinstance(spec, list):
        return "a list"
    return "a table"


def _matches_type(spec: Any, value: Any) -> bool:
    if spec is NUMBER:
        return isinstance(value, NUMBER) and not isinstance(value, bool)
    if spec is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, spec)


def check(spec: Any, value: Any, where: str) -> list[str]:
    """Problems of ``value`` against ``spec``, each naming the key path (``where``)."""
    if isinstance(spec, Each):
        if not isinstance(value, dict):
            return [f"{where}: expected a table, not {type(value).__name__}"]
        return [p for key, item in value.items() for p in check(spec.value, item, f"{where}.{key}")]
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            return [f"{where}: expected a table, not {type(value).__name__}"]
        problems = []
        for key, item in value.items():
            name = f"{where}.{key}" if where else key
            if key not in spec:
                problems.append(f"{name}: unknown key (known: {', '.join(sorted(spec))})")
            else:
                problems.extend(check(spec[key], item, name))
        return problems
    if isinstance(spec, list):
        if not isinstance(value, list):
            return [f"{where}: expected a list, not {type(value).__name__}"]
        return [p for index, item in enumerate(value) for p in check(spec[0], item, f"{where}[{index}]")]
    if not _matches_type(spec, value):
        return [f"{where}: expected {_type_name(spec)}, not {value!r}"[:200]]
    return []


def validate(family: str, stem: str, content: dict[str, Any]) -> list[str]:
    """Problems of one parsed data file (``data/<family>/<stem>.toml``), each naming the key."""
    file_kind = kind(stem)
    if file_kind is None:
        return [f"file name {stem!r} is no language (en), pair (es-en), iso-xx, world or default"]
    spec = SCHEMAS.get((family, file_kind))
    if spec is None:
        return [f"family {family!r} has no {file_kind} files (no schema for {family}/{file_kind})"]
    return check(spec, content, "")
