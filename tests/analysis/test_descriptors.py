"""Definite descriptions of countries, in English and Spanish."""

from __future__ import annotations

import pytest

from transaudit.analysis import gazetteer as gz


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
