"""Reporters: each turns an ArticleResult (or a batch of them) into text."""

from __future__ import annotations

import os
import re

#: Suffixes of the files ``check`` writes per article (html, json, text, xliff, csv):
#: what a report folder is checked against (publish) and kept safe by (a failed index).
REPORT_SUFFIXES = (".html", ".json", ".txt", ".xlf", ".csv")

#: What the opening of each per-article report holds, as every transaudit version since
#: 0.1 writes it: the HTML page's generator tag, the JSON report's first keys, the text
#: report's first line ("story  es→en  quality 97.5 (MQM score …, threshold 90.00)  PASS";
#: 0.1: "score 97.50 (threshold 90.00)"), the XLIFF file's metadata group and the CSV
#: report's header row.
REPORT_SIGNATURES = {
    ".html": re.compile(rb'<meta name="generator" content="transaudit[ "]'),
    ".json": re.compile(rb'\A\{\s*"format_version": \d+,\s*"article": \{'),
    ".txt": re.compile(
        rb"\A[^\n]*  [^\n ]+\xe2\x86\x92[^\n ]+  (?:quality|score) [^\n]*threshold [\d.-]+\)  (?:PASS|FAIL)\n"
    ),
    ".xlf": re.compile(rb'<mda:metaGroup category="transaudit">'),
    ".csv": re.compile(rb"\A(?:\xef\xbb\xbf)?article,segment,code,name,category,severity,side,start,end,"),
}
#: How much of a file is read to tell (a report's signature is in its first lines).
_HEAD = 8192


def looks_like_report(path: str | os.PathLike[str]) -> bool:
    """Whether a file is a per-article report of ``transaudit check``: a report suffix and,
    in its opening, that format's signature (:data:`REPORT_SIGNATURES`).

    A folder of reports may hold other files (notes.txt, a team's own CSV): those
    are no reports whatever their suffix. A symlink or unreadable file is none either.
    """
    signature = REPORT_SIGNATURES.get(os.path.splitext(path)[1].lower())
    if signature is None:
        return False
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        head = os.read(handle, _HEAD)
    except OSError:
        return False
    finally:
        os.close(handle)
    return signature.search(head) is not None
