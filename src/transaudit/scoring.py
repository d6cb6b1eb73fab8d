"""MQM-style article score, each error counted once (:func:`count_once`).

``score = 100 − Σ(severity weight) × 1000 / target words``: the penalty per
thousand target words subtracted from 100, so a short article with one major
error scores lower than a long one with the same error. Scores can go below
zero for very poor translations, as in MQM; they are not clamped so that two
bad articles can still be told apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from transaudit.model import SEVERITY_RANK, Issue


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


#: A span inside another names the same error only when it covers at least this share
#: of it: a check that flags a whole sentence (an omission, a meaning divergence) objects
#: to more than the one word another check flags inside it.
SAME_PLACE_SHARE = 0.5


def _places(issue: Issue) -> list[tuple[str, int, int]]:
    """Where an issue points: its own span and the counterpart span on the other side."""
    places: list[tuple[str, int, int]] = [(issue.side, issue.start, issue.end)]
    if issue.counterpart is not None:
        places.append((issue.counterpart_side, *issue.counterpart))
    return places


def _same_place(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """Same side, one span within the other, the smaller covering most of the larger."""
    if a[0] != b[0]:
        return False
    (_, a0, a1), (_, b0, b1) = a, b
    inner, outer = ((a0, a1), (b0, b1)) if a1 - a0 <= b1 - b0 else ((b0, b1), (a0, a1))
    if not (outer[0] <= inner[0] and inner[1] <= outer[1]):
        return False
    if outer[1] == outer[0]:
        return inner == outer  # two zero-width marks (something missing) at one point
    return (inner[1] - inner[0]) >= SAME_PLACE_SHARE * (outer[1] - outer[0])


def _dimension(issue: Issue) -> str:
    """The MQM dimension (Accuracy, Fluency, …): one error has one."""
    return issue.category.split("/", 1)[0]


def count_once(issues: Sequence[Issue]) -> list[Issue]:
    """Issues with every error counted once, as MQM counts errors.

    Two issues of different checks report one error when they lie in the same
    segment, belong to the same MQM dimension and point at the same place: a span
    of one (its own or its counterpart on the other side) lies within a span of the
    other on the same side and covers at least half of it. A name replaced by
    another is one error whether TA303, TA532 or TA520 (its source words did not
    come back) finds it. Groups are closed transitively; each keeps its most
    severe issue (then the target side's, then the first found), which lists the
    others as ``corroborating`` and alone counts toward the score. The order of
    the remaining issues is kept.
    """
    parent = list(range(len(issues)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_segment: dict[str, list[int]] = {}
    for index, issue in enumerate(issues):
        by_segment.setdefault(issue.segment, []).append(index)
    for indices in by_segment.values():
        for n, i in enumerate(indices):
            for j in indices[n + 1 :]:
                a, b = issues[i], issues[j]
                if a.code == b.code or _dimension(a) != _dimension(b):
                    continue
                if any(_same_place(p, q) for p in _places(a) for q in _places(b)):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for index in range(len(issues)):
        groups.setdefault(root(index), []).append(index)
    if all(len(group) == 1 for group in groups.values()):
        return list(issues)
    kept: dict[int, Issue] = {}
    for group in groups.values():
        lead = min(group, key=lambda i: (SEVERITY_RANK[issues[i].severity.value],
                                         issues[i].side != "target", i))
        others = [issues[i] for i in group if i != lead]
        kept[lead] = replace(issues[lead], corroborating=others) if others else issues[lead]
    return [kept[i] for i in sorted(kept)]
