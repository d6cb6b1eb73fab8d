"""Moved words through the back-translation (meaning/coverage.py): words the engine copied."""

from __future__ import annotations

from transaudit.meaning.coverage import copied, heaviest_run, moved_words


def test_lower_case_words_copied_from_the_target_are_the_engines_gap() -> None:
    source = "El concejal criticó ayer la propuesta del alcalde en el pleno."
    target = "Yesterday the councillor slammed the mayor's harebrained scheme at the plenary."
    back = "Ayer el concejal slammed el harebrained scheme del alcalde en el plenario."
    _, added = moved_words(source, back, "es")
    assert {m.token.text for m in copied(added, target, back)} == {"slammed", "harebrained", "scheme"}


def test_a_name_inside_a_sentence_is_not_taken_for_a_gap() -> None:
    source = "The mayor opened the bridge."
    target = "El alcalde de Valparaíso inauguró el puente."
    back = "The mayor of Valparaíso opened the bridge."
    _, added = moved_words(source, back, "en")
    assert [m.token.text for m in added] == ["Valparaíso"]
    assert copied(added, target, back) == ()


def test_neutral_words_neither_count_nor_break_a_run() -> None:
    source = "Le maire a inauguré hier le pont."
    back = "Hier le maire a inauguré le pont suspendu gleaming de Valparaíso."
    target = "Yesterday the mayor inaugurated the gleaming suspension bridge of Valparaíso."
    _, added = moved_words(source, back, "fr")
    gap = copied(added, target, back)
    assert [m.token.text for m in gap] == ["gleaming"]
    kept = tuple(m for m in added if m not in gap)
    total, run = heaviest_run(back, kept, "fr", neutral=gap)
    assert [m.token.text for m in run] == ["suspendu", "Valparaíso"]
    assert total == sum(m.weight for m in run)


def test_a_copied_word_the_target_language_rejects_still_counts() -> None:
    # "comapany" is no English word: the engine could not translate it, and it renders nothing.
    from transaudit.analysis.spelling import speller

    english = speller("en")
    if english is None:
        return
    source = "El director de la empresa inmobiliaria habló ayer con los vecinos."
    target = "The director of the real estate comapany spoke yesterday with the gentrifiers."
    back = "El director del comapany de bienes raíces habló ayer con el gentrifiers."
    _, added = moved_words(source, back, "es")
    assert "comapany" in {m.token.text for m in added}
    assert "comapany" not in {m.token.text for m in copied(added, target, back, english.check)}
    assert "comapany" in {m.token.text for m in copied(added, target, back)}
