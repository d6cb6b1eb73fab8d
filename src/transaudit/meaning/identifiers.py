"""Identifiers of the source replaced by other letters in the translation ("COVID-19" → "COMPLICA-19").

An identifier here is a run of letters (with inner hyphens) joined by a hyphen
to a number: "COVID-19", "SARS-CoV-2", "IL-6", "H5N1-2". Its letters are a
name, and names are kept, or translated as an acronym whose letters move
("VIH-1" ↔ "HIV-1", "ADN-2" ↔ "DNA-2"). A machine translation that does not
know the name keeps the number and replaces the letters with a word it does
know ("COMPLICA-19", "SPRYCEL-19"): the number check (TA202) sees nothing lost.

The rule: a target identifier absent from the source whose number is that of a
source identifier absent from the target, where the source's letters hold a
capital (an identifier, not an ordinary hyphenated word), the two letter parts
are not the same letters reordered (a translated acronym) and share little
spelling (rapidfuzz ratio below :data:`UNLIKE`; a closer pair is a spelling
variant, "Covid-19", or a mangled name, TA530's business).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from transaudit.analysis.text import fold

#: Letter parts this unlike (rapidfuzz ratio, 0–100, folded) are different names: "COVID"
#: and "COMPLICA" score 46, "COVID" and "SPRYCEL" 17; a variant spelling scores far above
#: ("COVID"/"Covid" 100 folded, "SARS-CoV"/"SARS-COV" 100).
UNLIKE = 50.0
_IDENTIFIER = re.compile(r"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*)-(\d+)(?![\w-])")


@dataclass(frozen=True)
class Replaced:
    """A target identifier (offsets, text) and the source identifier it stands for."""

    start: int
    end: int
    text: str
    source: str


def _identifiers(text: str) -> list[tuple[str, str, int, int]]:
    return [(m.group(1), m.group(2), m.start(), m.end()) for m in _IDENTIFIER.finditer(text)]


def replaced_identifiers(source: str, target: str) -> Iterator[Replaced]:
    """Target identifiers whose letters replace a source identifier's (the module's rule)."""
    if "-" not in source or "-" not in target:
        return
    source_ids, target_ids = _identifiers(source), _identifiers(target)
    in_source = {(fold(letters), number) for letters, number, _, _ in source_ids}
    in_target = {(fold(letters), number) for letters, number, _, _ in target_ids}
    lost = [
        (letters, number)
        for letters, number, _, _ in source_ids
        if (fold(letters), number) not in in_target and any(ch.isupper() for ch in letters)
    ]
    for letters, number, start, end in target_ids:
        if (fold(letters), number) in in_source:
            continue
        for old, old_number in lost:
            if old_number != number or sorted(fold(old)) == sorted(fold(letters)):
                continue
            if ratio(fold(old), fold(letters)) >= UNLIKE:
                continue
            yield Replaced(start, end, f"{letters}-{number}", f"{old}-{old_number}")
            break
