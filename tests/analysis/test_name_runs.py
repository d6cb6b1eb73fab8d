"""Runs of capitalized words that look like names."""

from __future__ import annotations

from transaudit.analysis import name_runs


def test_name_sequences() -> None:
    runs = name_runs.name_sequences("Dijo el presidente Daniel Ortega ante la Casa Blanca.", "es")
    assert [r.text for r in runs] == ["Daniel Ortega"]
