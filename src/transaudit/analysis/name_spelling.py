"""Target-language spellings of names, indexed for the name-spelling checks.

A pair's transliteration habits (``data/gazetteer/<src>-<tgt>.toml``: how the
source language respells names, its diacritics, its exonyms) are compiled once.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from transaudit import data
from transaudit.analysis import spelling
from transaudit.analysis.gazetteer import FAMILY, gazetteer
from transaudit.analysis.text import fold
from transaudit.analysis.tokens import TOKEN_RE
from transaudit.analysis.trie import CITY, COUNTRY, PERSON


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
    name (one or more words) of an entity whose target name differs -> target name,
    unless the target language's Hunspell dictionary accepts it as written (its own word).
    ``copied_exonyms``: those the dictionary accepts only as common words, in lower
    case ("Chine": an English "chine" is a cut of meat) -> target name; such a form
    is the source's name left untranslated only where the source writes it too.
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
            exact.update(TOKEN_RE.findall(form))
    for (kind, _entity), forms in tgt.forms.items():
        if kind not in (CITY, PERSON):
            continue
        standard_words = TOKEN_RE.findall(forms[0])
        for form in forms:
            words = TOKEN_RE.findall(form)
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
    copied: dict[str, str] = {}
    speller = spelling.speller(target_lang)
    for (kind, entity), forms in src.forms.items():
        if kind not in (CITY, COUNTRY):
            continue
        target_forms = tgt.forms.get((kind, entity))
        if not target_forms:
            continue
        for form in forms:
            if form in target_forms or form in habits["exonym_ok"] or form in exact:
                continue
            if speller is not None and all(speller.check(word) for word in TOKEN_RE.findall(form)):
                # The target language's own word or name ("Island" in English, "Seul" in
                # French, "Holland"): not a leaked exonym (Hunspell of the target decides).
                # A name the dictionary knows only as a lower-case common word ("Chine",
                # "Grenade") still names the source's place when copied from the source.
                if all(speller.check(word.lower()) for word in TOKEN_RE.findall(form)):
                    copied[form] = target_forms[0]
                continue
            exonyms[form] = target_forms[0]
    return {"exact": frozenset(exact), "folded": folded, "skeleton": skeleton, "exonyms": exonyms,
            "copied_exonyms": copied}
