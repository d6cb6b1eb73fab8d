"""Checks that did not run (their data is missing for the pair) are listed in every report format."""

from __future__ import annotations

import json

from transaudit.analysis.resources import LanguageResources
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.report.html_report import render_html
from transaudit.report.json_report import render_json
from transaudit.report.text_report import render_text
from transaudit.settings import Settings


def audit():
    article = Article("vertrag", "de", "fr", [
        Segment("p1", "Der Vertrag wurde gestern in Berlin unterzeichnet.",
                "Le traité a été signé hier à Berlin."),
    ])
    settings = Settings.from_keys(select="TA302,TA101,TA225", backend="none")
    # German without its gazetteer (given through the resources, whatever data is installed).
    engine = Engine(settings, resources={"de": LanguageResources("de", {"gazetteer": {}})})
    return audit_article(article, settings, engine)


def test_json_text_and_html_say_which_checks_did_not_run_and_why() -> None:
    result = audit()
    data = json.loads(render_json(result))
    assert data["not_run"] == [
        {"check": "TA225", "name": "length-omission", "reason": "no length data for de-fr"},
        {"check": "TA302", "name": "descriptor-source-mismatch", "reason": "no gazetteer data for de"},
    ]
    assert data["settings"]["checks"] == ["TA101"]
    text = render_text(result)
    assert "  not run: TA302 descriptor-source-mismatch: no gazetteer data for de" in text.splitlines()
    html = render_html(result)
    assert "2 checks did not run" in html and "no gazetteer data for de" in html and "TA225" in html


def test_nothing_is_listed_when_every_check_has_its_data() -> None:
    article = Article("a", "es", "en", [Segment("p1", "Hola, mundo.", "Hello, world.")])
    result = audit_article(article, Settings.from_keys(select="TA302,TA225", backend="none"))
    assert result.not_run == [] and "did not run" not in render_html(result)


def test_checks_that_cannot_run_for_english_to_german_are_listed_not_run() -> None:
    """No Apertium pair for German: no back-translation and no bilingual dictionary."""
    article = Article("brücke", "en", "de", [
        Segment("p1", "The mayor opened the new bridge on Monday.",
                "Der Bürgermeister eröffnete am Montag die neue Brücke."),
    ])
    result = audit_article(article, Settings.from_keys(select="TA303,TA511,TA520,TA521,TA522"))
    data = json.loads(render_json(result))
    assert data["settings"]["checks"] == ["TA303"]
    reasons = {entry["check"]: entry["reason"] for entry in data["not_run"]}
    assert sorted(reasons) == ["TA511", "TA520", "TA521", "TA522"]
    assert reasons["TA520"].startswith("no back-translation for de→en: ")
    assert reasons["TA521"] == reasons["TA520"]
    assert "through an Apertium English dictionary" in reasons["TA511"] and "for en-de" in reasons["TA522"]


def test_a_missing_spelling_variety_is_a_check_that_did_not_run() -> None:
    article = Article("a", "es", "en", [Segment("p1", "Hola, mundo.", "Hello, world.")])
    settings = Settings.from_keys(select="TA140,TA303", backend="none").with_overrides(
        spelling={"varieties": ["en_XX"]})
    data = json.loads(render_json(audit_article(article, settings)))
    assert data["settings"]["checks"] == ["TA303"]
    assert [entry["check"] for entry in data["not_run"]] == ["TA140"]
    assert "en_XX" in data["not_run"][0]["reason"]


def test_the_index_and_summary_say_a_pass_was_a_limited_audit() -> None:
    """A pass with checks missing for the pair is no plain PASS to an index reader."""
    from transaudit.report.index_report import IndexEntry, render_index, summary_dict

    result = audit()
    entry = IndexEntry.from_result(result, "vertrag.html", None)
    assert entry.passed
    assert summary_dict([entry])["articles"][0]["checks_not_run"] == ["TA225", "TA302"]
    index = render_index([entry])
    assert "limited: 2 checks not run" in index and "TA225, TA302" in index
    complete = audit_article(Article("a", "es", "en", [Segment("p1", "Hola, mundo.", "Hello, world.")]),
                             Settings.from_keys(select="TA302,TA225", backend="none"))
    assert "limited:" not in render_index([IndexEntry.from_result(complete, "a.html", None)])
