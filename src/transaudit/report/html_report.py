"""The per-article HTML report: one self-contained file an editor opens daily.

Everything the page needs (CSS, a little JS, SVG chart) is inline so it opens
offline and can be mailed or published as one file. Article text is untrusted:
it only ever reaches the page through Jinja2 autoescaping, and the data the
filters need is embedded with ``|tojson`` (which escapes ``<``, ``>``, ``&``
and ``'``). Highlighting is computed here, not in the browser, so the page
works without JS and prints the same.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from transaudit.compare import summary_line
from transaudit.model import MOST_SERIOUS_FIRST, SEVERITY_RANK, Issue, Segment
from transaudit.result import ArticleResult
from transaudit.scoring import quality
from transaudit.waivers import WaivedIssue

if TYPE_CHECKING:  # imported by environment(): a JSON-only run loads Jinja2 (8 MiB) for its index page only
    import jinja2

#: Most severe first; also the order of filters and chart stacks.
SEVERITIES = MOST_SERIOUS_FIRST
_RANK = SEVERITY_RANK


@cache
def environment() -> jinja2.Environment:
    """The shared Jinja2 environment (autoescape always on, whitespace trimmed)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("transaudit.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["fmt_score"] = fmt_score
    env.filters["quality"] = quality
    return env


def fmt_score(value: object) -> str:
    """Two decimals for numbers, a dash for missing values (and bools, which are not scores)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "–"
    return f"{value:.2f}"


@dataclass
class Piece:
    """A run of text covered by the same set of issues (``ids`` empty = plain).

    ``gap`` marks a zero-width issue (something missing at this point); it
    renders as a caret, not as text.
    """

    text: str
    ids: tuple[int, ...] = ()
    severity: str = ""
    gap: bool = False
    title: str = ""
    #: Only counterparts cover this piece (the source number a changed target number stands for).
    pair: bool = False

    @property
    def describedby(self) -> str:
        """The ids of the issue list entries, so screen readers announce the tooltip text."""
        return " ".join(f"i{index}" for index in self.ids)


@dataclass
class IssueView:
    index: int
    issue: Issue
    segment_index: int | None
    #: New since the run compared with (``--compare``).
    new: bool = False
    #: This view marks the issue's counterpart span on the other side, not the issue itself.
    pair: bool = False

    @property
    def severity(self) -> str:
        return self.issue.severity.value

    @property
    def label(self) -> str:
        """The tooltip: what a highlighted span means, in one line."""
        issue = self.issue
        label = f"{issue.code} {issue.name} ({issue.severity.value}, {issue.category}): {issue.message}"
        if issue.corroborating:
            label = f"{label}; {issue.corroboration}"
        return f"counterpart of {label}" if self.pair else label

    def counterpart(self) -> IssueView | None:
        """A view of the issue's counterpart span, highlighted on the other side."""
        issue = self.issue
        if issue.counterpart is None:
            return None
        start, end = issue.counterpart
        moved = replace(issue, side=issue.counterpart_side, start=start, end=end)
        return IssueView(self.index, moved, self.segment_index, self.new, pair=True)


#: Most issues highlighted and listed per segment, the most severe first; the rest are
#: counted ("… and N more") and stay in the JSON report. Nobody reads a hundred
#: overlapping highlights in one paragraph (that many means a check misfired or the
#: text is noise), and the cap bounds the page's size and rendering time.
MAX_SHOWN_PER_SEGMENT = 100


@dataclass
class SegmentView:
    index: int
    segment: Segment
    source: list[Piece]
    target: list[Piece]
    issues: list[IssueView] = field(default_factory=list)
    waived: list[WaivedIssue] = field(default_factory=list)
    #: The back-translation note, unless it is the one said once for the whole article.
    bt_note: str | None = None
    #: Issues of this segment beyond MAX_SHOWN_PER_SEGMENT, counted, not shown.
    hidden: int = 0

    @property
    def issue_ids(self) -> str:
        return " ".join(str(view.index) for view in self.issues)

    @property
    def worst(self) -> str:
        return min((view.severity for view in self.issues), key=_RANK.__getitem__, default="")


def highlight(text: str, spans: list[IssueView]) -> list[Piece]:
    """Split ``text`` at every span boundary; each piece lists every issue covering it.

    Overlapping and nested spans therefore need no special case: a piece
    inside two spans carries both ids and takes the worse severity. Offsets
    outside the text are clamped (a report must render even if a check erred);
    an empty span becomes a gap marker at its position.
    """
    length = len(text)
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    views: list[IssueView] = []
    gaps: dict[int, list[IssueView]] = defaultdict(list)
    for view in spans:
        start = min(max(view.issue.start, 0), length)
        end = min(max(view.issue.end, start), length)
        if start == end:
            gaps[start].append(view)
        else:
            starts[start].append(len(views))
            ends[end].append(len(views))
            views.append(view)
    # One sweep over the sorted boundaries with the set of open spans (was: every span
    # tested against every piece, quadratic in the number of issues).
    bounds = sorted({0, length, *gaps, *starts, *ends})
    active: dict[int, IssueView] = {}
    pieces: list[Piece] = []
    for lo, hi in zip(bounds, [*bounds[1:], None], strict=True):
        for key in ends.get(lo, ()):
            del active[key]
        for key in starts.get(lo, ()):
            active[key] = views[key]
        if lo in gaps:
            pieces.append(_piece("", gaps[lo], gap=True))
        if hi is None:
            break
        pieces.append(_piece(text[lo:hi], list(active.values())))
    return pieces


def _piece(text: str, views: list[IssueView], gap: bool = False) -> Piece:
    if not views:
        return Piece(text)
    views = sorted(views, key=lambda view: (_RANK[view.severity], view.index))
    return Piece(
        text,
        ids=tuple(view.index for view in views),
        severity=views[0].severity,
        gap=gap,
        title="\n".join(view.label for view in views),
        pair=all(view.pair for view in views),
    )


def _segment_views(result: ArticleResult, shared_note: str | None = None
                   ) -> tuple[list[SegmentView], list[IssueView]]:
    """Attach each issue to its segment; issues naming no known segment are article-level."""
    positions = {segment.id: index for index, segment in enumerate(result.article.segments)}
    by_segment: dict[int, list[IssueView]] = defaultdict(list)
    loose: list[IssueView] = []
    new = set((result.comparison or {}).get("new_issues") or [])
    for index, issue in enumerate(result.issues):
        position = positions.get(issue.segment)
        view = IssueView(index, issue, position, new=index in new)
        (loose if position is None else by_segment[position]).append(view)
    waived: dict[str, list[WaivedIssue]] = defaultdict(list)
    for item in result.waived:
        waived[item.issue.segment].append(item)
    segments = []
    for index, segment in enumerate(result.article.segments):
        found = by_segment.get(index, [])
        views = found if len(found) <= MAX_SHOWN_PER_SEGMENT else heapq.nsmallest(
            MAX_SHOWN_PER_SEGMENT, found, key=lambda v: (_RANK[v.issue.severity.value], v.index))
        marks = views + [pair for view in views if (pair := view.counterpart()) is not None]
        segments.append(
            SegmentView(
                index,
                segment,
                source=highlight(segment.source, [v for v in marks if v.issue.side == "source"]),
                target=highlight(segment.target, [v for v in marks if v.issue.side != "source"]),
                issues=sorted(views, key=lambda v: (v.issue.side != "source", v.issue.start, v.index)),
                waived=waived.get(segment.id, []),
                hidden=len(found) - len(views),
                bt_note=None if segment.bt_note == shared_note else segment.bt_note,
            )
        )
    return segments, loose


def shared_bt_note(result: ArticleResult) -> str | None:
    """The reason most segments were not back-translated, said once above the table.

    Only when two or more segments share it: a single failure stays on its row.
    """
    notes = Counter(s.bt_note for s in result.article.segments if s.back_translation is None and s.bt_note)
    if not notes:
        return None
    note, count = notes.most_common(1)[0]
    return note if count >= 2 else None


def _first_segments(issues: list[Issue], positions: dict[str, int], key: str) -> dict[str, int]:
    first: dict[str, int] = {}
    for issue in issues:
        position = positions.get(issue.segment)
        value = getattr(issue, key)
        if position is not None and (value not in first or position < first[value]):
            first[value] = position
    return first


def category_chart(result: ArticleResult) -> dict[str, Any]:
    """Geometry of the stacked bar chart (issues per MQM category, by severity)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SEVERITIES, 0))
    for issue in result.issues:
        counts[issue.category][issue.severity.value] += 1
    rows = sorted(counts.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    widest = max((sum(c.values()) for _, c in rows), default=0)
    label_w, bar_w, row_h = 220, 300, 24
    positions = {segment.id: index for index, segment in enumerate(result.article.segments)}
    first = _first_segments(result.issues, positions, "category")
    bars = []
    for row, (category, by_sev) in enumerate(rows):
        x: float = label_w
        stacks = []
        for severity in SEVERITIES:
            width = bar_w * by_sev[severity] / widest if widest else 0
            if by_sev[severity]:
                stacks.append({"severity": severity, "x": round(x, 1), "w": round(max(width, 2), 1),
                               "n": by_sev[severity]})
            x += width
        bars.append({"category": category, "y": row * row_h, "stacks": stacks, "total": sum(by_sev.values()),
                     "end": round(x, 1), "first": first.get(category)})
    return {"bars": bars, "width": label_w + bar_w + 50, "height": max(len(rows), 1) * row_h,
            "row_h": row_h, "label_w": label_w}


def check_summary(result: ArticleResult) -> list[dict[str, Any]]:
    """One row per check: code, name, category, counts, first segment (for the jump link)."""
    positions = {segment.id: index for index, segment in enumerate(result.article.segments)}
    rows: dict[str, dict[str, Any]] = {}
    for issue in result.issues:
        row = rows.setdefault(issue.code, {"code": issue.code, "name": issue.name, "category": issue.category,
                                           "by_severity": dict.fromkeys(SEVERITIES, 0), "count": 0,
                                           "first": None})
        row["by_severity"][issue.severity.value] += 1
        row["count"] += 1
        position = positions.get(issue.segment)
        if position is not None and (row["first"] is None or position < row["first"]):
            row["first"] = position
    return [rows[code] for code in sorted(rows)]


def _filter_options(result: ArticleResult) -> dict[str, list[tuple[str, str, int]]]:
    """Filter checkboxes as (value, label, count) per group."""
    severity = result.counts_by_severity()
    names = {issue.code: issue.name for issue in result.issues}
    return {
        "sev": [(name, name, severity.get(name, 0)) for name in SEVERITIES],
        "cat": [(cat, cat, n) for cat, n in result.counts_by_category().items()],
        "code": [(code, f"{code} {names[code]}", n) for code, n in result.counts_by_check().items()],
    }


def render_html(result: ArticleResult) -> str:
    """The complete, self-contained HTML report of one article."""
    note = shared_bt_note(result)
    segments, loose = _segment_views(result, note)
    has_bt = any(s.back_translation is not None or s.bt_note for s in result.article.segments)
    data = [[i.severity.value, i.category, i.code] for i in result.issues]
    template = environment().get_template("article.html.j2")
    return template.render(
        r=result,
        article=result.article,
        segments=segments,
        loose=loose,
        has_bt=has_bt,
        counts=result.counts_by_severity(),
        chart=category_chart(result),
        checks=check_summary(result),
        filters=_filter_options(result),
        data=data,
        severities=SEVERITIES,
        shared_bt_note=note,
        bt_missing=sum(1 for s in result.article.segments if s.bt_note == note) if note else 0,
        segments_with_issues=sum(1 for s in segments if s.issues),
        quality=quality(result.score),
        pass_quality=quality(result.threshold),
        compared=summary_line(result.comparison),
        comparison=result.comparison,
        settings_json=json.dumps(
            {"settings": result.settings, "versions": result.versions,
             "backtranslation": result.backtranslation},
            ensure_ascii=False, indent=2, sort_keys=True, default=str,
        ),
    )
