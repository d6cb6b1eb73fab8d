"""Cross-check of publishing against hostile report folders (the publish tests own the details).

A report folder produced by ``transaudit check`` is published next to planted
symlinks pointing outside it; nothing outside SHARED_DIR may change and no
outside content may be copied in.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit.cli import main

publish_module = pytest.importorskip("transaudit.publish")


def snapshot(root: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + str(path.readlink())
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


def test_publish_never_follows_symlinks_out_of_the_shared_folder(tmp_path: Path) -> None:
    secret_dir = tmp_path / "secret"
    secret_dir.mkdir()
    (secret_dir / "passwords.txt").write_text("hunter2\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("story", "other"):
        (corpus / f"{name}.es-en.tsv").write_text("source\ttarget\nHola.\tHello.\n", encoding="utf-8")
    reports = tmp_path / "reports"
    args = ["check", str(corpus), "--out", str(reports), "--backend", "none", "--quiet", "-j", "1"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (reports / "leak.txt").symlink_to(secret_dir / "passwords.txt")
    (reports / "leakdir").symlink_to(secret_dir, target_is_directory=True)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "latest").symlink_to(secret_dir, target_is_directory=True)  # planted by someone else
    before = snapshot(secret_dir)

    run = publish_module.publish(reports, shared, now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))

    assert snapshot(secret_dir) == before
    assert run.resolve().parent == shared.resolve()
    published = snapshot(shared)
    assert not any(isinstance(v, bytes) and b"hunter2" in v for v in published.values())
    assert "story.json" in {Path(k).name for k in published}
    for path in shared.rglob("*"):
        if path.is_symlink():
            assert path.resolve().is_relative_to(shared.resolve()), path
