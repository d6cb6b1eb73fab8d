"""Items the round-3 outsiders found and the first 0.2 session left alone: Click's
three-line usage errors, a quoted number in a config file, a dangling symlink in a
batch folder skipped without a word. Each runs the real command in a fresh process."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.hardening.conftest import run_cli

ROWS = "source\ttarget\nEl alcalde inauguró el puente.\tThe mayor opened the bridge.\n"


@pytest.mark.parametrize(("arguments", "expected"), [
    (("check", "x.tsv", "--format", "pdf"), "transaudit: check: Invalid value for '--format'"),
    (("eval", "x.jsonl", "--out", "/etc/passwd"), "transaudit: eval: Invalid value for '--out'"),
    (("chek",), "transaudit: No such command 'chek'"),
    (("--bogus",), "transaudit: No such option '--bogus'"),
    (("check",), "transaudit: check: Missing argument"),
])
def test_a_usage_error_is_one_line_naming_the_command(tmp_path: Path, arguments: tuple[str, ...],
                                                       expected: str) -> None:
    """Was Click's Usage/Try/Error block of three lines."""
    done = run_cli(*arguments, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(expected), done.stderr
    assert "--help'" in done.stderr


def test_a_quoted_number_in_a_config_file_is_refused(tmp_path: Path) -> None:
    """``fail-under = "90"`` was read as 90; a file has types, so text there is a slip."""
    (tmp_path / "transaudit.toml").write_text('fail-under = "90"\n', encoding="utf-8")
    article = tmp_path / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    done = run_cli("check", article, "--out", tmp_path / "out", "--backend", "none", cwd=tmp_path)
    assert done.returncode == 2
    assert "transaudit.toml: 'fail-under' must be a number, not the text '90'" in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_command_line_still_gives_numbers_as_text(tmp_path: Path) -> None:
    article = tmp_path / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    done = run_cli("check", article, "--out", tmp_path / "out", "--backend", "none",
                   "--fail-under", "80", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_a_dangling_symlink_in_a_batch_is_skipped_with_a_notice(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "bridge.es-en.tsv").write_text(ROWS, encoding="utf-8")
    (batch / "gone.es-en.tsv").symlink_to("missing.es-en.tsv")
    done = run_cli("check", batch, "--out", tmp_path / "out", "--backend", "none", cwd=tmp_path)
    assert done.returncode == 2, done.stderr  # a skipped input (outsider 5: as an unreadable file)
    assert "skipped" in done.stderr and "gone.es-en.tsv: a broken symlink" in done.stderr
    assert (tmp_path / "out" / "bridge.html").is_file()


@pytest.mark.parametrize(("config", "expected"), [
    ('[spelling]\nwords = "house-words.txt"\n', "house-words.txt: spelling word list not found"),
    ('model = "./models/opus-mt-de-en"\n', "'model': names a model folder that does not exist"),
])
def test_a_misspelt_path_in_the_config_is_refused(tmp_path: Path, config: str, expected: str) -> None:
    """Session 2's outsider: a missing word list and a missing model folder ran (exit 0)
    without the words or the back-translation they were meant for; a glossary was refused."""
    (tmp_path / "transaudit.toml").write_text(config, encoding="utf-8")
    article = tmp_path / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    done = run_cli("check", article, "--out", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert expected in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert not (tmp_path / "out").exists()


def test_a_missing_model_folder_on_the_command_line_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    done = run_cli("check", article, "--out", tmp_path / "out", "--backend", "transformers",
                   "--model", "/nonexistent/model", cwd=tmp_path)
    assert done.returncode == 2
    expected = "transaudit: --model: names a model folder that does not exist"
    assert done.stderr.startswith(expected), done.stderr


def test_a_toml_date_is_a_timestamp(tmp_path: Path) -> None:
    """``timestamp = 2026-01-01`` (a TOML date, not a string) was refused as
    "not datetime.date(2026, 1, 1)"."""
    (tmp_path / "transaudit.toml").write_text("timestamp = 2026-01-01\n", encoding="utf-8")
    article = tmp_path / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    done = run_cli("check", article, "--out", tmp_path / "out", "--backend", "none", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"generated_at": "2026-01-01T00:00:00Z"' in (tmp_path / "out" / "bridge.json").read_text()


def test_the_same_article_named_twice_is_audited_once(tmp_path: Path) -> None:
    """Session 2's outsider: ``check a.tsv a.tsv`` (or a folder and a file in it) audited the
    article twice, two entries in the index for one file."""
    batch = tmp_path / "batch"
    batch.mkdir()
    article = batch / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    done = run_cli("check", article, batch, "./batch/bridge.es-en.tsv", "--out", tmp_path / "out",
                   "--backend", "none", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("the same article as") == 2, done.stderr
    written = (tmp_path / "out").glob("*.json")
    reports = sorted(p.name for p in written if p.name not in ("index.json", "summary.json"))
    assert reports == ["bridge.json"], reports
