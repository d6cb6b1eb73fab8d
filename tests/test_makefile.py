"""The Makefile, dry-run (`make -n -B`: prints every recipe, runs none)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def dry_run(*args: str) -> str:
    return subprocess.run(["make", "-n", "-B", "-C", str(ROOT), *args], capture_output=True, text=True,
                          check=True).stdout


def test_audit_installs_the_core_package_only() -> None:
    recipe = dry_run("audit")
    assert 'pip install --quiet -e .' in recipe
    assert "torch" not in recipe and "transformers" not in recipe and "chromium" not in recipe
    assert "check corpora/ --out \"reports/\"" in recipe


def test_test_pins_torch_before_the_extras() -> None:
    recipe = dry_run("test")
    torch = recipe.index('pip install --quiet "torch==2.13.0"')
    assert torch < recipe.index('pip install --quiet -e ".[transformers,test]"')
    assert "chromium chromium-driver" in recipe and "pytest" in recipe


def test_audit_and_publish_variables() -> None:
    recipe = dry_run("audit", "ARTICLES=corpora/caspian-energy-forum", "OUT=/tmp/out/", "JOBS=3",
                     "SHARED_DIR=/srv/shared")
    assert "check corpora/caspian-energy-forum --out \"/tmp/out/\" --jobs 3" in recipe
    assert 'set -- --compare "/srv/shared"' in recipe
    publish = dry_run("publish", "SHARED_DIR=/srv/shared", "KEEP=5", "OUT=/tmp/out/")
    assert 'transaudit publish "/tmp/out/" --to "/srv/shared" --keep 5' in publish
    assert "--keep 20" in dry_run("publish", "SHARED_DIR=/srv/shared")
