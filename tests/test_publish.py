"""Publishing to a shared folder: atomic runs, latest, index, keep, concurrency, symlink safety."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit import publish as publish_module
from transaudit.cli.publish import publish_command
from transaudit.errors import InputError
from transaudit.publish import list_runs, publish, run_sort_key

NOW = datetime(2026, 11, 28, 4, 15, 0, tzinfo=UTC)


def make_batch(root: Path, articles: int = 2, mean: float = 91.5) -> Path:
    """A finished batch as `transaudit check --out` leaves it (summary.json written last)."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        (root / f"a{n}.html").write_text(f"<p>report {n}</p>")
        (root / f"a{n}.json").write_text(json.dumps({"article": n}))
    (root / "index.html").write_text("<h1>batch</h1>")
    (root / "summary.csv").write_text("article\n")
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "note.txt").write_text("nested")
    totals = {"articles": articles, "passed": articles, "failed": 0, "skipped": 0, "mean_score": mean,
              "min_score": mean - 1}
    listed = [{"name": f"a{n}", "html": f"a{n}.html", "json": f"a{n}.json"} for n in range(articles)]
    summary = {"format_version": 1, "totals": totals, "articles": listed}
    (root / "summary.json").write_text(json.dumps(summary))
    return root


def runs_in(shared: Path) -> list[str]:
    names = [p.name for p in shared.iterdir() if publish_module.RUN_NAME.match(p.name)]
    return sorted(names, key=run_sort_key)


def test_publish_copies_the_batch_as_a_dated_run(tmp_path):
    batch = make_batch(tmp_path / "reports")
    shared = tmp_path / "shared"
    run = publish(batch, shared, now=NOW)
    assert run == shared.resolve() / "2026-11-28T041500Z"
    assert (run / "a1.html").read_text() == "<p>report 1</p>" and (run / "assets" / "note.txt").is_file()
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["run"] == run.name and manifest["published_at"] == "2026-11-28T04:15:00Z"
    assert set(manifest["files"]) == {"a0.html", "a0.json", "a1.html", "a1.json", "index.html", "summary.csv",
                                      "summary.json", "assets/note.txt"}
    for rel, info in manifest["files"].items():
        assert info["sha256"] == hashlib.sha256((run / rel).read_bytes()).hexdigest()
    assert os.readlink(shared / "latest") == run.name
    assert run.name in (shared / "latest.html").read_text()
    index = (shared / "index.html").read_text()
    assert run.name in index and "91.50" in index
    assert not [p for p in shared.iterdir() if p.name.startswith((".publishing-", ".latest-"))]


def test_two_publishes_in_the_same_second_get_distinct_runs(tmp_path):
    batch = make_batch(tmp_path / "reports")
    shared = tmp_path / "shared"
    first, second = publish(batch, shared, now=NOW), publish(batch, shared, now=NOW)
    assert (first.name, second.name) == ("2026-11-28T041500Z", "2026-11-28T041500Z-2")
    assert os.readlink(shared / "latest") == second.name
    assert [run.name for run in list_runs(shared)] == [second.name, first.name]


def test_keep_prunes_the_oldest_runs(tmp_path):
    batch = make_batch(tmp_path / "reports")
    shared = tmp_path / "shared"
    names = [publish(batch, shared, now=NOW.replace(minute=m), keep=2).name for m in (1, 2, 3, 4)]
    assert runs_in(shared) == names[-2:]
    index = (shared / "index.html").read_text()
    assert names[0] not in index and names[3] in index


def test_run_names_sort_chronologically():
    names = ["2026-11-28T041500Z-10", "2026-11-28T041500Z-2", "2026-11-28T041500Z", "2026-11-27T235959Z"]
    assert sorted(names, key=run_sort_key) == [names[3], names[2], names[1], names[0]]


def test_readers_never_see_a_half_copied_run(tmp_path, monkeypatch):
    batch = make_batch(tmp_path / "reports", articles=5)
    shared = tmp_path / "shared"
    shared.mkdir()
    seen: list[list[str]] = []
    real_copy = publish_module._copy_file

    def spying_copy(src, dst, mode):
        seen.append([p.name for p in shared.iterdir() if not p.name.startswith(".")])
        return real_copy(src, dst, mode)

    monkeypatch.setattr(publish_module, "_copy_file", spying_copy)
    run = publish(batch, shared, now=NOW)
    assert len(seen) == 14 and all(visible == [] for visible in seen)
    assert len(json.loads((run / "manifest.json").read_text())["files"]) == 14


def test_a_failed_copy_leaves_nothing_behind(tmp_path, monkeypatch):
    batch = make_batch(tmp_path / "reports")
    shared = tmp_path / "shared"

    def full_disk(src, dst, mode):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(publish_module, "_copy_file", full_disk)
    with pytest.raises(InputError, match="No space left"):
        publish(batch, shared, now=NOW)
    assert sorted(p.name for p in shared.iterdir()) == []


def test_concurrent_publishes_in_threads_all_land(tmp_path):
    batch = make_batch(tmp_path / "reports")
    shared = tmp_path / "shared"
    shared.mkdir()
    results: list[Path] = []
    def one() -> None:
        results.append(publish(batch, shared, now=NOW))

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({r.name for r in results}) == 6
    assert len(runs_in(shared)) == 6 and len(list_runs(shared)) == 6
    index = (shared / "index.html").read_text()
    assert all(r.name in index for r in results)


