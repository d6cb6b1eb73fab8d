"""The MQM-style article score."""

from __future__ import annotations

from transaudit.model import Issue, Severity
from transaudit.scoring import count_once, mqm_score, penalty
from transaudit.settings import DEFAULT_WEIGHTS


def issue(severity: Severity) -> Issue:
    return Issue("TA101", "x", "Fluency/Repetition", severity, "p1", "target", 0, 1, "a", "m")


def test_formula_per_thousand_words() -> None:
    issues = [issue(Severity.MINOR), issue(Severity.MAJOR), issue(Severity.CRITICAL)]
    assert penalty(issues, DEFAULT_WEIGHTS) == 31
    assert mqm_score(issues, 1000, DEFAULT_WEIGHTS) == 69.0
    assert mqm_score(issues, 2000, DEFAULT_WEIGHTS) == 84.5
    assert mqm_score([], 10, DEFAULT_WEIGHTS) == 100.0


def test_configurable_weights_and_empty_targets() -> None:
    assert mqm_score([issue(Severity.MAJOR)], 100, {"major": 2.0}) == 80.0
    assert mqm_score([issue(Severity.MINOR)], 0, DEFAULT_WEIGHTS) == 0.0
    assert mqm_score([], 0, DEFAULT_WEIGHTS) == 100.0


def test_score_can_go_below_zero_so_bad_articles_stay_distinguishable() -> None:
    assert mqm_score([issue(Severity.CRITICAL)] * 2, 100, DEFAULT_WEIGHTS) == -400.0


def found(code: str, severity: Severity, side: str, start: int, end: int,
          category: str = "Accuracy/Mistranslation", counterpart: tuple[int, int] | None = None,
          segment: str = "p1") -> Issue:
    return Issue(code, code.lower(), category, severity, segment, side, start, end, "x" * (end - start), "m",
                 counterpart=counterpart)  # type: ignore[arg-type]


def test_one_error_found_by_several_checks_counts_once() -> None:
    """A replaced name: two checks mark the target's name, a third the source's (the
    first one's counterpart); the most severe, target-side issue stays and lists the others."""
    name = found("TA303", Severity.MAJOR, "target", 28, 42, counterpart=(27, 43))
    again = found("TA532", Severity.MAJOR, "target", 28, 42)
    omitted = found("TA520", Severity.MAJOR, "source", 27, 43, category="Accuracy/Omission")
    kept = count_once([omitted, name, again])
    assert [(i.code, [o.code for o in i.corroborating]) for i in kept] == [("TA303", ["TA520", "TA532"])]
    assert penalty(kept, DEFAULT_WEIGHTS) == 5
    data = kept[0].to_dict()
    assert [o["code"] for o in data["corroborating"]] == ["TA520", "TA532"]  # type: ignore[union-attr]
    assert "also found by TA520 ta520, TA532 ta532" in kept[0].corroboration


def test_different_errors_still_count_separately() -> None:
    """Other segments, other places, a word inside a whole-sentence span (under half of
    it), another MQM dimension, or the same check twice: separate errors."""
    issues = [
        found("TA303", Severity.MAJOR, "target", 0, 10),
        found("TA532", Severity.MAJOR, "target", 0, 10, segment="p2"),
        found("TA501", Severity.MAJOR, "target", 20, 30),
        found("TA202", Severity.MAJOR, "target", 0, 100, category="Accuracy/Omission"),
        found("TA140", Severity.MINOR, "target", 0, 10, category="Fluency/Spelling"),
        found("TA303", Severity.MINOR, "target", 2, 8),
    ]
    assert count_once(issues) == issues


def test_the_most_severe_issue_stays() -> None:
    minor = found("TA401", Severity.MINOR, "source", 5, 20)
    major = found("TA202", Severity.MAJOR, "source", 5, 15, category="Accuracy/Omission")
    assert [(i.code, i.severity) for i in count_once([minor, major])] == [("TA202", Severity.MAJOR)]
