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


@lru_cache(maxsize=1)
def _metrics() -> dict[str, Any]:
    from sacrebleu.metrics import BLEU as Bleu
    from sacrebleu.metrics import CHRF as Chrf
    from sacrebleu.metrics import TER as Ter

    return {
        "segment": {CHRF: Chrf(), BLEU: Bleu(effective_order=True), TER: Ter()},
        "corpus": {CHRF: Chrf(), BLEU: Bleu(), TER: Ter()},
    }


def segment_scores(back_translation: str, source: str) -> dict[str, float]:
    """chrF, BLEU (effective order) and TER of one back-translation against its source."""
    metrics = _metrics()["segment"]
    return {
        name: float(metric.sentence_score(back_translation, [source]).score)
        for name, metric in metrics.items()
    }


def corpus_scores(back_translations: Sequence[str], sources: Sequence[str]) -> dict[str, float]:
    """Article-level scores over all back-translated segments ({} when there are none)."""
    if not back_translations:
        return {}
    metrics = _metrics()["corpus"]
    refs = [list(sources)]
    hyps = list(back_translations)
    return {name: round(float(metric.corpus_score(hyps, refs).score), 2) for name, metric in metrics.items()}


def signatures() -> dict[str, dict[str, str]]:
    """sacrebleu signatures of the segment and corpus metrics, for the report."""
    return {
        scope: {name: str(metric.get_signature()) for name, metric in metrics.items()}
        for scope, metrics in _metrics().items()
    }
