"""Large inputs: one 50,000-paragraph article, as a TSV and as an article folder.

The paragraphs are WMT24 English sources and Spanish references, cycled and
numbered so that no two are identical (no cache can help). Each input is
audited by the whole CLI (``--jobs 1 --backend none --format json``) in a
child process that reports its own CPU time and peak RSS; the anchor, in the
same run, is the same rows cut into articles of 1,000 (``--anchor-size``):
a ratio near 1 means a big article costs what its rows cost, nothing more.
Goals (issue 16): ≤ 60 s and ≤ 500 MB for either input.

``--folder-rows`` sizes the folder apart (default: ``--rows``): reading a folder
aligns its paragraphs first (Gale–Church over a band, and pysbd sentence cuts
where a paragraph may be split), which is far dearer per paragraph than the
checks, so a smaller folder gives a figure within minutes on a loaded machine;
the read is timed apart (``read``) from the whole audit.

    .venv/bin/python benchmarks/bench_large.py [--rows 50000] [--only tsv|folder] [--folder-rows 5000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_checks import _MEASURE_WRAPPER, measured

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wmt24-en-es"


def rows(count: int) -> list[tuple[str, str]]:
    source = (DATA / "en-es.src.en").read_text(encoding="utf-8").split("\n")[1:-1]
    target = (DATA / "en-es.refA.es").read_text(encoding="utf-8").split("\n")[1:-1]
    pairs = [(" ".join(s.split()), " ".join(t.split())) for s, t in zip(source, target, strict=True)]
    pairs = [(s, t) for s, t in pairs if s and t]
    return [(f"{s} ({n})", f"{t} ({n})") for n, (s, t) in ((n, pairs[n % len(pairs)]) for n in range(count))]


def write_tsv(path: Path, pairs: list[tuple[str, str]]) -> None:
    path.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")


def write_folder(folder: Path, pairs: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True)
    (folder / "source.en.txt").write_text("\n\n".join(s for s, _ in pairs) + "\n", encoding="utf-8")
    (folder / "target.es.txt").write_text("\n\n".join(t for _, t in pairs) + "\n", encoding="utf-8")


def audit(path: Path, out: Path) -> tuple[float, float, int]:
    command = [sys.executable, "-c", _MEASURE_WRAPPER, "-m", "transaudit", "check", str(path),
               "--out", str(out), "--jobs", "1", "--backend", "none", "--format", "json", "--quiet",
               "--timestamp", "2026-01-01T00:00:00Z"]
    began = time.perf_counter()
    cpu, peak = measured(command, ok=(0, 1))
    return time.perf_counter() - began, cpu, peak


def read_time(path: Path) -> float:
    """CPU seconds of reading (and, for a folder, aligning) the article alone, in a child process."""
    code = ("import sys, time; from pathlib import Path; from transaudit.input.readers import read_article; "
            "t = time.process_time(); read_article(Path(sys.argv[1])); print(time.process_time() - t)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--anchor-size", type=int, default=1_000)
    parser.add_argument("--only", choices=("tsv", "folder"))
    parser.add_argument("--folder-rows", type=int, help="paragraphs of the folder article (default: --rows)")
    args = parser.parse_args()
    pairs = rows(args.rows)
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        root = Path(tmp)
        anchor_dir = root / "anchor"
        anchor_dir.mkdir()
        for start in range(0, len(pairs), args.anchor_size):
            write_tsv(anchor_dir / f"part{start:06d}.en-es.tsv", pairs[start : start + args.anchor_size])
        wall, cpu, peak = audit(anchor_dir, root / "out-anchor")
        print(f"anchor: {args.rows} rows as {len(pairs) // args.anchor_size} TSV articles: "
              f"CPU {cpu:.1f} s, wall {wall:.1f} s, peak RSS {peak / 1024:.0f} MiB")
        kinds = [args.only] if args.only else ["tsv", "folder"]
        for kind in kinds:
            if kind == "tsv":
                path = root / "big.en-es.tsv"
                write_tsv(path, pairs)
            else:
                path = root / "big"
                write_folder(path, pairs[: args.folder_rows or args.rows])
            size = args.rows if kind == "tsv" else (args.folder_rows or args.rows)
            anchor = cpu * size / args.rows
            read_cpu = read_time(path)
            big_wall, big_cpu, big_peak = audit(path, root / f"out-{kind}")
            print(f"{kind}: one {size}-paragraph article: CPU {big_cpu:.1f} s "
                  f"({big_cpu / anchor:.2f}× the anchor's {anchor:.1f} s for as many rows; reading it "
                  f"{read_cpu:.1f} s), wall {big_wall:.1f} s, "
                  f"peak RSS {big_peak / 1024:.0f} MiB (goals: ≤ 60 s, ≤ 500 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
