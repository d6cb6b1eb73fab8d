"""The command line on interchange files: several articles per file, XLIFF and CSV reports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from transaudit.cli import main

DATA = Path(__file__).parent / "data" / "interchange"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [*args, "--backend", "none", "--timestamp", "2026-01-01T00:00:00Z"],
                              catch_exceptions=False)


def test_xliff_with_two_files_gives_two_articles_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("check", str(DATA / "spec-2.1.xlf"), "-o", str(out), "--format", "json", "--format", "xliff",
                 "--format", "csv")
    assert result.exit_code == 1, result.output
    assert "transaudit: 2 articles: 1 passed, 1 failed, 0 skipped" in result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["index.html", "spec-2.1-bye.csv", "spec-2.1-bye.json", "spec-2.1-bye.xlf",
                     "spec-2.1-hello.csv", "spec-2.1-hello.json", "spec-2.1-hello.xlf", "summary.csv",
                     "summary.json"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in summary["articles"]] == ["spec-2.1-hello", "spec-2.1-bye"]
    report = json.loads((out / "spec-2.1-hello.json").read_text(encoding="utf-8"))
    assert report["article"]["format"] == "xliff-2.0"
    assert report["segments"][0]["placeholders"]["target"][0]["markup"] == (
        '<pc id="1" dataRefStart="d1" dataRefEnd="d2">')
    rows = (out / "spec-2.1-hello.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("article,segment,code") and len(rows) == 1 + len(report["issues"])


def test_tmx_target_lang_picks_one_pair(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("check", str(DATA / "spec-1.4b.tmx"), "-t", "es", "-o", str(out), "--format", "json")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.glob("spec*")) == ["spec-1.4b.json"]
    assert "TA230" in result.output  # the <bpt>/<ept> of 0002 are gone in Spanish


def test_a_batch_folder_reads_interchange_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("spec-1.2.xlf", "plurals.po"):
        shutil.copy(DATA / name, folder / name)
    out = tmp_path / "out"
    result = run("check", str(folder), "-o", str(out), "--format", "json", "-q", "-j", "1")
    assert result.exit_code == 1
    assert {p.name for p in out.glob("*.json")} == {"spec-1.2.json", "plurals.json", "summary.json"}


def test_hostile_xliff_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlf"
    path.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a"><!ENTITY b "&a;&a;">]>'
                    '<xliff version="1.2">&b;</xliff>', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "-o", str(tmp_path / "out"), "--backend", "none"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"transaudit: {path}:1: XLIFF with a DOCTYPE (DTD or entity declarations) is not accepted"]
    assert not list((tmp_path / "out").glob("*"))


def test_the_cluster_runner_skips_a_multi_article_file_with_a_reason() -> None:
    """One outcome per path on a cluster: a file of several articles is named, not half-audited."""
    from transaudit.distributed import _chunks
    from transaudit.input.readers import Languages

    skipped = []
    chunks = list(_chunks([DATA / "spec-2.1.xlf", DATA / "plurals.po"], ["a", "b"], Languages(),
                          lambda outcome, index: skipped.append((index, outcome.error))))
    assert [item.name for chunk in chunks for item in chunk] == ["b"]
    [(index, error)] = skipped
    assert index == 0 and "holds 2 articles" in error and "without --scheduler" in error


def test_command_line_languages_win_over_an_xliff_or_po_header(tmp_path: Path) -> None:
    """-s/-t over the file's own header: no refusal, no --force-lang, and never a word about a file name."""
    xlf = tmp_path / "museum.xlf"
    xlf.write_text('<xliff version="1.2"><file source-language="es" target-language="en" original="m" '
                   'datatype="plaintext"><body><trans-unit id="u1"><source>The museum opens today.</source>'
                   "<target>Le musée ouvre aujourd'hui.</target></trans-unit></body></file></xliff>",
                   encoding="utf-8")
    po = tmp_path / "museum.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "The museum opens today."\n'
                  "msgstr \"Le musée ouvre aujourd'hui.\"\n", encoding="utf-8")
    for path in (xlf, po):
        out = tmp_path / path.suffix[1:]
        result = run("check", str(path), "-s", "en", "-t", "fr", "-o", str(out), "--format", "json")
        assert result.exit_code in (0, 1), result.output
        assert "file name" not in result.output
        report = json.loads((out / "museum.json").read_text(encoding="utf-8"))
        assert (report["article"]["source_lang"], report["article"]["target_lang"]) == ("en", "fr")
