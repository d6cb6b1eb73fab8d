"""Number and date checks (TA201-TA205): cases as data in cases/numbers.json."""

from __future__ import annotations

from decimal import Decimal

import pytest
from casetable import CaseTable

from transaudit.checks.numbers import locale

CODES = ("TA201", "TA202", "TA203", "TA204", "TA205")
TABLE = CaseTable("numbers.json", CODES)


@TABLE.parametrize()
def test_case(case: dict) -> None:
    TABLE.check(case)


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
