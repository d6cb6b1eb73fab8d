"""Checks declare the data they read (``needs``); without a required family they do not run.

The engine obeys the declarations and the report lists what did not run and
why; these tests take each family away through injected resources (never by
touching the installed data) and look at the engine's answer.
"""

from __future__ import annotations

import pytest

from transaudit.analysis.resources import BACKTRANSLATION, LanguageResources, PairResources, describe
from transaudit.checks import Need, all_checks
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings

SOURCE, TARGET = "es", "en"
ARTICLE = Article("needs", SOURCE, TARGET, [
    Segment("p1", "El acuerdo se firmó en Lisboa, dijo.", "The agreement was signed in Lisbon, he said."),
])

#: (check code, need) for every required need of every check, the back-translation aside.
REQUIRED = [
    (check.code, need)
    for check in all_checks()
    for need in check.needs
    if not need.optional and need.family != BACKTRANSLATION
]


def test_every_check_declares_needs_as_need_tuples() -> None:
    for check in all_checks():
        assert isinstance(check.needs, tuple) and all(isinstance(n, Need) for n in check.needs), check.code


def test_every_required_family_is_covered() -> None:
    families = {need.family for _, need in REQUIRED}
    assert {"repetition", "punctuation", "capitalization", "boilerplate", "gazetteer", "length",
            "negation", "hunspell", "wordfreq"} <= families


@pytest.mark.parametrize(("code", "need"), REQUIRED, ids=[f"{c}-{n.family}-{n.side}" for c, n in REQUIRED])
def test_without_its_data_a_check_reports_no_data_instead_of_running(code: str, need: Need) -> None:
    settings = Settings.from_keys(select=code, backend="none")
    if need.pair:
        engine = Engine(settings, pairs={(SOURCE, TARGET): PairResources(SOURCE, TARGET, {need.family: {}})})
        missing = f"{SOURCE}-{TARGET}"
    else:
        lang = SOURCE if need.side == "source" else TARGET
        engine = Engine(settings, resources={lang: LanguageResources(lang, {need.family: {}})})
        missing = lang
    run = engine.run(ARTICLE)
    assert not run.issues and not run.errors
    assert [n.check for n in run.not_run] == [code]
    noun = describe(need.family)  # "Hunspell dictionary", "gazetteer data", …
    assert f"no {noun} for {missing}" in run.not_run[0].reason
    assert run.ran == []


def test_with_its_data_the_same_check_runs() -> None:
    run = Engine(Settings.from_keys(select="TA223,TA301,TA225", backend="none")).run(ARTICLE)
    assert run.not_run == [] and run.ran == ["TA223", "TA225", "TA301"]


def test_a_check_needing_a_back_translation_does_not_run_without_one() -> None:
    run = Engine(Settings.from_keys(select="TA401", backend="none")).run(ARTICLE)
    assert [(n.check, n.reason) for n in run.not_run] == [
        ("TA401", "back-translation is off (backend none)")]


@pytest.mark.parametrize("code", ["TA401", "TA520", "TA521"])
def test_without_a_route_or_a_model_the_back_translation_checks_say_why(code: str) -> None:
    """German has no Apertium pair: de→en cannot be back-translated without a model."""
    article = Article("b", "en", "de", [Segment("p1", "The mayor opened the bridge.",
                                                "Der Bürgermeister eröffnete die Brücke.")])
    run = Engine(Settings.from_keys(select=code)).run(article)
    assert [n.check for n in run.not_run] == [code] and run.ran == []
    assert run.not_run[0].reason.startswith("no back-translation for de→en: ")


@pytest.mark.parametrize("code", ["TA520", "TA521"])
def test_the_coverage_checks_do_not_run_when_back_translation_is_off(code: str) -> None:
    run = Engine(Settings.from_keys(select=code, backend="none")).run(ARTICLE)
    assert [(n.check, n.reason) for n in run.not_run] == [(code, "back-translation is off (backend none)")]


@pytest.mark.parametrize(("source", "target"), [("en", "de"), ("pt", "fr")])
def test_the_dictionary_checks_do_not_run_without_apertium_or_english(source: str, target: str) -> None:
    """TA511 needs English on one side and an Apertium dictionary; TA522 an Apertium dictionary."""
    article = Article("d", source, target, [Segment("p1", "a", "b")])
    run = Engine(Settings.from_keys(select="TA511,TA522", backend="none")).run(article)
    reasons = {n.check: n.reason for n in run.not_run}
    assert "through an Apertium English dictionary" in reasons["TA511"]
    assert f"for {source}-{target}" in reasons["TA522"]
    assert run.ran == []


def test_a_configured_variety_that_is_not_installed_keeps_the_spelling_check_from_running() -> None:
    settings = Settings.from_keys(select="TA140", backend="none").with_overrides(
        spelling={"varieties": ["en_XX"]})
    article = Article("s", "es", "en", [Segment("p1", "Hola.", "Hello.")])
    run = Engine(settings).run(article)
    assert [n.check for n in run.not_run] == ["TA140"] and run.ran == []
    assert "configured varieties en_XX" in run.not_run[0].reason


def test_an_optional_family_only_refines_the_check() -> None:
    """TA201 without numbers data still reads figures with CLDR's symbols: it runs."""
    article = Article("n", "es", "en", [Segment("p1", "Murieron 14 personas.", "15 people died.")])
    engine = Engine(Settings.from_keys(select="TA201", backend="none"),
                    resources={"en": LanguageResources("en", {"numbers": {}})})
    run = engine.run(article)
    assert run.not_run == [] and [i.code for i in run.issues] == ["TA201"]


def test_data_injected_through_the_context_reaches_the_check() -> None:
    """A test (or a caller) hands a check its own residue list; the installed one is not read."""
    article = Article("r", "es", "fr", [Segment("p1", "", "Abonnez-vous au bulletin")])
    installed = Engine(Settings.from_keys(select="TA223", backend="none")).run(article)
    assert installed.issues == []
    given = LanguageResources("fr", {"boilerplate": {"lines": ["abonnez-vous au bulletin"]}})
    run = Engine(Settings.from_keys(select="TA223", backend="none"), resources={"fr": given}).run(article)
    assert [(i.code, i.text) for i in run.issues] == [("TA223", "Abonnez-vous au bulletin")]


def test_the_wrong_sense_check_says_a_non_english_target_is_the_reason() -> None:
    """TA516 compares English senses: on en→es the reason is the target, not a missing package."""
    article = Article("s", "en", "es", [Segment("p1", "a", "b")])
    run = Engine(Settings.from_keys(select="TA516", backend="none")).run(article)
    reason = {n.check: n.reason for n in run.not_run}["TA516"]
    assert reason.startswith("the target (es) is not English")
    assert "wordnet-base" not in reason
