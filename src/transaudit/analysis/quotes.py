"""Quotation marks: which mark opens, which closes, and which pairs with which.

Quotation marks are hard to read because ’ is also the apostrophe and " is both
opener and closer. :func:`parse_quotes` decides each mark's role from its
neighbours (a mark after a space opens, one before a space or punctuation
closes; one between letters is an apostrophe: Washington’s, don’t), then pairs
openers with closers on a stack. Two marks of the same family pair up ("…"
with curly marks of one family is sloppy, not wrong); a double opener closed by
a single mark, a guillemet closed by a curly quote, or a quotation opened curly
and closed straight, is a mismatch. The language's elisions (’em, ’til) and
continuation marks come from ``data/punctuation/<lang>.toml``. No findings
here: the punctuation checks report what the parse shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transaudit.analysis.resources import LanguageResources, resolve
from transaudit.memo import text_cache

QUOTE_CHARS = "\"'“”„‘’‚«»‹›"
QUOTE_RE = re.compile(f"[{QUOTE_CHARS}]")
#: Which marks pair with which: double, single, double guillemet, single guillemet.
FAMILY = {
    "“": "double", "”": "double", "„": "double", '"': "double",
    "‘": "single", "’": "single", "‚": "single", "'": "single",
    "«": "guillemet", "»": "guillemet", "‹": "single guillemet", "›": "single guillemet",
}  # fmt: skip
#: Typewriter marks: a quotation uses them at both ends or at neither.
_STRAIGHT = frozenset("\"'")
#: The usual closing partner of each opening mark, for suggestions.
CLOSER = {"“": "”", "‘": "’", "«": "»", "„": "“", "‚": "‘", "»": "«", "‹": "›", "›": "‹", '"': '"', "'": "'"}
_OPEN_CONTEXT = set(" \t\n\r\u00a0\u202f\u2009([{<—–-/¿¡") | set("“‘«‹„‚\"'")
_CLOSE_CONTEXT = set(" \t\n\r\u00a0\u202f\u2009.,;:!?)]}>…—–-/") | set(QUOTE_CHARS)


@dataclass(frozen=True)
class Quote:
    index: int
    char: str

    @property
    def family(self) -> str:
        return FAMILY[self.char]


@dataclass(frozen=True)
class QuoteParse:
    """The quotation structure of one text."""

    #: (opener, closer) pairs, well matched.
    pairs: tuple[tuple[Quote, Quote], ...] = ()
    #: (opener, closer) pairs whose marks belong to different families.
    mismatches: tuple[tuple[Quote, Quote], ...] = ()
    #: Openers never closed in this text, in order.
    unclosed: tuple[Quote, ...] = ()
    #: Closers with nothing open, in order.
    orphans: tuple[Quote, ...] = ()
    #: The text opens with a continuation mark or an opener (a continued quote).
    leading: Quote | None = None
    #: Double quotes whose role could not be told (a " between two spaces).
    loose: int = 0


_EMPTY = QuoteParse()


def _conventions(lang: LanguageResources) -> tuple[frozenset[str], frozenset[str]]:
    """The language's elided words (’em) and quote continuation marks, read once per language."""
    spec = lang.family("punctuation")
    return frozenset(spec.get("elisions", [])), frozenset(spec.get("continuation_marks", []))


def _role(text: str, index: int, char: str, stack: list[Quote], elisions: frozenset[str]) -> str | None:
    """'open', 'close' or None (an apostrophe, an inch mark, a stray tick)."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    opening = before in _OPEN_CONTEXT and after not in _CLOSE_CONTEXT
    closing = after in _CLOSE_CONTEXT and before not in _OPEN_CONTEXT
    if char in "’'‘":
        if before.isalnum() and after.isalnum():
            return None  # don’t, Washington’s
        if opening:
            if after.isdigit() or (char != "‘" and _elision(text, index + 1, elisions)):
                return None  # ’90s, ’em, rock ’n roll
            return "open"
        if not closing or (char == "‘" and before.isalnum()):
            return "close" if closing else None
        if stack and stack[-1].family == "single":
            return "close"
        if before in ".,!?…;:":
            return "close"
        # After a letter: a possessive (countries’ leaders) or elision (goin’) unless
        # it ends the text or meets punctuation, and even then not after s.
        if before.isalpha() and after in " \t\n\r\u00a0":
            return None
        return None if before in "sSzZxX" else "close"
    if char == '"' and before.isdigit():
        return None  # 12" (inches)
    if char in "„‚":
        return "open" if not closing else None
    if char in "«‹":
        return "close" if closing else "open"  # « with spaces inside is French, not ambiguous
    if char in "»›":
        return "open" if opening else "close"
    if opening:
        return "open"
    if closing:
        return "close"
    return None


def _elision(text: str, index: int, elisions: frozenset[str]) -> bool:
    """A listed elided word (’em, ’til), or any one or two letters then a space (’n, ’s)."""
    end = index
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[index:end].casefold()
    return word in elisions or (end - index <= 2 and (end == len(text) or text[end].isspace()))


@text_cache(8192)
def parse_quotes(text: str, lang: str | LanguageResources) -> QuoteParse:
    """Pair the quotation marks of ``text`` (written in ``lang``: its resources, or a code).

    Cached by (text, language): a pure function of both, asked by three checks per segment.
    """
    if not QUOTE_RE.search(text):
        return _EMPTY
    elisions, continuation = resolve(lang).part(_conventions)
    stack: list[Quote] = []
    pairs: list[tuple[Quote, Quote]] = []
    mismatches: list[tuple[Quote, Quote]] = []
    unclosed: list[Quote] = []
    orphans: list[Quote] = []
    leading: Quote | None = None
    loose = 0
    first = len(text) - len(text.lstrip())
    for match in QUOTE_RE.finditer(text):
        index, char = match.start(), match.group()
        if index == first and char in continuation and FAMILY[char] == "guillemet" and char == "»":
            leading = Quote(index, char)  # Spanish/Catalan » continuing a quote
            continue
        role = _role(text, index, char, stack, elisions)
        quote = Quote(index, char)
        if role is None and FAMILY[char] != "single":
            loose += 1
        if role == "open":
            if index == first:
                leading = quote
            stack.append(quote)
        elif role == "close":
            if not stack:
                orphans.append(quote)
            elif stack[-1].family == quote.family:
                opener = stack.pop()
                # One quotation, one style: “curly” opened and "straight" closed is a mismatch.
                if (opener.char in _STRAIGHT) != (quote.char in _STRAIGHT):
                    mismatches.append((opener, quote))
                else:
                    pairs.append((opener, quote))
            else:
                depth = next(
                    (d for d in range(len(stack) - 1, -1, -1) if stack[d].family == quote.family), None
                )
                if depth is None:
                    mismatches.append((stack.pop(), quote))
                else:
                    unclosed.extend(stack[depth + 1 :])
                    del stack[depth + 1 :]
                    pairs.append((stack.pop(), quote))
    unclosed.extend(stack)
    unclosed.sort(key=lambda q: q.index)
    return QuoteParse(tuple(pairs), tuple(mismatches), tuple(unclosed), tuple(orphans), leading, loose)
