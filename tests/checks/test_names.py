"""Name-spelling checks (TA320, TA321) beyond their cases in cases/names.toml."""

from __future__ import annotations

from transaudit.checks import get_check
from transaudit.model import Category


def test_locale_category() -> None:
    assert get_check("TA320").category == Category.LOCALE_NAME
    assert get_check("TA321").category == Category.LOCALE_NAME
