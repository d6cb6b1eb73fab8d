"""Capitalization: capitals inside a sentence and lower-case sentence starts.

Precision comes first, so both checks look only at the words that cannot be
names. A capital after a comma is flagged only for a word on the target
language's list of function words and pronouns (``lowercase_words`` in
``data/capitalization/<lang>.toml``: "We", "The", "El"…), never before another
capitalised word ("The Hague", "El Salvador") nor when the source writes the
same capitalised word. A lower-case sentence start is flagged only after a full
stop that does not close an abbreviation (``abbreviations``, single letters,
"U.S.", "EE. UU.") and only when the source does not do the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transaudit.analysis.resources import LanguageResources
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.model import Category, Segment, Severity

_WORD = r"[^\W\d_][\w’'\-]*"
#: The next word is looked at (not consumed), so consecutive matches cannot hide each other.
#: Latin capitals: the languages with capitalization data are written in Latin script.
_CAPITAL = "A-ZÀ-ÖØ-Þ"
_AFTER_COMMA_RE = re.compile(rf"[,;][ \t]+(?=[{_CAPITAL}])({_WORD})(?=(?:([ \t]+)({_WORD}))?)")
#: Only a lower-case letter after ". " is a candidate; the token before the dot is found by hand.
_AFTER_STOP_RE = re.compile(rf"\.[ \t]+(?=[^\W\d_])(?=[^\W\d_A-Z])({_WORD})(?=(?:[ \t]+({_WORD}))?)")
_FIRST_WORD_RE = re.compile(rf"^[\s\"'“‘«„¿¡(\[—–\-]*({_WORD})(?:[ \t]+({_WORD}))?")
_ENTITY_RE = re.compile(r"&#?\w+;$")
_TITLE_WORD_RE = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class _LangData:
    lowercase_words: frozenset[str]
    abbreviations: frozenset[str]
    particles: frozenset[str]


def _compile(lang: LanguageResources) -> _LangData:
    raw = lang.family("capitalization")
    return _LangData(
        frozenset(w.casefold() for w in raw.get("lowercase_words", [])),
        frozenset(w.casefold() for w in raw.get("abbreviations", [])),
        frozenset(raw.get("particles", [])),
    )


def _lang(lang: LanguageResources) -> _LangData:
    """The language's capitalization rules, compiled once per language (kept on its resources)."""
    return lang.part(_compile)


def _name_particle(word: str, following: str | None, particles: frozenset[str]) -> bool:
    """"van Gogh", "de Gaulle": a particle that keeps its lower case before a name."""
    return word in particles and following is not None and following[:1].isupper()


def _mixed_case(word: str) -> bool:
    """iPhone, eBay, mRNA: a brand or symbol, not a sentence start."""
    return any(c.isupper() for c in word[1:])


def _title_case(text: str) -> bool:
    """Headline capitalisation ("Leaders Commit to a New Plan"): commas prove nothing there."""
    long_words = _TITLE_WORD_RE.findall(text)
    if len(long_words) < 3:
        return False
    capitals = sum(1 for w in long_words if w[0].isupper())
    return capitals >= 0.7 * len(long_words)


@register
class CapitalAfterComma(Check):
    """A function word or pronoun capitalised in mid-sentence, after a comma or semicolon.

    Bad: "during this meeting, We will explain" / "durante la reunión, Nosotros
    explicaremos" — Good: "during this meeting, we will explain". Only words
    on the language's ``lowercase_words`` list count, so names ("in Paris,
    London") are never flagged; "The Hague", headlines and words the source
    capitalises too stay silent.
    """

    code = "TA130"
    needs = (Need("capitalization"),)
    name = "capital-after-comma"
    category = Category.CAPITALIZATION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        text = segment.target
        if "," not in text and ";" not in text:
            return
        lang_data = _lang(ctx.target)
        if not lang_data.lowercase_words:
            return
        title_case: bool | None = None
        for match in _AFTER_COMMA_RE.finditer(text):
            word, following = match.group(1), match.group(3)
            comma = match.start()
            if text[comma] == ";" and _ENTITY_RE.search(text, max(0, comma - 10), comma + 1):
                continue  # the end of an HTML entity, &quot;
            if not word[0].isupper() or len(word) < 2 or word.isupper() or _mixed_case(word):
                continue
            if word.casefold() not in lang_data.lowercase_words:
                continue
            if following and following[0].isupper():
                continue  # "The Hague", "El País", "Los Ángeles"
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", segment.source):
                continue
            if title_case is None:
                title_case = _title_case(text)
            if title_case:
                return
            end = match.end(3) if following else match.end(1)
            yield Finding(
                "target",
                match.start(1),
                end,
                f"'{word}' is capitalised in mid-sentence",
                suggestion=word[0].lower() + word[1:] + (match.group(2) + following if following else ""),
            )


