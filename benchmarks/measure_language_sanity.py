"""How often the declared-language guard refuses a correct pair, and how often it catches a wrong one.

Sides are whole documents (WMT24 en-es source and reference, bio-mqm documents per
system), each tested with its true language (a refusal there is a false alarm) and
with the other language of the pair (a refusal there is a catch); then single WMT24
segments by length, which is where langdetect is overconfident. Both halves of the
fixed split are printed (`tune` chose CONTRADICTION_MIN_WORDS).

    PYTHONPATH=src python benchmarks/measure_language_sanity.py [../shared/eval]
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from transaudit.analysis import langid
from transaudit.analysis.langid import _WORD_RE, contradicting_language
from transaudit.input.langsanity import sample

EVAL = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "eval")


def split(half: str, path: Path) -> list[str]:
    return subprocess.run([sys.executable, str(EVAL / "split.py"), half, str(path)], capture_output=True,
                          text=True, check=True).stdout.splitlines()


def documents(half: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """(English texts, Spanish texts) per document of one half."""
    wmt = EVAL / "wmt24-en-es"
    which = split("which", wmt / "en-es.docs")
    docs = [line.split("\t")[-1].strip() for line in (wmt / "en-es.docs").read_text().splitlines()]
    sides: dict[tuple[str, ...], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for doc, part, en, es in zip(docs, which, (wmt / "en-es.src.en").read_text().splitlines(),
                                 (wmt / "en-es.refA.es").read_text().splitlines(), strict=True):
        if part == half and doc != "canary":
            sides[("wmt24", doc)][0].append(en)
            sides[("wmt24", doc)][1].append(es)
    for name in ("es2en.jsonl", "en2es.jsonl"):
        for line in split(half, EVAL / "bio-mqm" / name):
            row = json.loads(line)
            english, spanish = (row["source"], row["target"]) if name == "en2es.jsonl" else (
                row["target"], row["source"])
            key = (name, row["doc"], row["system"])
            sides[key][0].append(english)
            sides[key][1].append(spanish)
    return sides


def main() -> None:
    for half in ("tune", "check"):
        sides = documents(half)
        false = caught = 0
        for english, spanish in sides.values():
            for texts, right, wrong in ((english, "en", "es"), (spanish, "es", "en")):
                false += contradicting_language(sample(texts), right) is not None
                caught += contradicting_language(sample(texts), wrong) is not None
        print(f"{half}: {2 * len(sides)} document sides: correct language refused {false}, "
              f"wrong language caught {caught}")
        wmt = EVAL / "wmt24-en-es"
        which = split("which", wmt / "en-es.docs")
        wrong_by_length: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for part, en, es in zip(which, (wmt / "en-es.src.en").read_text().splitlines(),
                                (wmt / "en-es.refA.es").read_text().splitlines(), strict=True):
            if part != half:
                continue
            for text, lang in ((en, "en"), (es, "es")):
                band = "20+ words" if len(_WORD_RE.findall(text)) >= 20 else "<20 words"
                total[band] += 1
                # Bypass the word guard to see what it protects against.
                saved, langid.CONTRADICTION_MIN_WORDS = langid.CONTRADICTION_MIN_WORDS, 0
                try:
                    wrong_by_length[band] += contradicting_language(text, lang) is not None
                finally:
                    langid.CONTRADICTION_MIN_WORDS = saved
        for band in sorted(total):
            print(f"  single segments, {band}: correct language contradicted {wrong_by_length[band]}"
                  f"/{total[band]} (without the word guard)")


if __name__ == "__main__":
    main()
