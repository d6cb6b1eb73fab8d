"""Measure the entity, name-spelling and glossary checks (TA3xx) on shared data.

Reads, never copies, the evaluation data (default ``../shared``):

- the Samarkand seed (es→en): which TA3xx issues fire on which paragraph;
- WMT24 en→es human reference (line 1, a canary, skipped): flags per 100 segments;
- DEMETR es→en: flags per 100 segments on the unperturbed ``mt`` side, and
  detection of ``critical_id9_ne_replaced`` (named entity replaced): the share of
  applied perturbations whose ``target`` gets a TA3xx flag while its ``mt`` does
  not;
- Bio-MQM (both directions): flags per 100 segments and how many land on
  segments with annotated errors;
- throughput: TA3xx over WMT24's 23 system outputs (one article per system).

Usage: ``python benchmarks/measure_entities.py [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from pathlib import Path

from transaudit.analysis.text import words
from transaudit.checks import CheckContext, all_checks
from transaudit.checks.base import iter_findings
from transaudit.model import Article, Segment


def _checks():  # type: ignore[no-untyped-def]
    return [cls() for cls in all_checks() if cls.code.startswith("TA3")]


def run(article: Article, settings: dict | None = None) -> list[tuple[str, str, str, str, str]]:
    """(code, segment, side, text, message) for every TA3xx finding."""
    found = []
    for check in _checks():
        ctx = CheckContext(article.source_lang, article.target_lang, check.option_defaults(),
                           tuple((settings or {}).get("glossary", ())))
        if check.scope == "article":
            pairs = [(f.segment or "", f) for f in iter_findings(check.check_article(article, ctx))]
        else:
            pairs = [(s.id, f) for s in article.segments for f in iter_findings(check.check_segment(s, ctx))]
        for seg_id, finding in pairs:
            text = article.segment(seg_id).text(finding.side)[finding.start : finding.end]
            found.append((check.code, seg_id, finding.side, text, finding.message))
    return found


def seed(shared: Path) -> None:
    rows = list(
        csv.DictReader((shared / "seeds/samarkand/aligned.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    article = Article("samarkand", "es", "en", [Segment(r["id"], r["source"], r["target"]) for r in rows])
    print("== Samarkand seed (es→en)")
    for code, seg, side, text, message in run(article):
        print(f"  {code} {seg} {side:6} {text!r}: {message[:110]}")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def wmt(shared: Path) -> None:
    folder = shared / "eval/wmt24-en-es"
    src = _lines(folder / "en-es.src.en")[1:]
    ref = _lines(folder / "en-es.refA.es")[1:]
    segments = [Segment(f"l{i + 2}", s, t) for i, (s, t) in enumerate(zip(src, ref, strict=False)) if s or t]
    article = Article("wmt24-refA", "en", "es", segments)
    found = run(article)
    print(
        f"== WMT24 en→es refA: {len(segments)} segments, {len(found)} flags = "
        f"{100 * len(found) / len(segments):.2f} per 100 segments; "
        f"by code {dict(Counter(f[0] for f in found))}"
    )
    for code, seg, side, text, message in found:
        print(f"  {code} {seg} {side:6} {text!r}: {message[:100]}")

    systems = sorted((folder / "system-outputs").glob("*"))
    articles = []
    for system in systems:
        hyp = _lines(system)[1:] if system.is_file() else []
        segs = [Segment(f"l{i + 2}", s, t) for i, (s, t) in enumerate(zip(src, hyp, strict=False))]
        articles.append(Article(system.name, "en", "es", segs))
    total = sum(len(a.segments) for a in articles)
    # CPU time, and a words() pass over the same targets as a yardstick: wall
    # time on a shared machine says little.
    start = time.process_time()
    for a in articles:
        for segment in a.segments:
            words(segment.target)
    baseline = time.process_time() - start
    start = time.process_time()
    flags = sum(len(run(a)) for a in articles)
    elapsed = time.process_time() - start
    print(
        f"== throughput: {len(articles)} systems, {total} segments, TA3xx {elapsed:.2f} s CPU "
        f"(text.words() over the targets: {baseline:.2f} s; ratio {elapsed / max(baseline, 1e-9):.1f}); "
        f"{flags} flags, {100 * flags / max(total, 1):.2f} per 100 segments"
    )


def demetr(shared: Path) -> None:
    rows = [json.loads(line) for line in (shared / "eval/demetr/es-en.jsonl").open(encoding="utf-8")]
    seen: set[str] = set()
    mt_segments = []
    for index, row in enumerate(rows):
        if row["mt"] in seen:
            continue
        seen.add(row["mt"])
        mt_segments.append(Segment(f"m{index}", row["source"], row["mt"]))
    mt_found = run(Article("demetr-mt", "es", "en", mt_segments))
    print(
        f"== DEMETR es→en mt side: {len(mt_segments)} segments, {len(mt_found)} flags = "
        f"{100 * len(mt_found) / len(mt_segments):.2f} per 100 segments"
    )
    for code, seg, side, text, message in mt_found:
        print(f"  {code} {seg} {side:6} {text!r}: {message[:100]}")
    ne = [r for r in rows if r["perturbation"] == "critical_id9_ne_replaced" and r["applied"]]
    hit_target = hit_mt = detected = 0
    for index, row in enumerate(ne):
        target = run(Article(f"t{index}", "es", "en", [Segment("s", row["source"], row["target"])]))
        mt = run(Article(f"m{index}", "es", "en", [Segment("s", row["source"], row["mt"])]))
        hit_target += bool(target)
        hit_mt += bool(mt)
        detected += bool(target) and not mt
        print(f"  {'HIT ' if target else 'miss'} {row['target'][:90]!r} {[f[3] for f in target]}")
    print(
        f"== DEMETR critical_id9_ne_replaced: {len(ne)} applied; target flagged {hit_target}, "
        f"mt flagged {hit_mt}, detected (target flagged, mt clean) {detected} = "
        f"{100 * detected / len(ne):.0f}%"
    )


def bio(shared: Path) -> None:
    """Bio-MQM: flags per 100 segments, and how many fall on annotated errors."""
    from collections import defaultdict

    for name, (src, tgt) in (("es2en", ("es", "en")), ("en2es", ("en", "es"))):
        rows = [json.loads(line) for line in (shared / f"eval/bio-mqm/{name}.jsonl").open(encoding="utf-8")]
        docs: dict[tuple[str, str], list[Segment]] = defaultdict(list)
        for index, row in enumerate(rows):
            docs[(row["doc"], row["system"])].append(Segment(f"b{index}", row["source"], row["target"]))
        found = [
            f for (doc, system), segs in docs.items() for f in run(Article(f"{doc}/{system}", src, tgt, segs))
        ]
        on_error = sum(1 for f in found if rows[int(f[1][1:])]["errors"])
        print(
            f"== Bio-MQM {name}: {len(rows)} segments, {len(found)} flags = "
            f"{100 * len(found) / len(rows):.2f} per 100; {on_error} on segments with annotated errors"
        )
        for code, seg, side, text, message in found:
            print(f"  {code} {seg} {side:6} {text!r}: {message[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--only", choices=["seed", "wmt", "demetr", "bio"], default=None)
    args = parser.parse_args()
    for name, step in (("seed", seed), ("demetr", demetr), ("bio", bio), ("wmt", wmt)):
        if args.only in (None, name):
            step(args.shared)


if __name__ == "__main__":
    main()
