"""Crashes and wrong exits, round 2 (issue 11, items 3, 5–8, 21): one line and exit 2, or handled.

Every case runs the real command in a fresh process; the FIFO, the device and the
corrupt cache are real too.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from tests.hardening.conftest import run_cli

from transaudit.backtranslation.apertium import installed_modes

LONG_ES = ("El alcalde de la ciudad inauguró ayer el nuevo puente sobre el río después de tres años de obras "
           "y una inversión de doce millones de euros según informó el ayuntamiento en un comunicado enviado "
           "a los medios de comunicación locales {n}.")
LONG_EN = ("The mayor of the city opened the new bridge over the river yesterday after three years of works "
           "and an investment of twelve million euros as the city council reported in a statement sent to "
           "the local media outlets {n}.")
ROW = "El alcalde inauguró el puente.\tThe mayor opened the bridge.\n"
needs_apertium = pytest.mark.skipif("spa-eng" not in installed_modes(), reason="no apertium spa-eng")


def tsv(path: Path, rows: str = ROW) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("source\ttarget\n" + rows, encoding="utf-8")
    return path


def one_line(done: subprocess.CompletedProcess[str], expected: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr


# -- item 3: TER signature when no segment is short enough for TER ---------------------------------

@pytest.mark.slow
@needs_apertium
def test_articles_whose_segments_all_exceed_the_ter_limit_are_audited_alike_with_1_and_2_jobs(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    for name in ("a", "b"):
        tsv(corpus / f"{name}.es-en.tsv", "".join(f"{LONG_ES.format(n=n)}\t{LONG_EN.format(n=n)}\n"
                                                for n in range(2)))
    reports = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = run_cli("check", corpus, "--out", out, "--backend", "apertium", "--no-cache", "-j", jobs,
                       "--quiet", "--timestamp", "2026-01-01T00:00:00Z")
        assert done.returncode in (0, 1), done.stderr
        reports[jobs] = {name: (out / f"{name}.json").read_text(encoding="utf-8") for name in ("a", "b")}
    assert reports["1"] == reports["2"]
    signatures = json.loads(reports["1"]["a"])["backtranslation"]["signatures"]
    assert signatures["segment"]["TER"].startswith("nrefs:1|")


# -- item 5: huge ids, bad glossary types, a folder as --config, timestamps out of range -------------

def test_a_jsonl_id_of_5000_digits_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "big.es-en.jsonl"
    source.write_text('{"id": ' + "9" * 5000 + ', "source": "Hola.", "target": "Hello."}\n', encoding="utf-8")
    one_line(run_cli("check", source, "--out", tmp_path / "out", "--backend", "none"),
             "big.es-en.jsonl:1: invalid JSON: a number of more than 4,300 digits")


@pytest.mark.parametrize(("value", "expected"), [
    ("5", "'glossary' must be a file path or a list of file paths, not 5"),
    ("[1, 2]", "'glossary' must be a file path or a list of file paths, not [1, 2]"),
    ('"terms.csv"', "terms.csv: glossary file not found"),  # one path, not 9 one-letter paths
])
def test_bad_glossary_settings_are_one_line(tmp_path: Path, value: str, expected: str) -> None:
    (tmp_path / "transaudit.toml").write_text(f"glossary = {value}\n", encoding="utf-8")
    tsv(tmp_path / "a.es-en.tsv")
    one_line(run_cli("check", "a.es-en.tsv", "--out", "out", "--backend", "none", cwd=tmp_path), expected)


def test_a_single_glossary_path_in_the_config_is_used(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text("source,target\npuente,viaduct\n", encoding="utf-8")
    (tmp_path / "transaudit.toml").write_text('glossary = "terms.csv"\n', encoding="utf-8")
    tsv(tmp_path / "a.es-en.tsv")
    done = run_cli("check", "a.es-en.tsv", "--out", "out", "--backend", "none", "--format", "json",
                   cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert any("viaduct" in issue["message"] for issue in report["issues"])


def test_a_folder_as_config_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    done = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--config", tmp_path / "conf", "--backend", "none")
    one_line(done, "conf: is a folder, expected a config file")


@pytest.mark.parametrize(("args", "env"), [
    (["--timestamp", "99999999999999999999"], {}),
    (["--timestamp", "0001-01-01T00:00:00+01:00"], {}),
    (["--timestamp", "9999-12-31T23:59:59-01:00"], {}),
    ([], {"SOURCE_DATE_EPOCH": "99999999999999999999"}),
    ([], {"SOURCE_DATE_EPOCH": "9" * 5000}),
])
def test_timestamps_out_of_range_are_one_line(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    done = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--out", tmp_path / "out", "--backend", "none",
                   *args, env=env)
    one_line(done, "out of range")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# -- item 6: non-finite numbers ---------------------------------------------------------------------

@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_non_finite_fail_under_is_refused(tmp_path: Path, value: str) -> None:
    done = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--out", tmp_path / "out", "--backend", "none",
                   "--fail-under", value)
    assert done.returncode == 2 and "must be a finite number" in done.stderr, done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("table", "expected"), [
    ("[weights]\nminor = nan", "[weights] minor must be a finite number, not nan"),
    ("[weights]\nmajor = inf", "[weights] major must be a finite number, not inf"),
    ("[weights]\ncritical = 1e308", "[weights] critical must be between 0 and 1,000,000, not 1e+308"),
    ("[weights]\nminor = -1", "[weights] minor must be between 0 and 1,000,000, not -1"),
    ("fail-under = nan", "'fail-under' must be a finite number, not nan"),
])
def test_non_finite_or_huge_config_numbers_are_one_line(tmp_path: Path, table: str, expected: str) -> None:
    (tmp_path / "transaudit.toml").write_text(table + "\n", encoding="utf-8")
    tsv(tmp_path / "corpus" / "a.es-en.tsv")
    tsv(tmp_path / "corpus" / "b.es-en.tsv")
    one_line(run_cli("check", "corpus", "--out", "out", "--backend", "none", cwd=tmp_path), expected)


# -- item 7: a cache row of any shape ------------------------------------------------------------------

@pytest.mark.slow
@needs_apertium
def test_cache_rows_of_the_wrong_type_are_translated_again(tmp_path: Path) -> None:
    source = tsv(tmp_path / "a.es-en.tsv", "El alcalde inauguró el puente.\tThe mayor opened the bridge.\n"
                                          "La ciudad celebró la fiesta.\tThe city held the party.\n")
    cache = tmp_path / "cache"
    args = ("check", source, "--backend", "apertium", "--cache-dir", cache, "--quiet", "--format", "json",
            "--timestamp", "2026-01-01T00:00:00Z")
    cold = run_cli(*args, "--out", tmp_path / "cold")
    assert cold.returncode in (0, 1), cold.stderr
    with sqlite3.connect(cache / "backtranslations.sqlite3") as db:
        keys = [row[0] for row in db.execute("SELECT key FROM translations ORDER BY key")]
        assert len(keys) >= 2
        update = "UPDATE translations SET {} WHERE key = ?"
        db.execute(update.format("translation = CAST(translation AS BLOB)"), (keys[0],))
        db.execute(update.format("translation = X'00FF'"), (keys[1],))
    warm = run_cli(*args, "--out", tmp_path / "warm")
    assert warm.returncode == cold.returncode, warm.stderr
    assert "Traceback" not in warm.stderr
    first = json.loads((tmp_path / "cold" / "a.json").read_text(encoding="utf-8"))
    again = json.loads((tmp_path / "warm" / "a.json").read_text(encoding="utf-8"))
    assert [s["back_translation"] for s in again["segments"]] == [
        s["back_translation"] for s in first["segments"]]
    assert again["issues"] == first["issues"]


# -- item 8: a FIFO or a device as --glossary or --config ---------------------------------------------

@pytest.mark.parametrize("option", ["--glossary", "--config"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_fifo_or_device_as_glossary_or_config_is_refused(tmp_path: Path, option: str, kind: str) -> None:
    if kind == "fifo":
        special = tmp_path / "pipe.csv"
        os.mkfifo(special)
    else:
        special = Path("/dev/zero")
    done = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--out", tmp_path / "out", "--backend", "none",
                   option, special, timeout=30)
    one_line(done, f"{special}: not a regular file (a device, pipe or socket)")


# -- item 21: terminal escape sequences in file names ----------------------------------------------

def test_escape_sequences_in_file_names_are_escaped_on_stderr(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    tsv(corpus / "good.es-en.tsv")
    evil = corpus / "\x1b]0;pwned\x07\x1b[2J\u202eevil.es-en.tsv"
    evil.write_text("", encoding="utf-8")
    done = run_cli("check", corpus, "--out", tmp_path / "out", "--backend", "none")
    assert done.returncode == 2, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr and "\u202e" not in done.stderr
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil.es-en.tsv: file is empty" in done.stderr
    single = run_cli("check", evil, "--out", tmp_path / "out2", "--backend", "none")
    one_line(single, "\\x1b]0;pwned\\x07")
    assert "\x1b" not in single.stderr


def test_an_internal_error_is_one_line_and_exit_3_so_make_audit_stops() -> None:
    """A bug used to end in a traceback and exit 1, which ``make audit`` takes for "some articles fail"."""
    import click
    from click.testing import CliRunner

    from transaudit.cli import EXIT_INTERNAL, Main

    @click.group(cls=Main)
    def group() -> None:
        """A group like transaudit's."""

    @group.command()
    def boom() -> None:
        raise RuntimeError("a bug")

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == EXIT_INTERNAL == 3
    assert result.output.splitlines() == [
        "transaudit: internal error: RuntimeError: a bug (a bug; TRANSAUDIT_DEBUG=1 shows the traceback)"]
