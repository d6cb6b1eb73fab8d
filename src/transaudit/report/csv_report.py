"""The CSV report: one row per issue, for spreadsheets.

Columns: article, segment, code, name, category, severity, side, start, end,
text, message, suggestion. UTF-8, quoted where needed, like ``summary.csv``.

A cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``,
``@``, a tab or a carriage return, or ``-`` followed by something other than a
digit or a space) gets a leading apostrophe: article text is untrusted, and
``=HYPERLINK(…)`` in a segment must stay text (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
import re

from transaudit.result import ArticleResult

COLUMNS = ("article", "segment", "code", "name", "category", "severity", "side", "start", "end", "text",
           "message", "suggestion")
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d\s]))")


def _cell(value: object) -> object:
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return "" if value is None else value


def render_csv(result: ArticleResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for issue in result.issues:
        row = (result.article.id, issue.segment, issue.code, issue.name, issue.category, issue.severity.value,
               issue.side, issue.start, issue.end, issue.text, issue.message, issue.suggestion)
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()
