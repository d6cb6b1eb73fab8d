"""What a back-translation engine is: texts in, the same number of texts out.

Engines differ (a rule-based pipeline, a neural model) but the audit only
needs one call, :meth:`Backend.translate`, returning one :class:`Translation`
per input text in the input order. An engine that cannot translate a whole
batch raises :class:`BackendError` with a reason an editor can read; a problem
with a single text is reported on that text's :attr:`Translation.note`, so one
bad segment never costs the others their back-translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from transaudit.analysis.languages import parse_tag


class BackendError(Exception):
    """A whole batch could not be translated (missing pair, crash, timeout)."""


@dataclass
class Translation:
    """One engine output: the text, the words it did not know, or why it failed."""

    text: str | None
    unknown: list[str] = field(default_factory=list)
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None


@runtime_checkable
class Backend(Protocol):
    """A back-translation engine for one language direction."""

    #: Short engine name ("apertium", "transformers"), also the cache namespace.
    name: str
    #: What is split off before translating: "line" (each line of a segment is
    #: translated on its own) or "sentence" (each sentence of each line).
    unit: str

    def identity(self) -> str:
        """The mode or model this engine runs (part of the cache key)."""
        ...

    def version(self) -> str:
        """The engine and data version (part of the cache key and the report)."""
        ...

    def describe(self) -> dict[str, Any]:
        """Engine, mode/model and version for the report."""
        ...

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        """One Translation per text, same order; raise BackendError for the whole batch."""
        ...


def check_length(texts: Sequence[str], outputs: Sequence[Translation], engine: str) -> list[Translation]:
    """Guard the one promise every engine makes: as many outputs as inputs."""
    if len(outputs) != len(texts):
        raise BackendError(f"{engine} returned {len(outputs)} texts for {len(texts)}")
    return list(outputs)


def language_codes(lang: str) -> tuple[list[str], str | None]:
    """ISO 639-3 and 639-1 codes of a language tag (three-letter first) and its region.

    Engines name languages differently (Apertium ``spa``, M2M100 ``es``, NLLB
    ``spa_Latn``, multilingual opus-mt ``>>spa<<``); each backend tries these
    codes in order against what its engine actually has.
    """
    tag = parse_tag(lang)
    primary = lang.replace("_", "-").split("-")[0].lower()
    if tag is None:
        return [primary], None
    codes = list(dict.fromkeys((tag.alpha_3, tag.language, primary)))
    return codes, tag.region
