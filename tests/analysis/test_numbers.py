"""Reading numbers by language convention (analysis/numbers.py); TA201-TA205 cases: cases/numbers.toml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from transaudit.analysis.numbers import locale


@pytest.mark.parametrize(
    ("lang", "raw", "values"),
    [
        ("es", "2.500", {Decimal(2500)}),
        ("es", "1,5", {Decimal("1.5")}),
        ("es", "1,400", {Decimal("1.4"), Decimal(1400)}),
        ("en", "2,500", {Decimal(2500)}),
        ("en", "2.500", {Decimal("2.5")}),
        ("es", "1.234.567,5", {Decimal("1234567.5")}),
    ],
)
def test_reading_by_convention(lang: str, raw: str, values: set[Decimal]) -> None:
    strict, _loose = locale(lang).interpret(raw)
    assert strict == values


def test_word_runs_compose() -> None:
    mentions = locale("es").mentions("Llegaron treinta y cinco personas.")
    assert [(m.text, Decimal(35) in m.values) for m in mentions] == [("treinta y cinco", True)]


def test_roman_candidates_are_the_word_bounded_pattern() -> None:
    """The letters-first pattern finds exactly what ``\\b[MDCLXVI]{2,7}\\b`` finds."""
    import random
    import re

    from transaudit.analysis.numbers import _ROMAN_CANDIDATE_RE

    plain = re.compile(r"\b[MDCLXVI]{2,7}\b")
    rng = random.Random(16)
    pieces = [*"MDCLXVIivx ,.-'\n2_é", "XIV", "MMMMMMMM", "Ⅻ", "siglo XXI", "Luis XIV."]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert [m.span() for m in _ROMAN_CANDIDATE_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_number_words_come_from_the_shared_word_view() -> None:
    """may_report's case-folded words are the regex's, read through the shared view."""
    import re

    text = "Dos MIL personas, İstanbul y 3 ½ km²; l'année deux"
    digits, named, words = locale("es").may_report(text)
    assert digits and named
    assert words == frozenset(re.findall(r"[^\W\d_]+", text.casefold()))


@pytest.mark.parametrize("lang", ["es", "en", "fr", "de"])
def test_number_pattern_opens_with_a_digit_and_finds_the_same(lang: str) -> None:
    """The digit-first number pattern finds exactly what "\\d{1,3}…|\\d+…" finds."""
    import random
    import re

    from transaudit.analysis import numbers

    loc = locale(lang)
    seps = re.escape("".join(sorted(set(loc.decimal) | set(loc.group) | set(numbers._DECIMAL_MARKS))))
    plain = re.compile(
        rf"\d{{1,3}}(?:{numbers._SPACE_GROUP}\d{{3}})+(?![\d{seps}]\d)|\d+(?:[{seps}]\d+)*"
    )
    rng = random.Random(16)
    pieces = [*"0123456789 .,·\u00a0\u202f\u2009'a-", "1 000", "20 000 000", "2.500,5", "1,234.56"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        found = [m.span() for m in loc.number_re.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)], text
