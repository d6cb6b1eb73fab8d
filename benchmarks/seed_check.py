"""Audit the seed article and compare with its expected.md / expected.json.

Usage: python benchmarks/seed_check.py [SEED_DIR] [--backend none|auto|apertium]

Prints, for both inputs (aligned.tsv and the source/target folder): which
required and optional rows an issue span covers, and every issue raised on the
paragraphs expected.md lists no problem for (false alarms).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from transaudit.input.readers import Languages, read_article
from transaudit.pipeline import audit_article
from transaudit.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def covered(result, row) -> list[str]:
    """Codes of the issues whose target span covers the expected text."""
    segment = result.article.segment(row["segment"])
    start = segment.target.find(row["text"])
    if start < 0:
        return []
    end = start + len(row["text"])
    return sorted({
        i.code for i in result.issues
        if i.segment == row["segment"] and i.side == "target" and i.start < end and start < i.end
    } | {
        i.code for i in result.issues
        if i.segment == row["segment"] and i.side == "source" and not segment.target.strip()
    })


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", default=str(ROOT.parent / "shared" / "seeds" / "samarkand"))
    parser.add_argument("--backend", default="none")
    args = parser.parse_args()
    seed = Path(args.seed)
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    settings = Settings.from_keys(backend=args.backend)
    ok = True
    for path in (seed / "aligned.tsv", seed):
        article = read_article(path, Languages("es", "en"))
        result = audit_article(article, settings)
        print(f"== {path.name}: {len(result.issues)} issues, score {result.score}")
        for kind in ("required", "optional"):
            found = 0
            for row in expected[kind]:
                codes = covered(result, row)
                found += bool(codes)
                mark = "found " + ",".join(codes) if codes else "MISSED"
                print(f"  {kind:<8} {row['segment']} {row['text']!r:<32} {mark}")
            print(f"  {kind}: {found}/{len(expected[kind])}")
            if kind == "required" and found < len(expected[kind]):
                ok = False
        clean = [i for i in result.issues if i.segment in expected["clean"]]
        print(f"  issues on clean paragraphs: {len(clean)}")
        for issue in clean:
            print(f"    {issue.segment} {issue.code} {issue.text!r}: {issue.message}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
