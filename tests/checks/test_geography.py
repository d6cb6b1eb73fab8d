"""Geography checks (TA301-TA303) beyond their cases in cases/geography.toml."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from transaudit.checks import CheckContext, get_check
from transaudit.checks.base import iter_findings
from transaudit.checks.geography import resolve
from transaudit.engine import Engine
from transaudit.model import Article, Category, Segment, Severity
from transaudit.settings import Settings

TABLE = Path(__file__).parent / "cases" / "geography.toml"
CASES = {case["id"]: case for case in tomllib.loads(TABLE.read_text(encoding="utf-8"))["case"]}


def article(case: dict) -> Article:
    src, tgt = case["pair"].split("-")
    segments = [Segment(f"p{i + 1}", s, t) for i, (s, t) in enumerate(case["segments"])]
    return Article(case["id"], src, tgt, segments)


def findings(code: str, art: Article) -> list[tuple[str, str, str, str]]:
    check = get_check(code)()
    ctx = CheckContext(art.source_lang, art.target_lang, check.option_defaults())
    found = []
    if check.scope == "article":
        pairs = [(f.segment, f) for f in iter_findings(check.check_article(art, ctx))]
    else:
        pairs = [(s.id, f) for s in art.segments for f in iter_findings(check.check_segment(s, ctx))]
    for seg_id, finding in pairs:
        text = art.segment(seg_id).text(finding.side)
        assert 0 <= finding.start < finding.end <= len(text)
        found.append((code, finding.side, text[finding.start : finding.end], finding.message))
    return found


def test_message_names_antecedent_and_fitting_descriptors() -> None:
    case = CASES["es-en-apposition-weak-antecedent"]
    [(_, _, text, message)] = findings("TA301", article(case))
    assert text == "Central Asian country"
    assert "refers to Iran" in message
    assert "Middle Eastern" in message and "UN M49" in message


def test_resolve_prefers_strong_antecedent_over_apposition() -> None:
    text = (
        "Iran applied in 2008. Members meeting in Dushanbe, the capital of Tajikistan, "
        "admitted the Central Asian country."
    )
    [res] = resolve([("p1", text)], "en")
    assert res.antecedent == "IR" and not res.fits


def test_unsupported_language_is_silent() -> None:
    art = Article(
        "x",
        "es",
        "xx",
        [Segment("p1", "Irán y el país centroasiático.", "Iran and the Central Asian country.")],
    )
    for code in ("TA301", "TA302", "TA303"):
        assert findings(code, art) == []


def test_engine_runs_entity_checks_with_valid_spans() -> None:
    case = CASES["es-en-apposition-weak-antecedent"]
    run = Engine(Settings.from_keys(select="TA3")).run(article(case))
    assert not run.errors
    issue = next(i for i in run.issues if i.code == "TA301")
    assert issue.text == "Central Asian country" and issue.severity.value == "major"
    assert issue.category == "Accuracy/Mistranslation"


ENTITIES = Path(__file__).parents[1] / "data" / "entities"


def read_article(name: str) -> Article:
    import csv

    src, tgt = name.split(".")[0].split("-")
    with (ENTITIES / name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return Article(name, src, tgt, [Segment(r["id"], r["source"], r["target"]) for r in rows])


@pytest.mark.parametrize("name", ["es-en.tsv", "en-es.tsv"])
def test_hand_written_articles(name: str) -> None:
    expected = json.loads((ENTITIES / "expected.json").read_text(encoding="utf-8"))[name]
    settings = Settings.from_keys(select="TA3", glossary=[str(ENTITIES / "glossary.csv")])
    run = Engine(settings).run(read_article(name))
    assert not run.errors
    got = sorted((i.code, i.segment, i.side, i.text) for i in run.issues)
    assert got == sorted(tuple(e) for e in expected)


@pytest.mark.parametrize("pair", ["es-en", "en-es"])
def test_checks_never_raise_and_spans_match(pair: str) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "Irán",
            "Iran",
            "the",
            "el",
            "país",
            "country",
            "Central Asian",
            "centroasiático",
            "emirate",
            "emirato",
            "Kiev",
            "Dushanbé",
            "Pekín",
            ", ",
            ". ",
            " ",
            "«",
            "»",
            '"',
            "de",
            "of",
            "Daniel Ortega",
            "Tomb",
            "'s",
        ]
    )
    text = st.lists(pieces, max_size=25).map("".join)
    src, tgt = pair.split("-")

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(text, text), min_size=1, max_size=4))
    def run(paragraphs: list[tuple[str, str]]) -> None:
        art = Article("h", src, tgt, [Segment(f"p{i}", s, t) for i, (s, t) in enumerate(paragraphs)])
        result = Engine(Settings.from_keys(select="TA3")).run(art)
        assert not result.errors
        for issue in result.issues:
            assert art.segment(issue.segment).text(issue.side)[issue.start : issue.end] == issue.text

    run()


def test_vanished_person_is_a_minor_omission_on_the_source() -> None:
    case = CASES["es-en-person-vanished"]
    art = article(case)
    check = get_check("TA303")()
    ctx = CheckContext(art.source_lang, art.target_lang, check.option_defaults())
    [finding] = list(iter_findings(check.check_segment(art.segments[0], ctx)))
    assert finding.side == "source" and finding.severity == Severity.MINOR
    assert finding.category == Category.OMISSION
    assert finding.message == "'Marta Ibáñez Soler' is named in the source but not in the translation"


def test_a_name_swapped_for_another_is_major_with_its_span_on_the_name_only() -> None:
    """The catalogue's severity (major) for a replaced name, and the span without the
    ordinary word ("Coach") a sentence's first position capitalizes; the source's
    name is the counterpart, so a report can mark both."""
    source = "La entrenadora Quiroga lo anunció ayer."
    target = "Coach Patricia announced it yesterday."
    engine = Engine(Settings.from_keys(select="TA303"))
    issues = engine.run(Article("swap", "es", "en", [Segment("p1", source, target)])).issues
    assert [(i.code, i.severity, i.text, i.counterpart_text) for i in issues] == [
        ("TA303", Severity.MAJOR, "Patricia", "Quiroga")
    ]
