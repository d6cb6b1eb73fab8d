"""Possessives whose possessor the source leaves open and the translation guesses inconsistently.

Spanish "su/sus" (French "son/sa/ses", Portuguese "seu/sua", Catalan "seu/seva",
Italian "suo/sua") says nothing of who owns: him, her, it, them or the formal
"you". English must choose: "his", "her", "its", "their", "your"; German too:
"sein" (masculine or neuter) or "ihr" (feminine or plural). A machine translation that does
not follow the referent chooses again at each possessive, and one sentence ends
up with "his personal lives in her Spain" or "their writings … its position"
for one and the same possessor.

The rule (data: ``data/possessives/<lang>.toml``, ``open`` for the source
language, ``marked`` for the target's): a source sentence with at least
:data:`MIN_OPEN` open possessives whose translation uses possessive determiners
of two kinds or more (masculine, feminine, non-personal, plural, second person)
is flagged, the span running from the first to the last of them. Sentences are
paired when both sides split into as many (at ``.``, ``!`` or ``?`` before a
space, a closing quote or bracket allowed between); otherwise the whole segment
is one sentence. Two different possessors in one sentence ("Maria and her
brother sold their house") are beyond this rule: it would flag them, which is
why the check is off by default; on Bio-MQM es→en tune every sentence it flags
carries a Major error on those possessives, and on WMT24's professional
translation read backwards (Spanish reference as source, English original as
target) it flags 4 paragraphs in 478 (docs/evaluation.md, "Possessives").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Fewer open possessives give the translation nothing to be inconsistent with.
MIN_OPEN = 2
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)\]]*\s+")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Mixed:
    """A target sentence's possessives of different kinds: span and (word, kind) in order."""

    start: int
    end: int
    found: tuple[tuple[str, str], ...]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def mixed_possessives(
    source: str, target: str, source_data: dict[str, Any], target_data: dict[str, Any]
) -> Iterator[Mixed]:
    """Target sentences whose possessives disagree where the source's are all open."""
    open_words = {w.casefold() for w in source_data.get("open", ())}
    marked = {w.casefold(): kind for w, kind in target_data.get("marked", {}).items()}
    if not open_words or not marked:
        return
    source_spans, target_spans = _sentences(source), _sentences(target)
    if len(source_spans) != len(target_spans):
        source_spans, target_spans = [(0, len(source))], [(0, len(target))]
    for (ss, se), (ts, te) in zip(source_spans, target_spans, strict=True):
        count = sum(1 for m in _WORD.finditer(source, ss, se) if m.group().casefold() in open_words)
        if count < MIN_OPEN:
            continue
        found = [(m, marked[m.group().casefold()]) for m in _WORD.finditer(target, ts, te)
                 if m.group().casefold() in marked]  # fmt: skip
        if len({kind for _, kind in found}) < 2:
            continue
        yield Mixed(found[0][0].start(), found[-1][0].end(), tuple((m.group(), k) for m, k in found))
