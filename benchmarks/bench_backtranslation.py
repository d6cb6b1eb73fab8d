"""Benchmark: transaudit's Apertium back-translation against Apertium by hand.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_backtranslation.py \
        [--input /work/shared/eval/wmt24-en-es/en-es.refA.es] [--mode spa-eng] [--repeat 3]

The input is one paragraph per line (line 1, the WMT canary line, is skipped
unless --keep-first). Three figures:

1. ``apertium -u <mode>`` over the whole file in one process, the floor any
   wrapper must pay;
2. transaudit's back_translate() on the same paragraphs with the cache off
   (segments have no source, so only back-translation is timed), reported as
   a ratio to (1) — target ≤ 1.15;
3. the same back_translate() with a cache, cold and then warm — target: the
   warm run ≥ 20× faster.

Runs of (1) and (2) alternate and the medians are compared, so a busy
machine slows both alike.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transaudit.backtranslation.run import back_translate
from transaudit.model import Article, Segment
from transaudit.settings import Settings

DEFAULT_INPUT = "/work/shared/eval/wmt24-en-es/en-es.refA.es"


def read_lines(path: str, keep_first: bool) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return lines if keep_first else lines[1:]


def by_hand(lines: list[str], mode: str) -> float:
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    began = time.perf_counter()
    done = subprocess.run(["apertium", "-u", mode], input=payload, capture_output=True, check=True)
    elapsed = time.perf_counter() - began
    if len(done.stdout.decode("utf-8").splitlines()) != len(lines):
        print("warning: apertium by hand returned a different number of lines", file=sys.stderr)
    return elapsed


def article(lines: list[str], source_lang: str, target_lang: str) -> Article:
    segments = [Segment(f"l{n}", "", text) for n, text in enumerate(lines, start=2)]
    return Article("bench", source_lang, target_lang, segments)


def through_transaudit(
    lines: list[str], langs: tuple[str, str], extra: dict[str, object]
) -> tuple[float, dict]:
    doc = article(lines, *langs)
    began = time.perf_counter()
    result = back_translate(doc, Settings.from_keys(backend="apertium", **extra))
    elapsed = time.perf_counter() - began
    failed = [found for found in result.segments.values() if found.text is None]
    if failed:
        print(f"warning: {len(failed)} segments not back-translated: {failed[0].note}", file=sys.stderr)
    return elapsed, result.summary()


def runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def cached(summary: dict) -> str:
    return f"{summary['units_from_cache']} of {summary['units']}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=DEFAULT_INPUT)
    parser.add_argument("--mode", default="spa-eng", help="Apertium mode used by hand")
    parser.add_argument("--source-lang", default="en", help="the article's source language")
    parser.add_argument("--target-lang", default="es", help="the language of the input lines")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep-first", action="store_true", help="keep line 1 (the WMT canary line)")
    args = parser.parse_args()

    lines = read_lines(args.input, args.keep_first)
    langs = (args.source_lang, args.target_lang)
    words = sum(len(line.split()) for line in lines)
    print(f"input: {args.input}: {len(lines)} paragraphs, {words} words (mode {args.mode})")

    hand, ours = [], []
    summary: dict = {}
    for _ in range(args.repeat):
        hand.append(by_hand(lines, args.mode))
        elapsed, summary = through_transaudit(lines, langs, {"no-cache": True})
        ours.append(elapsed)
    hand_s, ours_s = statistics.median(hand), statistics.median(ours)
    print(f"engine: {summary.get('version')} ({summary.get('mode')})")
    print(f"apertium -u {args.mode} by hand: median {hand_s:.2f} s  (runs: {runs(hand)})")
    print(f"transaudit, cache off:        median {ours_s:.2f} s  (runs: {runs(ours)})")
    print(f"ratio transaudit / by hand:   {ours_s / hand_s:.3f}  (target ≤ 1.15)")

    with tempfile.TemporaryDirectory() as folder:
        cold, cold_summary = through_transaudit(lines, langs, {"cache-dir": folder})
        warm, warm_summary = through_transaudit(lines, langs, {"cache-dir": folder})
    print(f"cache cold: {cold:.2f} s ({cached(cold_summary)} units cached)")
    print(f"cache warm: {warm:.3f} s ({cached(warm_summary)} units cached)")
    print(f"speed-up warm / cold:         {cold / warm:.1f}×  (target ≥ 20×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
