"""Agreement between issues and annotated errors, at segment and span level.

Definitions (also written into every report):

- segment level: a segment is *flagged* when it has at least one issue and
  *erroneous* when it has at least one annotated error that is not Neutral
  (located or not). The "major" row flags only major/critical issues and counts
  only Major/Critical errors.
- span level: an issue *hits* when its span overlaps a located, non-Neutral
  annotated span on the same side of the same segment (an empty span hits when
  it touches one). Precision is hits / judged issues, where an issue that hits
  nothing in a segment whose annotators left an error unlocated on that side
  is *unverifiable* and left out (it may be that error). Recall is annotated
  spans hit by any issue / located annotated spans.
- per annotated category: recall as above for that category's spans; precision
  over the issues whose own category names the same kind (same last path part,
  e.g. ``Fluency/Punctuation`` ~ ``Linguistic_conventions/Punctuation``) and
  whether they overlap a span of that category.
- per check: issues raised, their precision, and the categories they hit;
  also their *segment precision*, the share of its issues that fall in a
  segment with any annotated error, which credits a source-side issue (an
  omitted name) whose error the annotators marked on the target side.
- DEMETR, per perturbation: detection rate = perturbed items whose output has
  any issue / perturbed items; new-issue detection counts only issues (code and
  text) the unperturbed output lacks; false-alarm rate = items whose
  unperturbed output (``mt``) has any issue / items.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from transaudit.evaluation.model import AnnotatedError, AnnotatedSegment, PerturbedItem
from transaudit.model import Issue, Severity

SERIOUS_ISSUES = (Severity.MAJOR, Severity.CRITICAL)


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), 4)


@dataclass
class Agreement:
    """Precision/recall counts where the two numerators may differ (spans)."""

    predicted: int = 0
    predicted_correct: int = 0
    gold: int = 0
    gold_found: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.predicted_correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.gold_found, self.gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": f1(self.precision, self.recall),
            "predicted": self.predicted,
            "predicted_correct": self.predicted_correct,
            "gold": self.gold,
            "gold_found": self.gold_found,
        }


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Do two slices overlap? An empty slice overlaps a span it touches."""
    if start == end:
        return other_start <= start <= other_end
    if other_start == other_end:
        return start <= other_start <= end
    return start < other_end and other_start < end


def category_kind(category: str) -> str:
    """The comparable part of an MQM category path: its last part, normalised."""
    leaf = category.rsplit("/", 1)[-1]
    return " ".join(leaf.replace("_", " ").replace("-", " ").lower().split())


def _located(segment: AnnotatedSegment) -> list[AnnotatedError]:
    return [error for error in segment.counted_errors() if error.located]


def _hits(issue: Issue, errors: list[AnnotatedError]) -> list[AnnotatedError]:
    return [
        error
        for error in errors
        if error.side == issue.side
        and error.start is not None
        and error.end is not None
        and overlaps(issue.start, issue.end, error.start, error.end)
    ]


def _unverifiable(issue: Issue, segment: AnnotatedSegment) -> bool:
    return any(error.side == issue.side and not error.located for error in segment.counted_errors())


@dataclass
class CheckFigures:
    code: str
    name: str = ""
    raised: int = 0
    judged: int = 0
    hits: int = 0
    #: Issues in segments with at least one counted annotated error (any side, any span).
    in_erroneous: int = 0
    segments: set[str] = field(default_factory=set)
    categories: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, samples: int) -> dict[str, Any]:
        misses = self.misses
        if len(misses) > samples:
            misses = random.Random(self.code).sample(misses, samples)
            misses.sort(key=lambda m: m["order"])
        return {
            "code": self.code,
            "name": self.name,
            "raised": self.raised,
            "judged": self.judged,
            "hits": self.hits,
            "precision": _ratio(self.hits, self.judged),
            "segment_precision": _ratio(self.in_erroneous, self.raised),
            "segments_flagged": len(self.segments),
            "categories_hit": dict(self.categories.most_common()),
            "false_alarm_samples": [{k: v for k, v in m.items() if k != "order"} for m in misses],
        }


def _miss_record(order: int, issue: Issue, segment: AnnotatedSegment) -> dict[str, Any]:
    return {
        "order": order,
        "segment": segment.id,
        "side": issue.side,
        "start": issue.start,
        "end": issue.end,
        "text": issue.text,
        "message": issue.message,
        "source": segment.source,
        "target": segment.target,
        "annotated": [
            {"side": e.side, "text": e.text, "category": e.category, "severity": e.severity}
            for e in segment.counted_errors()
        ],
    }


