"""Back-translating a chunk of small articles: one Apertium call per article, or one per chunk.

A cluster task audits a chunk of up to 25 small articles (``distributed.CHUNK_ARTICLES``).
Cold, each article used to start Apertium for its own units (~0.26 s of CPU to load the
transducers, whatever the text); ``backtranslation.run.prefetch`` translates the whole
chunk's units in one call per route step. Both ways audit the same WMT24 paragraphs
(English source, Spanish reference as the translation) as ``--articles`` articles of
``--size`` paragraphs, end to end (:func:`transaudit.pipeline.audit_article`, JSON
rendered), with an empty cache each time, alternating, and the JSON reports of the two
ways are compared (they must be identical). CPU is this process plus its children
(Apertium's pipeline); the anchor is the same audit without back-translation.

    .venv/bin/python benchmarks/bench_bt_chunk.py [--articles 25] [--size 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
from pathlib import Path

from transaudit.backtranslation.run import prefetch
from transaudit.engine import Engine
from transaudit.memo import clear_text_caches
from transaudit.model import Article, Segment
from transaudit.pipeline import audit_article
from transaudit.report.json_report import render_json
from transaudit.settings import Settings

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wmt24-en-es"


def articles(count: int, size: int) -> list[Article]:
    source = (DATA / "en-es.src.en").read_text(encoding="utf-8").split("\n")[1:]
    target = (DATA / "en-es.refA.es").read_text(encoding="utf-8").split("\n")[1:]
    return [
        Article(f"a{k}", "en", "es",
                [Segment(f"p{n}", source[k * size + n], target[k * size + n], line=n + 1)
                 for n in range(size)], f"a{k}")
        for k in range(count)
    ]


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def audit_all(
    chunk: list[Article], settings: Settings, engine: Engine, chunked: bool
) -> tuple[float, list[str]]:
    began = cpu()
    prefetched = prefetch(chunk, settings) if chunked else None
    reports = []
    for article in chunk:
        reports.append(render_json(audit_article(article, settings, engine, prefetched)))
        clear_text_caches()
    return cpu() - began, reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=25)
    parser.add_argument("--size", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    chunk = articles(args.articles, args.size)
    none = Settings.from_keys(backend="none", timestamp="2026-01-01T00:00:00Z")
    engine = Engine(none)
    audit_all(chunk[:1], none, engine, chunked=False)  # imports and language data are not measured
    with tempfile.TemporaryDirectory(prefix="bench-bt-chunk-") as tmp:
        cache = Path(tmp) / "cache"
        settings = Settings.from_keys(backend="apertium", cache_dir=str(cache),
                                      timestamp="2026-01-01T00:00:00Z")
        audit_all(chunk[:2], settings, engine, chunked=False)  # sacrebleu's import, Apertium's mode list
        times: dict[str, list[float]] = {"none": [], "each": [], "chunk": []}
        same = True
        for _ in range(args.rounds):
            times["none"].append(audit_all(chunk, none, engine, chunked=False)[0])
            reports = {}
            for way in ("each", "chunk"):
                shutil.rmtree(cache, ignore_errors=True)
                spent, reports[way] = audit_all(chunk, settings, engine, chunked=way == "chunk")
                times[way].append(spent)
            same = same and reports["each"] == reports["chunk"]
    median = {way: statistics.median(values) for way, values in times.items()}
    for way, values in times.items():
        print(f"  cpu {way:5} median {median[way]:.2f} s ({', '.join(f'{v:.2f}' for v in values)})")
    per_article = {way: (median[way] - median["none"]) / args.articles * 1000 for way in ("each", "chunk")}
    print(f"{args.articles} articles of {args.size} paragraphs, cold: back-translation adds "
          f"{per_article['each']:.0f} ms of CPU per article with a call per article, "
          f"{per_article['chunk']:.0f} ms with one call per chunk "
          f"({per_article['each'] / per_article['chunk']:.1f}× less; by round: "
          + ", ".join(f"{(e - n) / (c - n):.1f}"
                      for e, c, n in zip(times["each"], times["chunk"], times["none"], strict=True))
          + f"); reports identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
