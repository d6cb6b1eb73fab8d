"""benchmarks/perturb_set.py: the perturbation rules on sentences written for the tests.

The rules read Apertium's English analyser and generators (apertium-eng-spa,
apertium-eng-cat) and WordNet (wordnet-base), all in the Makefile's Debian
packages. Nothing here reads the shared evaluation data.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

from transaudit.evaluation.readers import read_demetr

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("perturb_set", ROOT / "benchmarks" / "perturb_set.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["perturb_set"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


ps = _load()


@pytest.fixture(scope="module")
def en():
    return ps.English()


def _words(en, text):
    return en.words([text])[text]


def _negated(en, text):
    edit = ps.negation_edit(text, _words(en, text), en)
    return edit.apply(text) if edit else None


def test_wordnet_direct_antonyms_without_scales():
    adjectives = ps.wordnet_antonyms("adj")
    assert "slow" in adjectives["fast"]
    assert "fast" in adjectives["slow"]  # made symmetric
    assert "decrease" in ps.wordnet_antonyms("verb")["increase"]
    # positive / negative / neutral is a scale of three: no pair of it is an opposite
    assert "neutral" not in adjectives.get("positive", ())


def test_antonym_keeps_the_words_inflection(en):
    text = "Prices increased much faster than wages."
    notes = {e.note for e in ps.antonym_edits(text, _words(en, text), en)}
    assert notes == {"increased -> decreased", "faster -> slower"}
    text = "He loved the city."
    assert [e.apply(text) for e in ps.antonym_edits(text, _words(en, text), en)] == ["He hated the city."]


def test_derived_antonym_replaces_a_noun_made_from_the_bases_antonym(en):
    text = "The seller signed the contract."
    edits = ps.derived_antonym_edits(text, _words(en, text), en)
    assert [e.apply(text) for e in edits] == ["The buyer signed the contract."]  # not "a buy", "buying"
    assert ps.derived_antonym_edits("The cloud was dark.", _words(en, "The cloud was dark."), en) == []


def test_antonym_skips_compounds_and_names(en):
    text = "A well-trodden path leads to Good Hope."
    assert ps.antonym_edits(text, _words(en, text), en) == []


def test_addition_slots_before_determined_nouns_and_finite_verbs(en):
    text = "The minister visited the city in a car."
    slots = ps.addition_slots(_words(en, text))
    assert (text.index("minister"), "adj") in slots
    assert (text.index("city"), "adj") in slots
    assert all(at != text.index("car") for at, _ in slots)  # "a car" would need "an"


def test_addition_inserts_a_pooled_modifier_deterministically(en):
    text = "The minister visited the city."
    first = ps.addition_edit(text, _words(en, text), en, random.Random("17/x"))
    again = ps.addition_edit(text, _words(en, text), en, random.Random("17/x"))
    assert first == again
    assert first is not None and first.start == first.end
    added = first.new.strip()
    assert added in ps.adjective_pool(en) or added in ps.adverb_pool(en)
    assert first.apply(text).replace(added + " ", "") == text


def test_adjective_pool_is_common_unambiguous_adjectives(en):
    pool = ps.adjective_pool(en)
    assert len(pool) > 500
    assert "abnormal" in pool
    assert "new" not in pool  # too frequent: near a function word
    assert all(w.isalpha() and w.islower() for w in pool)


def test_name_runs_whole_names_of_one_kind(en):
    text = "Maria Garcia met Pedro in Madrid and went to Google."
    runs = [(text[a:b], kind) for a, b, kind in ps.name_runs(_words(en, text))]
    assert ("Maria Garcia", "person") in runs
    assert ("Madrid", "place") in runs
    assert ("Google", "other") in runs
    # "Robert" of "Robert Habeck" is part of a longer name the analyser does not know
    text = "Robert Habeck spoke."
    assert ps.name_runs(_words(en, text)) == []


def test_ne_replacement_takes_another_name_of_the_kind(en):
    text = "The minister flew to Madrid."
    pool = {"place": ["Madrid", "Paris"], "person": ["Maria Garcia"]}
    edit = ps.ne_edit(text, _words(en, text), pool, random.Random(1))
    assert edit is not None and edit.apply(text) == "The minister flew to Paris."
    # a name sharing a word with the old one is no replacement ("Johnson" -> "Mike Johnson")
    assert ps.ne_edit(text, _words(en, text), {"place": ["New Madrid"]}, random.Random(1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He went home.", "He did not go home."),
        ("She is happy.", "She is not happy."),
        ("He says it works.", "He does not say it works."),
        ("They have heard the news.", "They have not heard the news."),
        ("They did not leave early.", "They left early."),
        ("It is not cheap.", "It is cheap."),
        ("I don't know.", "I know."),
        ("He doesn't care.", "He cares."),
        ("It wasn't me.", "It was me."),
        ("She never smiles.", "She smiles."),
    ],
)
def test_negation_added_or_removed(en, text, expected):
    assert _negated(en, text) == expected


def test_negation_leaves_participles_after_nouns(en):
    # "based" after a noun is a reduced relative, not a finite verb
    assert _negated(en, "Models based on data help.") is None


def test_pair_sentences_only_when_both_sides_split_alike():
    assert ps.pair_sentences("Hola. ¿Qué tal estás hoy?", "Hello. How are you today?") == [
        ("Hola.", "Hello."),
        ("¿Qué tal estás hoy?", "How are you today?"),
    ]
    assert ps.pair_sentences("Hola. Adiós.", "Hello and goodbye.") == []


def test_build_writes_items_transaudit_eval_reads(en, tmp_path):
    units = [
        ps.Unit("u1", "El ministro visitó Madrid.", "The minister visited Madrid.", "test"),
        ps.Unit("u2", "Ella no es feliz en París.", "She is not happy in Paris.", "test"),
    ]
    rows = ps.build(units, en, 17, "tune")
    assert rows == ps.build(units, en, 17, "tune")  # seeded
    assert {r["perturbation"] for r in rows} == set(ps.CLASSES)
    controls = [r for r in rows if r["perturbation"] == "control_unperturbed"]
    assert all(not r["applied"] and r["target"] == r["mt"] for r in controls)
    for row in rows:
        assert row["applied"] == (row["target"] != row["mt"])
    path = tmp_path / "synth.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = read_demetr(path).items
    assert len(items) == len(rows)
    negation = next(
        r for r in rows if r["perturbation"] == "critical_id8_negation" and r["id"].endswith("u2")
    )
    assert negation["target"] == "She is happy in Paris."


def test_refuses_to_write_into_the_repository(capsys):
    assert ps.main([str(ROOT / "synth.jsonl"), "--half", "tune"]) == 2
    assert "outside the repository" in capsys.readouterr().err
    assert not (ROOT / "synth.jsonl").exists()


def _controls():
    spec = importlib.util.spec_from_file_location(
        "perturb_controls", ROOT / "benchmarks" / "perturb_controls.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_controls_lister_names_the_checks_behind_the_false_alarm_rate(tmp_path, capsys):
    rows = [
        {"id": f"t/{name}/u1", "perturbation": name, "applied": name != "control_unperturbed"}
        | {"source": "El gato duerme en la casa.", "mt": "The cat sleeps in the house", "target": target}
        for name, target in [
            ("control_unperturbed", "The cat sleeps in the house"),
            ("critical_id8_negation", "The cat does not sleep in the house"),
        ]
    ]
    data = tmp_path / "set.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    issues = tmp_path / "issues.jsonl"
    assert _controls().main([str(data), "--backend", "none", "--issues", str(issues)]) == 0
    out = capsys.readouterr().out
    assert "1/1 controls flagged" in out  # one distinct control, whatever the item count
    assert "TA118" in out  # the source ends with '.', the control does not
    assert {json.loads(line)["code"] for line in issues.read_text().splitlines()} == {"TA118"}


def test_domains_of_units():
    assert ps.Unit("wmt24-news-12.1", "a", "b", "wmt24").domain == "news"
    assert ps.Unit("bio-es2en-x-doc1-2", "a", "b", "bio-mqm").domain == "bio"


@pytest.mark.parametrize("args", [["--units", "-1"], ["--domains", "newz"]])
def test_bad_options_are_one_line_and_exit_2(args, capsys):
    with pytest.raises(SystemExit) as stop:
        ps.main(["/tmp/never-written.jsonl", "--half", "tune", *args])
    assert stop.value.code == 2
    assert "invalid" in capsys.readouterr().err
