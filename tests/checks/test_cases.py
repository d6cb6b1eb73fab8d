"""Every check case in ``tests/checks/cases/*.toml``, run by one generic test.

Modelled on sqlfluff's ``yaml_test_cases_test.py``: the cases are data, this
module discovers every file, and the codes under test come from the cases
themselves, so adding a check needs no change here. A case file holds:

``[[case]]`` tables
    ``id``; ``pair = "source-target"``; ``source`` and ``target``, or
    ``segments = [[source, target], ...]`` (a third item is the segment's
    back-translation, scored with the real round-trip scores);
    ``markup = "po"`` (format specifiers, with the case's ``flags``) or ``"xliff"``
    (the text is XLIFF inline content) turns inline markup into placeholders the
    way the readers do; ``meta`` is the segments' metadata;
    ``fire``: findings that must be reported, each ``["CODE", "span text"]``
    (target side) or ``{code, side, text, suggestion, message}`` (``side``
    defaults to target; a ``suggestion`` must match exactly; ``message`` is
    text the message must contain); ``silent``: codes that must not fire.
``[settings]`` (optional)
    run settings for every case of the file (``glossary = [...]``, paths
    relative to the cases folder).
``[firing-targets]`` (optional)
    ``CODE = [languages]``: target languages the code must fire in somewhere.

Only the codes a case names are selected. Every issue's span is checked
against its text, and no check may crash.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from transaudit.backtranslation.scores import segment_scores
from transaudit.checks import all_checks
from transaudit.engine import Engine
from transaudit.input.placeholders import format_specifiers
from transaudit.input.xliff import side_text
from transaudit.input.xmlsafe import parse_text
from transaudit.model import Article, Issue, Segment
from transaudit.settings import Settings

CASES_DIR = Path(__file__).parent / "cases"
FILES = sorted(CASES_DIR.glob("*.toml"))


@cache
def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def cases() -> list[Any]:
    return [
        pytest.param(path, case, id=f"{path.stem}:{case['id']}")
        for path in FILES
        for case in load(path)["case"]
    ]


def expectation(entry: list[str] | dict[str, str]) -> dict[str, str]:
    """A ``fire`` entry as a dict with ``code``, ``side`` and ``text`` (and what else it gives)."""
    if isinstance(entry, list):
        assert len(entry) == 2, f"a fire entry is [code, text] or an inline table, not {entry!r}"
        code, text = entry
        return {"code": code, "side": "target", "text": text}
    unknown = set(entry) - {"code", "side", "text", "suggestion", "message"}
    assert not unknown and {"code", "text"} <= set(entry), f"fire entry {entry!r}: unknown or missing keys"
    return {"side": "target", **entry}


def codes_of(case: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted({expectation(e)["code"] for e in case["fire"]} | set(case.get("silent", []))))


@cache
def engine(codes: tuple[str, ...], extra: tuple[tuple[str, Any], ...]) -> Engine:
    settings = {key: dict(value) if key == "spelling" else value for key, value in extra}
    return Engine(Settings.from_keys(select=codes, backend="none", **settings))


def run_settings(path: Path, case: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    extra = {**load(path).get("settings", {}), **case.get("settings", {})}
    if "glossary" in extra:
        extra["glossary"] = tuple(str(CASES_DIR / name) for name in extra["glossary"])
    if "spelling" in extra:  # the editors' word list, relative to the cases folder; a table frozen
        spelling = dict(extra["spelling"])
        if "words" in spelling:
            spelling["words"] = str(CASES_DIR / spelling["words"])
        extra["spelling"] = tuple(sorted(spelling.items()))
    return tuple(sorted(extra.items()))


def with_markup(segment: Segment, case: dict[str, Any]) -> Segment:
    """The segment with its inline markup as placeholders, as the PO or XLIFF reader would make it."""
    if case.get("markup") == "po":
        flags = case.get("flags", [])
        segment.source_placeholders = format_specifiers(segment.source, flags)
        segment.target_placeholders = format_specifiers(segment.target, flags)
    elif case.get("markup") == "xliff":
        source, segment.source_placeholders, _ = side_text(parse_text(f"<t>{segment.source}</t>", case["id"]))
        target, segment.target_placeholders, _ = side_text(parse_text(f"<t>{segment.target}</t>", case["id"]))
        segment.source, segment.target = source, target
    return segment


def article(case: dict[str, Any]) -> Article:
    source_lang, target_lang = case["pair"].split("-")
    rows = case.get("segments") or [[case["source"], case["target"]]]
    segments = []
    for number, (source, target, *back) in enumerate(rows, start=1):
        segment = with_markup(Segment(f"s{number}", source, target, meta=dict(case.get("meta", {}))), case)
        if back:
            segment.back_translation = back[0]
            segment.bt_scores = segment_scores(back[0], source) if source.strip() else {}
        segments.append(segment)
    return Article("case", source_lang, target_lang, segments)


def matches(issue: Issue, wanted: dict[str, str]) -> bool:
    return (
        (issue.code, issue.side, issue.text) == (wanted["code"], wanted["side"], wanted["text"])
        and ("suggestion" not in wanted or issue.suggestion == wanted["suggestion"])
        and wanted.get("message", "") in issue.message
    )


@pytest.mark.parametrize(("path", "case"), cases())
def test_case(path: Path, case: dict[str, Any]) -> None:
    codes = codes_of(case)
    assert codes, "a case must name at least one code in fire or silent"
    doc = article(case)
    run = engine(codes, run_settings(path, case)).run(doc)
    assert not run.errors, run.errors
    for issue in run.issues:
        assert doc.segment(issue.segment).text(issue.side)[issue.start : issue.end] == issue.text
    got = [(i.code, i.side, i.text, i.suggestion, i.message) for i in run.issues]
    for entry in case["fire"]:
        wanted = expectation(entry)
        assert any(matches(issue, wanted) for issue in run.issues), f"expected {wanted}; got {got}"
    for code in case.get("silent", []):
        assert not [g for g in got if g[0] == code], f"{code} should be silent; got {got}"


def firing_targets(code: str) -> set[str]:
    return {
        case["pair"].split("-")[1]
        for path in FILES
        for case in load(path)["case"]
        if any(expectation(entry)["code"] == code for entry in case["fire"])
    }


@pytest.mark.parametrize("code", [check.code for check in all_checks()])
def test_every_check_has_cases_that_fire_and_stay_silent(code: str) -> None:
    every = [case for path in FILES for case in load(path)["case"]]
    fired = {expectation(entry)["code"] for case in every for entry in case["fire"]}
    assert code in fired, f"{code} never fires"
    assert any(code in case.get("silent", []) for case in every), f"{code} has no silent case"


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_checks_fire_in_the_languages_their_file_promises(path: Path) -> None:
    for code, languages in load(path).get("firing-targets", {}).items():
        assert set(languages) <= firing_targets(code), code
