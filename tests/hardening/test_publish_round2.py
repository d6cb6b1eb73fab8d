"""Publishing, round 2 (issue 11 items 13-18): real folders, real processes, a real mount.

Each test states the failure the outside tester saw and checks the repaired
behaviour on the real filesystem; nothing is mocked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.hardening.conftest import run_cli

from transaudit.errors import InputError
from transaudit.publish import RUN_NAME, list_runs, publish, run_sort_key

NOW = datetime(2026, 11, 28, 4, 15, tzinfo=UTC)


def batch(root: Path) -> Path:
    """A finished batch as `transaudit check --out` leaves it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.json").write_text(json.dumps({"article": 1}))
    (root / "a.html").write_text("<p>a</p>")
    totals = {"articles": 1, "passed": 1, "failed": 0, "skipped": 0, "mean_score": 95.0, "min_score": 95.0}
    listed = [{"name": "a", "html": "a.html", "json": "a.json"}]
    summary = {"format_version": 1, "totals": totals, "articles": listed}
    (root / "summary.json").write_text(json.dumps(summary))
    return root


def runs(shared: Path) -> list[str]:
    return sorted((p.name for p in shared.iterdir() if RUN_NAME.match(p.name)), key=run_sort_key)


def index_links(shared: Path) -> list[str]:
    page = (shared / "index.html").read_text(encoding="utf-8")
    return sorted(set(re.findall(r'href="([^"/]+)/index\.html"', page)))


def host() -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname()) or "host"


def test_13_a_crashed_publish_staging_is_cleaned_when_its_process_is_dead(tmp_path: Path) -> None:
    """Before: a kill -9'd publish left its multi-GB `.publishing-*` copy for 24 hours."""
    shared = tmp_path / "shared"
    shared.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead = shared / f".publishing-{host()}-{int(gone.stdout)}-abc123"
    dead.mkdir()
    (dead / "big.bin").write_bytes(b"\0" * 100_000)
    alive = shared / f".publishing-{host()}-{os.getpid()}-def456"  # this test process: alive
    alive.mkdir()
    elsewhere = shared / ".publishing-otherhost-1-ghi789"  # another machine: only age decides
    elsewhere.mkdir()
    done = run_cli("publish", batch(tmp_path / "reports"), "--to", shared)
    assert done.returncode == 0, done.stderr
    assert not dead.exists() and alive.is_dir() and elsewhere.is_dir()
    leftovers = [p for p in shared.iterdir() if p.name.startswith(".publishing-")]
    assert sorted(leftovers) == sorted([alive, elsewhere])


def test_14_run_names_are_never_reused_and_keep_leaves_exactly_keep(tmp_path: Path) -> None:
    """Before: `--keep 3` reused pruned names (T, T-2), left 4 runs, and a URL changed content."""
    reports, shared = batch(tmp_path / "reports"), tmp_path / "shared"
    given = [publish(reports, shared, keep=3, now=NOW).name for _ in range(5)]
    assert given == ["2026-11-28T041500Z", *(f"2026-11-28T041500Z-{n}" for n in range(2, 6))]
    assert runs(shared) == given[-3:]
    assert os.readlink(shared / "latest") == given[-1] == max(index_links(shared), key=run_sort_key)
    earlier = publish(reports, shared, keep=3, now=NOW - timedelta(hours=1)).name  # clock went back
    assert earlier == "2026-11-28T041500Z-6" and runs(shared)[-1] == earlier
    assert len({*given, earlier}) == 6


def test_15_the_index_never_links_a_pruned_run(tmp_path: Path) -> None:
    """Before: runs were pruned before index.html was rewritten (13 % of polls hit a deleted run)."""
    reports, shared = batch(tmp_path / "reports"), tmp_path / "shared"
    for n in range(6):
        publish(reports, shared, keep=2, now=NOW + timedelta(seconds=n))
        links = index_links(shared)
        assert links == runs(shared), "the index lists exactly the runs on disk"
        assert all((shared / name / "index.html").parent.is_dir() for name in links)
        assert os.readlink(shared / "latest") == links[-1]


@pytest.fixture
def busy_run(tmp_path: Path):
    """An old run that cannot be renamed away: a mount point (rename gives EBUSY, even for root)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    shared = tmp_path / "shared"
    publish(batch(tmp_path / "reports"), shared, now=NOW)
    old = shared / "2026-11-28T041500Z"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(old)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield shared
    finally:
        subprocess.run(["umount", "-l", str(old)], check=False)


def test_16_a_failure_after_the_run_is_in_place_says_exactly_what_happened(
    tmp_path: Path, busy_run: Path
) -> None:
    """Before: EBUSY/EPERM while pruning said "cannot publish" although the run was live."""
    shared = busy_run
    done = run_cli("publish", batch(tmp_path / "reports2"), "--to", shared, "--keep", "1")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    new = max(runs(shared), key=run_sort_key)
    assert new != "2026-11-28T041500Z"
    assert f"{new}: published and indexed, but 1 old run(s) could not be pruned: 2026-11-28T041500Z:" \
        in done.stderr
    assert index_links(shared) == [new] and os.readlink(shared / "latest") == new
    assert (shared / new / "manifest.json").is_file()


def test_17_a_refused_shared_folder_inside_the_reports_creates_nothing(tmp_path: Path) -> None:
    reports = batch(tmp_path / "rep")
    done = run_cli("publish", "rep", "--to", "rep/shared", cwd=tmp_path)
    assert done.returncode == 2 and "must not be the reports folder or inside it" in done.stderr
    assert not (reports / "shared").exists()
    with pytest.raises(InputError):
        publish(reports, reports / "deeper", now=NOW)
    assert not (reports / "deeper").exists()


def test_18_reports_and_manifests_record_paths_as_given(tmp_path: Path) -> None:
    """Before: absolute input paths (/home/…/corpus/x.tsv) went into reports and the shared folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("one", "two"):
        (corpus / f"{name}.es-en.tsv").write_text("id\tsource\ttarget\np1\tHola.\tHello.\n", encoding="utf-8")
    done = run_cli("check", "corpus", "--out", "out", "--backend", "none", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    published = run_cli("publish", "out", "--to", "shared", cwd=tmp_path)
    assert published.returncode == 0, published.stderr
    [run] = list_runs(tmp_path / "shared")
    assert json.loads((tmp_path / "shared" / run.name / "manifest.json").read_text())["source"] == "out"
    for path in (tmp_path / "shared" / run.name).rglob("*"):
        if path.is_file() and path.suffix in (".json", ".html", ".csv"):
            assert str(tmp_path) not in path.read_text(encoding="utf-8"), path.name
