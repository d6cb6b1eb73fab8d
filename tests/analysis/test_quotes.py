"""Pairing quotation marks (analysis/quotes.py); the punctuation checks' cases: cases/punctuation.toml."""

from __future__ import annotations

from transaudit.analysis.quotes import parse_quotes


def chars(pairs: tuple) -> list[str]:
    return [opener.char + closer.char for opener, closer in pairs]


def test_apostrophes_are_no_quotes() -> None:
    parse = parse_quotes("Washington’s plan, don’t “wait” now", "en")
    assert chars(parse.pairs) == ["“”"] and not parse.unclosed and not parse.orphans


def test_guillemet_closed_by_curly_quote_is_a_mismatch() -> None:
    assert chars(parse_quotes("dijo «basta” y se fue", "es").mismatches) == ["«”"]


def test_curly_opened_straight_closed_is_a_mismatch() -> None:
    assert chars(parse_quotes('He said “enough" and left.', "en").mismatches) == ['“"']


def test_unclosed_and_orphan_marks() -> None:
    parse = parse_quotes("Ended here.” Then “never closed", "en")
    assert [q.char for q in parse.orphans] == ["”"] and [q.char for q in parse.unclosed] == ["“"]


def test_spanish_continuation_guillemet_leads() -> None:
    parse = parse_quotes("» y siguió hablando.", "es")
    assert parse.leading is not None and parse.leading.char == "»"
