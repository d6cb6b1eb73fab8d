"""HTML report rendering time against the number of issues in one segment.

Highlighting used to test every issue span against every piece of text
(quadratic: 8,000 issues 2.5 s, 32,000 issues 32 s). It now sweeps the sorted
span boundaries once, and a segment shows at most ``MAX_SHOWN_PER_SEGMENT``
issues (the rest are counted, "… and N more", and stay in the JSON report).

Prints, for 2,000 / 8,000 / 32,000 issues in one segment:
- ``highlight`` alone with every issue (no cap): the sweep itself, linear;
- ``render_html`` of the whole report (with the cap): the page an editor opens;
and the real pipeline on a 137 KB article of punctuation (checks, then HTML).

    .venv/bin/python benchmarks/bench_html.py

A benchmark, not a test: timings depend on the machine and its load. The goal
set in issue 11 is 32,000 issues rendered in under 1 s.
"""

from __future__ import annotations

import time

from transaudit.model import Article, Category, Issue, Segment, Severity
from transaudit.pipeline import audit_article
from transaudit.report.html_report import IssueView, highlight, render_html
from transaudit.result import ArticleResult
from transaudit.settings import Settings

SEVERITIES = (Severity.MINOR, Severity.MAJOR, Severity.CRITICAL)


def crowded_segment(issues: int) -> tuple[Segment, list[Issue]]:
    """One segment with ``issues`` short, partly overlapping spans."""
    text = "Lorem, ipsum; dolor! " * (issues // 4 + 1)
    segment = Segment("p1", "Texto de origen.", text, line=1)
    found = []
    for n in range(issues):
        start = (n * 5) % (len(text) - 8)
        found.append(Issue(code="TA110", name="punctuation", category=Category.PUNCTUATION,
                           severity=SEVERITIES[n % 3], segment="p1", side="target", start=start,
                           end=start + 1 + n % 7, text=text[start:start + 1 + n % 7], message="odd mark"))
    return segment, found


def timed(action) -> float:
    """CPU seconds of ``action`` (steadier than wall time on a shared machine)."""
    started = time.process_time()
    action()
    return time.process_time() - started


def main() -> None:
    warm, few = crowded_segment(10)
    # The first render compiles the template (once per process): not part of the figure.
    render_html(ArticleResult(article=Article("warm", "es", "en", [warm]), issues=few, score=0.0,
                              passed=False, threshold=90.0, penalty=1.0, target_words=1))
    print(f"{'issues':>8}  {'highlight, all (CPU s)':>22}  {'render_html (CPU s)':>19}  {'HTML (KB)':>9}")
    for count in (2_000, 8_000, 32_000):
        segment, issues = crowded_segment(count)
        views = [IssueView(index, issue, 0) for index, issue in enumerate(issues)]
        sweep = timed(lambda: highlight(segment.target, views))  # noqa: B023
        result = ArticleResult(article=Article("crowded", "es", "en", [segment]), issues=issues, score=0.0,
                               passed=False, threshold=90.0, penalty=float(count), target_words=count)
        html: list[str] = []
        render = timed(lambda: html.append(render_html(result)))  # noqa: B023
        print(f"{count:>8}  {sweep:>22.3f}  {render:>19.3f}  {len(html[0].encode()) // 1024:>9}")

    marks = "¡¿«»—…;:!?,.()\"'" * 40
    segments = [Segment(f"p{n:04d}", marks, marks[::-1], line=n + 1) for n in range(73)]
    article = Article("punctuation", "es", "en", segments)
    size = sum(len(s.source.encode()) + len(s.target.encode()) for s in segments) // 1024
    results: list[ArticleResult] = []
    audit = timed(lambda: results.append(audit_article(article, Settings.from_keys(backend="none"))))
    render = timed(lambda: render_html(results[0]))
    print(f"\npunctuation article, {size} KB, {len(results[0].issues):,} issues: "
          f"checks {audit:.2f} CPU s, render_html {render:.2f} CPU s")


if __name__ == "__main__":
    main()
