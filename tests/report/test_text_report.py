"""The terminal summary: a few plain lines, worst issues first, terminal-safe."""

from __future__ import annotations

from report_samples import build_result, find

from transaudit.model import Segment
from transaudit.report.text_report import CONTINUED, WIDTH, render_text


def test_summary_lines(sample_result):
    lines = render_text(sample_result, top=3).splitlines()
    assert lines[0] == "sample  es→en  quality 87.8 (MQM score 87.50, threshold 90.00)  FAIL"
    assert lines[1] == "  3 segments, 56 target words; 5 issues: 1 critical, 2 major, 2 minor"
    assert lines[2].split()[:3] == ["critical", "TA220", "p3"]
    assert [line.split()[0] for line in lines[3:5]] == ["major", "major"]
    assert lines[5] == "  … and 2 more"
    assert "1 check error(s): TA999" in lines[6]
    assert lines[7].startswith("  note: no back-translation")


def test_text_report_lists_every_issue(sample_result):
    lines = render_text(sample_result).splitlines()
    listed = [line for line in lines if line.split()[0] in ("critical", "major", "minor")]
    assert len(listed) == len(sample_result.issues) == 5
    assert not any("more" in line for line in lines)


def test_passing_article_without_issues():
    text = render_text(build_result([Segment("a", "Hola.", "Hello.")], [], score=100.0, passed=True))
    assert text.splitlines()[0].endswith("PASS") and "0 issues" in text and len(text.splitlines()) == 2


def test_control_characters_cannot_reach_the_terminal():
    seg = Segment("a\x1b[2J", "x", "Evil \x1b]0;title\x07 text\u202e")
    result = build_result([seg], [find(seg, "TA101", "target", "\x1b]0;title\x07", message="bad\r\nline")],
                          article_id="id\x1b[31m")
    text = render_text(result)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\r" not in text
    assert "\\x1b" in text and text.count("\n") == len(text.splitlines())


def test_the_report_file_gives_a_long_message_whole_and_wrapped():
    words = " ".join(f"word{n}" for n in range(60))  # about 420 characters
    seg = Segment("p1", "Fuente.", "Target text here.")
    result = build_result([seg], [find(seg, "TA101", "target", "text", message=f"start {words} end")])
    whole = render_text(result)
    issue_lines = whole.splitlines()[2:]
    assert all(len(line) <= WIDTH for line in issue_lines)
    assert "…" not in whole and "start" in issue_lines[0] and issue_lines[-1].endswith("end")
    assert all(line.startswith(CONTINUED) for line in issue_lines[1:])
    assert " ".join(line.strip() for line in issue_lines).endswith(f"start {words} end")
    # the terminal summary keeps one shortened line per issue
    summary = render_text(result, top=3).splitlines()
    assert len(summary) == 3 and summary[2].endswith("…")
