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


#: The penalty per thousand words at which :func:`quality` halves (from 100 to 50).
#: 90 makes quality and score agree at the default pass line: a score of 90 (a
#: penalty of 10) is a quality of 90, so "pass" reads the same on both scales.
QUALITY_HALF_PENALTY = 90.0


def quality(score: float) -> float:
    """A bounded 0–100 figure for editors: ``100 × K / (K + penalty per 1000 words)``.

    The MQM score goes below zero for poor translations (−35 for 13 issues in
    185 words), which reads as a bug to an editor. Quality is 100 without
    issues, equals the score at 90, never reaches 0 and keeps every article's
    order, so two poor translations can still be told apart. JSON keeps the
    MQM score; reports lead with this.
    """
    if isinstance(score, bool) or not isinstance(score, int | float):
        return 0.0
    loss = max(100.0 - float(score), 0.0)
    return round(100.0 * QUALITY_HALF_PENALTY / (QUALITY_HALF_PENALTY + loss), 1)
