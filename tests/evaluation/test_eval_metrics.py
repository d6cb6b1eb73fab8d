"""Agreement figures computed on hand-made segments and issues."""

from __future__ import annotations

import pytest

from transaudit.evaluation.metrics import category_kind, evaluate_items, evaluate_segments, f1, overlaps
from transaudit.evaluation.model import AnnotatedError, AnnotatedSegment, PerturbedItem
from transaudit.model import Issue, Severity


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 3), (2, 5), True),
        ((0, 2), (2, 5), False),
        ((3, 3), (2, 5), True),
        ((5, 5), (2, 5), True),
        ((6, 6), (2, 5), False),
        ((0, 9), (4, 4), True),
        ((7, 9), (2, 5), False),
    ],
)
def test_overlaps(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert overlaps(*a, *b) is expected


@pytest.mark.parametrize(
    ("category", "kind"),
    [
        ("Linguistic_conventions/Punctuation", "punctuation"),
        ("Fluency/Punctuation", "punctuation"),
        ("Terminology/Wrong_term", "wrong term"),
        ("Terminology/Wrong term", "wrong term"),
        ("Source", "source"),
    ],
)
def test_category_kind(category: str, kind: str) -> None:
    assert category_kind(category) == kind


def test_f1_edge_cases() -> None:
    assert f1(None, 0.5) is None
    assert f1(0.0, 0.0) == 0.0
    assert f1(0.5, 1.0) == 0.6667


def _issue(
    segment: str,
    start: int,
    end: int,
    code: str = "TA101",
    category: str = "Fluency/Repetition",
    severity: Severity = Severity.MINOR,
    side: str = "target",
) -> Issue:
    return Issue(
        code, f"name-{code}", category, severity, segment, side, start, end, "x" * (end - start), "m"
    )  # type: ignore[arg-type]


def _error(
    start: int | None,
    end: int | None,
    category: str = "Fluency/Repetition",
    severity: str = "minor",
    side: str = "target",
) -> AnnotatedError:
    return AnnotatedError(side, start, end, category, severity)  # type: ignore[arg-type]


SEGMENTS = [
    AnnotatedSegment(
        "s1", "src", "aaaa bbbb cccc", "es", "en", [_error(0, 4), _error(10, 14, "Accuracy/X", "major")]
    ),
    AnnotatedSegment("s2", "src", "dddd eeee", "es", "en", []),
    AnnotatedSegment("s3", "src", "ffff gggg", "es", "en", [_error(None, None)]),
    AnnotatedSegment("s4", "src", "hhhh", "es", "en", [_error(0, 4, severity="neutral")]),
]
ISSUES = {
    "s1": [_issue("s1", 0, 4), _issue("s1", 5, 9, "TA102")],
    "s2": [_issue("s2", 0, 4, severity=Severity.MAJOR)],
    "s3": [_issue("s3", 0, 4)],
    "s4": [],
}


def test_segment_level() -> None:
    figures = evaluate_segments(SEGMENTS, ISSUES)["segment_level"]
    # flagged: s1, s2, s3; erroneous: s1, s3 (s4 is Neutral only).
    assert figures["all"] == {
        "precision": 0.6667,
        "recall": 1.0,
        "f1": 0.8,
        "predicted": 3,
        "predicted_correct": 2,
        "gold": 2,
        "gold_found": 2,
    }
    # major+: only s2 has a major issue, only s1 a Major error.
    assert (figures["major"]["predicted"], figures["major"]["gold"], figures["major"]["gold_found"]) == (
        1,
        1,
        0,
    )
    assert figures["major"]["precision"] == 0.0


def test_span_level_leaves_out_unverifiable_issues() -> None:
    report = evaluate_segments(SEGMENTS, ISSUES)
    span = report["span_level"]["overall"]
    assert span["unverifiable_issues"] == 1  # s3: its only error is unlocated
    assert (span["predicted"], span["predicted_correct"]) == (3, 1)
    assert (span["gold"], span["gold_found"]) == (2, 1)
    assert report["unlocated_errors"] == 1
    by_category = {row["category"]: row for row in report["span_level"]["by_category"]}
    assert by_category["Fluency/Repetition"]["recall"] == 1.0
    assert by_category["Fluency/Repetition"]["hit_by"] == {"TA101": 1}
    # Three judged Repetition issues (s1 twice, s2), one overlapping a Repetition span.
    assert by_category["Fluency/Repetition"]["predicted"] == 3
    assert by_category["Fluency/Repetition"]["predicted_correct"] == 1
    assert by_category["Accuracy/X"]["recall"] == 0.0


def test_per_check_precision_and_samples() -> None:
    checks = {row["code"]: row for row in evaluate_segments(SEGMENTS, ISSUES, samples=1)["by_check"]}
    assert (checks["TA101"]["raised"], checks["TA101"]["judged"], checks["TA101"]["hits"]) == (3, 2, 1)
    assert checks["TA101"]["precision"] == 0.5
    # Of its three issues, s1 and s3 have annotated errors; s2 has none.
    assert checks["TA101"]["segment_precision"] == 0.6667
    assert checks["TA101"]["categories_hit"] == {"Fluency/Repetition": 1}
    assert [m["segment"] for m in checks["TA101"]["false_alarm_samples"]] == ["s2"]
    assert checks["TA102"]["precision"] == 0.0
    assert checks["TA102"]["false_alarm_samples"][0]["annotated"][0]["category"] == "Fluency/Repetition"


def test_source_side_issue_does_not_hit_target_span() -> None:
    segment = AnnotatedSegment("s", "abcd", "abcd", "es", "en", [_error(0, 4)])
    report = evaluate_segments([segment], {"s": [_issue("s", 0, 4, side="source")]})
    assert report["span_level"]["overall"]["predicted_correct"] == 0


def test_demetr_detection_and_false_alarms() -> None:
    items = [
        PerturbedItem("a", "repeat", True, "s", "mt a", "mt a a", "es", "en"),
        PerturbedItem("b", "repeat", True, "s", "mt b", "mt b b", "es", "en"),
        PerturbedItem("c", "repeat", False, "s", "mt c", "mt c", "es", "en"),
        PerturbedItem("d", "negation", True, "s", "mt d", "mt not d", "es", "en"),
    ]
    old = _issue("d", 0, 2, "TA110")
    mt = {"a": [], "b": [], "c": [], "d": [old]}
    target = {"a": [_issue("a", 3, 6)], "b": [], "c": [], "d": [old]}
    report = evaluate_items(items, mt, target)
    rows = {row["perturbation"]: row for row in report["by_perturbation"]}
    assert (rows["repeat"]["applied"], rows["repeat"]["detected"], rows["repeat"]["detection_rate"]) == (
        2,
        1,
        0.5,
    )
    assert rows["repeat"]["new_issues_by_check"] == {"TA101": 1}
    assert rows["repeat"]["false_alarm_rate"] == 0.0
    # The negation item's only issue was already on the control: detected, but not new.
    assert (rows["negation"]["detected"], rows["negation"]["detected_new"]) == (1, 0)
    assert rows["negation"]["false_alarm_rate"] == 1.0
    assert report["detection_rate"] == 0.6667 and report["new_detection_rate"] == 0.3333


def test_checks_that_never_fired_get_a_row() -> None:
    rows = evaluate_segments(SEGMENTS, ISSUES, checks_run={"TA101": "name-TA101", "TA199": "quiet"})[
        "by_check"
    ]
    quiet = next(row for row in rows if row["code"] == "TA199")
    assert (quiet["raised"], quiet["precision"], quiet["name"]) == (0, None, "quiet")
    assert [row["code"] for row in rows] == ["TA101", "TA102", "TA199"]
