"""The fast chrF and TER statistics equal sacrebleu's own, number for number."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import CHRF as Chrf
from sacrebleu.metrics import TER as Ter

from transaudit.backtranslation import metrics, scores
from transaudit.backtranslation.metrics import chrf_statistics, ter_statistics


def sacrebleu_chrf(hypothesis: str, reference: str) -> list[int]:
    return [int(value) for value in Chrf()._extract_corpus_statistics([hypothesis], [[reference]])[0]]


def sacrebleu_ter(hypothesis: str, reference: str) -> list[float]:
    return list(Ter()._extract_corpus_statistics([hypothesis], [[reference]])[0])


#: Pairs that exercise the edges: empty sides, whitespace only, shifts, a hypothesis
#: far shorter than its reference (TER's widened beam), repeated words, case,
#: more than 256 distinct characters (chrF's Counter route), a lone surrogate.
CASES = [
    ("", ""),
    ("", "El gato duerme."),
    ("El gato duerme.", ""),
    ("  \t ", "a"),
    ("a", "a"),
    ("El perro come manzanas.", "El perro come manzanas."),
    ("Manzanas come el perro.", "El perro come manzanas."),
    ("the cat sat on the mat the cat", "on the mat the cat sat the cat"),
    ("El Ministro FIRMÓ el acuerdo", "el ministro firmó el acuerdo comercial con Brasil"),
    ("one", " ".join(f"w{i}" for i in range(120))),
    (" ".join(f"w{i % 7}" for i in range(20)), " ".join(f"w{(i * 3) % 7}" for i in range(20))),
    ("".join(chr(0x4E00 + i) for i in range(300)), "".join(chr(0x4E00 + i) for i in range(0, 600, 2))),
    ("caf\udce9 au lait", "café au lait"),
    ("aaaaaaaaaa aaaa", "aaaa aaaaaaa"),
]


@pytest.mark.parametrize(("hypothesis", "reference"), CASES)
def test_edge_cases_equal_sacrebleu(hypothesis: str, reference: str) -> None:
    assert chrf_statistics(hypothesis, reference) == sacrebleu_chrf(hypothesis, reference)
    assert ter_statistics(hypothesis, reference) == sacrebleu_ter(hypothesis, reference)


#: Few distinct words, so that runs repeat and TER's shift search has work to do.
WORDS = st.sampled_from(["el", "la", "gato", "perro", "come", "duerme", "casa", "en", "de", "Gato", ",", "."])
SENTENCES = st.lists(WORDS, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SENTENCES, SENTENCES)
def test_word_sequences_equal_sacrebleu(hypothesis: str, reference: str) -> None:
    assert chrf_statistics(hypothesis, reference) == sacrebleu_chrf(hypothesis, reference)
    assert ter_statistics(hypothesis, reference) == sacrebleu_ter(hypothesis, reference)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_any_text_equals_sacrebleu(hypothesis: str, reference: str) -> None:
    assert chrf_statistics(hypothesis, reference) == sacrebleu_chrf(hypothesis, reference)
    assert ter_statistics(hypothesis, reference) == sacrebleu_ter(hypothesis, reference)


def test_scores_use_them_only_for_a_verified_sacrebleu(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another sacrebleu version may define the metrics differently: its own code then runs."""
    import sacrebleu

    pairs = [("El gato duerme en la casa.", "El gato duerme en casa."), ("Manzanas come.", "Come manzanas.")]
    scores._own_statistics.cache_clear()
    fast = scores.many_statistics(pairs)
    assert set(scores._own_statistics()) == ({scores.CHRF, scores.TER} if sacrebleu.__version__ in
                                             metrics.VERIFIED else set())
    monkeypatch.setattr(sacrebleu, "__version__", "0.0-unverified")
    scores._own_statistics.cache_clear()
    try:
        assert scores._own_statistics() == {}
        assert scores.many_statistics(pairs) == fast
    finally:
        monkeypatch.undo()
        scores._own_statistics.cache_clear()
