"""Back-translation inside a whole audit: what it adds, cold and warm.

400 WMT24 paragraphs (English source, Spanish reference as the translation,
canary line skipped) as one article, audited end to end by
:func:`transaudit.pipeline.audit_article` (checks, round-trip scores, TA401):

* ``none``  — ``backend = "none"``: the anchor for the warm figure;
* ``cold``  — Apertium with an empty cache: every unit translated and scored;
* ``warm``  — the same again: every unit and its scores from the cache;
* ``hand``  — ``apertium -u spa-eng`` over the same 400 paragraphs by hand:
  the anchor for the cold figure;
* ``start`` — the same on one word: Apertium's start-up, which a batch pays
  once per article (docs/scaling.md).

Goals (issue 16): (cold − none) ≤ 1.3 × hand; warm ≤ 1.2 × none. Runs
alternate (each figure right after its anchor) and medians are compared; each round's own ratio is printed too
(its spread is the honest error bar on a shared machine). Each figure is
given twice: wall time, and CPU time (this process plus its children, i.e.
Apertium's pipeline), which is what to trust on a shared, busy machine.

What a process pays once is not measured, as for the anchor: before the
rounds, one audit without back-translation (imports, language data) and one
back-translated two-segment article (sacrebleu's import, Apertium's mode
list and version queries) run, and the latter's extra cost is printed.

    .venv/bin/python benchmarks/bench_bt_audit.py [--segments 400] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from transaudit.engine import Engine
from transaudit.memo import clear_text_caches
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.settings import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wmt24-en-es"


def load(count: int) -> Article:
    source = (DATA / "en-es.src.en").read_text(encoding="utf-8").split("\n")[1 : count + 1]
    target = (DATA / "en-es.refA.es").read_text(encoding="utf-8").split("\n")[1 : count + 1]
    pairs = enumerate(zip(source, target, strict=True), 2)
    segments = [Segment(f"p{n}", s, t, line=n) for n, (s, t) in pairs]
    return Article("wmt24-ref", "en", "es", segments, "wmt24")


def cpu() -> float:
    """CPU seconds of this process and its finished children (Apertium's processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + children_cpu()


def children_cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


#: Apertium's share (children's CPU) of each cold audit, for the split printed at the end.
COLD_CHILDREN: list[float] = []


def audit(article: Article, settings: Settings) -> tuple[float, float, dict]:
    """One audit as a batch worker runs it: the per-article caches emptied after it (memo.py).

    So no run reuses the analyses of the one before (a batch's next article
    shares no text with the last), and, as in a worker, what the first article
    loaded is settled out of the garbage collector's way.
    """
    engine = Engine(settings)
    began, began_cpu = time.perf_counter(), cpu()
    result = audit_article(article, settings, engine)
    clear_text_caches()
    return time.perf_counter() - began, cpu() - began_cpu, result.backtranslation


def by_hand(article: Article) -> tuple[float, float]:
    payload = ("\n".join(s.target.replace("\n", " ") for s in article.segments) + "\n").encode("utf-8")
    began, began_cpu = time.perf_counter(), cpu()
    subprocess.run(["apertium", "-u", "spa-eng"], input=payload, capture_output=True, check=True)
    return time.perf_counter() - began, cpu() - began_cpu


def spread(ratios: tuple[float, ...]) -> str:
    return ", ".join(f"{ratio:.2f}" for ratio in ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    article = load(args.segments)
    names = ("none", "cold", "warm", "hand", "start")
    wall: dict[str, list[float]] = {name: [] for name in names}
    used: dict[str, list[float]] = {name: [] for name in names}
    summary: dict = {}
    warm_summary: dict = {}
    audit(article, Settings.from_keys(backend="none"))  # imports and data loads are not what is measured
    tiny = Article("tiny", "en", "es", article.segments[:2], "wmt24")
    one = Article("one", "en", "es", [Segment("p1", "Yes.", "Sí.")], "one")
    with tempfile.TemporaryDirectory(prefix="bench-bt-") as cache:
        _, tiny_none, _ = audit(tiny, Settings.from_keys(backend="none"))
        _, tiny_first, _ = audit(tiny, Settings.from_keys(backend="apertium", cache_dir=cache))
    print(f"once per process (not in the figures): back-translation start-up {tiny_first - tiny_none:.2f} s "
          "CPU (2 segments: imports, mode list, versions, one Apertium start)")
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="bench-bt-") as cache:
            bt = Settings.from_keys(backend="apertium", cache_dir=cache)
            # Each figure next to its anchor: the one-word start-up, the raw run and the
            # cold audit in turn, then the audit without back-translation and the warm one.
            for name, (seconds, cpu_seconds) in (("start", by_hand(one)), ("hand", by_hand(article))):
                wall[name].append(seconds)
                used[name].append(cpu_seconds)
            before = children_cpu()
            seconds, cpu_seconds, summary = audit(article, bt)
            COLD_CHILDREN.append(children_cpu() - before)
            wall["cold"].append(seconds)
            used["cold"].append(cpu_seconds)
            seconds, cpu_seconds, _ = audit(article, Settings.from_keys(backend="none"))
            wall["none"].append(seconds)
            used["none"].append(cpu_seconds)
            seconds, cpu_seconds, warm_summary = audit(article, bt)
            wall["warm"].append(seconds)
            used["warm"].append(cpu_seconds)
    print(f"article: {len(article.segments)} WMT24 paragraphs en→es, back-translated es→en; "
          f"runs: {args.repeat}")
    for label, figures in (("wall", wall), ("cpu", used)):
        med = {name: statistics.median(values) for name, values in figures.items()}
        for name, values in figures.items():
            if name == "start":
                continue
            listed = ", ".join(f"{v:.2f}" for v in values)
            print(f"  {label:<4} {name:<5} median {med[name]:.2f} s  ({listed})")
        rounds = zip(figures["cold"], figures["none"], figures["hand"], figures["warm"], strict=True)
        cold_rounds, warm_rounds = zip(*(((c - n) / h, w / n) for c, n, h, w in rounds), strict=True)
        print(f"{label}: cold audit adds {(med['cold'] - med['none']) / med['hand']:.2f}× "
              f"raw apertium -u spa-eng (goal ≤ 1.3); by round: {spread(cold_rounds)}")
        print(f"{label}: warm audit takes {med['warm'] / med['none']:.2f}× an audit without "
              f"back-translation (goal ≤ 1.2); by round: {spread(warm_rounds)}")
    start = statistics.median(used["start"])
    print("Apertium's start-up (apertium -u spa-eng on one word, paid once per article and direction): "
          f"median {start:.2f} s CPU, {statistics.median(wall['start']):.2f} s wall "
          f"({spread(tuple(used['start']))}); "
          f"then {(statistics.median(used['hand']) - start) / len(article.segments) * 1000:.1f} ms CPU "
          "per WMT24 paragraph")
    apertium = statistics.median(COLD_CHILDREN)
    rounds_cold = zip(used["cold"], COLD_CHILDREN, used["none"], strict=True)
    python = statistics.median(cold - apertium_cpu - none for cold, apertium_cpu, none in rounds_cold)
    print(f"cold, split: Apertium's processes median {apertium:.2f} s CPU "
          f"({spread(tuple(COLD_CHILDREN))}; by hand {statistics.median(used['hand']):.2f} s), "
          f"this process {python:.2f} s more than without back-translation (scoring, cache, assembly)")
    print(f"cold units from cache: {summary.get('units_from_cache')} of {summary.get('units')}; "
          f"warm: {warm_summary.get('units_from_cache')} of {warm_summary.get('units')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
