"""Signals, round 2 (issue 11, items 11 and 12): real processes, real signals.

SIGTERM is handled like Ctrl-C (finished reports kept and indexed) and exits
143 (128 + 15, the shell convention; Ctrl-C exits 130). Workers of ``check -j N``
die with their parent even when it is killed with SIGKILL.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.hardening.conftest import SRC, run_cli

from transaudit.publish import LOCK_NAME

ENV = {**os.environ, "PYTHONPATH": SRC}


def _corpus(root: Path, articles: int, rows: int) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    body = "".join(f"El alcalde {i} inauguró el puente.\tThe mayor {i} opened the bridge.\n"
                   for i in range(rows))
    for index in range(articles):
        (corpus / f"art{index:03d}.es-en.tsv").write_text("source\ttarget\n" + body, encoding="utf-8")
    return corpus


def _start(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "transaudit", *map(str, args)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV, start_new_session=True,
    )


def _holds_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (Linux: its /proc/PID/fd links)."""
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:  # the process ended, or an fd closed while we looked
        return False


def _wait_for(predicate, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


def _batch(tmp_path: Path, jobs: str) -> tuple[subprocess.Popen[str], Path]:
    corpus = _corpus(tmp_path, 40, 300)
    out = tmp_path / "out"
    process = _start("check", corpus, "--out", out, "--backend", "none", "--jobs", jobs, "--quiet")
    _wait_for(lambda: out.exists() and len(list(out.glob("art*.json"))) >= 2)
    return process, out


def _kill_group(process: subprocess.Popen[str], workers: list[int] = ()) -> None:
    """Clean up after a failure: orphaned workers would hold the stderr pipe open forever."""
    for kill, pid in [(os.killpg, process.pid), *((os.kill, worker) for worker in workers)]:
        try:
            kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if process.stderr is not None and not process.stderr.closed:
        process.communicate(timeout=30)


@pytest.mark.slow
def test_workers_die_when_the_parent_is_killed(tmp_path: Path) -> None:
    process, _ = _batch(tmp_path, "2")
    workers = _children(process.pid)
    assert len(workers) >= 2
    try:
        process.kill()  # SIGKILL: no handler of the parent runs
        process.wait()
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if _running(pid)] == [], "workers orphaned under PID 1"
    finally:
        _kill_group(process, workers)


@pytest.mark.slow
@pytest.mark.parametrize("whole_group", [False, True], ids=["parent-only", "process-group"])
def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path, whole_group: bool) -> None:
    process, out = _batch(tmp_path, "2")
    workers = _children(process.pid)
    try:
        time.sleep(0.3)
        if whole_group:
            os.killpg(process.pid, signal.SIGTERM)
        else:
            process.terminate()
        _, stderr = process.communicate(timeout=60)
    finally:
        _kill_group(process, workers)
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("transaudit: interrupted:")
    reports = {path.stem for path in out.glob("art*.json")}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    finished = {entry["name"] for entry in summary["articles"] if entry["status"] in ("pass", "fail")}
    assert finished and finished == reports
    assert all((out / f"{name}.html").exists() for name in finished)
    assert not list(out.glob(".*.tmp"))
    assert [pid for pid in workers if _running(pid)] == []
    # The half batch says so, and publishing it is refused (it would pass for the whole).
    assert summary["interrupted"].startswith("interrupted after")
    assert "Incomplete run" in (out / "index.html").read_text(encoding="utf-8")
    refused = run_cli("publish", out, "--to", tmp_path / "shared")
    assert refused.returncode == 2 and "not a finished batch: interrupted after" in refused.stderr
    assert not (tmp_path / "shared").exists()


def test_ctrl_c_in_a_single_process_run_never_leaves_html_without_json(tmp_path: Path) -> None:
    """Formats are written together: the interrupt lands after the pair, never between."""
    corpus = _corpus(tmp_path, 1, 2500)
    out = tmp_path / "out"
    process = _start("check", corpus / "art000.es-en.tsv", "--out", out, "--backend", "none", "-j", "1",
                     "--quiet", "--format", "html", "--format", "json", "--format", "text")
    try:
        _wait_for(lambda: (out / "art000.html").exists(), timeout=180)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=120)
    finally:
        _kill_group(process)
    assert (out / "art000.json").exists() and (out / "art000.txt").exists()
    json.loads((out / "art000.json").read_text(encoding="utf-8"))


def test_ctrl_c_during_publish_exits_130(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    out = subprocess.run([sys.executable, "-m", "transaudit", "check", _corpus(tmp_path, 2, 3), "--out",
                          reports, "--backend", "none", "--quiet"], env=ENV, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    shared = tmp_path / "shared"
    shared.mkdir()
    with open(shared / LOCK_NAME, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another publish is running: ours waits for the lock
        process = _start("publish", reports, "--to", shared)
        try:
            # Interrupt once it waits on the lock, not after a fixed time: on a loaded
            # machine 1.5 s could end while it was still importing.
            _wait_for(lambda: _holds_open(process.pid, shared / LOCK_NAME) or process.poll() is not None)
            time.sleep(0.2)  # from open() into flock()
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=60)
        finally:
            _kill_group(process)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines() == ["transaudit: interrupted"]


@pytest.mark.slow
def test_an_interrupt_stops_the_running_audits_of_workers_promptly(tmp_path: Path) -> None:
    """With workers, the articles being audited stop too (not only the ones not started).

    Two articles long enough to take half a minute each on a quiet machine (with 6,000
    rows both finished within 3 s there, before the signal): before, SIGTERM
    waited for both to finish; now the workers are told to stop and the run ends at once,
    says it is stopping, indexes nothing unfinished and leaves no temporary behind.
    """
    corpus = _corpus(tmp_path, 2, 40000)
    out = tmp_path / "out"
    process = _start("check", corpus, "--out", out, "--backend", "none", "--jobs", "2", "--quiet")
    workers: list[int] = []
    try:
        _wait_for(lambda: len(_children(process.pid)) >= 2)
        workers = _children(process.pid)
        time.sleep(3)  # the workers are inside the audits now
        assert not list(out.glob("art*.json")), "an article finished too soon to test stopping"
        signalled = time.monotonic()
        process.terminate()
        _, stderr = process.communicate(timeout=120)
        elapsed = time.monotonic() - signalled
    finally:
        _kill_group(process, workers)
    assert process.returncode == 143, stderr
    assert "transaudit: stopping: " in stderr and "Traceback" not in stderr
    assert elapsed < 15, f"took {elapsed:.1f} s to stop"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["interrupted"].startswith("interrupted after 0 of 2")
    assert summary["articles"] == [] and not list(out.glob("art*")) and not list(out.glob(".*.tmp"))
    assert [pid for pid in workers if _running(pid)] == []
