"""WordNet's antonymy as the antonym check reads it (transaudit.meaning.antonyms)."""

from __future__ import annotations

import pytest

from transaudit.meaning.antonyms import (
    _in_index,
    antonyms,
    common_clusters,
    indirect,
    negated,
    part_of_speech,
    troponyms,
)

pytestmark = pytest.mark.skipif(not antonyms(), reason="needs WordNet (Debian's wordnet-base)")


def test_the_poles_of_a_scale_are_opposites_and_its_middle_is_left_out() -> None:
    table = antonyms()
    # "middle": "between the beginning and the end" names both others: it is the middle
    assert "end" in table["beginning"] and "beginning" in table["end"]
    assert "late" in table["early"] and "early" in table["late"]
    assert "middle" not in table.get("late", frozenset()) and "middle" not in table


def test_a_satellite_adjective_is_opposed_to_its_heads_antonym() -> None:
    table = indirect()
    assert "ugly" in table["pretty"] and "pretty" in table["ugly"]  # pretty ~ beautiful ↔ ugly
    assert "subsequent" in table["prior"]  # prior ~ antecedent ↔ subsequent
    assert "small" in table["huge"]  # huge ~ large ↔ small
    # "full" is a satellite of "high" only for a sound's depth, a sense the tagged corpus never saw
    assert "low" not in table.get("full", frozenset())
    # two satellites are not opposed: one step of similarity at most
    assert "tiny" not in table.get("huge", frozenset())


def test_a_negative_affix_on_a_wordnet_adjective() -> None:
    assert {"viable", "possible"} <= negated("unviable")  # not in WordNet: its base's heads too
    assert negated("nonexistent") == {"existent"}  # glossed "not existing": its base only
    assert "certain" in negated("uncertain")
    assert "careful" in negated("careless") or "careful" in antonyms().get("careless", frozenset())
    for word in ("intense", "inside", "invaluable", "indifferent", "infancy", "insure", "increase"):
        assert not negated(word), word


def test_a_troponym_is_opposed_to_its_hypernyms_antonym_in_one_semantic_field() -> None:
    table = troponyms()
    assert "like" in table["hate"] and "hate" in table["like"]  # hate: a way of disliking
    assert "collapse" not in table  # a verb of motion; "change" ↔ "stay" are verbs of change


def test_similar_adjectives_share_a_cluster_in_their_common_senses() -> None:
    clusters = common_clusters()
    assert clusters["male"] & clusters["masculine"]  # linked by "see also"
    assert clusters["real"] & clusters["true"]
    assert not clusters["good"] & clusters["bad"]  # their rare senses would share one


def test_the_index_is_searched_by_bisection() -> None:
    assert _in_index("infancy", "noun") and _in_index("insure", "verb") and _in_index("go up", "verb")
    assert not _in_index("unviable", "adj") and not _in_index("zzzz", "noun")
    assert part_of_speech("instability") == "noun" and part_of_speech("uneasy") == "adj"
    assert part_of_speech("unviable") == ""
