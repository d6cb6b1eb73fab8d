"""Capitalization checks (TA130-TA131): cases as data in cases/capitalization.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article, Segment

CODES = ("TA130", "TA131")
CASES = tomllib.loads((Path(__file__).parent / "cases" / "capitalization.toml").read_text("utf-8"))["case"]
ENGINE = Engine(Settings(select=CODES, backend="none"))
#: Letters, spaces and every mark these checks look at, for the property test.
ALPHABET = "aAbBeEsS yY.,;:!?¿¡…\"'“”‘’«»„‚‹›()- \u00a0\u202f\n"


def run_case(case: dict) -> list[tuple[str, str]]:
    source_lang, target_lang = case["pair"].split("-")
    pairs = case.get("segments") or [[case["source"], case["target"]]]
    segments = [Segment(f"s{n}", source, target) for n, (source, target) in enumerate(pairs, start=1)]
    run = ENGINE.run(Article("t", source_lang, target_lang, segments))
    assert not run.errors
    for issue in run.issues:
        text = segments[int(issue.segment[1:]) - 1].text(issue.side)
        assert text[issue.start : issue.end] == issue.text
    return [(issue.code, issue.text) for issue in run.issues]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    got = run_case(case)
    for code, text in case["fire"]:
        assert (code, text) in got, f"expected {code} on {text!r}; got {got}"
    for code in case.get("silent", []):
        assert not [g for g in got if g[0] == code], f"{code} should be silent; got {got}"


def test_every_check_has_firing_cases_in_both_languages() -> None:
    for code in CODES:
        targets = {c["pair"].split("-")[1] for c in CASES if any(f[0] == code for f in c["fire"])}
        assert {"en", "es"} <= targets, code




@settings(max_examples=150, deadline=None)
@given(
    source=st.text(alphabet=ALPHABET, max_size=60),
    target=st.text(alphabet=ALPHABET, max_size=60),
    pair=st.sampled_from(["es-en", "en-es", "en-fr", "es-xx"]),
)
def test_never_raises_and_spans_match(source: str, target: str, pair: str) -> None:
    run_case({"pair": pair, "source": source, "target": target})
