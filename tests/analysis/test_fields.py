"""Field labels: a bare label has no value after its colon."""

from __future__ import annotations

import pytest

from transaudit.analysis.fields import is_bare_label


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Date:", True),
        ("  Written by :  ", True),
        ("Date: May 3", False),
        ("Note: 3", False),
        ("A sentence.", False),
    ],
)
def test_bare_label(text: str, bare: bool) -> None:
    assert is_bare_label(text) is bare