def evaluate_segments(
    segments: list[AnnotatedSegment],
    issues: dict[str, list[Issue]],
    samples: int = 5,
    checks_run: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Segment-level, span-level and per-check agreement for annotated segments.

    ``checks_run`` (code → name) adds a row for every check that ran, so a
    check that never fired shows as 0 issues rather than not at all.
    """
    flagged_all = Agreement()
    flagged_serious = Agreement()
    spans = Agreement()
    unverifiable = 0
    by_category: dict[str, Agreement] = defaultdict(Agreement)
    hit_by: dict[str, Counter[str]] = defaultdict(Counter)
    checks = {code: CheckFigures(code, name) for code, name in (checks_run or {}).items()}
    unlocated = 0
    judged: list[tuple[str, set[str]]] = []
    for order, segment in enumerate(segments):
        found = issues.get(segment.id, [])
        gold = segment.counted_errors()
        for figures, gold_errors, predicted in (
            (flagged_all, gold, found),
            (
                flagged_serious,
                segment.counted_errors(serious_only=True),
                [i for i in found if i.severity in SERIOUS_ISSUES],
            ),
        ):
            figures.predicted += bool(predicted)
            figures.gold += bool(gold_errors)
            figures.predicted_correct += bool(predicted and gold_errors)
            figures.gold_found += bool(predicted and gold_errors)
        located = _located(segment)
        unlocated += len(gold) - len(located)
        hit_errors: set[int] = set()
        for issue in found:
            per_check = checks.setdefault(issue.code, CheckFigures(issue.code, issue.name))
            per_check.raised += 1
            per_check.in_erroneous += bool(gold)
            per_check.segments.add(segment.id)
            hits = _hits(issue, located)
            for error in hits:
                hit_errors.add(id(error))
                hit_by[error.category][issue.code] += 1
            if not hits and _unverifiable(issue, segment):
                unverifiable += 1
                continue
            per_check.judged += 1
            spans.predicted += 1
            if hits:
                per_check.hits += 1
                spans.predicted_correct += 1
                per_check.categories.update({error.category for error in hits})
            else:
                per_check.misses.append(_miss_record(order, issue, segment))
            judged.append((category_kind(issue.category), {category_kind(e.category) for e in hits}))
        for error in located:
            spans.gold += 1
            by_category[error.category].gold += 1
            if id(error) in hit_errors:
                spans.gold_found += 1
                by_category[error.category].gold_found += 1
    kind_to_category: dict[str, str] = {}
    for category in sorted(by_category):
        kind_to_category.setdefault(category_kind(category), category)
    for kind, hit_kinds in judged:
        if kind in kind_to_category:
            by_category[kind_to_category[kind]].predicted += 1
            by_category[kind_to_category[kind]].predicted_correct += kind in hit_kinds
    return {
        "segments": len(segments),
        "segments_with_errors": flagged_all.gold,
        "issues": sum(len(found) for found in issues.values()),
        "annotated_errors": sum(len(s.counted_errors()) for s in segments),
        "unlocated_errors": unlocated,
        "segment_level": {"all": flagged_all.to_dict(), "major": flagged_serious.to_dict()},
        "span_level": {
            "overall": {**spans.to_dict(), "unverifiable_issues": unverifiable},
            "by_category": [
                {
                    "category": category,
                    **by_category[category].to_dict(),
                    "hit_by": dict(hit_by[category].most_common()),
                }
                for category in sorted(by_category, key=lambda c: (-by_category[c].gold, c))
                if by_category[category].gold
            ],
        },
        "by_check": [checks[code].to_dict(samples) for code in sorted(checks)],
    }


def evaluate_items(
    items: list[PerturbedItem], mt: dict[str, list[Issue]], target: dict[str, list[Issue]]
) -> dict[str, Any]:
    """DEMETR: per perturbation, detection on the perturbed output and false alarms on the control.

    ``detected`` counts applied items whose perturbed output has any issue;
    ``detected_new`` only those with an issue (code and text) the control lacks,
    which discounts checks that fire on the sentence whatever was perturbed.
    """
    groups: dict[str, list[PerturbedItem]] = defaultdict(list)
    for item in items:
        groups[item.perturbation].append(item)
    rows = []
    for perturbation in sorted(groups):
        members = groups[perturbation]
        applied = [item for item in members if item.applied]
        detected = new = 0
        new_by: Counter[str] = Counter()
        for item in applied:
            before = {(i.code, i.text) for i in mt[item.id]}
            after = target[item.id]
            detected += bool(after)
            fresh = [i for i in after if (i.code, i.text) not in before]
            new += bool(fresh)
            new_by.update({i.code for i in fresh})
        alarms = sum(bool(mt[item.id]) for item in members)
        rows.append(
            {
                "perturbation": perturbation,
                "items": len(members),
                "applied": len(applied),
                "detected": detected,
                "detection_rate": _ratio(detected, len(applied)),
                "detected_new": new,
                "new_detection_rate": _ratio(new, len(applied)),
                "new_issues_by_check": dict(new_by.most_common()),
                "false_alarms": alarms,
                "false_alarm_rate": _ratio(alarms, len(members)),
            }
        )
    controls: dict[tuple[str, str], bool] = {}
    for item in items:
        controls[(item.source, item.mt)] = bool(mt[item.id])
    applied_all = [item for item in items if item.applied]
    return {
        "items": len(items),
        "applied": len(applied_all),
        "detection_rate": _ratio(sum(bool(target[i.id]) for i in applied_all), len(applied_all)),
        "new_detection_rate": _ratio(
            sum(
                any((x.code, x.text) not in {(y.code, y.text) for y in mt[i.id]} for x in target[i.id])
                for i in applied_all
            ),
            len(applied_all),
        ),
        "controls": len(controls),
        "control_false_alarm_rate": _ratio(sum(controls.values()), len(controls)),
        "by_perturbation": rows,
    }
