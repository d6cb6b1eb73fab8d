"""Punctuation checks (TA110-TA118): cases as data in cases/punctuation.toml."""

from __future__ import annotations

from casetable import CaseTable
from hypothesis import given, settings
from hypothesis import strategies as st

CODES = ("TA110", "TA111", "TA112", "TA113", "TA114", "TA115", "TA116", "TA117", "TA118")
TABLE = CaseTable("punctuation.toml", CODES)
#: Letters, spaces and every mark these checks look at, for the property test.
ALPHABET = "aAbBeEsS yY.,;:!?¿¡…\"'“”‘’«»„‚‹›()- \u00a0\u202f\n"


@TABLE.parametrize()
def test_case(case: dict) -> None:
    TABLE.check(case)


#: Target languages each check must be shown firing in (¿ ¡ are wrong outside Spanish, missing outside it).
FIRING_LANGUAGES = {code: {"en", "es"} for code in CODES} | {"TA113": {"en", "fr"}, "TA114": {"es"}}


def test_every_check_has_firing_cases_in_its_languages() -> None:
    for code in CODES:
        targets = TABLE.firing_targets(code)
        assert FIRING_LANGUAGES[code] <= targets, code


@settings(max_examples=150, deadline=None)
@given(
    source=st.text(alphabet=ALPHABET, max_size=60),
    target=st.text(alphabet=ALPHABET, max_size=60),
    pair=st.sampled_from(["es-en", "en-es", "en-fr", "es-xx"]),
)
def test_never_raises_and_spans_match(source: str, target: str, pair: str) -> None:
    TABLE.run({"pair": pair, "source": source, "target": target})
