"""The gazetteer data and its index: integrity, names, mentions."""

from __future__ import annotations

import pycountry
import pytest

from transaudit import data
from transaudit.analysis import gazetteer as gz
from transaudit.analysis import regions

ISO = {c.alpha_2 for c in pycountry.countries} | {"XK"}

LANGS = ("en", "es")


@pytest.mark.parametrize("lang", LANGS)
def test_language_data_refers_to_known_ids(lang: str) -> None:
    spec = data.load("gazetteer", lang)
    world = regions.world()
    assert set(spec["cities"]) <= set(world["cities"])
    assert set(spec["people"]) <= set(world["people"])
    assert set(spec["metonyms"]) <= set(world["metonyms"])
    assert set(spec["demonyms"]) <= ISO and set(spec["countries"]) <= ISO
    for gids in [*spec["descriptors"].values(), *spec["type_nouns"].values()]:
        assert set(gids) <= set(regions.groups())


@pytest.mark.parametrize("lang", LANGS)
def test_every_city_and_person_has_a_name_in_both_languages(lang: str) -> None:
    spec = data.load("gazetteer", lang)
    world = regions.world()
    assert set(world["cities"]) == set(spec["cities"])
    assert set(world["people"]) == set(spec["people"])


def test_country_names_come_from_iso_and_hand_data() -> None:
    en, es = gz.gazetteer("en"), gz.gazetteer("es")
    assert en.name("IR") == "Iran" and es.name("IR") == "Irán"
    assert es.name("KG") == "Kirguistán" and en.name("RU") == "Russia"
    assert len(en.country_names) >= 240 and len(es.country_names) >= 240


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("ruso", ["rusa", "rusos", "rusas"]),
        ("iraní", ["iraníes"]),
        ("kirguís", ["kirguisa", "kirguises"]),
        ("centroasiático", ["centroasiática"]),
    ],
)
def test_spanish_inflection(word: str, forms: list[str]) -> None:
    rules = data.load("gazetteer", "es")["inflection"]["suffixes"]
    assert set(forms) <= set(gz.inflect(word, rules))


def test_mentions_and_strength_en() -> None:
    text = "Iran applied. They met in Dushanbe, the capital of Tajikistan, near the Uzbek city of Samarkand."
    found = {(m.text, m.kind, m.country, m.strong) for m in gz.gazetteer("en").mentions(text)}
    assert ("Iran", "country", "IR", True) in found
    assert ("Tajikistan", "country", "TJ", False) in found
    assert ("Uzbek", "demonym", "UZ", False) in found
    assert ("Dushanbe", "city", "TJ", False) in found


def test_mentions_es_possessive_and_name_parts() -> None:
    es = gz.gazetteer("es")
    found = {
        (m.text, m.country, m.strong)
        for m in es.mentions("El presidente iraní y la ciudad uzbeka de Samarcanda.")
    }
    assert ("iraní", "IR", True) in found and ("uzbeka", "UZ", False) in found
    assert not [m for m in es.mentions("Ejemplos como Comercial Mexicana.") if m.kind == gz.DEMONYM]
    en = gz.gazetteer("en")
    assert [m.text for m in en.mentions("Reject Washington’s policy")] == ["Washington"]


def test_unknown_language_is_empty() -> None:
    unknown = gz.gazetteer("xx")
    assert (
        not unknown.available and unknown.mentions("Iran") == () and unknown.descriptors("the emirate") == ()
    )


def test_a_gazetteer_can_be_given_through_the_language_resources() -> None:
    """Injected data is all the gazetteer sees (no installed names, no generated ISO file)."""
    from transaudit.analysis.gazetteer import gazetteer
    from transaudit.analysis.resources import LanguageResources

    given = LanguageResources("en", {"gazetteer": {"countries": {"XK": ["Ruritania"]}}})
    gaz = gazetteer(given)
    assert gaz is gazetteer(given) and gaz.available
    assert [m.text for m in gaz.mentions("Talks in Ruritania and France.")] == ["Ruritania"]
    assert [m.text for m in gazetteer("en").mentions("Talks in Ruritania and France.")] == ["France"]
