"""Cost of the meaning checks (TA5xx): the encoder per segment, and the whole audit.

Prints, on this machine:
- the sentence encoder's load time and its cost per segment (cold: every text
  encoded; sentences from DEMETR, paragraphs of 30 Bio-MQM sentences);
- a 30-segment article (Bio-MQM es→en, read by path from ../shared/eval) audited
  with the default checks and with every meaning check on (TA501, TA502, TA520,
  TA521 added; TA510 and TA530 are default), cold (no caches) and warm (vectors
  and back-translations cached), with Apertium's back-translation.

    python benchmarks/bench_meaning.py [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from transaudit.engine import Engine
from transaudit.meaning import encoder
from transaudit.model import Article, Segment
from transaudit.pipeline import find_issues
from transaudit.settings import Settings

MEANING = ("TA501", "TA502", "TA520", "TA521")


def _rows(path: Path, limit: int) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def _timed(article: Article, settings: Settings, runs: int) -> float:
    engine = Engine(settings)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        find_issues(article, settings, engine)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    parser.add_argument("--backend", default="apertium")
    args = parser.parse_args()
    folder = Path(args.eval_dir)
    if not encoder.available():
        print(f"{encoder.PACKAGE} is not installed: nothing to measure")
        return 1

    started = time.perf_counter()
    model = encoder.load()
    print(f"encoder {encoder.identity()}: loaded in {time.perf_counter() - started:.2f} s")
    sentences = sorted({row["source"] for row in _rows(folder / "demetr" / "es-en.jsonl", 1750)})[:200]
    started = time.perf_counter()
    model.encode(sentences)
    per = (time.perf_counter() - started) / len(sentences)
    words = statistics.mean(len(s.split()) for s in sentences)
    print(f"  sentences: {per * 1000:.1f} ms per segment ({len(sentences)} sources, {words:.0f} words)")
    bio = _rows(folder / "bio-mqm" / "es2en.jsonl", 30 * 30)
    paragraphs = [" ".join(row["source"] for row in bio[i : i + 6]) for i in range(0, len(bio), 6)][:30]
    started = time.perf_counter()
    model.encode(paragraphs)
    per = (time.perf_counter() - started) / len(paragraphs)
    words = statistics.mean(len(p.split()) for p in paragraphs)
    print(f"  paragraphs: {per * 1000:.1f} ms per segment ({len(paragraphs)} paragraphs, {words:.0f} words)")

    rows = [row for row in bio if row["source"].strip() and row["target"].strip()][:30]
    article = Article(
        "bench", "es", "en", [Segment(f"p{i:02d}", r["source"], r["target"]) for i, r in enumerate(rows, 1)]
    )
    print(f"whole audit, {len(rows)} segments es→en, backend {args.backend} (median of 3):")
    with tempfile.TemporaryDirectory() as cache:
        for label, extend in (("default checks", ()), ("every meaning check on", MEANING)):
            cold = Settings.from_keys(backend=args.backend, extend_select=extend, no_cache=True)
            warm = Settings.from_keys(backend=args.backend, extend_select=extend, cache_dir=cache)
            _timed(article, warm, 1)  # fill the caches
            cold_s, warm_s = _timed(article, cold, 3), _timed(article, warm, 3)
            print(f"  {label:24s} cold {cold_s:6.2f} s   warm {warm_s:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
