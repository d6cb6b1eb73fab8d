"""The gazetteer data and its index: integrity, mentions, descriptors."""

from __future__ import annotations

import pycountry
import pytest

from transaudit import data
from transaudit.analysis import gazetteer as gz

ISO = {c.alpha_2 for c in pycountry.countries} | {"XK"}
LANGS = ("en", "es")


def test_group_members_are_iso_countries_with_sources() -> None:
    for gid, group in gz.groups().items():
        assert group.members, gid
        assert group.members <= ISO and group.accepted <= ISO, gid
        assert group.source, f"{gid} must say where its membership comes from"
        assert not group.members & group.accepted, gid


def test_memberships_of_the_seed_countries() -> None:
    groups = gz.groups()
    assert not groups["central_asia"].fits("IR")
    assert groups["south_asia"].fits("IR") and groups["middle_east"].fits("IR")
    assert groups["central_asia"].fits("AF") and groups["south_asia"].fits("AF")
    assert groups["central_asia"].fits("TJ") and not groups["balkans"].fits("KG")
    assert groups["sultanate"].fits("OM") and groups["gulf"].fits("KW")
    assert not groups["republic"].fits("SA") and groups["republic"].fits("IR")


@pytest.mark.parametrize("lang", LANGS)
def test_language_data_refers_to_known_ids(lang: str) -> None:
    spec = data.load("gazetteer", lang)
    world = gz.world()
    assert set(spec["cities"]) <= set(world["cities"])
    assert set(spec["people"]) <= set(world["people"])
    assert set(spec["metonyms"]) <= set(world["metonyms"])
    assert set(spec["demonyms"]) <= ISO and set(spec["countries"]) <= ISO
    for gids in [*spec["descriptors"].values(), *spec["type_nouns"].values()]:
        assert set(gids) <= set(gz.groups())


@pytest.mark.parametrize("lang", LANGS)
def test_every_city_and_person_has_a_name_in_both_languages(lang: str) -> None:
    spec = data.load("gazetteer", lang)
    world = gz.world()
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


@pytest.mark.parametrize(
    ("lang", "text", "described", "fits"),
    [
        ("en", "the landlocked Central Asian country", "Central Asian country", "TJ"),
        ("en", "the oil-rich Gulf state", "Gulf state", "KW"),
        ("en", "the Persian nation", "Persian nation", "IR"),
        ("en", "the emirate", "emirate", "QA"),
        ("en", "the Islamic Republic", "Islamic Republic", "IR"),
        ("es", "el país centroasiático", "país centroasiático", "KG"),
        ("es", "la adhesión del país persa", "país persa", "IR"),
        ("es", "el país de Asia Central", "país de Asia Central", "UZ"),
        ("es", "el pequeño emirato", "emirato", "QA"),
    ],
)
def test_descriptors(lang: str, text: str, described: str, fits: str) -> None:
    [d] = gz.gazetteer(lang).descriptors(text)
    assert d.text == described and fits in d.fits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the Central Asian countries"),
        ("en", "the Czech Republic"),
        ("en", "the Indian state of Kerala"),
        ("en", "the European Union and the Arab League"),
        ("en", "the state said"),
        ("es", "el Reino Unido"),
        ("es", "el gobierno iraní"),
        ("es", "los países centroasiáticos"),
    ],
)
def test_not_descriptors(lang: str, text: str) -> None:
    assert gz.gazetteer(lang).descriptors(text) == ()


def test_named_after_of() -> None:
    [d] = gz.gazetteer("en").descriptors("the Gulf state of Qatar")
    assert d.named == "QA"


def test_unknown_language_is_empty() -> None:
    unknown = gz.gazetteer("xx")
    assert (
        not unknown.available and unknown.mentions("Iran") == () and unknown.descriptors("the emirate") == ()
    )


def test_spelling_index_es_en() -> None:
    index = gz.spelling_index("es", "en")
    assert index["folded"]["mirziyoyev"] == "Mirziyoyev"
    assert index["skeleton"]["jurelsuj"] == "Khürelsükh"
    assert index["exonyms"]["Pekín"] == "Beijing"
    assert "Kiev" in index["exact"]


def test_fitting_descriptors_for_messages() -> None:
    words = gz.gazetteer("en").fitting_descriptors("IR")
    assert "Middle Eastern" in words and "Central Asian" not in words


def test_name_sequences_and_similarity() -> None:
    runs = gz.name_sequences("Dijo el presidente Daniel Ortega ante la Casa Blanca.", "es")
    assert [r.text for r in runs] == ["Daniel Ortega"]
    assert gz.similar_token("Zhapárov", "Sadyr Zhaparov spoke")
    assert not gz.similar_token("Ortega", "President Chabert spoke")
