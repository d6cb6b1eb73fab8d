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
