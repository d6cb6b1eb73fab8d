"""Cases an outside tester found after round 2: a closed pipe, reports inside the
input folder, a newline in a file name. Each runs the real command in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.hardening.conftest import SRC, run_cli

ROWS = "source\ttarget\nEl alcalde inauguró el puente.\tThe mayor opened the the bridge.\n"


def test_a_reader_that_closes_the_pipe_is_not_an_error() -> None:
    """``transaudit checks | head -1``: exit 0, nothing on stderr (was: internal error, exit 3)."""
    environment = {**os.environ, "PYTHONPATH": SRC}
    shell = f"'{sys.executable}' -m transaudit checks -v | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=environment, timeout=120)
    assert done.stdout.strip() == "0", done.stderr
    assert done.stderr == ""


def test_reports_inside_the_batch_folder_are_never_read_back_as_articles(tmp_path: Path) -> None:
    """An XLIFF report and the waivers file in ``--out`` inside the input folder (was: the
    second run audited its own reports and skipped waivers.jsonl, exit 2)."""
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "bridge.es-en.tsv").write_text(ROWS, encoding="utf-8")
    out = batch / "reports"
    first = run_cli("check", batch, "--out", out, "--backend", "none", "--format", "json",
                    "--format", "xliff", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    waived = run_cli("waive", out / "bridge.json", "p01", "TA101", "--reason", "checked", cwd=tmp_path)
    assert waived.returncode == 0, waived.stderr
    second = run_cli("check", batch, "--out", out, "--backend", "none", "--format", "json",
                     "--format", "xliff", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "skipped" not in second.stderr
    assert sorted(p.name for p in out.glob("*.json")) == ["bridge.json", "summary.json"]


def test_a_newline_in_a_file_name_stays_on_one_stderr_line(tmp_path: Path) -> None:
    bad = tmp_path / "evil\nname.es-en.tsv"
    bad.write_bytes(b"source\ttarget\n\xff\xfe broken\n")
    done = run_cli("check", bad, "--out", tmp_path / "out", "--backend", "none", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "evil\\x0aname" in done.stderr, done.stderr


def _article(tmp_path: Path) -> Path:
    article = tmp_path / "bridge.es-en.tsv"
    article.write_text(ROWS, encoding="utf-8")
    return article


def test_waivers_reports_and_compare_summaries_must_be_regular_files(tmp_path: Path) -> None:
    """/dev/zero or a FIFO as a waivers file, a report to waive, or a previous run's
    summary.json (was: memory exhausted, or a hang): one line, exit 2."""
    article = _article(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "summary.json").symlink_to("/dev/zero")
    out = tmp_path / "out"
    for args in (
        ("check", article, "--out", out, "--backend", "none", "--waivers", "/dev/zero"),
        ("check", article, "--out", out, "--backend", "none", "--waivers", fifo),
        ("check", article, "--out", out, "--backend", "none", "--compare", previous),
        ("waive", "/dev/zero", "p01", "TA101", "--reason", "checked"),
    ):
        done = run_cli(*args, cwd=tmp_path, timeout=60)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr, done.stderr


def test_a_selection_that_leaves_no_check_is_refused(tmp_path: Path) -> None:
    """``--select "$UNSET"`` or ignoring everything (was: every article passed at 100)."""
    article = _article(tmp_path)
    for args in (("--select", ""), ("--select", "TA1", "--ignore", "TA1")):
        done = run_cli("check", article, "--out", tmp_path / "out", "--backend", "none", *args, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert "leaves no check to run" in done.stderr and done.stderr.count("\n") == 1