def _abbreviation(token: str, abbreviations: frozenset[str]) -> bool:
    """Does a full stop after ``token`` close an abbreviation rather than a sentence?"""
    token = token.lstrip("(\"'“‘«[¿¡")
    if not token:
        return True  # a lone dot, ". . ."
    core = token.casefold()
    if core in abbreviations or "." in token or token[-1].isdigit():
        return True  # listed, "U.S", "p.m", "e.g", "No. 5", "1."
    letters = [c for c in token if c.isalpha()]
    if len(letters) <= 1:
        return True  # initials and list labels: "J.", "a."
    return token.isupper() and len(token) <= 3  # "EE. UU.", "S.A"


def lowercase_starts(text: str, lang: LanguageResources) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each sentence that starts lower-case after a full stop."""
    if ". " not in text and ".\t" not in text:
        return
    lang_data = _lang(lang)
    abbreviations = lang_data.abbreviations
    for match in _AFTER_STOP_RE.finditer(text):
        word = match.group(1)
        if not word[0].islower() or _mixed_case(word):
            continue
        if _name_particle(word, match.group(2), lang_data.particles):
            continue
        dot = match.start()
        if dot > 0 and text[dot - 1] == ".":
            continue  # an ellipsis written as dots
        token = text[max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1 : dot]
        if _abbreviation(token, abbreviations):
            continue
        after = match.end(1)
        if text[after : after + 1] in (":", "/", ".", "@") and text[after + 1 : after + 2].strip():
            continue  # https://…, example.com, user@host: not a word
        end = match.end(2) if match.group(2) else match.end(1)
        yield match.start(1), end, word


@register
class LowercaseSentenceStart(Check):
    """A sentence that starts with a lower-case letter.

    Bad: "…met President Smith. the only visitor who…" — Good: "…met
    President Smith. The only visitor who…" Also flags a target that starts
    lower-case when its source starts with a capital. Not after abbreviations
    ("e.g.", "approx.", "p. ej."), initials, ellipses or numbers, not for
    "iPhone"-like words, and silent when the source starts sentences in lower
    case too (chat and social-media style).
    """

    code = "TA131"
    needs = (Need("capitalization", optional=True),)
    name = "lowercase-sentence-start"
    category = Category.CAPITALIZATION
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        text = segment.target
        if not text:
            return
        first = _FIRST_WORD_RE.match(text)
        if (
            first
            and first.group(1)[0].islower()
            and not _mixed_case(first.group(1))
            and not _name_particle(first.group(1), first.group(2), _lang(ctx.target).particles)
        ):
            source_first = _FIRST_WORD_RE.match(segment.source)
            if (
                source_first
                and source_first.group(1)[0].isupper()
                and not text.lstrip().startswith(("...", "…"))
            ):
                end = first.end(2) if first.group(2) else first.end(1)
                word = first.group(1)
                yield Finding(
                    "target",
                    first.start(1),
                    end,
                    f"the text starts with lower-case '{word}' (the source starts with a capital)",
                    suggestion=word[0].upper() + word[1:],
                )
        starts = list(lowercase_starts(text, ctx.target))
        if not starts or any(True for _ in lowercase_starts(segment.source, ctx.source)):
            return
        for start, end, word in starts:
            yield Finding(
                "target",
                start,
                end,
                f"the sentence starts with lower-case '{word}'",
                suggestion=word[0].upper() + word[1:],
            )
