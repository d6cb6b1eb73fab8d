"""Default checks, this checkout against a release checkout, in the same run: a time ratio.

Issue 18 asks that the spelling family keep the whole default check set at
least as fast as 0.1.0 on the WMT24 benchmark. Absolute times on a shared
machine move by a factor of several from one minute to the next, so both
versions are measured in the same run, alternating, each in its own child
process running its own ``benchmarks/bench_checks.py --runs 1`` (23 WMT24
systems × 998 paragraphs, default checks, no back-translation) with its own
sources first on ``PYTHONPATH``. Printed per round: each child's CPU time (user +
system, from ``getrusage`` of children, start-up and data loading included) and the time the
benchmark itself reports for auditing; then the medians and the ratios
(this / release: below 1 is faster).

    git clone -q . /tmp/ta-0.1.0 && git -C /tmp/ta-0.1.0 checkout -q 2ef12b6   # 0.1.0
    .venv/bin/python benchmarks/bench_vs_release.py --release /tmp/ta-0.1.0 [--rounds 3]

Both read the same data: ``../shared/eval/wmt24-en-es`` relative to this
checkout, or ``--source``/``--systems``.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval" / "wmt24-en-es"
_MEDIAN_RE = re.compile(r"transaudit: median ([0-9.]+) s")


def run_once(checkout: Path, extra: list[str]) -> tuple[float, float]:
    """(CPU seconds of the child, audit seconds it reports) for one benchmark run of ``checkout``."""
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    command = [sys.executable, str(checkout / "benchmarks" / "bench_checks.py"), "--runs", "1", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{checkout}: bench_checks.py failed ({done.returncode}): {done.stderr[-600:]}")
    match = _MEDIAN_RE.search(done.stdout)
    if match is None:
        raise SystemExit(f"{checkout}: no 'transaudit: median' line in: {done.stdout[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, float(match.group(1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", type=Path, required=True, help="a release checkout (0.1.0: 2ef12b6)")
    parser.add_argument("--current", type=Path, default=REPO, help="checkout to compare (default: this)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--source", type=Path, default=DATA / "en-es.src.en", help="WMT24 English source")
    parser.add_argument("--systems", type=Path, default=DATA / "system-outputs", help="system outputs")
    args = parser.parse_args(argv)
    # The same data for both, wherever the release checkout lives.
    extra = ["--source", str(args.source), "--systems", str(args.systems)]
    results: dict[str, list[tuple[float, float]]] = {"release": [], "current": []}
    for number in range(args.rounds):
        # Alternate which goes first so a load change favours neither.
        order = ("release", "current") if number % 2 == 0 else ("current", "release")
        for name in order:
            checkout = args.release if name == "release" else args.current
            cpu, audit = run_once(checkout, extra)
            results[name].append((cpu, audit))
            print(f"round {number + 1} {name:<8} CPU {cpu:7.2f} s   audit {audit:7.2f} s", flush=True)
    cpu = {name: statistics.median(c for c, _ in runs) for name, runs in results.items()}
    audit = {name: statistics.median(a for _, a in runs) for name, runs in results.items()}
    for name, path in (("release", args.release), ("current", args.current)):
        print(f"{name} ({path}): CPU median {cpu[name]:.2f} s, audit median {audit[name]:.2f} s")
    print(
        f"ratio current / release: CPU {cpu['current'] / cpu['release']:.2f}, "
        f"audit {audit['current'] / audit['release']:.2f} (≤ 1.00: at least as fast)"
    )


if __name__ == "__main__":
    main()
