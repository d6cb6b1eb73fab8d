"""Web-page residue phrases of a language (``data/boilerplate/<lang>.toml``), compiled once.

Shared by the completeness checks (TA222, TA223, TA224) and the article-folder
aligner, which keeps a target paragraph that is nothing but residue one-sided
before it aligns the rest (so residue cannot take a source paragraph's place).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from transaudit.analysis.resources import LanguageResources
from transaudit.analysis.text import fold

_PUNCT_RE = re.compile(r"[^\w\s]+")
#: Longer lines are article text, not a button or a notice.
MAX_RESIDUE_LINE = 160


class Boilerplate:
    """A language's residue phrases and patterns, compiled once."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.lines = {self.normalise(line) for line in raw.get("lines", [])}
        #: Longer lines cannot be a listed phrase (punctuation and spaces aside).
        self.longest = 2 * max((len(line) for line in self.lines), default=0) + 8
        self.first_words = {line.split(" ", 1)[0] for line in self.lines}
        self.patterns = [re.compile(p, re.IGNORECASE) for p in raw.get("patterns", [])]
        self.truncation = {fold(w) for w in raw.get("truncation_words", [])}
        self.labels = {fold(w) for w in raw.get("labels", [])}

    @staticmethod
    def normalise(line: str) -> str:
        return " ".join(_PUNCT_RE.sub(" ", fold(line)).split())

    def matches(self, line: str) -> bool:
        """True when the whole line is residue (phrase or pattern)."""
        line = line.strip()
        if not line or len(line) > MAX_RESIDUE_LINE:
            return False
        head = self.normalise(line[:24]).split(" ", 1)[0]
        if head in self.first_words and len(line) <= self.longest and self.normalise(line) in self.lines:
            return True
        return any(p.fullmatch(line) for p in self.patterns)


def _compile_boilerplate(lang: LanguageResources) -> Boilerplate:
    return Boilerplate(lang.family("boilerplate"))


def boilerplate(lang: LanguageResources) -> Boilerplate:
    """The language's residue phrases, compiled once per language (kept on its resources)."""
    return lang.part(_compile_boilerplate)
