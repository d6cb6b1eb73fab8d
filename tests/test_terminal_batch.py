"""A batch in a real terminal (a pty): totals line, no stale progress bars, duplicates told apart."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

CLEAN = "id\tsource\ttarget\np1\tEl alcalde inauguró el puente.\tThe mayor opened the bridge.\n"
BAD = "id\tsource\ttarget\np1\tEl alcalde inauguró el el puente.\tThe mayor opened the the bridge.\n"


def visible_lines(raw: str) -> list[str]:
    """What the scrollback shows: per line, the text after the last carriage return / erase."""
    lines = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        line = line.replace("\x1b[2K", "\r").rsplit("\r", 1)[-1]
        lines.append(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line))
    return [line for line in lines if line.strip()]


def test_batch_in_a_terminal(tmp_path: Path) -> None:
    for folder, text in (("x", BAD), ("y", CLEAN), ("z", CLEAN)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.es-en.tsv").write_text(text, encoding="utf-8")
    (tmp_path / "z" / "broken.tsv").write_text("nothing here\n", encoding="utf-8")
    main, secondary = os.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "transaudit", "check", str(tmp_path / "x"), str(tmp_path / "y"),
         str(tmp_path / "z"), "--out", str(tmp_path / "out"), "--backend", "none", "-j", "1"],
        stdin=secondary, stdout=secondary, stderr=secondary, env=env, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 2  # broken.tsv is skipped
    lines = visible_lines(b"".join(chunks).decode("utf-8", "replace"))
    assert sum("Auditing" in line for line in lines) == 1, lines  # only the finished bar, once
    firsts = [line.split()[0:2] for line in lines if "quality" in line]
    assert ["story", "es→en"] in firsts and ["story", "(story-2)"] in firsts
    assert ["story", "(story-3)"] in firsts
    totals = [line for line in lines if line.startswith("transaudit: 4 articles")]
    assert totals, lines
    expected = r"transaudit: 4 articles: 2 passed, 1 failed, 1 skipped; 1 issue; \d+\.\d s"
    assert re.fullmatch(expected, totals[0])
