"""Round-trip scores: how close a back-translation comes to the source.

sacrebleu computes them, with each metric configured once here so that every
score in a report carries the signature that says exactly how it was made.
chrF is the headline figure (robust on single sentences and to inflection);
BLEU with effective order and TER are recorded beside it. Round-trip scores
are weak evidence on one sentence: two engine errors can cancel out and a
good translation can come back paraphrased. They serve to rank segments
within an article (check TA401), never as a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

#: Keys of Segment.bt_scores and of the corpus scores.
CHRF, BLEU, TER = "chrF", "BLEU", "TER"
#: Longest segment (in words, either side) that gets a TER score.
TER_MAX_WORDS = 40


@lru_cache(maxsize=1)
def _metrics() -> dict[str, Any]:
    from sacrebleu.metrics import BLEU as Bleu
    from sacrebleu.metrics import CHRF as Chrf
    from sacrebleu.metrics import TER as Ter

    return {
        "segment": {CHRF: Chrf(), BLEU: Bleu(effective_order=True), TER: Ter()},
        "corpus": {CHRF: Chrf(), BLEU: Bleu(), TER: Ter()},
    }


def ter_applies(back_translation: str, source: str) -> bool:
    """Whether TER is computed for this pair: its shift search grows steeply with
    length (25 s for one 176-word paragraph), so long segments get chrF and BLEU only."""
    return max(len(back_translation.split()), len(source.split())) <= TER_MAX_WORDS


def segment_scores(back_translation: str, source: str) -> dict[str, float]:
    """chrF, BLEU (effective order) and, up to TER_MAX_WORDS words, TER of one back-translation."""
    scores = {}
    for name, metric in _metrics()["segment"].items():
        if name == TER and not ter_applies(back_translation, source):
            continue
        scores[name] = float(metric.sentence_score(back_translation, [source]).score)
    return scores


def corpus_scores(back_translations: Sequence[str], sources: Sequence[str]) -> dict[str, float]:
    """Article-level scores over all back-translated segments ({} when there are none).

    Corpus TER covers only the segments short enough for TER (see
    :func:`ter_applies`); it is absent when none is.
    """
    if not back_translations:
        return {}
    metrics = _metrics()["corpus"]
    hyps, refs = list(back_translations), list(sources)
    scores = {name: float(metrics[name].corpus_score(hyps, [refs]).score) for name in (CHRF, BLEU)}
    short = [(h, r) for h, r in zip(hyps, refs, strict=True) if ter_applies(h, r)]
    if short:
        scores[TER] = float(metrics[TER].corpus_score([h for h, _ in short], [[r for _, r in short]]).score)
    return {name: round(value, 2) for name, value in scores.items()}


def signatures() -> dict[str, dict[str, str]]:
    """sacrebleu signatures of the segment and corpus metrics, for the report."""
    return {
        scope: {name: str(metric.get_signature()) for name, metric in metrics.items()}
        for scope, metrics in _metrics().items()
    }
