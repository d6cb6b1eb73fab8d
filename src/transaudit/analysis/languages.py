"""Language tags: the one parser for every place a language is named.

Editors pass what their CMS uses (``es-ES``, ``en_US``, ``ES``, ``spa``); data
files and engines are keyed by the primary ISO 639 subtag (``es``). A name that
is not a language code at all (``spanish``) is an input error rather than a
silent run with every language-specific check switched off. Options, file
names, glossary headers, ``eval --langs`` and the back-translation engines all
read tags through :func:`parse_tag`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transaudit import data
from transaudit.errors import InputError

_TAG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
#: Data families whose files say which languages the checks really know.
_FAMILIES = ("repetition", "punctuation", "numbers", "boilerplate", "gazetteer")


@dataclass(frozen=True)
class LanguageTag:
    """A parsed language tag: ``es-ES`` → language ``es`` (``spa``), region ``ES``."""

    #: ISO 639-1 code, or ISO 639-3 for a language without one.
    language: str
    #: ISO 639-3 code (what Apertium and NLLB name languages by).
    alpha_3: str
    #: The region subtag, upper case (``ES``, ``419``), if the tag has one.
    region: str | None = None


def _iso639_entries() -> list[dict[str, str]]:
    """pycountry's ISO 639-3 languages, read from its file (not kept: see :func:`_iso639`)."""
    import json

    import pycountry

    with open(pycountry.languages.filename, encoding="utf-8") as handle:
        entries: list[dict[str, str]] = json.load(handle)["639-3"]
    return entries


@cache
def _alpha_2() -> dict[str, tuple[str, str]]:
    """ISO 639-1 code → (it, its ISO 639-3 code): the 184 languages that have one."""
    return {e["alpha_2"].lower(): (e["alpha_2"], e["alpha_3"]) for e in _iso639_entries() if e.get("alpha_2")}


@cache
def _iso639(code: str) -> tuple[str, str] | None:
    """(ISO 639-1 or else 639-3, ISO 639-3) for a 639-1 or 639-3 code.

    The same answers as ``pycountry.languages.get`` (case-insensitive, alpha-2
    or alpha-3 by length), without keeping its database of 7,900 languages,
    which once loaded stays in a process (6 MiB): the two-letter codes are kept,
    and the file is read again for each new three-letter code.
    """
    code = code.lower()
    if len(code) == 2:
        return _alpha_2().get(code)
    for entry in _iso639_entries():
        if entry["alpha_3"].lower() == code:
            return entry.get("alpha_2") or entry["alpha_3"], entry["alpha_3"]
    return None


def _is_iso639(code: str) -> bool:
    return _iso639(code) is not None


@cache
def parse_tag(value: str) -> LanguageTag | None:
    """The language of a BCP 47-like tag (``es``, ``es-ES``, ``en_US``, ``spa``, ``zh-Hant-TW``), or None.

    The primary subtag must be an ISO 639 code; the region is the first
    two-letter or three-digit subtag after it.
    """
    match = _TAG_RE.match(value.strip())
    codes = _iso639(match.group(1).lower()) if match else None
    if codes is None:
        return None
    subtags = value.strip().replace("_", "-").split("-")[1:]
    region = next(
        (s.upper() for s in subtags if (len(s) == 2 and s.isalpha()) or (len(s) == 3 and s.isdigit())), None
    )
    return LanguageTag(codes[0], codes[1], region)


def normalize_language(value: str, where: str = "--source-lang/--target-lang") -> str:
    """``es-ES`` → ``es``, ``spa`` → ``es``; an unknown or malformed code raises InputError."""
    tag = parse_tag(value)
    if tag is None:
        raise InputError(where, f"unknown language code {value!r} (use ISO 639-1, e.g. es, en)")
    return tag.language


def parse_pair(value: str, where: str = "--langs") -> tuple[str, str]:
    """``es-en`` (or ``es_en``) → (``es``, ``en``); anything else raises InputError."""
    parts = value.strip().replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts):
        raise InputError(where, f"expected SRC-TGT, e.g. es-en (got {value!r})")
    return normalize_language(parts[0], where), normalize_language(parts[1], where)


@cache
def supported_languages() -> frozenset[str]:
    """Languages with check data in at least one family."""
    found: set[str] = set()
    for family in _FAMILIES:
        found.update(key for key in data.languages(family) if len(key) in (2, 3) and _is_iso639(key))
    return frozenset(found)
