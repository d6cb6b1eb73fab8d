"""Capitalization checks (TA130-TA131): cases as data in cases/capitalization.toml."""

from __future__ import annotations

from casetable import CaseTable
from hypothesis import given, settings
from hypothesis import strategies as st

CODES = ("TA130", "TA131")
TABLE = CaseTable("capitalization.toml", CODES)
#: Letters, spaces and every mark these checks look at, for the property test.
ALPHABET = "aAbBeEsS yY.,;:!?¿¡…\"'“”‘’«»„‚‹›()- \u00a0\u202f\n"


@TABLE.parametrize()
def test_case(case: dict) -> None:
    TABLE.check(case)


def test_every_check_has_firing_cases_in_both_languages() -> None:
    for code in CODES:
        targets = TABLE.firing_targets(code)
        assert {"en", "es"} <= targets, code




@settings(max_examples=150, deadline=None)
@given(
    source=st.text(alphabet=ALPHABET, max_size=60),
    target=st.text(alphabet=ALPHABET, max_size=60),
    pair=st.sampled_from(["es-en", "en-es", "en-fr", "es-xx"]),
)
def test_never_raises_and_spans_match(source: str, target: str, pair: str) -> None:
    TABLE.run({"pair": pair, "source": source, "target": target})
