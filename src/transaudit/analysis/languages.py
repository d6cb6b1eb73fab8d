"""Language codes: one normal form for every place a language is named.

Editors pass what their CMS uses (``es-ES``, ``en_US``, ``ES``); data files and
engines are keyed by the primary ISO 639 subtag (``es``). A name that is not a
language code at all (``spanish``) is an input error rather than a silent run
with every language-specific check switched off.
"""

from __future__ import annotations

import re
from functools import cache

from transaudit import data
from transaudit.errors import InputError

_TAG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
#: Data families whose files say which languages the checks really know.
_FAMILIES = ("repetition", "punctuation", "numbers", "vocabulary", "boilerplate", "gazetteer")


@cache
def _iso639(code: str) -> str | None:
    """The ISO 639-1 code for a 639-1 or 639-3 code (639-3 when there is no 639-1)."""
    import pycountry

    language = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    if language is None:
        return None
    return getattr(language, "alpha_2", None) or language.alpha_3


def _is_iso639(code: str) -> bool:
    return _iso639(code) is not None


def normalize_language(value: str, where: str = "--source-lang/--target-lang") -> str:
    """``es-ES`` → ``es``, ``spa`` → ``es``; an unknown or malformed code raises InputError."""
    match = _TAG_RE.match(value.strip())
    code = _iso639(match.group(1).lower()) if match else None
    if code is None:
        raise InputError(where, f"unknown language code {value!r} (use ISO 639-1, e.g. es, en)")
    return code


@cache
def supported_languages() -> frozenset[str]:
    """Languages with check data in at least one family."""
    found: set[str] = set()
    for family in _FAMILIES:
        found.update(key for key in data.languages(family) if len(key) in (2, 3) and _is_iso639(key))
    return frozenset(found)
