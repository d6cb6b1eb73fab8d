"""Cost of the meaning checks (TA5xx): the encoder per segment, and the whole audit.

Prints, on this machine:
- the sentence encoder's load time and its cost per segment (cold: every text
  encoded; sentences from DEMETR, paragraphs of 30 Bio-MQM sentences);
- an article of 30 paragraphs (Bio-MQM es→en, six sentences each, read by path
  from ../shared/eval) audited with the default checks and with every signal on
  (:data:`SIGNALS` added to the defaults), cold (no caches) and warm (vectors and
  back-translations cached), with Apertium's back-translation: in this process
  (models loaded once), and as a fresh ``transaudit check`` process on the same
  article written as TSV (what an editor re-running an audit waits for).

    python benchmarks/bench_meaning.py [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transaudit.engine import Engine
from transaudit.meaning import encoder
from transaudit.model import Article, Segment
from transaudit.pipeline import find_issues
from transaudit.settings import Settings

#: Every check that is off by default and reads meaning-level evidence.
SIGNALS = ("TA401", "TA501", "TA502", "TA510", "TA511", "TA520", "TA521", "TA522")


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


def _process(tsv: Path, cache: str, backend: str, extend: tuple[str, ...]) -> float:
    """Wall time of ``transaudit check`` on the TSV with a warm cache (median of 3)."""
    command = [sys.executable, "-m", "transaudit", "check", str(tsv), "-s", "es", "-t", "en", "-q"]
    command += [
        "--backend",
        backend,
        "--cache-dir",
        cache,
        "--out",
        str(Path(cache) / "out"),
        "--format",
        "json",
    ]
    if extend:
        command += ["--extend-select", ",".join(extend)]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run(command, check=False, capture_output=True, text=True)
        if done.returncode not in (0, 1):  # 1: the article is below the pass mark
            raise SystemExit(f"transaudit check failed ({done.returncode}): {done.stderr.strip()}")
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

    rows = [row for row in bio if row["source"].strip() and row["target"].strip()][: 30 * 6]
    pairs = [
        (" ".join(r["source"] for r in rows[i : i + 6]), " ".join(r["target"] for r in rows[i : i + 6]))
        for i in range(0, len(rows), 6)
    ][:30]
    article = Article("bench", "es", "en", [Segment(f"p{i:02d}", s, t) for i, (s, t) in enumerate(pairs, 1)])
    words = statistics.mean(len(s.split()) for s, _ in pairs)
    print(
        f"whole audit, {len(pairs)} paragraphs es→en ({words:.0f} words), "
        f"backend {args.backend} (median of 3):"
    )
    with tempfile.TemporaryDirectory() as cache:
        tsv = Path(cache) / "bench.es-en.tsv"
        tsv.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")
        for label, extend in (("default checks", ()), ("every signal on", SIGNALS)):
            cold = Settings.from_keys(backend=args.backend, extend_select=extend, no_cache=True)
            warm = Settings.from_keys(backend=args.backend, extend_select=extend, cache_dir=cache)
            _timed(article, warm, 1)  # fill the caches
            cold_s, warm_s = _timed(article, cold, 3), _timed(article, warm, 3)
            process_s = _process(tsv, cache, args.backend, extend)
            print(
                f"  {label:18s} cold {cold_s:6.2f} s   warm {warm_s:6.2f} s   "
                f"warm, fresh process (transaudit check) {process_s:6.2f} s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
