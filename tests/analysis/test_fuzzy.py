"""Fuzzy presence of a (re-spelled) name in a text."""

from __future__ import annotations

from transaudit.analysis import fuzzy


def test_similar_token() -> None:
    assert fuzzy.similar_token("Zhapárov", "Sadyr Zhaparov spoke")
    assert not fuzzy.similar_token("Ortega", "President Chabert spoke")
