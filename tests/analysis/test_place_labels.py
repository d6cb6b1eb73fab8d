"""How countries and groups are named in messages."""

from __future__ import annotations

from transaudit.analysis import place_labels


def test_fitting_descriptors_for_messages() -> None:
    words = place_labels.fitting_descriptors("en", "IR")
    assert "Middle Eastern" in words and "Central Asian" not in words
