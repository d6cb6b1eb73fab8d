"""Measure the fluency checks (repetition, punctuation, capitalization) on real text.

Three measurements, so the figures in the check docs can be reproduced:

* false alarms on a professional human translation: WMT24 en→es refA
  (segments flagged, per check; line 1 is a canary and is skipped);
* DEMETR es→en: false alarms on the unperturbed ``mt`` side, and detection of
  the perturbations these checks are meant to catch (repeat2, repeat4,
  final_punc_removed, …) on the ``target`` side;
* the Samarkand seed: every issue, and whether the required ones are found.

Optionally (``--systems``) the time the checks take over all WMT24 system
outputs (23 × 998 segments).

Usage (from the repository root)::

    .venv/bin/python benchmarks/measure_fluency_checks.py [--wmt DIR] [--demetr FILE]
        [--seed FILE] [--systems] [--show CODE ...]

Paths default to ``../shared/...`` relative to the repository root.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from transaudit.checks import all_checks
from transaudit.engine import Engine
from transaudit.model import Article, Issue, Segment
from transaudit.settings import Settings

#: The three families' codes: TA101-109, TA110-129, TA130-139.
CODES = (*(f"TA10{i}" for i in range(1, 10)), *(f"TA1{i}" for i in range(10, 40)))
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: DEMETR perturbations these checks should detect, with the checks that count.
DETECT = {
    "minor_id1_repeat2": ("TA101", "TA102", "TA103", "TA104"),
    "minor_id2_repeat4": ("TA101", "TA102", "TA103", "TA104"),
    "minor_id28_final_punc_removed": ("TA118",),
    "minor_id29_punc_addition": tuple(f"TA11{i}" for i in range(10)),
    "minor_id30_tokenized": ("TA115",),
    "minor_id32_first_lower": ("TA131",),
    "minor_id31_full_lower": ("TA131",),
}


def engine() -> Engine:
    selected = tuple(check.code for check in all_checks() if check.code in CODES)
    return Engine(Settings.from_keys(select=selected, backend="none"))


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def wmt_articles(folder: Path, target_file: str = "en-es.refA.es") -> list[Article]:
    """One article per WMT document, canary line skipped."""
    sources = read_lines(folder / "en-es.src.en")
    targets = read_lines(folder / target_file)
    docs = [line.split("\t")[-1] for line in read_lines(folder / "en-es.docs")]
    grouped: dict[str, list[Segment]] = defaultdict(list)
    order: list[str] = []
    for number, (source, target, doc) in enumerate(zip(sources, targets, docs, strict=True), start=1):
        if number == 1:
            continue
        if doc not in grouped:
            order.append(doc)
        grouped[doc].append(Segment(str(number), source, target, line=number))
    return [Article(doc, "en", "es", grouped[doc]) for doc in order]


def flagged(issues: list[Issue]) -> dict[str, set[str]]:
    by_code: dict[str, set[str]] = defaultdict(set)
    for issue in issues:
        by_code[issue.code].add(issue.segment)
    return by_code


def measure_wmt(folder: Path, show: set[str]) -> None:
    articles = wmt_articles(folder)
    total = sum(len(a.segments) for a in articles)
    run_engine = engine()
    issues: list[Issue] = []
    for article in articles:
        run = run_engine.run(article)
        if run.errors:
            print("ERRORS", run.errors[:3])
        issues.extend(run.issues)
    by_code = flagged(issues)
    any_flag = set().union(*by_code.values()) if by_code else set()
    print(f"\n== WMT24 en-es refA (human reference, es targets): {total} segments")
    print(f"segments with any flag: {len(any_flag)} ({100 * len(any_flag) / total:.1f}%)")
    counts = Counter(issue.code for issue in issues)
    for code in CODES:
        if counts[code]:
            print(f"  {code}: {len(by_code[code])} segments, {counts[code]} issues")
    _show(issues, show, lambda issue: f"line {issue.segment}")


def measure_demetr(path: Path, show: set[str]) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    run_engine = engine()
    mt_issues: list[Issue] = []
    seen_mt: set[str] = set()
    detected: Counter[str] = Counter()
    applied: Counter[str] = Counter()
    target_flags: Counter[str] = Counter()
    for row in rows:
        item = row["id"].rsplit("/", 1)[-1]
        if item not in seen_mt:
            seen_mt.add(item)
            article = Article(item, "es", "en", [Segment(item, row["source"], row["mt"])])
            mt_issues.extend(run_engine.run(article).issues)
        if not row["applied"]:
            continue
        kind = row["perturbation"]
        applied[kind] += 1
        article = Article(row["id"], "es", "en", [Segment(row["id"], row["source"], row["target"])])
        codes = {issue.code for issue in run_engine.run(article).issues}
        if codes:
            target_flags[kind] += 1
        if kind in DETECT and codes & set(DETECT[kind]):
            detected[kind] += 1
    print(f"\n== DEMETR es-en: {len(seen_mt)} unperturbed mt segments (en targets)")
    by_code = flagged(mt_issues)
    any_flag = set().union(*by_code.values()) if by_code else set()
    print(f"mt segments with any flag (false alarms): {len(any_flag)}")
    for code in CODES:
        if by_code.get(code):
            print(f"  {code}: {len(by_code[code])}")
    _show(mt_issues, show, lambda issue: f"mt {issue.segment}")
    print("detection on perturbed targets (applied items):")
    for kind in DETECT:
        if applied[kind]:
            print(f"  {kind}: {detected[kind]}/{applied[kind]} ({100 * detected[kind] / applied[kind]:.0f}%)")
    others = sorted(k for k in applied if k not in DETECT and target_flags[k])
    if others:
        print("other perturbations with some flag: " + ", ".join(f"{k} {target_flags[k]}" for k in others))


def measure_seed(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    segments = [Segment(row["id"], row["source"], row["target"]) for row in rows]
    run = engine().run(Article("samarkand", "es", "en", segments))
    print(f"\n== Samarkand seed: {len(run.issues)} issues, errors: {run.errors}")
    for issue in run.issues:
        print(f"  {issue.segment} {issue.code} {issue.name}: {issue.text!r}")
    required = {"p15": "problems and problems", "p06": "’"}
    for segment_id, text in required.items():
        hit = any(i.segment == segment_id and text in i.text for i in run.issues)
        print(f"  required {segment_id} {text!r}: {'found' if hit else 'MISSING'}")
    clean = {"p01", "p03", "p05", "p08", "p09", "p10", "p12", "p16", "p18", "p19"}
    print(f"  issues on clean paragraphs: {sum(1 for i in run.issues if i.segment in clean)}")


def measure_speed(folder: Path) -> None:
    outputs = sorted((folder / "system-outputs").glob("*.es"))
    articles = [a for path in outputs for a in wmt_articles(folder, f"system-outputs/{path.name}")]
    run_engine = engine()
    segments = sum(len(a.segments) for a in articles)
    started, cpu_started = time.perf_counter(), time.process_time()
    issues = 0
    for article in articles:
        issues += len(run_engine.run(article).issues)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"\n== speed: {segments} system-output segments, {issues} issues")
    print(f"{elapsed:.2f} s wall, {cpu:.2f} s CPU for {len(run_engine.checks)} checks")


def _show(issues: list[Issue], show: set[str], where) -> None:  # type: ignore[no-untyped-def]
    for issue in issues:
        if issue.code in show:
            print(f"    [{issue.code}] {where(issue)}: {issue.text!r} — {issue.message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wmt", type=Path, default=SHARED / "eval" / "wmt24-en-es")
    parser.add_argument("--demetr", type=Path, default=SHARED / "eval" / "demetr" / "es-en.jsonl")
    parser.add_argument("--seed", type=Path, default=SHARED / "seeds" / "samarkand" / "aligned.tsv")
    parser.add_argument("--systems", action="store_true", help="also time the checks on all system outputs")
    parser.add_argument("--show", nargs="*", default=[], help="print the issues of these codes")
    args = parser.parse_args()
    show = set(args.show)
    measure_seed(args.seed)
    measure_demetr(args.demetr, show)
    measure_wmt(args.wmt, show)
    if args.systems:
        measure_speed(args.wmt)


if __name__ == "__main__":
    main()
