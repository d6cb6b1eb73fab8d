"""Round-trip scores: sacrebleu metrics and their signatures."""

from __future__ import annotations

import pytest

from transaudit.backtranslation.scores import (
    BLEU,
    CHRF,
    TER,
    TER_MAX_WORDS,
    corpus_from_statistics,
    corpus_scores,
    scores_from_statistics,
    segment_scores,
    segment_statistics,
    signatures,
    statistics_version,
    ter_applies,
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


PAIRS = [
    ("El perro come manzanas.", "El perro come manzanas."),
    ("El gato duerme.", "El gato duerme en casa."),
    ("La ministra rechazó las conversaciones.", "El ministro firmó el acuerdo comercial con Brasil."),
    (" ".join(["palabra"] * (TER_MAX_WORDS + 5)), " ".join(["palabras"] * (TER_MAX_WORDS + 3))),
    ("", "Texto sin traducción."),
]


def test_scores_from_statistics_are_exactly_sacrebleus_own() -> None:
    """The statistics route (computed once, cached) changes no digit of any score."""
    from sacrebleu.metrics import BLEU as Bleu
    from sacrebleu.metrics import CHRF as Chrf
    from sacrebleu.metrics import TER as Ter

    for hyp, ref in PAIRS:
        stats = segment_statistics(hyp, ref)
        expected = {CHRF: Chrf().sentence_score(hyp, [ref]).score,
                    BLEU: Bleu(effective_order=True).sentence_score(hyp, [ref]).score}
        if ter_applies(hyp, ref):
            expected[TER] = Ter().sentence_score(hyp, [ref]).score
        assert scores_from_statistics(stats) == expected
    hyps, refs = [h for h, _ in PAIRS], [r for _, r in PAIRS]
    short = [(h, r) for h, r in PAIRS if ter_applies(h, r)]
    assert corpus_from_statistics([segment_statistics(h, r) for h, r in PAIRS]) == {
        CHRF: round(Chrf().corpus_score(hyps, [refs]).score, 2),
        BLEU: round(Bleu().corpus_score(hyps, [refs]).score, 2),
        TER: round(Ter().corpus_score([h for h, _ in short], [[r for _, r in short]]).score, 2),
    }


def test_statistics_version_names_every_metric_and_the_ter_limit() -> None:
    version = statistics_version()
    assert version.count("version:") == 3 and f"ter_max_words:{TER_MAX_WORDS}" in version


def test_statistics_of_many_pairs_are_each_pairs_own() -> None:
    from transaudit.backtranslation.scores import many_statistics

    long_text = " ".join(["palabra"] * 50)
    pairs = [*PAIRS, (long_text, long_text)]
    assert many_statistics(pairs) == [segment_statistics(h, r) for h, r in pairs]
    assert "TER" not in many_statistics(pairs)[-1]
    assert many_statistics([]) == []
