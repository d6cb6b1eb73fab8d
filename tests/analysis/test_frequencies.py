"""The packed wordfreq table gives exactly wordfreq's values, in a dict built bucket by bucket's order."""

from __future__ import annotations

import wordfreq

from transaudit.analysis import frequencies


def _reference(lang: str) -> dict[str, float]:
    """The table as a plain dict, rarest bucket first (how it was built before packing)."""
    buckets = wordfreq.get_frequency_list(lang, wordlist="best")
    words: dict[str, float] = {}
    for index in range(len(buckets) - 1, -1, -1):
        words.update(dict.fromkeys(buckets[index], round(9.0 - index / 100, 2)))
    return words


def test_the_table_is_wordfreqs_every_word_and_value_in_order() -> None:
    table = frequencies.table("ca")
    reference = _reference("ca")
    assert list(table.items()) == list(reference.items())
    assert len(table) == len(reference)
    rare = [w for w, v in reference.items() if v < frequencies.DICT_ZIPF]
    assert rare and all(w not in table.common for w in rare[:100])  # packed, yet found:
    assert all(table[w] == reference[w] and w in table for w in rare[::500])
    assert table.get("zzqxwv") is None and "zzqxwv" not in table and table.get(3, 0.0) == 0.0


def test_thresholds_read_the_dict_and_agree_with_the_whole_table() -> None:
    table = frequencies.table("ca")
    assert table.at_least(3.0) is table.common
    assert frequencies.frequent("ca", 3.0) == frozenset(w for w, v in table.items() if v >= 3.0)
    below = table.at_least(1.5)
    assert set(below) == {w for w, v in table.items() if v >= 1.5}


def test_commonest_is_a_stable_sort_by_falling_frequency() -> None:
    reference = _reference("ca")
    expected = [w for w, _ in sorted(reference.items(), key=lambda item: -item[1]) if w.isalpha()][:300]
    assert frequencies.commonest("ca", 300, str.isalpha) == expected


def test_a_language_wordfreq_lacks_is_empty() -> None:
    assert not frequencies.available("xx") and frequencies.zipf("casa", "xx") == 0.0


def test_top_words_are_wordfreqs_top_list() -> None:
    assert frequencies.top_words("ca", 400) == tuple(wordfreq.top_n_list("ca", 400))


def test_the_files_are_wordfreqs_best_lists_found_without_importing_it() -> None:
    assert frequencies.word_lists() == wordfreq.available_languages("best")
    from wordfreq.numbers import has_digit_sequence

    words = ["1,000", "12", "1", "a1", "٣٤", "3.", "x", "１２", "2a", "12.5%", "", "..1"]
    ours = [bool(frequencies._MULTI_DIGIT_RE.match(w)) for w in words]
    assert ours == [has_digit_sequence(w) for w in words]


def test_every_threshold_a_check_asks_for_is_in_the_dict() -> None:
    """TA140's correction gain (2.5) is the lowest ``at_least``: no dict of the whole table is built."""
    from transaudit.checks import spelling

    assert frequencies.DICT_ZIPF <= spelling.CORRECTION_GAIN
    assert frequencies.table("ca").at_least(spelling.CORRECTION_GAIN) is frequencies.table("ca").common
