"""The language data packs (boilerplate, capitalization, gazetteer, round-trip) against their sources.

Generated files must be what their generator makes from the installed
resources (pycountry, CLDR via Babel); hand-written lists are checked against
the resources their header names (CLDR month and weekday abbreviations, the
language's Hunspell dictionary), and every language pair among the seven
languages runs the families in both directions.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from functools import cache
from importlib.resources import files
from itertools import permutations
from pathlib import Path
from types import ModuleType

import pytest
from babel import Locale

from transaudit import data
from transaudit.analysis import lexicon, spelling
from transaudit.analysis.name_spelling import spelling_index
from transaudit.analysis.tokens import TOKEN_RE
from transaudit.cli.languages import pair_status

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ca", "de", "en", "es", "fr", "it", "pt")
NEW = ("ca", "de", "it", "pt")
FAMILIES = ("boilerplate", "capitalization", "gazetteer", "roundtrip")


@cache
def builder() -> ModuleType:
    path = ROOT / "benchmarks" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", LANGUAGES)
def test_regenerating_the_iso_gazetteer_changes_nothing(lang: str) -> None:
    """iso-<lang>.toml is exactly what benchmarks/build_gazetteer.py makes now."""
    generated = files("transaudit.data") / "gazetteer" / f"iso-{lang}.toml"
    assert builder().render(lang) == generated.read_text(encoding="utf-8")


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_pack_file_names_its_sources_first(family: str, lang: str) -> None:
    text = (files("transaudit.data") / family / f"{lang}.toml").read_text(encoding="utf-8")
    assert text.startswith("# "), f"{family}/{lang}.toml must open with a comment naming its sources"
    tomllib.loads(text)


def _cldr_abbreviations(lang: str) -> set[str]:
    """CLDR's abbreviated month and weekday names that end in a full stop, without it."""
    locale = Locale.parse(lang)
    names = [*locale.months["format"]["abbreviated"].values(), *locale.days["format"]["abbreviated"].values()]
    found = set()
    for name in names:
        if name.endswith("."):
            word = name.replace("’", "'").removeprefix("de ").removeprefix("d'")
            found.add(word[:-1].casefold())
    return found


@pytest.mark.parametrize("lang", NEW)
def test_capitalization_abbreviations_hold_cldrs_month_and_day_abbreviations(lang: str) -> None:
    abbreviations = {w.casefold() for w in data.load("capitalization", lang)["abbreviations"]}
    assert _cldr_abbreviations(lang) <= abbreviations


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize(
    ("family", "key"), [("capitalization", "lowercase_words"), ("roundtrip", "stopwords")]
)
def test_closed_class_words_are_words_of_the_language(lang: str, family: str, key: str) -> None:
    """Every listed function word is in the language's Hunspell dictionary, once."""
    words = data.load(family, lang)[key]
    assert len(words) == len(set(words)), f"{family}/{lang}.toml {key} repeats a word"
    speller = spelling.speller(lang)
    assert speller is not None, f"no Hunspell dictionary for {lang}"
    # Single letters glued by an apostrophe ("l'", "d'") are stored without it.
    unknown = [w for w in words if len(w) > 1 and not speller.check(w)]
    assert not unknown, unknown


def test_german_polite_pronouns_are_never_lowercase_words() -> None:
    """German capitalizes "Sie", "Ihr", "Ihnen" in polite address: never flagged mid-sentence."""
    words = set(data.load("capitalization", "de")["lowercase_words"])
    assert not words & {"sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihnen"}
    assert lexicon.capitalises_nouns("de") and not lexicon.capitalises_nouns("ca")


def test_catalan_months_are_cldrs() -> None:
    months = data.load("numbers", "ca")["months"]
    wide = Locale.parse("ca").months["format"]["wide"]
    assert {
        name.replace("’", "'").removeprefix("de ").removeprefix("d'"): number for number, name in wide.items()
    } == months


@pytest.mark.parametrize("lang", NEW)
def test_generated_region_phrases_are_cldr_names(lang: str) -> None:
    """iso-<lang>.toml's region descriptors are "<preposition> <CLDR region name>"."""
    territories = {name.replace("’", "'") for name in Locale.parse(lang).territories.values()}
    descriptors = data.load("gazetteer", f"iso-{lang}").get("descriptors", {})
    if lang == "de":
        assert not descriptors  # German describes by adjective: no phrases to generate
        return
    assert descriptors
    for phrase in descriptors:
        assert any(phrase.endswith((f" {name}", f"'{name}")) for name in territories), phrase


@pytest.mark.parametrize(("source", "target"), list(permutations(LANGUAGES, 2)))
def test_every_pair_runs_the_language_families(source: str, target: str) -> None:
    """All seven languages both ways: the families' checks run, and exonyms are the source's own names."""
    status = {s.code: s for s in pair_status(source, target)}
    for code in ("TA103", "TA130", "TA131", "TA201", "TA223", "TA301", "TA302", "TA303", "TA320"):
        assert status[code].runs, (code, status[code].why)
    speller = spelling.speller(target)
    assert speller is not None
    for form in spelling_index(source, target)["exonyms"]:
        assert not all(speller.check(word) for word in TOKEN_RE.findall(form)), form
