"""Repetition checks (TA101-TA104): cases as data in cases/repetition.toml."""

from __future__ import annotations

from casetable import CaseTable
from hypothesis import given, settings
from hypothesis import strategies as st

from transaudit.checks.repetition import scan
from transaudit.model import Article, Segment

CODES = ("TA101", "TA102", "TA103", "TA104")
TABLE = CaseTable("repetition.toml", CODES)
#: Letters, spaces and every mark these checks look at, for the property test.
ALPHABET = "aAbBeEsS yY.,;:!?¿¡…\"'“”‘’«»„‚‹›()- \u00a0\u202f\n"


@TABLE.parametrize()
def test_case(case: dict) -> None:
    TABLE.check(case)


def test_every_check_has_firing_cases_in_both_languages() -> None:
    for code in CODES:
        targets = TABLE.firing_targets(code)
        assert {"en", "es"} <= targets, code


def test_loop_is_major_when_long() -> None:
    target = "They said that " + "the talks go on " * 3 + "until May."
    segment = Segment("s1", "Dijeron que seguirán hasta mayo.", target)
    run = TABLE.engine.run(Article("t", "es", "en", [segment]))
    loops = [i for i in run.issues if i.code == "TA104"]
    assert [i.severity.value for i in loops] == ["major"]
    assert loops[0].text == ("the talks go on " * 3).strip()


def test_scan_without_language_data_still_finds_doubled_words() -> None:
    repeats = scan("ceci est est faux", "xx")
    assert [(r.kind, r.unit) for r in repeats] == [("word", "est")]


@settings(max_examples=150, deadline=None)
@given(
    source=st.text(alphabet=ALPHABET, max_size=60),
    target=st.text(alphabet=ALPHABET, max_size=60),
    pair=st.sampled_from(["es-en", "en-es", "en-fr", "es-xx"]),
)
def test_never_raises_and_spans_match(source: str, target: str, pair: str) -> None:
    TABLE.run({"pair": pair, "source": source, "target": target})
