"""The name-spelling index of a language pair."""

from __future__ import annotations

from transaudit.analysis import name_spelling


def test_spelling_index_es_en() -> None:
    index = name_spelling.spelling_index("es", "en")
    assert index["folded"]["mirziyoyev"] == "Mirziyoyev"
    assert index["skeleton"]["jurelsuj"] == "Khürelsükh"
    assert index["exonyms"]["Pekín"] == "Beijing"
    assert "Kiev" in index["exact"]
