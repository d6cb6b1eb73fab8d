"""Dask against local processes: the same 2,000 small articles, two workers each way.

Builds ``--articles`` small es→en... articles (``--size`` consecutive WMT24
paragraphs each: English source, Spanish reference) in a temporary folder,
starts a 2-worker LocalCluster (processes, one thread each; its start-up is
not timed: a real cluster is already running), then alternates
``run_batch(jobs=2)`` and ``run_on_cluster`` ``--runs`` times and compares
the medians, so a busy machine slows both alike. Also times one process
(``jobs=1``): its first article alone (start-up: imports and language
resources), then ``--serial`` more articles, for the per-article and
per-segment cost used by docs/scaling.md. Goal: cluster ≤ 1.15× local.

    .venv/bin/python benchmarks/bench_cluster.py [--articles 2000] [--size 3] [--runs 3]

Back-translation is off (``--backend none`` equivalent): this measures the
runner, not Apertium (see bench_backtranslation.py for that).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from transaudit.batch import run_batch
from transaudit.distributed import run_on_cluster
from transaudit.input.readers import Languages, discover
from transaudit.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval" / "wmt24-en-es"


def make_corpus(folder: Path, count: int, size: int) -> list[Path]:
    """``count`` TSV articles of ``size`` paragraphs, cycling through the WMT24 lines."""
    source = (DATA / "en-es.src.en").read_text(encoding="utf-8").split("\n")[1:-1]  # no canary line
    target = (DATA / "en-es.refA.es").read_text(encoding="utf-8").split("\n")[1:-1]
    pairs = [(s, t) for s, t in zip(source, target, strict=True) if s.strip() and t.strip()]
    for number in range(count):
        start = (number * size) % (len(pairs) - size)
        rows = ["source\ttarget"]
        for s, t in pairs[start : start + size]:
            rows.append(f"{s.replace(chr(9), ' ')}\t{t.replace(chr(9), ' ')}")
        (folder / f"a{number:05d}.en-es.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return list(discover([folder]))


def timed(function, *args) -> float:
    return timed_cpu(function, *args)[0]


def timed_cpu(function, *args) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (meaningful for the in-process run)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    run = function(*args)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    bad = [o.error for o in run.outcomes if not o.ok]
    if bad:
        raise SystemExit(f"{len(bad)} articles failed, e.g. {bad[0]}")
    return elapsed, cpu


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--size", type=int, default=3, help="paragraphs per article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serial", type=int, default=200, help="articles timed in one process")
    args = parser.parse_args(argv)

    from distributed import LocalCluster

    settings = Settings.from_keys(backend="none", timestamp="2026-01-01T00:00:00Z")
    langs = Languages(None, None)
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        paths = make_corpus(root / "in", args.articles, args.size)
        segments = args.articles * args.size
        options = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": ":0"}
        local_times, cluster_times = [], []
        with LocalCluster(**options) if args.runs else _nothing() as cluster:
            for run in range(args.runs):
                out_local, out_cluster = root / f"local{run}", root / f"cluster{run}"
                out_local.mkdir()
                out_cluster.mkdir()
                local_times.append(timed(run_batch, paths, settings, langs, out_local, ("json", "html"), 2))
                cluster_times.append(
                    timed(run_on_cluster, paths, settings, langs, out_cluster, ("json", "html"),
                          cluster.scheduler_address)
                )
        # One process: the first article alone (start-up: imports, language resources),
        # then the next --serial articles in the same process (the steady cost).
        first_out, serial_out = root / "first", root / "serial"
        first_out.mkdir()
        serial_out.mkdir()
        _, first_cpu = timed_cpu(run_batch, paths[:1], settings, langs, first_out, ("json", "html"), 1)
        serial, serial_cpu = timed_cpu(
            run_batch, paths[1 : args.serial + 1], settings, langs, serial_out, ("json", "html"), 1
        )

    print(
        f"one process: start-up (first article) {first_cpu:.2f} s CPU; then {args.serial} articles: "
        f"{serial / args.serial * 1000:.1f} ms wall and {serial_cpu / args.serial * 1000:.1f} ms CPU per "
        f"article, {serial_cpu / (args.serial * args.size) * 1000:.2f} ms CPU per segment "
        "(HTML and JSON written; anchor for docs/scaling.md)"
    )
    if not args.runs:
        return
    local, remote = statistics.median(local_times), statistics.median(cluster_times)
    print(f"articles: {args.articles} × {args.size} paragraphs ({segments} segments); runs: {args.runs}")
    print(f"--jobs 2:        median {local:.2f} s ({', '.join(f'{t:.2f}' for t in local_times)})")
    print(f"--scheduler (2): median {remote:.2f} s ({', '.join(f'{t:.2f}' for t in cluster_times)})")
    print(f"ratio: cluster takes {remote / local:.2f}× --jobs 2 (goal ≤ 1.15)")
    print(
        f"per-article overhead of the cluster: {(remote - local) / args.articles * 1000:+.2f} ms wall "
        f"({(remote - local) * 2 / args.articles * 1000:+.2f} ms of worker time, 2 workers)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
