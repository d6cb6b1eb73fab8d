"""The article model every stage shares: segments in, issues out.

Spans are Python slice offsets into one side's text (end exclusive) and every
issue's ``text`` equals that slice, so a report can always highlight exactly
what a check saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal

Side = Literal["source", "target"]


class Severity(StrEnum):
    """MQM severities, least serious first; the score weights live in the settings.

    Every ordering of severities (reports, counts, sorting) derives from this
    class: see ``MOST_SERIOUS_FIRST`` and ``SEVERITY_RANK`` below.
    """

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected minor, major or critical)"
            ) from None


#: Severity names from the most serious down: the order reports list, count and sort them in.
MOST_SERIOUS_FIRST: tuple[str, ...] = tuple(severity.value for severity in reversed(Severity))
#: Rank for sorting, 0 for the most serious.
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(MOST_SERIOUS_FIRST)}


class Category(StrEnum):
    """MQM category paths used by the checks (typology: themqm.org)."""

    MISTRANSLATION = "Accuracy/Mistranslation"
    OMISSION = "Accuracy/Omission"
    ADDITION = "Accuracy/Addition"
    UNTRANSLATED = "Accuracy/Untranslated"
    PUNCTUATION = "Fluency/Punctuation"
    SPELLING = "Fluency/Spelling"
    REPETITION = "Fluency/Repetition"
    CAPITALIZATION = "Fluency/Capitalization"
    WHITESPACE = "Fluency/Whitespace"
    LOCALE_NAME = "Locale convention/Name format"
    LOCALE_NUMBER = "Locale convention/Number format"
    LOCALE_QUOTES = "Locale convention/Quote marks"
    TERMINOLOGY = "Terminology/Wrong term"


#: What checks see in place of each character of a placeholder: U+FFFC OBJECT
#: REPLACEMENT CHARACTER, Unicode's own stand-in for an inline object. It is not a
#: word character, a space, a digit, a quote or punctuation, so no check can read a
#: placeholder as text; and masking keeps the length, so every span a check finds
#: on the masked text is a span of the real text.
PLACEHOLDER_MASK = "\ufffc"


@dataclass(frozen=True)
class Placeholder:
    """Inline markup inside a segment side: a tag, a code or a format specifier.

    ``start``/``end`` are slice offsets into that side's text, where the
    placeholder is shown (``<g1>``, ``</g1>``, ``<x2/>``, ``%s``, ``{name}``).
    ``key`` says which placeholder of the other side it corresponds to (the same
    key on both sides is the same code); ``markup`` is the original markup.
    """

    start: int
    end: int
    key: str
    markup: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "key": self.key, "markup": self.markup}


@dataclass
class Segment:
    """One aligned unit: a source text and its translation.

    Either side may be empty: a target with no source is an addition (web-page
    residue), a source with no target an omission.
    """

    id: str
    source: str
    target: str
    #: 1-based line in the input where this segment starts (for messages).
    line: int | None = None
    back_translation: str | None = None
    #: Round-trip scores (chrF, BLEU, TER) between back-translation and source.
    bt_scores: dict[str, float] = field(default_factory=dict)
    #: Words the back-translation engine did not know.
    bt_unknown: list[str] = field(default_factory=list)
    #: Why there is no back-translation for this segment, if there is none.
    bt_note: str | None = None
    #: Inline markup kept as placeholders (XLIFF/TMX tags, PO format specifiers).
    source_placeholders: tuple[Placeholder, ...] = ()
    target_placeholders: tuple[Placeholder, ...] = ()
    #: What the input says about the segment besides its text (``state``,
    #: ``approved``, ``fuzzy``, ``note``, ``context``, ``plural``), as strings.
    meta: dict[str, str] = field(default_factory=dict)
    #: Cross-lingual sentence similarity of the source with the target (and with
    #: the back-translation), when a meaning check computed it (cosine, −1…1).
    similarity: dict[str, float] = field(default_factory=dict)

    def text(self, side: Side) -> str:
        return self.source if side == "source" else self.target

    def placeholders(self, side: Side) -> tuple[Placeholder, ...]:
        return self.source_placeholders if side == "source" else self.target_placeholders

    def masked(self, side: Side) -> str:
        """The side's text with every placeholder character replaced by :data:`PLACEHOLDER_MASK`."""
        text = self.text(side)
        for placeholder in self.placeholders(side):
            width = placeholder.end - placeholder.start
            text = text[: placeholder.start] + PLACEHOLDER_MASK * width + text[placeholder.end :]
        return text

    def plain(self, side: Side) -> str:
        """The side's text without its placeholders (what a translation engine should see)."""
        text = self.text(side)
        for placeholder in sorted(self.placeholders(side), key=lambda p: p.start, reverse=True):
            text = text[: placeholder.start] + text[placeholder.end :]
        return text

    def for_checks(self) -> Segment:
        """This segment as checks see it: both sides masked (itself when it has no placeholders)."""
        if not self.source_placeholders and not self.target_placeholders:
            return self
        return replace(self, source=self.masked("source"), target=self.masked("target"))


@dataclass
class Article:
    """The unit of audit: one translated article, as aligned segments."""

    id: str
    source_lang: str
    target_lang: str
    segments: list[Segment]
    path: str = ""
    #: The input format (``tsv``, ``jsonl``, ``folder``, ``xliff-1.2``, ``xliff-2.0``,
    #: ``tmx``, ``po``) and, for a file holding several articles, which one (the
    #: index of its XLIFF ``<file>`` or TMX language pair).
    format: str = ""
    part: int | None = None

    def for_checks(self) -> Article:
        """The article as checks see it: placeholders masked (itself when it has none)."""
        if not any(s.source_placeholders or s.target_placeholders for s in self.segments):
            return self
        return replace(self, segments=[segment.for_checks() for segment in self.segments])

    def segment(self, segment_id: str) -> Segment:
        for segment in self.segments:
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)


@dataclass
class Issue:
    """A finding with its code, MQM category, severity and exact span."""

    code: str
    name: str
    category: str
    severity: Severity
    segment: str
    side: Side
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    #: The matching span on the other side, as slice offsets (see ``counterpart_text``).
    counterpart: tuple[int, int] | None = None
    counterpart_text: str = ""
    #: Issues of other checks that report this same error (same place, see
    #: :func:`transaudit.scoring.count_once`): listed with it, not scored again.
    corroborating: list[Issue] = field(default_factory=list)

    @property
    def corroboration(self) -> str:
        """One line naming the other checks that found this error ('' when none did)."""
        if not self.corroborating:
            return ""
        names = ", ".join(dict.fromkeys(f"{other.code} {other.name}" for other in self.corroborating))
        return f"also found by {names} (one error, counted once)"

    @property
    def counterpart_side(self) -> Side:
        return "target" if self.side == "source" else "source"

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "segment": self.segment,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
        }
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        if self.counterpart is not None:
            data["counterpart"] = {"side": self.counterpart_side, "start": self.counterpart[0],
                                   "end": self.counterpart[1], "text": self.counterpart_text}
        if self.corroborating:
            data["corroborating"] = [other.to_dict() for other in self.corroborating]
        return data
