"""Every data file under src/transaudit/data matches its family's schema (transaudit/data/schema.py)."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from transaudit.data import schema

DATA = Path(str(files("transaudit.data")))
TOML_FILES = sorted(DATA.glob("*/*.toml"))
TEXT_FILES = sorted(DATA.glob("*/*.txt"))


def test_there_are_data_files() -> None:
    assert len(TOML_FILES) > 30 and TEXT_FILES


@pytest.mark.parametrize("path", TOML_FILES, ids=[f"{p.parent.name}/{p.name}" for p in TOML_FILES])
def test_data_file_matches_its_family_schema(path: Path) -> None:
    with path.open("rb") as handle:
        content = tomllib.load(handle)
    problems = schema.validate(path.parent.name, path.stem, content)
    assert not problems, f"{path.relative_to(DATA)}: " + "; ".join(problems)


@pytest.mark.parametrize("path", TEXT_FILES, ids=[f"{p.parent.name}/{p.name}" for p in TEXT_FILES])
def test_list_file_is_one_item_a_line(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.relative_to(DATA)}:{number}"
        assert line == line.strip() or line.startswith("#"), f"{where}: stray spaces"


def test_a_problem_names_the_key_and_what_was_expected() -> None:
    problems = schema.validate("punctuation", "xx", {"extra_openers": [1], "inverted_mark": True})
    assert problems[0] == "extra_openers[0]: expected a string, not 1"
    assert problems[1].startswith("inverted_mark: unknown key (known: continuation_marks, elisions, ")
    assert len(problems) == 2
    assert schema.validate("length", "es-en", {"ratio": "1.1"}) == ["ratio: expected a number, not '1.1'"]
    assert schema.validate("gazetteer", "world", {"cities": {"rome": {"country": ["IT"]}}}) == [
        "cities.rome.country: expected a string, not ['IT']"]


def test_an_unknown_file_kind_is_a_problem() -> None:
    assert schema.validate("length", "en", {}) == [
        "family 'length' has no lang files (no schema for length/lang)"]
    assert "is no language" in schema.validate("numbers", "English", {})[0]
