"""TA501/TA502's score per segment and the article-relative guard of uncalibrated pairs."""

from __future__ import annotations

import pytest

from transaudit.checks import get_check
from transaudit.checks.base import CheckContext
from transaudit.checks.meaning import LONGEST, outliers, score, thresholds
from transaudit.meaning import similarity
from transaudit.model import Article, Segment


def scored(target: float, back: float | None = None) -> Segment:
    segment = Segment("p1", "fuente", "target")
    segment.similarity = {"target": target} | ({"back_translation": back} if back is not None else {})
    return segment


def test_both_languages_known_to_the_encoder_use_the_mean_with_the_back_translation() -> None:
    assert score(scored(0.6, 0.8), "es", "en") == pytest.approx((0.7, "mean"))
    assert score(scored(0.6), "es", "en") == (0.6, "target")


def test_a_failed_round_trip_leaves_the_direct_view_alone() -> None:
    # "Veintids estudios fueron revisados": Apertium cannot read the word, the direct view is fine
    assert score(scored(0.79, 0.43), "en", "es") == (0.79, "target")
    # within the gap the two views are averaged as before
    assert score(scored(0.79, 0.60), "en", "es") == pytest.approx((0.695, "mean"))
    # a back-translation above the direct view is no failed round trip
    assert score(scored(0.40, 0.80), "en", "es") == pytest.approx((0.6, "mean"))


def test_a_target_language_the_encoder_does_not_know_is_judged_through_the_back_translation() -> None:
    assert score(scored(0.3, 0.9), "es", "ca") == (0.9, "back_translation")
    assert score(scored(0.3), "es", "ca") is None


def test_a_source_language_the_encoder_does_not_know_is_not_judged() -> None:
    assert score(scored(0.9, 0.9), "ca", "es") is None


def test_unscored_segments_are_not_judged() -> None:
    assert score(Segment("p1", "a", "b"), "es", "en") is None


def test_every_pair_has_a_relative_guard_and_calibrated_pairs_a_mean_threshold() -> None:
    assert thresholds("es", "en")["diverges_mean"] == pytest.approx(0.72)
    for pair in (("es", "en"), ("en", "es"), ("fr", "de")):
        limits = thresholds(*pair)
        assert limits["relative"] < 0 and limits["min_segments"] >= 3


def kept(target: float, back: float, back_to_target: float) -> Segment:
    segment = scored(target, back)
    segment.similarity["back_to_target"] = back_to_target
    return segment


def test_a_back_translation_that_garbles_the_target_leaves_the_direct_view_alone() -> None:
    # "I really want to go back to bed" -> "Realmente quiero volver para empotrar": the engine,
    # not the translation, lost the meaning; the back view measures the engine
    assert score(kept(0.76, 0.68, 0.63), "es", "en", fidelity=0.74) == (0.76, "target")
    # a back-translation that keeps the target's meaning is one of the two views
    assert score(kept(0.76, 0.68, 0.90), "es", "en", fidelity=0.74) == pytest.approx((0.72, "mean"))
    # without a floor (en-es, TA516) the mean stands as before
    assert score(kept(0.76, 0.68, 0.63), "es", "en") == pytest.approx((0.72, "mean"))


def test_es_en_sets_the_back_translation_fidelity_floor_and_en_es_does_not() -> None:
    assert thresholds("es", "en")["back_fidelity"] == pytest.approx(0.74)
    assert "back_fidelity" not in thresholds("en", "es")


def test_an_outlier_stands_out_from_its_article() -> None:
    values = [0.62, 0.64, 0.63, 0.65, 0.61, 0.45]
    assert outliers(values, -2.0, 5) == [False, False, False, False, False, True]


def test_a_uniformly_low_article_has_no_outlier() -> None:
    # an uncalibrated pair whose faithful translations all score about 0.5
    assert not any(outliers([0.50, 0.52, 0.49, 0.51, 0.50, 0.48], -2.0, 5))


