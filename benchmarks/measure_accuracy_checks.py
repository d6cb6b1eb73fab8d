"""Measure the accuracy checks (numbers, untranslated, completeness) on public data.

Reads the evaluation data by path (never copied into the repository):

* the Samarkand seed (es→en): required findings and false alarms on clean paragraphs;
* DEMETR es→en: per perturbation, the share of applied items with an issue on the
  perturbed ``target`` and on the unperturbed ``mt`` (false alarms);
* WMT24 en→es with the human reference: issues per 100 segments (false alarms);
* speed: segments per second over the WMT24 system outputs.

Usage: python benchmarks/measure_accuracy_checks.py [--shared ../shared] [--systems N] [-v]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings

CODES = (
    "TA201",
    "TA202",
    "TA203",
    "TA204",
    "TA205",
    "TA210",
    "TA211",
    "TA212",
    "TA220",
    "TA221",
    "TA222",
    "TA223",
    "TA224",
    "TA225",
    "TA226",
)
CLEAN_SEED = ("p01", "p03", "p05", "p08", "p09", "p10", "p12", "p16", "p18", "p19")
REQUIRED_SEED = {
    "p02": "Date:",
    "p20": "LEAVE A REPLY",
    "p21": "Please enter your comment!",
    "p23": "Share post:",
}


def engine() -> Engine:
    return Engine(Settings.from_keys(select=CODES, backend="none"))


def one(eng: Engine, source: str, target: str, src: str, tgt: str, sid: str = "s") -> list:
    article = Article(sid, src, tgt, [Segment(sid, source, target)])
    return eng.run(article).issues


def seed(eng: Engine, path: Path, verbose: bool) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    article = Article("samarkand", "es", "en", [Segment(r["id"], r["source"], r["target"]) for r in rows])
    run = eng.run(article)
    by_segment = defaultdict(list)
    for issue in run.issues:
        by_segment[issue.segment].append(issue)
    print("== seed (Samarkand, es→en)")
    for sid, text in REQUIRED_SEED.items():
        hit = [
            i
            for i in by_segment[sid]
            if i.side == "target" and text in i.text  # the span covers the required text
        ]
        print(
            f"  required {sid} {text!r}: "
            f"{'FOUND ' + ','.join(sorted({i.code for i in hit})) if hit else 'MISSED'}"
        )
    clean = [i for sid in CLEAN_SEED for i in by_segment[sid]]
    print(f"  issues on clean paragraphs {','.join(CLEAN_SEED)}: {len(clean)}")
    print(f"  all issues: {len(run.issues)}, internal errors: {len(run.errors)}")
    if verbose:
        for issue in run.issues:
            print(f"    {issue.segment} {issue.code} {issue.side} {issue.text[:70]!r}")


def demetr(eng: Engine, path: Path, verbose: bool) -> None:
    applied: Counter[str] = Counter()
    on_target: Counter[str] = Counter()
    on_mt: Counter[str] = Counter()
    mt_items: dict[str, bool] = {}
    mt_codes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle]
    for item in items:
        if not item["applied"]:
            continue
        name = item["perturbation"]
        applied[name] += 1
        t_issues = one(eng, item["source"], item["target"], "es", "en")
        m_issues = one(eng, item["source"], item["mt"], "es", "en")
        on_target[name] += bool(t_issues)
        on_mt[name] += bool(m_issues)
        key = item["source"] + "\0" + item["mt"]
        mt_items[key] = bool(m_issues)
        if m_issues and key not in examples["mt"]:
            for issue in m_issues:
                mt_codes[issue.code] += 1
            examples["mt"].append(key)
            if verbose:
                print("  FA:", [(i.code, i.side, i.text) for i in m_issues], "|", item["mt"][:150])
        if verbose and not t_issues and name in ("critical_id10_numbers_replaced", "critical_id4_codemix"):
            print("  MISS:", name, "|", item["target"][:160])
    print("== DEMETR es→en: share of applied items with >=1 issue (target / unperturbed mt)")
    for name in sorted(applied):
        print(
            f"  {name:36} n={applied[name]:3}  target {100 * on_target[name] / applied[name]:5.1f}%"
            f"  mt {100 * on_mt[name] / applied[name]:5.1f}%"
        )
    flagged = sum(mt_items.values())
    print(
        f"  distinct mt items: {len(mt_items)}, with any issue: {flagged} "
        f"({100 * flagged / max(1, len(mt_items)):.1f}%); codes: {dict(mt_codes)}"
    )


def wmt(eng: Engine, folder: Path, systems: int, verbose: bool) -> None:
    source = (folder / "en-es.src.en").read_text(encoding="utf-8").split("\n")[1:]
    reference = (folder / "en-es.refA.es").read_text(encoding="utf-8").split("\n")[1:]
    n = min(len(source), len(reference))
    while n and not source[n - 1]:
        n -= 1
    article = Article("wmt24-refA", "en", "es", [Segment(f"s{i}", source[i], reference[i]) for i in range(n)])
    run = eng.run(article)
    segments = {i.segment for i in run.issues}
    codes = Counter(i.code for i in run.issues)
    print(
        f"== WMT24 en→es human reference: {n} segments, {len(run.issues)} issues "
        f"({100 * len(run.issues) / n:.1f} per 100 segments), segments flagged {len(segments)} "
        f"({100 * len(segments) / n:.1f}%)"
    )
    print(f"  by code: {dict(sorted(codes.items()))}")
    if verbose:
        for issue in run.issues:
            print(f"    {issue.segment} {issue.code} {issue.side} {issue.text[:80]!r}")
    outputs = sorted((folder / "system-outputs").glob("*"))[:systems]
    if not outputs:
        return
    articles = []
    for path in outputs:
        lines = path.read_text(encoding="utf-8").split("\n")[1:]
        articles.append(
            Article(
                path.name,
                "en",
                "es",
                [Segment(f"s{i}", source[i], lines[i] if i < len(lines) else "") for i in range(n)],
            )
        )
    total = sum(len(a.segments) for a in articles)
    codes: Counter[str] = Counter()
    started = time.perf_counter()
    cpu = time.process_time()
    for art in articles:
        codes.update(i.code for i in eng.run(art).issues)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    issues = sum(codes.values())
    print(
        f"== speed: {len(articles)} system outputs, {total} segments in {elapsed:.2f} s wall, "
        f"{cpu:.2f} s CPU "
        f"({1000 * cpu / total:.3f} ms CPU/segment); {100 * issues / total:.1f} issues per 100 segments"
    )
    print(f"  by code: {dict(sorted(codes.items()))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--systems", type=int, default=23, help="WMT24 system outputs to time (0: none)")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--only", choices=("seed", "demetr", "wmt"), default=None)
    args = parser.parse_args(argv)
    eng = engine()
    if args.only in (None, "seed"):
        seed(eng, args.shared / "seeds/samarkand/aligned.tsv", args.verbose)
    if args.only in (None, "demetr"):
        demetr(eng, args.shared / "eval/demetr/es-en.jsonl", args.verbose)
    if args.only in (None, "wmt"):
        wmt(eng, args.shared / "eval/wmt24-en-es", args.systems, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
