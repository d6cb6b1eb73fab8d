"""Writers, round 2 (issue 11, items 2, 4, 9, 10, 13): one atomic writer, all or nothing.

Real processes and a real full filesystem (a 1 MiB tmpfs, root only) instead of
simulated errors.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from tests.hardening.conftest import fill, run_cli

from transaudit import fsutil

ROWS = "".join(f"El alcalde {i} inauguró el puente de Sevilla.\tThe mayor {i} opened the bridge in Seville.\n"
               for i in range(40))
BIO_MQM = {
    "id": "es2en/sysA/doc1/1", "doc": "doc1", "system": "sysA", "source_lang": "es", "target_lang": "en",
    "source": "El comité aprobó el plan.", "target": "The the committee approved the plan.", "errors": [],
}


def article(path: Path, rows: str = ROWS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("source\ttarget\n" + rows, encoding="utf-8")
    return path


def dead_pid() -> int:
    """The pid of a process that really ran and is gone."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.pid


# -- item 2: one writer, no fixed temporary names, never through a symlink ---------------------------

def test_eval_out_never_writes_through_a_planted_symlink(tmp_path: Path) -> None:
    data = tmp_path / "bio.jsonl"
    data.write_text(json.dumps(BIO_MQM) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    for name in (".eval.json.tmp", ".eval.html.tmp", "eval.json"):
        (out / name).symlink_to(victim)
    done = run_cli("eval", data, "--backend", "none", "--select", "TA101", "--out", out)
    assert done.returncode == 0, done.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (out / "eval.json").is_symlink()
    json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()) == []


def _writes_files(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute) and node.attr in ("write_text", "write_bytes"):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("open", "fdopen") and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
            return any(flag in str(node.args[1].value) for flag in "wax+")
        if name in ("replace", "rename", "mkstemp", "NamedTemporaryFile"):
            return isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in ("os", "tempfile")
    return False


def test_every_file_writer_goes_through_fsutil() -> None:
    """Only fsutil writes report files (publish copies with O_EXCL|O_NOFOLLOW and swaps links)."""
    root = Path(__file__).resolve().parents[2] / "src" / "transaudit"
    allowed = {"fsutil.py", "publish.py"}
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path.name in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(root)
        offenders += [f"{where}:{node.lineno}" for node in ast.walk(tree) if _writes_files(node)]
    assert offenders == []


# -- item 4: non-UTF-8 bytes in file names ----------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_non_utf8_file_names_are_audited_and_indexed(tmp_path: Path, jobs: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article(Path(os.fsdecode(bytes(corpus) + b"/caf\xe9.es-en.tsv")))
    article(corpus / "plain.es-en.tsv")
    bad_folder = Path(os.fsdecode(bytes(corpus) + b"/ni\xf1o"))
    bad_folder.mkdir()
    (bad_folder / "source.es.txt").write_text("El alcalde inauguró el puente.\n", encoding="utf-8")
    (bad_folder / "target.en.txt").write_text("The mayor opened the bridge.\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("check", corpus, "--out", out, "--backend", "none", "-j", jobs, "--quiet")
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    names = {entry["name"] for entry in summary["articles"]}
    assert {"caf\\xe9", "ni\\xf1o", "plain"} <= names
    for report in out.glob("*.json"):
        json.loads(report.read_bytes().decode("utf-8"))  # strict UTF-8


def test_non_utf8_name_of_a_bad_article_is_one_line(tmp_path: Path) -> None:
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/r\xe9sum\xe9.es-en.tsv"))
    bad.write_bytes(b"")
    done = run_cli("check", bad, "--out", tmp_path / "out", "--backend", "none")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "r\\xe9sum\\xe9.es-en.tsv: file is empty" in done.stderr


# -- item 9: eval to an unwritable or impossible --out ----------------------------------------------

def test_eval_to_an_impossible_out_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "bio.jsonl"
    data.write_text(json.dumps(BIO_MQM) + "\n", encoding="utf-8")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    for out in (blocker / "out", Path("/proc/transaudit-eval-out")):
        done = run_cli("eval", data, "--backend", "none", "--select", "TA101", "--out", out)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
        assert done.stderr.startswith(f"transaudit: {out}: cannot create the output folder")


def test_eval_to_a_full_disk_is_one_line_and_keeps_the_previous_files(tmp_path: Path, small_fs: Path) -> None:
    data = tmp_path / "bio.jsonl"
    data.write_text(json.dumps(BIO_MQM) + "\n", encoding="utf-8")
    (small_fs / "eval.json").write_text("old json", encoding="utf-8")
    (small_fs / "eval.html").write_text("old html", encoding="utf-8")
    fill(small_fs)
    done = run_cli("eval", data, "--backend", "none", "--select", "TA101", "--out", small_fs)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"transaudit: {small_fs}: cannot write the evaluation: No space left on device")
    assert (small_fs / "eval.json").read_text() == "old json"
    assert (small_fs / "eval.html").read_text() == "old html"
    assert not list(small_fs.glob(".*.tmp"))


