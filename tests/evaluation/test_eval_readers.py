"""Readers of annotated data: offsets, grouping, merging and format detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transaudit.errors import InputError
from transaudit.evaluation.readers import (
    detect_format,
    pair_from_name,
    read_bio_mqm,
    read_dataset,
    read_demetr,
    read_mqm_tsv,
    strip_marks,
)


def test_bio_mqm_segments_keep_offsets_languages_and_groups(bio_mqm_file: Path) -> None:
    dataset = read_bio_mqm(bio_mqm_file)
    assert dataset.format == "bio-mqm"
    assert [s.id for s in dataset.segments][:2] == ["es2en/sysA/doc1/1", "es2en/sysA/doc1/2"]
    first = dataset.segments[0]
    assert (first.source_lang, first.target_lang, first.group, first.order) == ("es", "en", "sysA/doc1", 1)
    error = first.errors[0]
    assert first.target[error.start : error.end] == "The the"
    assert error.severity == "minor" and error.located


def test_bio_mqm_neutral_and_unlocated_errors(bio_mqm_file: Path) -> None:
    segments = read_bio_mqm(bio_mqm_file).segments
    assert [e.category for e in segments[2].counted_errors()] == ["Accuracy/Mistranslation"]
    assert [e.category for e in segments[2].counted_errors(serious_only=True)] == ["Accuracy/Mistranslation"]
    unlocated = segments[3].errors[0]
    assert not unlocated.located and unlocated.counted


def test_bio_mqm_second_annotation_of_a_segment_is_merged(tmp_path: Path) -> None:
    row = {
        "id": "d/1",
        "source_lang": "es",
        "target_lang": "en",
        "source": "Hola.",
        "target": "Hello hello.",
        "errors": [{"side": "target", "category": "A", "severity": "Minor", "start": 0, "end": 5}],
    }
    again = {
        **row,
        "errors": [
            {"side": "target", "category": "B", "severity": "Major", "start": 6, "end": 11},
            {"side": "target", "category": "A", "severity": "Minor", "start": 0, "end": 5},
        ],
    }
    path = tmp_path / "twice.jsonl"
    path.write_text(json.dumps(row) + "\n" + json.dumps(again) + "\n", encoding="utf-8")
    segments = read_bio_mqm(path).segments
    assert len(segments) == 1
    assert sorted(e.category for e in segments[0].errors) == ["A", "B"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not json", "invalid JSON"),
        ('{"id": "x", "source": "a", "target": "b", "errors": []}', "no source_lang"),
        (
            '{"id": "x", "source_lang": "es", "target_lang": "en", "source": "a", "target": "b", '
            '"errors": [{"side": "target", "start": 0, "end": 9}]}',
            "outside the target text",
        ),
        (
            '{"id": "x", "source_lang": "es", "target_lang": "en", "target": "b", "errors": []}',
            "missing field",
        ),
    ],
)
def test_bio_mqm_bad_lines_name_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_bio_mqm(path)
    assert caught.value.line == 2
    assert problem in caught.value.problem


def test_demetr_items(demetr_file: Path) -> None:
    items = read_demetr(demetr_file).items
    assert [(i.perturbation, i.applied) for i in items] == [
        ("minor_id1_repeat2", True),
        ("minor_id1_repeat2", False),
        ("critical_id8_negation", True),
    ]
    assert (items[0].source_lang, items[0].target_lang) == ("es", "en")
    assert items[0].mt == "She arrived yesterday."


@pytest.mark.parametrize(
    ("marked", "clean", "spans"),
    [
        ("no marks", "no marks", []),
        ("a <v>bad</v> word", "a bad word", [(2, 5)]),
        ("<v>x</v>y<v>z</v>", "xyz", [(0, 1), (2, 3)]),
        ("empty <v></v>here", "empty here", [(6, 6)]),
        ("open <v>to the end", "open to the end", [(5, 15)]),
    ],
)
def test_strip_marks(marked: str, clean: str, spans: list[tuple[int, int]]) -> None:
    assert strip_marks(marked) == (clean, spans)


def test_mqm_tsv_groups_raters_and_strips_marks(mqm_tsv_file: Path) -> None:
    dataset = read_mqm_tsv(mqm_tsv_file)
    assert [s.id for s in dataset.segments] == ["sysB/news1/1", "sysB/news1/2", "sysB/news1/3"]
    first, clean, untranslated = dataset.segments
    assert (first.source_lang, first.target_lang) == ("en", "de")
    assert first.target == 'Er sagte sagte "ja".' and first.source == 'He said "yes".'
    grammar = [e for e in first.errors if e.side == "target"]
    assert len(grammar) == 1, "two raters marking the same span give one error"
    assert grammar[0].severity == "major", "the higher severity wins"
    assert first.target[grammar[0].start : grammar[0].end] == "sagte"
    source_error = next(e for e in first.errors if e.side == "source")
    assert first.source[source_error.start : source_error.end] == "said"
    assert clean.errors == []
    assert [(e.severity, e.located) for e in untranslated.errors] == [("major", False)]


def test_mqm_tsv_without_pair_in_name_needs_langs(tmp_path: Path, mqm_tsv_file: Path) -> None:
    path = tmp_path / "ratings.tsv"
    path.write_text(mqm_tsv_file.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="--langs"):
        read_mqm_tsv(path)
    assert read_mqm_tsv(path, ("en", "fr")).segments[0].target_lang == "fr"


@pytest.mark.parametrize(
    ("name", "pair"),
    [("mqm_newstest2020_ende.tsv", ("en", "de")), ("mqm_ted_zh-en.tsv", ("zh", "en")), ("ratings.tsv", None)],
)
def test_pair_from_name(name: str, pair: tuple[str, str] | None) -> None:
    assert pair_from_name(Path(name)) == pair


def test_detect_format(bio_mqm_file: Path, demetr_file: Path, mqm_tsv_file: Path, tmp_path: Path) -> None:
    assert detect_format(bio_mqm_file) == "bio-mqm"
    assert detect_format(demetr_file) == "demetr"
    assert detect_format(mqm_tsv_file) == "mqm-tsv"
    other = tmp_path / "other.txt"
    other.write_text("just text\n", encoding="utf-8")
    with pytest.raises(InputError, match="--format"):
        detect_format(other)
    assert read_dataset(mqm_tsv_file, "mqm-tsv").format == "mqm-tsv"
