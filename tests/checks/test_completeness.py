"""Completeness checks (TA220-TA226) beyond their cases in cases/completeness.toml."""

from __future__ import annotations

import pytest

from transaudit.checks.completeness import Boilerplate, is_bare_label


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


def test_boilerplate_matches_whole_lines_only() -> None:
    residue = Boilerplate({"lines": ["Read more"], "patterns": ["we use cookies\\b.*"]})
    assert residue.matches("READ MORE »")
    assert residue.matches("We use cookies on this site.")
    assert not residue.matches("Read more about the plan in our report.")
