"""Same input and settings, same bytes: across runs, hash seeds, locales and job counts.

Each run is a real ``transaudit check`` subprocess so PYTHONHASHSEED and LC_ALL
take effect. Languages are left to detection on one article (langdetect must be
seeded) and the batch runs in parallel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "id\tsource\ttarget\n"
    "p1\tEl Gobierno aprobó ayer un plan de 20 millones de euros para Madrid.\t"
    "The Government approved yesterday a plan of 20 million euros for Madrid.\n"
    "p2\tLa ministra Ana Ruiz dijo que «es un buen día».\t"
    "The minister Ana Ruiz said that “it is a good day’.\n"
    "p3\tLos vecinos de Sevilla y Bilbao lo celebraron.\t"
    "The the neighbours of Seville and Bilbao celebrated it.\n"
    "p4\t\tLEAVE A REPLY\n"
)


def corpus(root: Path) -> Path:
    folder = root / "corpus"
    folder.mkdir(parents=True)
    (folder / "plan.es-en.tsv").write_text(ARTICLE, encoding="utf-8")
    (folder / "detected.tsv").write_text(ARTICLE, encoding="utf-8")  # languages by seeded detection
    story = folder / "story"
    story.mkdir()
    (story / "source.es.txt").write_text(
        "El alcalde inauguró ayer el puente.\n\nCostó 3,5 millones de euros.\n", encoding="utf-8")
    (story / "target.en.txt").write_text(
        "The mayor opened the bridge yesterday.\n\nIt cost 3.5 million euros.\n\nShare post:\n",
        encoding="utf-8",
    )
    return folder


def run(source: Path, out: Path, *extra: str, env: dict[str, str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "transaudit", "check", str(source), "--out", str(out), "--backend", "none",
         "--quiet", "--format", "json", "--format", "html", "--format", "text", *extra],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode in (0, 1), completed.stderr


def files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.slow
def test_json_is_byte_identical_across_hash_seeds_locales_and_jobs(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    variants = [
        ({"PYTHONHASHSEED": "1", "LC_ALL": "C", "SOURCE_DATE_EPOCH": "1700000000"}, ("-j", "1")),
        ({"PYTHONHASHSEED": "2", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "1700000000"}, ("-j", "2")),
        ({"PYTHONHASHSEED": "3", "LC_ALL": "C.UTF-8", "TZ": "Asia/Kolkata"},
         ("-j", "3", "--timestamp", "2023-11-14T22:13:20Z")),
    ]
    outputs = []
    for index, (env, extra) in enumerate(variants):
        out = tmp_path / f"out{index}"
        run(source, out, *extra, env=env)
        outputs.append(files(out))
    first = outputs[0]
    expected = {"plan.json", "detected.json", "story.json", "summary.json", "summary.csv", "index.html"}
    assert expected <= set(first)
    for other in outputs[1:]:
        assert set(other) == set(first)
        for name in first:
            if name.endswith((".json", ".csv", ".txt", ".html")):
                assert other[name] == first[name], f"{name} differs"
    detected = json.loads(first["detected.json"])
    assert (detected["article"]["source_lang"], detected["article"]["target_lang"]) == ("es", "en")
    assert json.loads(first["plan.json"])["generated_at"] == "2023-11-14T22:13:20Z"


@pytest.mark.slow
def test_generated_at_is_the_only_field_that_moves(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    run(source, tmp_path / "a", "--timestamp", "2024-01-01T00:00:00Z", env={})
    run(source, tmp_path / "b", "--timestamp", "2025-06-30T12:00:00Z", env={})
    for path in sorted((tmp_path / "a").glob("*.json")):
        first = json.loads(path.read_text(encoding="utf-8"))
        second = json.loads((tmp_path / "b" / path.name).read_text(encoding="utf-8"))
        assert (first.pop("generated_at"), second.pop("generated_at")) == (
            "2024-01-01T00:00:00Z", "2025-06-30T12:00:00Z")
        assert first == second, path.name
