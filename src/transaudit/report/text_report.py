"""The terminal summary of one article: a few plain lines an editor can scan.

Article text goes to a terminal, so control characters (escape sequences
could recolour or rewrite the screen) are shown as ``\\xNN`` escapes and long
excerpts are shortened. The report file (every issue) gives each message,
waiver reason, notice and reason a check did not run whole, wrapped at
:data:`WIDTH` columns with its continuation lines indented; the terminal
summary of a batch (its worst few issues) keeps each to one shortened line.
"""

from __future__ import annotations

import sys
import textwrap

from transaudit.compare import summary_line
from transaudit.model import MOST_SERIOUS_FIRST, SEVERITY_RANK
from transaudit.result import ArticleResult
from transaudit.scoring import quality
from transaudit.terminal import escape


def clean(text: str, limit: int = 60) -> str:
    """One safe terminal line: control and bidi-override characters escaped, newlines as spaces."""
    text = text.replace("\n", " ").replace("\r", " ")
    text = escape(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: Columns a line of the report file is wrapped at.
WIDTH = 100
#: Indent of a wrapped line's continuation: under the text after the severity column.
CONTINUED = " " * 11


def _line(prefix: str, text: str, limit: int, whole: bool) -> str:
    """``prefix`` + text: shortened to ``limit`` characters, or whole and wrapped at :data:`WIDTH`."""
    if not whole:
        return prefix + clean(text, limit)
    text = clean(text, sys.maxsize)  # escaped, never shortened
    wrapped = textwrap.wrap(
        text,
        WIDTH,
        initial_indent=prefix,
        subsequent_indent=CONTINUED,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(wrapped) if wrapped else prefix.rstrip()


def render_text(result: ArticleResult, top: int | None = None, label: str | None = None) -> str:
    """``id  src→tgt  quality Q (MQM score S, threshold T)  PASS|FAIL``, counts, issues worst first.

    The ``.txt`` report lists every issue (``top=None``); the terminal summary
    of a batch passes a small ``top`` and ends with "… and N more". ``label``
    replaces the article id on the first line (the batch's "story (story-2)"
    for two articles that share an id, as in the index).
    """
    whole = top is None
    article = result.article
    counts = result.counts_by_severity()
    verdict = "PASS" if result.passed else "FAIL"
    pair = f"{clean(article.source_lang, 10)}→{clean(article.target_lang, 10)}"
    figures = f"MQM score {result.score:.2f}, threshold {result.threshold:.2f}"
    lines = [
        f"{clean(label or article.id, 80)}  {pair}  quality {quality(result.score):.1f} ({figures})"
        f"  {verdict}",
        f"  {_count(len(article.segments), 'segment')}, {_count(result.target_words, 'target word')}; "
        f"{len(result.issues)} issue{'' if len(result.issues) == 1 else 's'}: "
        + ", ".join(f"{counts[name]} {name}" for name in MOST_SERIOUS_FIRST),
    ]
    worst = sorted(
        enumerate(result.issues), key=lambda pair: (SEVERITY_RANK.get(pair[1].severity.value, 9), pair[0])
    )[:top if top is not None else len(result.issues)]
    for _, issue in worst:
        excerpt = f" “{clean(issue.text, 50)}”" if issue.text else ""
        where = f"{issue.code} {clean(issue.segment, 20)}{excerpt}"
        message = f"{issue.message}; {issue.corroboration}" if issue.corroborating else issue.message
        lines.append(_line(f"  {issue.severity.value:<8} {where}: ", message, 90, whole))
    if top is not None and len(result.issues) > top:
        lines.append(f"  … and {len(result.issues) - top} more")
    if result.waived:
        lines.append(f"  {len(result.waived)} waived (not scored)"
                     + (":" if top is None else ""))
        if top is None:
            for item in result.waived:
                issue, waiver = item.issue, item.waiver
                who = f" ({clean(waiver.who, 30)})" if waiver.who else ""
                prefix = f"  waived   {issue.code} {clean(issue.segment, 20)} “{clean(issue.text, 50)}”: "
                lines.append(_line(prefix, waiver.reason, 90, whole) + who)
    if result.comparison:
        lines.append(f"  {clean(summary_line(result.comparison), 120)}")
    if result.errors:
        lines.append(f"  {len(result.errors)} check error(s): "
                     + ", ".join(sorted({clean(str(e.get('check', '?')), 20) for e in result.errors})))
    for notice in result.notices:
        lines.append(_line("  note: ", notice, 120, whole))
    for skipped in result.not_run:
        prefix = f"  not run: {clean(skipped['check'], 10)} {clean(skipped['name'], 30)}: "
        lines.append(_line(prefix, skipped["reason"], 100, whole))
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    """``1 segment``, ``2 segments``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
