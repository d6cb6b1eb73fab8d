"""Names matched word by word across a translation (transaudit.meaning.name_counterparts)."""

from __future__ import annotations

import pytest

from transaudit.meaning.bilingual import lexicon
from transaudit.meaning.name_counterparts import replaced_names, respelled, unmatched_names

pytestmark = pytest.mark.skipif(lexicon("es", "en") is None, reason="needs Apertium's spa-eng pair")


def test_respelled_names_are_one_name() -> None:
    assert respelled("meguiar", "mcguire")  # same initial, ratio 57
    assert respelled("knagglig", "nagle")  # ratio 62
    assert not respelled("kowalczyk", "kenneth")
    assert not respelled("kari", "kim")  # too short to judge by the initial


def test_translated_names_have_counterparts() -> None:
    source = "La ONU y el Banco Mundial se reunieron en Edimburgo con la ministra de Alemania."
    target = "The UN and the World Bank met in Edinburgh with the German minister."
    lost, new = unmatched_names(source, target, "es", "en", need_lost=False)
    assert [u.text for u in lost] == ["Alemania"]  # rendered by its demonym: lost, but nothing new
    assert new == [] and replaced_names(source, target, "es", "en") == ()


def test_a_name_lost_and_a_name_come_are_paired_by_position() -> None:
    source = "Según Kowalczyk, la reunión con Agremex fue un éxito."
    target = "According to Kowalczyk, the meeting with Barclays was a success."
    (found,) = replaced_names(source, target, "es", "en")
    assert (found.lost.text, found.new.text) == ("Agremex", "Barclays")
    assert target[found.new.start : found.new.end] == "Barclays"


def test_a_city_is_no_counterpart_of_another_city_of_its_country() -> None:
    source = "El Real Madrid ganó al Atlético en el Bernabéu."
    target = "Real Madrid beat Barcelona at the Bernabéu."
    (found,) = replaced_names(source, target, "es", "en")
    assert (found.lost.text, found.new.text) == ("Atlético", "Barcelona")


def test_a_pair_without_a_dictionary_judges_nothing() -> None:
    assert replaced_names("Selon Kowalski, oui.", "According to Novak, yes.", "fr", "en") == ()