# -- item 10: a really full disk --------------------------------------------------------------------

def _sizes(tmp_path: Path, source: Path) -> dict[str, int]:
    probe = tmp_path / "probe"
    run_cli("check", source, "--out", probe, "--backend", "none", "--quiet")
    return {path.name: path.stat().st_size for path in probe.iterdir()}


def test_full_disk_keeps_both_formats_of_the_previous_run(tmp_path: Path, small_fs: Path) -> None:
    source = article(tmp_path / "art.es-en.tsv")
    sizes = _sizes(tmp_path, source)
    # Room for the HTML (written first before the fix) but not for the JSON as well: the bug's case.
    room = -(-sizes["art.html"] // 4096) * 4096
    assert sizes["art.json"] > room - sizes["art.html"] + 4096
    (small_fs / "art.json").write_text("old json", encoding="utf-8")
    (small_fs / "art.html").write_text("old html", encoding="utf-8")
    fill(small_fs, leave=room)
    done = run_cli("check", source, "--out", small_fs, "--backend", "none", "--quiet")
    assert done.returncode == 2, done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
    assert (small_fs / "art.json").read_text() == "old json"
    assert (small_fs / "art.html").read_text() == "old html"
    assert not list(small_fs.glob(".*.tmp"))


def test_full_disk_keeps_the_previous_batch_index(tmp_path: Path, small_fs: Path) -> None:
    corpus = tmp_path / "corpus"
    article(corpus / "a.es-en.tsv", ROWS[:200])
    article(corpus / "b.es-en.tsv", ROWS[:200])
    sizes = _sizes(tmp_path, corpus)
    old = {"summary.json": "old summary", "summary.csv": "old csv", "index.html": "old index"}
    for name, text in old.items():
        (small_fs / name).write_text(text, encoding="utf-8")
    # Room for both articles' reports and the summaries, not for index.html as well.
    reports = sum(size for name, size in sizes.items() if name.startswith(("a.", "b.")))
    room = sum(-(-size // 4096) * 4096 for name, size in sizes.items() if name.startswith(("a.", "b.")))
    assert reports <= room
    fill(small_fs, leave=room + sizes["summary.json"] + sizes["summary.csv"] + 4096)
    done = run_cli("check", corpus, "--out", small_fs, "--backend", "none", "--quiet", "-j", "1")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert {name: (small_fs / name).read_text() for name in old} == old
    assert not list(small_fs.glob(".*.tmp"))


# -- item 13: temporaries of dead processes -----------------------------------------------------------

def test_stale_temporaries_of_dead_processes_are_removed_at_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    gone = dead_pid()
    stale = out / f".art.json.ta{gone}.k3j2h1.tmp"
    stale.write_text("half a report", encoding="utf-8")
    live = out / f".art.html.ta{os.getpid()}.abcdef.tmp"  # this test process is alive
    live.write_text("being written", encoding="utf-8")
    foreign = out / ".notes.tmp"  # not ours: never touched
    foreign.write_text("mine", encoding="utf-8")
    done = run_cli("check", article(tmp_path / "art.es-en.tsv"), "--out", out, "--backend", "none", "--quiet")
    assert done.returncode in (0, 1), done.stderr
    assert not stale.exists()
    assert live.exists() and foreign.exists()


def test_a_killed_writer_leaves_a_temporary_that_names_it(tmp_path: Path) -> None:
    """The temporary really carries the writer's pid (what the cleanup relies on)."""
    code = (
        "import os, sys; from transaudit import fsutil; "
        "fsutil.os.fsync = lambda fd: os.kill(os.getpid(), 9); fsutil.write_atomic(sys.argv[1], 'x')"
    )
    process = subprocess.run([sys.executable, "-c", code, str(tmp_path / "r.json")],
                             env={**os.environ, "PYTHONPATH": str(Path(fsutil.__file__).parents[1])})
    assert process.returncode == -signal.SIGKILL
    (left,) = tmp_path.iterdir()
    assert left.name.startswith(".r.json.ta") and left.name.endswith(".tmp")
    assert fsutil.remove_stale_temporaries(tmp_path) == [left.name]
    assert list(tmp_path.iterdir()) == []
