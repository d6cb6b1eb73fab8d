"""False alarms on a professional translation: WMT24 en→es human reference A.

Audits ``en-es.refA.es`` against ``en-es.src.en`` with the default checks and
no back-translation (``--backend apertium`` for the checks that read one).
Paragraphs are grouped into articles by the document ids of ``en-es.docs`` so
article checks see their context; the canary line is skipped. Every issue on
a professional translation is treated as a false alarm (the reference has
errors too, so this is an upper bound). Prints issues
per 100 segments by check and the share of segments flagged (target ≤ 3%).

    .venv/bin/python benchmarks/false_alarms_wmt24.py [--samples 3]

Data paths default to ``../shared/eval/wmt24-en-es`` relative to the
repository root; the data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections import Counter, defaultdict
from pathlib import Path

from transaudit.engine import Engine
from transaudit.model import Article, Issue, Segment
from transaudit.pipeline import audit_article
from transaudit.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval" / "wmt24-en-es"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def load_articles(source: Path, target: Path, docs: Path | None) -> list[Article]:
    src, tgt = read_lines(source), read_lines(target)
    if len(src) != len(tgt):
        raise SystemExit(f"{target}: {len(tgt)} lines, {source} has {len(src)}")
    doc_ids = (
        [line.split("\t")[-1] for line in read_lines(docs)] if docs and docs.exists() else ["all"] * len(src)
    )
    groups: dict[str, list[Segment]] = defaultdict(list)
    for number, (s, t, doc) in enumerate(zip(src, tgt, doc_ids, strict=True), start=1):
        if s.startswith("CANARY GUID"):
            continue
        groups[doc].append(Segment(str(number), s, t, line=number))
    return [Article(doc, "en", "es", segments, str(target)) for doc, segments in groups.items()]


def split_half(docs: Path) -> dict[str, str]:
    """Each WMT24 document's half of the shared evaluation split (``tune`` or ``check``).

    The same rule as ``../shared/eval/split.py``: documents in sha256 order,
    alternately ``tune`` and ``check``; computed here so the data folder is
    only read, never imported.
    """
    names = {line.split("\t")[-1].strip() for line in read_lines(docs)}
    ordered = sorted(names, key=lambda k: hashlib.sha256(k.encode()).hexdigest())
    return {k: ("tune" if i % 2 == 0 else "check") for i, k in enumerate(ordered)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DATA / "en-es.src.en")
    parser.add_argument("--target", type=Path, default=DATA / "en-es.refA.es")
    parser.add_argument("--docs", type=Path, default=DATA / "en-es.docs")
    parser.add_argument("--samples", type=int, default=0, help="print this many flagged examples per check")
    parser.add_argument(
        "--half",
        choices=("tune", "check"),
        help="only the documents of this half of the fixed split (../shared/eval/split.py)",
    )
    parser.add_argument(
        "--select", default="", help="only these checks (codes, comma separated; default: the default set)"
    )
    parser.add_argument(
        "--extend-select", default="", help="these checks in addition (codes, comma separated), e.g. TA511"
    )
    parser.add_argument(
        "--backend",
        default="none",
        help="back-translation backend (default none; apertium for the checks that read a back-translation)",
    )
    args = parser.parse_args(argv)

    keys: dict[str, object] = {"backend": args.backend}
    if args.select:
        keys["select"] = args.select
    if args.extend_select:
        keys["extend_select"] = args.extend_select
    settings = Settings.from_keys(**keys)
    engine = Engine(settings)
    articles = load_articles(args.source, args.target, args.docs)
    if args.half:
        half = split_half(args.docs)
        articles = [a for a in articles if half[a.id.strip()] == args.half]
    issues: list[Issue] = []
    texts: dict[str, Segment] = {}
    for article in articles:
        issues.extend(audit_article(article, settings, engine).issues)
        texts.update({segment.id: segment for segment in article.segments})
    segments = len(texts)
    by_check = Counter(issue.code for issue in issues)
    names = {check.code: check.name for check in engine.checks}
    flagged = {issue.segment for issue in issues}
    print(
        f"{args.target.name}: {segments} segments in {len(articles)} documents, "
        f"{len(engine.checks)} checks, {len(issues)} issues"
    )
    print(f"{'check':<36} {'issues':>6} {'per 100 seg':>11} {'segments':>8}")
    for check in engine.checks:
        count = by_check.get(check.code, 0)
        hit = len({i.segment for i in issues if i.code == check.code})
        print(
            f"{check.code + ' ' + names[check.code]:<36} {count:>6} {100 * count / segments:>11.2f} {hit:>8}"
        )
    print(f"{'all':<36} {len(issues):>6} {100 * len(issues) / segments:>11.2f} {len(flagged):>8}")
    share = len(flagged) / segments
    verdict = "met" if share <= 0.03 else "NOT met"
    print(f"segments flagged: {len(flagged)}/{segments} = {share:.1%} (target ≤ 3%: {verdict})")
    if args.samples:
        rng = random.Random(0)
        for code in sorted(by_check):
            chosen = [i for i in issues if i.code == code]
            for issue in sorted(
                rng.sample(chosen, min(args.samples, len(chosen))), key=lambda i: int(i.segment)
            ):
                text = texts[issue.segment].text(issue.side)
                context = text[max(0, issue.start - 50) : issue.end + 50].replace("\n", " ")
                print(
                    f"  {code} line {issue.segment} {issue.side} [{issue.text}] {issue.message} | …{context}…"
                )


if __name__ == "__main__":
    main()
