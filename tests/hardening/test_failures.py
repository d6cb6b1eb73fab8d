"""Failures while writing and interruption: clear messages, no partial reports.

A full disk is simulated by making ``os.fsync`` of a report fail with ENOSPC
(where the kernel usually reports it); a read-only folder by ``mkstemp``
failing with EROFS (the tests may run as root, for whom chmod does not bite).
Ctrl-C is a real SIGINT sent to a real ``transaudit check`` batch.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit import fsutil
from transaudit.cli import main

ROW = "El alcalde inauguró el puente.\tThe mayor opened the bridge.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--backend", "none", "--quiet"], catch_exceptions=False)


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch):
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.path.isfile(f"/proc/self/fd/{fd}") or not os.path.isdir(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):
    def mkstemp(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("failure", ["disk_full", "read_only"])
def test_single_article_write_failure_is_one_line_and_leaves_nothing(
    request: pytest.FixtureRequest, tmp_path: Path, failure: str
) -> None:
    article = write(tmp_path / "story.es-en.tsv", "source\ttarget\n" + ROW)
    out = tmp_path / "out"
    out.mkdir()
    request.getfixturevalue(failure)
    result = check(str(article), "--out", str(out))
    assert result.exit_code == 2
    reason = os.strerror(errno.ENOSPC if failure == "disk_full" else errno.EROFS)
    assert result.stderr == f"transaudit: {out}: cannot write the report of {article}: {reason}\n"
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("failure", ["disk_full", "read_only"])
def test_batch_write_failure_is_a_message_not_a_traceback(
    request: pytest.FixtureRequest, tmp_path: Path, failure: str
) -> None:
    for name in ("a", "b"):
        write(tmp_path / "corpus" / f"{name}.es-en.tsv", "source\ttarget\n" + ROW)
    out = tmp_path / "out"
    out.mkdir()
    request.getfixturevalue(failure)
    args = ["check", str(tmp_path / "corpus"), "--out", str(out), "--backend", "none", "--quiet", "-j", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    if "cannot write the index" not in result.stderr:  # an article's report failed first: name it
        assert f"cannot write the report of {tmp_path / 'corpus'}/" in result.stderr, result.stderr
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_real_read_only_out_folder(tmp_path: Path) -> None:
    article = write(tmp_path / "story.es-en.tsv", "source\ttarget\n" + ROW)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = check(str(article), "--out", str(out))
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2 and "not writable" in result.stderr
    assert list(out.iterdir()) == []


def _batch(root: Path, articles: int, rows: int) -> Path:
    corpus = root / "corpus"
    for index in range(articles):
        body = "".join(f"El alcalde {i} inauguró el puente.\tThe mayor {i} opened the bridge.\n"
                       for i in range(rows))
        write(corpus / f"art{index:03d}.es-en.tsv", "source\ttarget\n" + body)
    return corpus


def _interrupt(tmp_path: Path, whole_group: bool) -> tuple[int, Path, str]:
    corpus = _batch(tmp_path, 40, 300)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "transaudit", "check", str(corpus), "--out", str(out), "--backend", "none",
         "--jobs", "2", "--quiet", "--format", "json", "--format", "html"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and len(list(out.glob("art*.json"))) >= 2):
        time.sleep(0.05)
    assert list(out.glob("art*.json")), "no report appeared"
    time.sleep(0.3)  # the parent collects the first outcomes
    if whole_group:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    time.sleep(0.5)  # let an orphaned worker finish its atomic write, if any
    return process.returncode, out, stderr


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c-process-group", "sigint-parent-only"])
def test_ctrl_c_keeps_finished_reports_valid_and_indexed(tmp_path: Path, whole_group: bool) -> None:
    code, out, stderr = _interrupt(tmp_path, whole_group)
    assert code == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("transaudit: interrupted:")
    reports = {p.stem for p in out.glob("art*.json")}
    for path in out.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    assert not list(out.glob(".*.tmp"))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    finished = {entry["name"] for entry in summary["articles"] if entry["status"] in ("pass", "fail")}
    assert finished, "the index lists nothing"
    assert finished <= reports
    assert len(summary["articles"]) < 40
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"{name}.html" in index for name in finished)
    assert all((out / f"{name}.html").exists() for name in finished)


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c-process-group", "sigint-parent-only"])
def test_ctrl_c_stops_the_batch_and_indexes_every_report_written(tmp_path: Path, whole_group: bool) -> None:
    code, out, _ = _interrupt(tmp_path, whole_group)
    assert code == 130
    reports = {p.stem for p in out.glob("art*.json")}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    finished = {entry["name"] for entry in summary["articles"] if entry["status"] in ("pass", "fail")}
    assert reports == finished
    assert len(reports) < 40
