"""Name matching (transaudit.meaning.names)."""

from __future__ import annotations

from transaudit.meaning.names import mangled_names


def test_a_near_miss_is_reported_with_both_spellings() -> None:
    found = mangled_names(
        "El dirigente Wilfredo Choque Apaza habló ayer.",
        "The leader Wilfredo Choque Apasa spoke yesterday.",
        "es",
        "en",
    )
    assert [(m.source.text, m.target.text) for m in found] == [("Apaza", "Apasa")]


def test_transliteration_and_exonyms_are_not_misspellings() -> None:
    assert (
        mangled_names(
            "Según Nikita Jruschov, falló.", "According to Nikita Khrushchev, it failed.", "es", "en"
        )
        == ()
    )
    assert (
        mangled_names(
            "Según Mijaíl Gorbachov, falló.", "According to Mikhail Gorbachev, it failed.", "es", "en"
        )
        == ()
    )


def test_a_hyphen_more_or_less_is_the_same_spelling() -> None:
    assert mangled_names(
        "It turns out even iMessage over WiFi does not work for Greggs staff.",
        "Resulta que ni iMessage por Wi-Fi funciona para el personal de Greggs.",
        "en",
        "es",
    ) == ()
