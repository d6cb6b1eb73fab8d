"""Completeness checks (TA220-TA226): cases as data in cases/completeness.json."""

from __future__ import annotations

import pytest
from casetable import CaseTable

from transaudit.checks.completeness import Boilerplate, is_bare_label

CODES = ("TA220", "TA221", "TA222", "TA223", "TA224", "TA225", "TA226")
TABLE = CaseTable("completeness.json", CODES)


@TABLE.parametrize()
def test_case(case: dict) -> None:
    TABLE.check(case)


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
