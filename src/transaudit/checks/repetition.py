"""Repetition: words and phrases machine translation doubled by mistake."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.model import Category, Segment, Severity
from transaudit.text import words


@register
class DoubledWord(Check):
    """A word written twice in a row.

    Bad: "talks at the the summit" — Good: "talks at the summit".
    Legitimate reduplication listed in the target language's data
    (``data/repetition/<lang>.toml``, key ``doubled_ok``) stays silent.
    """

    code = "TA101"
    name = "doubled-word"
    category = Category.REPETITION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        allowed = set(ctx.data("repetition", ctx.target_lang).get("doubled_ok", []))
        tokens = words(segment.target)
        for previous, current in zip(tokens, tokens[1:]):
            if previous.text.casefold() != current.text.casefold() or previous.text.isdigit():
                continue
            gap = segment.target[previous.end : current.start]
            if gap.strip() or previous.text.casefold() in allowed:
                continue
            yield Finding(
                "target",
                previous.start,
                current.end,
                f"'{previous.text}' is written twice",
                suggestion=previous.text,
            )
