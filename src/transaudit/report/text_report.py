"""The terminal summary of one article: a few plain lines an editor can scan.

Article text goes to a terminal, so control characters (escape sequences
could recolour or rewrite the screen) are shown as ``\\xNN`` escapes and long
excerpts are shortened.
"""

from __future__ import annotations

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


def render_text(result: ArticleResult, top: int | None = None, label: str | None = None) -> str:
    """``id  src→tgt  quality Q (MQM score S, threshold T)  PASS|FAIL``, counts, issues worst first.

    The ``.txt`` report lists every issue (``top=None``); the terminal summary
    of a batch passes a small ``top`` and ends with "… and N more". ``label``
    replaces the article id on the first line (the batch's "story (story-2)"
    for two articles that share an id, as in the index).
    """
    article = result.article
    counts = result.counts_by_severity()
    verdict = "PASS" if result.passed else "FAIL"
    pair = f"{clean(article.source_lang, 10)}→{clean(article.target_lang, 10)}"
    figures = f"MQM score {result.score:.2f}, threshold {result.threshold:.2f}"
    lines = [
        f"{clean(label or article.id, 80)}  {pair}  quality {quality(result.score):.1f} ({figures})"
        f"  {verdict}",
        f"  {len(article.segments)} segments, {result.target_words} target words; "
        f"{len(result.issues)} issue{'' if len(result.issues) == 1 else 's'}: "
        + ", ".join(f"{counts[name]} {name}" for name in MOST_SERIOUS_FIRST),
    ]
    worst = sorted(
        enumerate(result.issues), key=lambda pair: (SEVERITY_RANK.get(pair[1].severity.value, 9), pair[0])
    )[:top if top is not None else len(result.issues)]
    for _, issue in worst:
        excerpt = f" “{clean(issue.text, 50)}”" if issue.text else ""
        where = f"{issue.code} {clean(issue.segment, 20)}{excerpt}"
        lines.append(f"  {issue.severity.value:<8} {where}: {clean(issue.message, 90)}")
    if top is not None and len(result.issues) > top:
        lines.append(f"  … and {len(result.issues) - top} more")
    if result.waived:
        lines.append(f"  {len(result.waived)} waived (not scored)"
                     + (":" if top is None else ""))
        if top is None:
            for item in result.waived:
                issue, waiver = item.issue, item.waiver
                who = f" ({clean(waiver.who, 30)})" if waiver.who else ""
                lines.append(f"  waived   {issue.code} {clean(issue.segment, 20)} “{clean(issue.text, 50)}”: "
                             f"{clean(waiver.reason, 90)}{who}")
    if result.comparison:
        lines.append(f"  {clean(summary_line(result.comparison), 120)}")
    if result.errors:
        lines.append(f"  {len(result.errors)} check error(s): "
                     + ", ".join(sorted({clean(str(e.get('check', '?')), 20) for e in result.errors})))
    for notice in result.notices:
        lines.append(f"  note: {clean(notice, 120)}")
    for skipped in result.not_run:
        lines.append(f"  not run: {clean(skipped['check'], 10)} {clean(skipped['name'], 30)}: "
                     f"{clean(skipped['reason'], 100)}")
    return "\n".join(lines) + "\n"
