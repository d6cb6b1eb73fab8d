"""TA401 possible meaning change: fire/silent cases run by one parametrized test.

(Named ``test_roundtrip_check.py`` because ``tests/test_roundtrip.py`` exists
and pytest's default import mode needs unique test module names.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from transaudit.backtranslation.scores import segment_scores
from transaudit.checks.base import CheckContext
from transaudit.checks.roundtrip import RoundTripDivergence, missing_runs
from transaudit.model import Article, Segment

#: Well back-translated filler segments that set the article's median high.
GOOD = [
    (
        "El ministro firmó el acuerdo comercial con Brasil.",
        "El ministro firmó el acuerdo comercial con Brasil.",
    ),
    ("Los precios de la energía subieron en invierno.", "Los precios de la energía subieron en invierno."),
    ("La escuela abre sus puertas a las ocho.", "La escuela abre sus puertas a las ocho de la mañana."),
    ("Los agricultores necesitan lluvia esta semana.", "Los agricultores necesitan lluvia esta semana."),
    ("El tren llegó tarde a la estación central.", "El tren llegó tarde a la estación central."),
]


@dataclass
class Case:
    name: str
    source: str
    back_translation: str | None
    #: The highlighted source text, or None when the check must stay silent.
    expected: str | None
    filler: list[tuple[str, str]] = field(default_factory=lambda: list(GOOD))


CASES = [
    Case(
        "omitted date under the floor",
        "Fecha: 15 de septiembre de 2022",
        "Cita:",
        "Fecha: 15 de septiembre de 2022",
    ),
    Case(
        "changed meaning far below the article median",
        "El gobierno aprobó la nueva ley de pesca en el parlamento.",
        "El gobierno dijo algo sobre los barcos.",
        "aprobó la nueva ley de pesca en el parlamento",
    ),
    Case(
        "far below the median but no median to compare (short article)",
        "El gobierno aprobó la nueva ley de pesca en el parlamento.",
        "El gobierno dijo algo sobre los barcos.",
        None,
        filler=GOOD[:2],
    ),
    Case("no back-translation", "Fecha: 15 de septiembre de 2022", None, None),
    Case(
        "every content word came back, only reordered",
        "Mañana el presidente visitará la ciudad con su esposa.",
        "Con su esposa la ciudad visitará mañana presidente.",
        None,
    ),
    Case("source too short to judge", "Buenos días", "Hola", None),
    Case(
        "a faithful back-translation",
        "Las conversaciones siguen mañana en la capital.",
        "Las conversaciones continúan mañana en la capital.",
        None,
    ),
]


def run(case: Case) -> tuple[Article, list]:
    segments = [Segment(f"g{n}", src, "x", back_translation=bt) for n, (src, bt) in enumerate(case.filler)]
    segments.append(Segment("t", case.source, "target text", back_translation=case.back_translation))
    for segment in segments:
        if segment.back_translation is not None:
            segment.bt_scores = segment_scores(segment.back_translation, segment.source)
    article = Article("a", "es", "en", segments)
    check = RoundTripDivergence()
    ctx = CheckContext("es", "en", dict(check.options))
    return article, list(check.check_article(article, ctx))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_round_trip_cases(case: Case) -> None:
    article, findings = run(case)
    if case.expected is None:
        assert findings == []
        return
    assert len(findings) == 1
    finding = findings[0]
    assert finding.segment == "t" and finding.side == "source"
    source = article.segment("t").source
    assert source[finding.start : finding.end] == case.expected
    assert finding.message.startswith("possible meaning change: the back-translation (round-trip chrF")
    assert case.back_translation is not None and case.back_translation in finding.message


def test_silent_when_nothing_was_back_translated() -> None:
    article = Article("a", "es", "en", [Segment("p", "Fecha: 15 de septiembre de 2022", "Date:")])
    check = RoundTripDivergence()
    assert list(check.check_article(article, CheckContext("es", "en", dict(check.options)))) == []


@pytest.mark.parametrize(
    ("source", "back", "missing"),
    [
        ("Los problemas del país", "Los problema del país", []),
        ("Firmó el acuerdo en 2022", "Firmó el acuerdo en 2021", [["2022"]]),
        ("El ministro firmó el gran acuerdo", "El ministro rechazó", [["firmó", "gran", "acuerdo"]]),
        ("Firmó el acuerdo y luego aplaudió", "Rechazó el acuerdo y luego", [["Firmó"], ["aplaudió"]]),
        ("Dushanbé y Tashkent", "Dushanbe y Taskent", [["Tashkent"]]),
    ],
)
def test_missing_runs(source: str, back: str, missing: list[list[str]]) -> None:
    stopwords = {"el", "en", "los", "del", "y"}
    runs = missing_runs(source, back, stopwords)
    assert [[token.text for token in run] for run in runs] == missing
    for run in runs:
        for token in run:
            assert source[token.start : token.end] == token.text
