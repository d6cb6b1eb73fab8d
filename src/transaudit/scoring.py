"""MQM-style article score.

``score = 100 − Σ(severity weight) × 1000 / target words``: the penalty per
thousand target words subtracted from 100, so a short article with one major
error scores lower than a long one with the same error. Scores can go below
zero for very poor translations, as in MQM; they are not clamped so that two
bad articles can still be told apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from transaudit.model import Issue


def penalty(issues: Iterable[Issue], weights: Mapping[str, float]) -> float:
    return sum(weights.get(issue.severity.value, 0.0) for issue in issues)


def mqm_score(issues: Iterable[Issue], target_words: int, weights: Mapping[str, float]) -> float:
    """The article score, rounded to two decimals; an empty target scores 0."""
    total = penalty(issues, weights)
    if target_words <= 0:
        return 0.0 if total else 100.0
    return round(100.0 - total * 1000.0 / target_words, 2)