def test_concurrent_publishes_in_processes_all_land(tmp_path):
    batch = make_batch(tmp_path / "reports")
    shared = tmp_path / "shared"
    shared.mkdir()
    code = ("import sys; from datetime import datetime, UTC; from transaudit.publish import publish; "
            "publish(sys.argv[1], sys.argv[2], now=datetime(2026, 11, 28, 4, 15, tzinfo=UTC))")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(batch), str(shared)]) for _ in range(4)]
    assert [proc.wait(timeout=60) for proc in procs] == [0, 0, 0, 0]
    names = runs_in(shared)
    assert names == ["2026-11-28T041500Z", *(f"2026-11-28T041500Z-{n}" for n in (2, 3, 4))]
    index = (shared / "index.html").read_text()
    assert all(name in index for name in names)
    for name in names:
        manifest = json.loads((shared / name / "manifest.json").read_text())
        assert manifest["run"] == name and len(manifest["files"]) == 8


def test_symlinks_in_the_batch_are_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not publish")
    secret_dir = tmp_path / "private"
    secret_dir.mkdir()
    (secret_dir / "key.txt").write_text("do not publish")
    batch = make_batch(tmp_path / "reports")
    (batch / "leak.html").symlink_to(secret)
    (batch / "leakdir").symlink_to(secret_dir, target_is_directory=True)
    run = publish(batch, tmp_path / "shared", now=NOW)
    assert not (run / "leak.html").exists() and not (run / "leakdir").exists()
    skipped = json.loads((run / "manifest.json").read_text())["skipped"]
    assert {s["path"] for s in skipped} == {"leak.html", "leakdir"}
    assert not any("do not publish" in p.read_text() for p in run.rglob("*") if p.is_file())


def test_hostile_symlinks_in_the_shared_folder_cause_no_writes_outside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.html").write_text("untouched")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "latest").symlink_to(outside, target_is_directory=True)
    (shared / "index.html").symlink_to(outside / "victim.html")
    (shared / "latest.html").symlink_to(outside / "victim.html")
    (shared / "2000-01-01T000000Z").symlink_to(outside, target_is_directory=True)  # looks like a run
    batch = make_batch(tmp_path / "reports")
    run = publish(batch, shared, now=NOW, keep=1)
    assert sorted(p.name for p in outside.iterdir()) == ["victim.html"]
    assert (outside / "victim.html").read_text() == "untouched"
    assert os.readlink(shared / "latest") == run.name
    assert not (shared / "index.html").is_symlink() and run.name in (shared / "index.html").read_text()
    # the fake run is neither listed nor pruned through
    assert "2000-01-01" not in (shared / "index.html").read_text()
    assert (shared / "2000-01-01T000000Z").is_symlink()


def test_lock_file_symlink_is_refused(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    target = tmp_path / "created-outside"
    (shared / publish_module.LOCK_NAME).symlink_to(target)
    with pytest.raises(InputError, match="symlink"):
        publish(make_batch(tmp_path / "reports"), shared, now=NOW)
    assert not target.exists()
    assert not [p for p in shared.iterdir() if p.name.startswith(".publishing-")]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "no such reports folder"),
        ("unfinished", "not a finished batch"),
        ("inside", "must not be the reports folder or inside it"),
        ("same", "must not be the reports folder"),
        ("keep0", "at least 1"),
        ("no-parent", "parent does not exist"),
        ("latest-dir", "is a folder"),
    ],
)
def test_bad_usage_is_an_input_error(tmp_path, case, message):
    batch = make_batch(tmp_path / "reports")
    shared, keep = tmp_path / "shared", None
    if case == "missing":
        batch = tmp_path / "nope"
    elif case == "unfinished":
        (batch / "summary.json").unlink()
    elif case == "inside":
        shared = batch / "pub"
    elif case == "same":
        shared = batch
    elif case == "keep0":
        keep = 0
    elif case == "no-parent":
        shared = tmp_path / "a" / "b"
    elif case == "latest-dir":
        (shared / "latest").mkdir(parents=True)
    with pytest.raises(InputError, match=message):
        publish(batch, shared, keep=keep, now=NOW)
    assert not (tmp_path / "a").exists()


def test_cli_command(tmp_path):
    batch = make_batch(tmp_path / "reports")
    runner = CliRunner()
    ok = runner.invoke(publish_command, [str(batch), "--to", str(tmp_path / "shared"), "--keep", "3"])
    assert ok.exit_code == 0, ok.output
    assert "published" in ok.output and len(runs_in(tmp_path / "shared")) == 1
    bad = runner.invoke(publish_command, [str(tmp_path / "nope"), "--to", str(tmp_path / "shared")])
    assert bad.exit_code == 2
    assert bad.output.strip().count("\n") == 0 and "no such reports folder" in bad.output
    zero = runner.invoke(publish_command, [str(batch), "--to", str(tmp_path / "s"), "--keep", "0"])
    assert zero.exit_code == 2 and not (tmp_path / "s").exists()


def test_without_symlinks_latest_is_a_redirect_page(tmp_path, monkeypatch):
    def no_symlinks(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(publish_module.os, "symlink", no_symlinks)
    run = publish(make_batch(tmp_path / "reports"), tmp_path / "shared", now=NOW)
    assert not os.path.lexists(tmp_path / "shared" / "latest")
    page = (tmp_path / "shared" / "latest.html").read_text()
    assert f'url={run.name}/index.html"' in page


def test_stale_staging_folders_are_cleaned_but_fresh_ones_kept(tmp_path):
    shared = tmp_path / "shared"
    stale, fresh = shared / ".publishing-old", shared / ".publishing-busy"
    (stale / "x").mkdir(parents=True)
    fresh.mkdir()
    old = NOW.timestamp() - 3 * 24 * 3600
    os.utime(stale, (old, old))
    publish(make_batch(tmp_path / "reports"), shared)
    assert not stale.exists() and fresh.exists()
