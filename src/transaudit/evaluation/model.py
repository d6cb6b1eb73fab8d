"""What annotated evaluation data looks like once read, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass, field

from transaudit.model import Severity, Side

#: Annotation severities that count as an error (Neutral marks are ignored).
COUNTED_SEVERITIES = tuple(severity.value for severity in Severity)
SERIOUS_SEVERITIES = tuple(severity.value for severity in Severity if severity is not Severity.MINOR)


@dataclass(frozen=True)
class AnnotatedError:
    """One error a person marked; ``start``/``end`` are None when unlocated.

    An unlocated error still makes its segment erroneous (segment level) but
    cannot be hit by a span (span level).
    """

    side: Side
    start: int | None
    end: int | None
    category: str
    #: Lower case: minor, major, critical or neutral.
    severity: str
    text: str = ""

    @property
    def located(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def counted(self) -> bool:
        return self.severity in COUNTED_SEVERITIES


@dataclass
class AnnotatedSegment:
    """A translated segment with every error its annotators marked."""

    id: str
    source: str
    target: str
    source_lang: str
    target_lang: str
    errors: list[AnnotatedError] = field(default_factory=list)
    #: Segments sharing a group are audited together as one article, in order.
    group: str = ""
    order: int = 0

    def counted_errors(self, serious_only: bool = False) -> list[AnnotatedError]:
        wanted = SERIOUS_SEVERITIES if serious_only else COUNTED_SEVERITIES
        return [error for error in self.errors if error.severity in wanted]


@dataclass
class PerturbedItem:
    """A DEMETR item: an MT output (control) and the same output perturbed."""

    id: str
    perturbation: str
    applied: bool
    source: str
    mt: str
    target: str
    source_lang: str
    target_lang: str


@dataclass
class Dataset:
    """One input file after reading: annotated segments or perturbed items."""

    path: str
    format: str
    segments: list[AnnotatedSegment] = field(default_factory=list)
    items: list[PerturbedItem] = field(default_factory=list)
