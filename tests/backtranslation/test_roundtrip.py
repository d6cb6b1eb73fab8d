"""Round-trip scores: sacrebleu metrics and their signatures."""

from __future__ import annotations

import pytest

from transaudit.backtranslation.scores import (
    BLEU,
    CHRF,
    TER,
    TER_MAX_WORDS,
    corpus_scores,
    segment_scores,
    signatures,
)


def test_identical_texts_score_perfectly() -> None:
    scores = segment_scores("El ministro firmó el acuerdo.", "El ministro firmó el acuerdo.")
    assert scores == {CHRF: pytest.approx(100.0), BLEU: pytest.approx(100.0), TER: pytest.approx(0.0)}


def test_a_changed_meaning_scores_lower_than_a_paraphrase() -> None:
    source = "El ministro firmó el acuerdo comercial con Brasil."
    close = segment_scores("El ministro firmó el tratado comercial con Brasil.", source)
    far = segment_scores("La ministra rechazó las conversaciones.", source)
    assert far[CHRF] < close[CHRF] < 100
    assert far[TER] > close[TER] > 0


def test_long_segments_skip_ter() -> None:
    long_text = " ".join(["palabra"] * (TER_MAX_WORDS + 1))
    assert set(segment_scores(long_text, long_text)) == {CHRF, BLEU}


def test_corpus_scores_pool_segments() -> None:
    hyps = ["El perro come manzanas.", "El gato duerme."]
    refs = ["El perro come manzanas.", "El gato duerme en casa."]
    scores = corpus_scores(hyps, refs)
    assert set(scores) == {CHRF, BLEU, TER}
    assert 0 < scores[CHRF] < 100 and scores[TER] > 0
    assert corpus_scores([], []) == {}


def test_signatures_say_how_scores_were_made() -> None:
    found = signatures()
    assert set(found) == {"segment", "corpus"}
    assert "eff:yes" in found["segment"][BLEU] and "eff:no" in found["corpus"][BLEU]
    assert all("version:" in signature for scope in found.values() for signature in scope.values())
