"""TA401 possible meaning change beyond its cases in cases/roundtrip.toml.

(Named ``test_roundtrip_check.py`` because ``tests/test_roundtrip.py`` exists
and pytest's default import mode needs unique test module names.)
"""

from __future__ import annotations

import pytest

from transaudit.checks.base import CheckContext
from transaudit.checks.roundtrip import RoundTripDivergence, missing_runs
from transaudit.model import Article, Segment


def test_silent_when_nothing_was_back_translated() -> None:
    article = Article("a", "es", "en", [Segment("p", "Fecha: 15 de septiembre de 2022", "Date:")])
    check = RoundTripDivergence()
    assert list(check.check_article(article, CheckContext("es", "en", check.option_defaults()))) == []


@pytest.mark.parametrize(
    ("source", "back", "missing"),
    [
        ("Los problemas del país", "Los problema del país", []),
        ("Firmó el acuerdo en 2022", "Firmó el acuerdo en 2021", [["2022"]]),
        ("El ministro firmó el gran acuerdo", "El ministro rechazó", [["firmó", "gran", "acuerdo"]]),
        ("Firmó el acuerdo y luego aplaudió", "Rechazó el acuerdo y luego", [["Firmó"], ["aplaudió"]]),
        ("Dushanbé y Tashkent", "Dushanbe y Taskent", [["Tashkent"]]),
    ],
)
def test_missing_runs(source: str, back: str, missing: list[list[str]]) -> None:
    stopwords = {"el", "en", "los", "del", "y"}
    runs = missing_runs(source, back, stopwords)
    assert [[token.text for token in run] for run in runs] == missing
    for run in runs:
        for token in run:
            assert source[token.start : token.end] == token.text


def test_a_span_covers_whole_written_words() -> None:
    """A run of missing words that opens on the "m" of "a.m." starts at its "a": the
    tokeniser splits abbreviations at their periods, TA401's span does not."""
    from transaudit.checks.roundtrip import snap

    source = "Opening hours are 9 a.m. to 5 p.m. daily."
    runs = missing_runs(source, "The hours are of 9.00 to 17.00 every day.", {"a", "to", "are"})
    opening = runs[-1][0].start
    assert source[opening:].startswith("m. to")  # where the split words alone would open
    start, _ = snap(source, opening, runs[-1][-1].end)
    assert source[start:].startswith("a.m.") and source[start - 1] == " "
    assert snap("U.S. troops", 2, 3) == (0, 3) and snap("at o'clock", 5, 7) == (3, 10)
    assert snap(source, 0, 7) == (0, 7)
