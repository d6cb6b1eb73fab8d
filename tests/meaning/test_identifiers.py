"""The identifier rule (meaning/identifiers.py) and TA515's defaults."""

from __future__ import annotations

from transaudit.engine import Engine
from transaudit.meaning.identifiers import UNLIKE, replaced_identifiers
from transaudit.settings import Settings


def _found(source: str, target: str) -> list[tuple[str, str]]:
    return [(r.text, r.source) for r in replaced_identifiers(source, target)]


def test_letters_replaced_and_number_kept() -> None:
    assert _found("casos de COVID-19", "cases of COMPLICA-19") == [("COMPLICA-19", "COVID-19")]


def test_another_number_is_another_identifier() -> None:
    assert _found("casos de COVID-19", "cases of COMPLICA-20") == []


def test_an_identifier_the_target_keeps_explains_the_new_one() -> None:
    assert _found("COVID-19 y H1N1-19", "COVID-19 and SWINE-19") == []


def test_close_spellings_are_variants_not_replacements() -> None:
    assert UNLIKE <= 50
    assert _found("Los casos de COVID-19.", "Cases of Covid-19.") == []
    assert _found("El VIH-1.", "HIV-1.") == []


def test_off_by_default() -> None:
    assert "TA515" not in {c.code for c in Engine(Settings.from_keys(backend="none")).checks}
