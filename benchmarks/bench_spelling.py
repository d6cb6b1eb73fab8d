"""TA140's cost, and its one-slip search against Hunspell's own suggestions.

1. CPU time of the misspelling search (``checks.spelling.misspellings``, the whole
   of TA140's work) over the 23 WMT24 en→es system outputs and the human
   reference (23,952 units), in this process; ``--neighbours edits|index|auto``
   forces one way of finding one-slip words (default ``auto``: the edits first,
   the sorted word lists once 300 words have been searched).
2. For each word TA140 flags in the human reference (``--half`` of the fixed
   split), the correction it proposes against enchant's first suggestion
   (Hunspell's ``suggest``, which TA140 does not use), with the time each takes
   per word, printed side by side for reading.

    .venv/bin/python benchmarks/bench_spelling.py [--half tune] [--neighbours auto]

Data paths default to ``../shared/eval/wmt24-en-es`` relative to the repository
root; the data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from transaudit.analysis import frequencies, spelling
from transaudit.checks import spelling as ta140

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval" / "wmt24-en-es"


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def halves(docs: list[str]) -> dict[str, str]:
    """Each document's half of the fixed split (the rule of ../shared/eval/split.py)."""
    ordered = sorted(set(docs), key=lambda k: hashlib.sha256(k.encode()).hexdigest())
    return {k: ("tune" if i % 2 == 0 else "check") for i, k in enumerate(ordered)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--half", choices=("tune", "check"), default="tune")
    parser.add_argument("--neighbours", choices=("auto", "edits", "index"), default="auto")
    args = parser.parse_args(argv)
    if args.neighbours == "edits":
        spelling.Neighbours.INDEX_AFTER = 10**12
    elif args.neighbours == "index":
        spelling.Neighbours.INDEX_AFTER = 0

    source = lines(args.data / "en-es.src.en")
    reference = lines(args.data / "en-es.refA.es")
    pairs = [
        (s, t)
        for output in sorted((args.data / "system-outputs").iterdir())
        for s, t in zip(source, lines(output), strict=True)
    ]
    pairs += list(zip(source, reference, strict=True))
    speller = spelling.speller("es")
    if speller is None:
        raise SystemExit("no Spanish Hunspell dictionary (hunspell-es)")
    frequencies.table("es"), frequencies.table("en")  # loaded before the clock starts
    started = time.process_time()
    flags = sum(
        1 for s, t in pairs if s and t for _ in ta140.misspellings(s, t, "en", "es", speller, frozenset())
    )
    spent = time.process_time() - started
    print(f"TA140 search ({args.neighbours}): {len(pairs)} units, {flags} flags, {spent:.2f} s CPU")

    docs = [line.split("\t")[-1].strip() for line in lines(args.data / "en-es.docs")]
    half = halves(docs)
    words = sorted(
        {
            word
            for s, t, doc in zip(source, reference, docs, strict=True)
            if half[doc] == args.half and s and t
            for _, _, word, _ in ta140.misspellings(s, t, "en", "es", speller, frozenset())
        }
    )
    table = frequencies.table("es")
    ta140.neighbours.cache_clear()  # a fresh search: the edits spelled out, as in a short run
    started = time.process_time()
    ours = {w: ta140._correction(w, speller, table, "es") for w in words}
    ours_time = time.process_time() - started
    started = time.process_time()
    theirs = {w: next(iter(speller._dicts[0].suggest(w)), None) for w in words}
    theirs_time = time.process_time() - started
    print(f"\nreference, {args.half} half: {len(words)} flagged words")
    print(f"{'word':<20} {'TA140':<20} {'enchant suggest':<20}")
    for w in words:
        print(
            f"{w:<20} {ours[w] or '-':<20} {theirs[w] or '-':<20}{'' if ours[w] == theirs[w] else '  differ'}"
        )
    same = sum(ours[w] == theirs[w] for w in words)
    n = max(len(words), 1)
    print(
        f"same first correction {same}/{len(words)}; TA140 {1000 * ours_time / n:.2f} ms a word "
        f"(a fresh search), enchant {1000 * theirs_time / n:.1f} ms a word"
    )


if __name__ == "__main__":
    main()
