"""The batch index: one row per article (index.html, summary.json, summary.csv).

The CLI builds one :class:`IndexEntry` per input, from an audit result or,
for an input that could not be read, from its name and error, so nothing in a
batch silently disappears. ``summary.json`` is also what ``transaudit
publish`` reads to list runs.
"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from transaudit.compare import summary_line
from transaudit.model import MOST_SERIOUS_FIRST
from transaudit.report.html_report import environment
from transaudit.result import ArticleResult
from transaudit.scoring import quality

SUMMARY_VERSION = 1
CSV_COLUMNS = ("article", "status", "score", "threshold", "passed", *MOST_SERIOUS_FIRST, "issues",
               "segments", "target_words", "source_lang", "target_lang", "waived", "new", "fixed", "html",
               "json", "error")


@dataclass
class IndexEntry:
    """One article's line in the batch index; ``error`` set means it was skipped."""

    name: str
    score: float | None = None
    passed: bool | None = None
    threshold: float | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MOST_SERIOUS_FIRST, 0))
    issues: int = 0
    segments: int = 0
    target_words: int = 0
    source_lang: str = ""
    target_lang: str = ""
    check_errors: int = 0
    #: Report file names relative to the index (None: not written).
    html: str | None = None
    json: str | None = None
    path: str = ""
    error: str | None = None
    #: Issues an editor waived (not in ``issues``) and waivers that matched nothing.
    waived: int = 0
    stale_waivers: int = 0
    #: Since the previous run (``--compare``): counts, None when not compared.
    new: int | None = None
    fixed: int | None = None
    compared: str = ""
    #: Every report file of the article (all formats): what ``publish`` checks the
    #: folder against, so another run's reports left in it cannot go out unindexed.
    files: list[str] = field(default_factory=list)
    #: Codes of the selected checks that did not run for this pair (no data for the
    #: language): a pass with checks missing is a limited audit, and the index says so.
    checks_not_run: list[str] = field(default_factory=list)

    @classmethod
    def from_result(cls, result: ArticleResult, html_name: str | None, json_name: str | None,
                    files: Iterable[str] = ()) -> IndexEntry:
        article = result.article
        return cls(
            name=article.id,
            score=result.score,
            passed=result.passed,
            threshold=result.threshold,
            counts=result.counts_by_severity(),
            issues=len(result.issues),
            segments=len(article.segments),
            target_words=result.target_words,
            source_lang=article.source_lang,
            target_lang=article.target_lang,
            check_errors=len(result.errors),
            html=html_name,
            json=json_name,
            path=article.path,
            waived=len(result.waived),
            stale_waivers=len(result.stale_waivers),
            new=(result.comparison or {}).get("new"),
            fixed=(result.comparison or {}).get("fixed"),
            compared=summary_line(result.comparison),
            files=sorted(files),
            checks_not_run=sorted({str(item["check"]) for item in result.not_run}),
        )

    @classmethod
    def skipped(cls, name: str, error: str, path: str = "") -> IndexEntry:
        """An input that produced no result (unreadable file, bad format, …)."""
        return cls(name=name, error=error, path=path)

    @property
    def status(self) -> str:
        if self.error is not None:
            return "skipped"
        return "pass" if self.passed else "fail"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status
        return data


def totals(entries: Sequence[IndexEntry]) -> dict[str, Any]:
    """Batch figures: counts of passed/failed/skipped and the score spread."""
    scores = [e.score for e in entries if e.error is None and e.score is not None]
    status = Counter(e.status for e in entries)
    return {
        "articles": len(entries),
        "audited": len(scores),
        "passed": status["pass"],
        "failed": status["fail"],
        "skipped": status["skipped"],
        "mean_score": round(statistics.fmean(scores), 2) if scores else None,
        "median_score": round(statistics.median(scores), 2) if scores else None,
        "min_score": min(scores) if scores else None,
        "issues": {s: sum(e.counts.get(s, 0) for e in entries) for s in MOST_SERIOUS_FIRST},
    }


def summary_dict(entries: Iterable[IndexEntry], generated_at: str = "",
                 run: dict[str, Any] | None = None) -> dict[str, Any]:
    """``run`` adds what the whole run used: ``waivers`` (file) and ``compared_with`` (folder, date)."""
    entries = list(entries)
    return {
        "format_version": SUMMARY_VERSION,
        "generated_at": generated_at,
        **(run or {}),
        "totals": totals(entries),
        "articles": [entry.to_dict() for entry in entries],
    }


def summary_json(entries: Iterable[IndexEntry], generated_at: str = "",
                 run: dict[str, Any] | None = None) -> str:
    return json.dumps(summary_dict(entries, generated_at, run), ensure_ascii=False, indent=2) + "\n"


def _csv_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas: an id like ``=HYPERLINK(…)`` stays text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def summary_csv(entries: Iterable[IndexEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        row = {**e.to_dict(), "article": e.name, **e.counts}
        if e.passed is not None:
            row["passed"] = "yes" if e.passed else "no"
        writer.writerow([_csv_cell("" if row.get(col) is None else row.get(col)) for col in CSV_COLUMNS])
    return out.getvalue()


def score_histogram(entries: Sequence[IndexEntry]) -> dict[str, Any]:
    """Geometry of the score chart: articles per 10-point band, below 50 pooled."""
    labels = ["<50", *(f"{lo}–{lo + 10}" for lo in range(50, 100, 10))]
    bins = [0] * len(labels)
    thresholds = Counter(e.threshold for e in entries if e.error is None and e.threshold is not None)
    threshold = thresholds.most_common(1)[0][0] if thresholds else None
    for e in entries:
        if e.error is None and e.score is not None:
            bins[0 if e.score < 50 else min(int((e.score - 50) // 10) + 1, len(bins) - 1)] += 1
    top = max(bins, default=0) or 1
    bar_w, gap, height = 56, 12, 140
    bars = []
    for index, (label, n) in enumerate(zip(labels, bins, strict=True)):
        h = round(height * n / top, 1)
        low = -1e9 if index == 0 else 50 + (index - 1) * 10
        passing = threshold is not None and low >= threshold
        bars.append({"label": label, "n": n, "x": 30 + index * (bar_w + gap), "y": 20 + height - h,
                     "h": h, "w": bar_w, "cls": "ok" if passing else "bad"})
    return {"bars": bars, "width": 30 + len(bins) * (bar_w + gap) + 10, "height": height + 50,
            "base": 20 + height, "threshold": threshold}


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders the numbers inside names by value: pv-copy-2 before pv-copy-10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold())
                 for part in re.split(r"(\d+)", name) if part)


def render_index(
    entries: Iterable[IndexEntry], title: str = "transaudit batch", generated_at: str = "",
    run: dict[str, Any] | None = None,
) -> str:
    """The batch's index.html: a sortable table of articles and a score chart."""
    entries = list(entries)
    qualities = [quality(e.score) for e in entries if e.error is None and e.score is not None]
    template = environment().get_template("index.html.j2")
    return template.render(
        title=title,
        generated_at=generated_at,
        entries=sorted((e for e in entries if e.error is None), key=lambda e: natural_key(e.name)),
        mean_quality=statistics.fmean(qualities) if qualities else None,
        skipped=[e for e in entries if e.error is not None],
        totals=totals(entries),
        chart=score_histogram(entries),
        severities=MOST_SERIOUS_FIRST,
        since=((run or {}).get("compared_with") or {}).get("since", ""),
        interrupted=(run or {}).get("interrupted", ""),
        compared=any(e.new is not None or e.fixed is not None for e in entries),
        has_waived=any(e.waived or e.stale_waivers for e in entries),
    )