def test_a_short_article_leaves_the_absolute_threshold_alone() -> None:
    assert outliers([0.9, 0.3], -2.0, 5) == [True, True]


def _article_scored(segments: list[Segment]) -> Article:
    """An article whose cosines are given (as ``similarity.annotate`` leaves them)."""
    article = Article("long", "es", "en", segments)
    setattr(article, similarity._MARK, "")
    return article


@pytest.mark.parametrize(("code", "value"), [("TA501", 0.55), ("TA502", 0.2)])
def test_segments_over_the_length_bound_are_not_judged(code: str, value: float) -> None:
    sentence_es = "Los vecinos del barrio pidieron más autobuses nocturnos al ayuntamiento. "
    sentence_en = "Residents of the district asked the council for more night buses. "
    short = Segment("p1", sentence_es, sentence_en)
    repeat = LONGEST // len(sentence_es) + 1
    long = Segment("p2", sentence_es * repeat, sentence_en * repeat)
    assert len(long.source) > LONGEST >= len(short.source)
    for segment in (short, long):
        segment.similarity = {"target": value, "back_translation": value}
    check = get_check(code)()
    found = list(check.check_article(_article_scored([short, long]), CheckContext("es", "en", {})))
    assert [f.segment for f in found] == ["p1"]


def test_the_evidence_words_take_compounds_names_and_idioms_as_rendered() -> None:
    """TA501's span: "sudamericano" gives "South American", "en gran medida" gives "heavily".

    An unknown source compound holding a target word's translation renders it, a
    capitalised run is one name, and a multiword unit pairs with the only unlinked
    target word read solely as its part of speech; a word nothing renders stays.
    """
    from transaudit.checks.meaning import moved_words

    segment = Segment(
        "p1",
        "El gigante sudamericano depende en gran medida de la soja.",
        "The South American giant depends heavily on purple soybeans.",
    )
    assert [w.text for w in moved_words(segment, "es", "en")] == ["purple"]


def test_the_evidence_words_take_a_more_specific_noun_as_rendered() -> None:
    """WordNet relates "automakers" (a form Apertium lacks) to "fabricantes" → "manufacturer":
    a kind of it, not a moved meaning; "soldiers" stays the evidence."""
    from transaudit.checks.meaning import moved_words

    source = "Los fabricantes franceses exportan la mitad de sus coches a Europa del Este."
    specific = Segment("p1", source, "French automakers export half of their cars to Eastern Europe.")
    assert moved_words(specific, "es", "en") == []
    other = Segment("p1", source, "French soldiers export half of their cars to Eastern Europe.")
    assert [w.text for w in moved_words(other, "es", "en")] == ["soldiers"]


def _paragraphs(scores: list[float]) -> Article:
    sentence_es = "Los vecinos del barrio pidieron más autobuses nocturnos al ayuntamiento."
    sentence_en = "Residents of the district asked the council for more night buses."
    segments = []
    for number, value in enumerate(scores, start=1):
        segment = Segment(f"p{number}", sentence_es, sentence_en)
        segment.similarity = {"target": value, "back_translation": value, "back_to_target": 0.9}
        segments.append(segment)
    return _article_scored(segments)


def test_a_calibrated_pair_flags_only_a_paragraph_that_stands_out_in_its_article() -> None:
    """A freely translated article scores low everywhere: no paragraph diverges for that alone."""
    check = get_check("TA501")()
    context = CheckContext("es", "en", {})
    uniformly_free = _paragraphs([0.66, 0.68, 0.65, 0.70, 0.67, 0.69])
    assert list(check.check_article(uniformly_free, context)) == []
    one_off = _paragraphs([0.88, 0.90, 0.86, 0.89, 0.87, 0.60])
    assert [f.segment for f in check.check_article(one_off, context)] == ["p6"]
    # too few paragraphs for a cloud (a DEMETR item, a short text): the threshold alone decides
    assert [f.segment for f in check.check_article(_paragraphs([0.66, 0.90]), context)] == ["p1"]
