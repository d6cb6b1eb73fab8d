"""Round-trip scores: how close a back-translation comes to the source.

sacrebleu defines them, with each metric configured once here so that every
score in a report carries the signature that says exactly how it was made
(chrF and TER statistics are computed by :mod:`metrics`, sacrebleu's algorithms
without their Python overheads: the same numbers, verified against sacrebleu).
chrF is the headline figure (robust on single sentences and to inflection);
BLEU with effective order and TER are recorded beside it. Round-trip scores
are weak evidence on one sentence: two engine errors can cancel out and a
good translation can come back paraphrased. They serve to rank segments
within an article (check TA401), never as a verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

    metrics = {
        "segment": {CHRF: Chrf(), BLEU: Bleu(effective_order=True), TER: Ter()},
        "corpus": {CHRF: Chrf(), BLEU: Bleu(), TER: Ter()},
    }
    # Scores come from statistics (below), which never sets a metric's reference
    # count; sacrebleu gives a signature only once it is known, so score a trivial
    # pair once: every signature then reads as after real one-reference scoring.
    for group in metrics.values():
        for metric in group.values():
            metric.corpus_score(["a"], [["a"]])
    return metrics


def ter_applies(back_translation: str, source: str) -> bool:
    """Whether TER is computed for this pair: its shift search grows steeply with
    length (25 s for one 176-word paragraph), so long segments get chrF and BLEU only."""
    return max(len(back_translation.split()), len(source.split())) <= TER_MAX_WORDS


#: One segment's sufficient statistics, by metric (sacrebleu's own lists):
#: enough to give its score and, summed with others, the corpus score.
Statistics = dict[str, list[float]]


def segment_statistics(back_translation: str, source: str) -> Statistics:
    """sacrebleu's per-segment statistics for chrF, BLEU and (up to TER_MAX_WORDS words) TER.

    This is the expensive step (TER's shift search above all); scores and
    corpus scores are arithmetic on these, so they are computed once per
    segment, and cached with the back-translation (see run.py).
    """
    return many_statistics([(back_translation, source)])[0]


def many_statistics(pairs: Sequence[tuple[str, str]]) -> list[Statistics]:
    """:func:`segment_statistics` of each (back-translation, source) pair.

    chrF and TER come from :mod:`transaudit.backtranslation.metrics` (sacrebleu's
    definitions, the same numbers, several times faster) when the installed
    sacrebleu is one they were verified against, else from sacrebleu; BLEU from
    one sacrebleu call for all pairs (its statistics are per segment, so the
    values are the same; the per-call set-up is paid once).
    """
    found: list[Statistics] = [{} for _ in pairs]
    own = _own_statistics()
    for name, metric in _metrics()["corpus"].items():
        chosen = [i for i, (text, source) in enumerate(pairs) if name != TER or ter_applies(text, source)]
        if not chosen:
            continue
        if name in own:
            rows = [own[name](*pairs[i]) for i in chosen]
        else:
            rows = metric._extract_corpus_statistics(
                [pairs[i][0] for i in chosen], [[pairs[i][1] for i in chosen]]
            )
        for i, row in zip(chosen, rows, strict=True):
            found[i][name] = list(row)
    return found


@lru_cache(maxsize=1)
def _own_statistics() -> dict[str, Callable[[str, str], list]]:
    """The metrics computed here rather than by sacrebleu: chrF and TER, when the
    installed sacrebleu is one whose numbers :mod:`metrics` was verified to equal."""
    import sacrebleu

    from transaudit.backtranslation import metrics

    if sacrebleu.__version__ not in metrics.VERIFIED:
        return {}
    return {CHRF: metrics.chrf_statistics, TER: metrics.ter_statistics}


def scores_from_statistics(stats: Statistics) -> dict[str, float]:
    """A segment's scores, exactly as ``metric.sentence_score`` would give them."""
    metrics = _metrics()["segment"]
    return {name: float(metrics[name]._aggregate_and_compute([stats[name]]).score)
            for name in metrics if name in stats}


def corpus_from_statistics(all_stats: Sequence[Statistics]) -> dict[str, float]:
    """Article-level scores from the segments' statistics ({} when there are none).

    Identical to ``metric.corpus_score`` over the same segments: sacrebleu's
    corpus score is its sum of per-segment statistics. Corpus TER covers only
    the segments short enough for TER (see :func:`ter_applies`); it is absent
    when none is.
    """
    if not all_stats:
        return {}
    metrics = _metrics()["corpus"]
    scores = {}
    for name in (CHRF, BLEU, TER):
        rows = [stats[name] for stats in all_stats if name in stats]
        if rows:
            scores[name] = float(metrics[name]._aggregate_and_compute(rows).score)
    return {name: round(value, 2) for name, value in scores.items()}


def segment_scores(back_translation: str, source: str) -> dict[str, float]:
    """chrF, BLEU (effective order) and, up to TER_MAX_WORDS words, TER of one back-translation."""
    return scores_from_statistics(segment_statistics(back_translation, source))


def corpus_scores(back_translations: Sequence[str], sources: Sequence[str]) -> dict[str, float]:
    """Article-level scores over all back-translated segments ({} when there are none)."""
    return corpus_from_statistics(many_statistics(list(zip(back_translations, sources, strict=True))))


@lru_cache(maxsize=1)
def statistics_version() -> str:
    """What cached statistics depend on: the metrics' signatures (configuration and
    sacrebleu version) and the TER length limit."""
    signatures = [str(metric.get_signature()) for metric in _metrics()["corpus"].values()]
    return " | ".join([*signatures, f"ter_max_words:{TER_MAX_WORDS}"])


def signatures() -> dict[str, dict[str, str]]:
    """sacrebleu signatures of the segment and corpus metrics, for the report."""
    return {
        scope: {name: str(metric.get_signature()) for name, metric in metrics.items()}
        for scope, metrics in _metrics().items()
    }
