"""The MQM-style article score."""

from __future__ import annotations

from transaudit.model import Issue, Severity
from transaudit.scoring import mqm_score, penalty
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
