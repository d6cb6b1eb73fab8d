"""Untranslated-text checks between close languages: Spanish left in Catalan, Portuguese, Italian, Galician.

Targets are Apertium's translations of the WMT24 human Spanish reference
(``en-es.refA.es``), sources the Spanish itself: a close-pair translation whose
every leftover is known, because Apertium marks each word it could not
translate with ``*`` and copies it. The marks are removed from the target; a
lower-case marked word is a real Spanish leftover (a capitalised one is a
name, and neither counted nor held against a check). Then, in every fourth
segment of two or more sentences whose sentence count Apertium kept, the last
sentence is put back in Spanish: a planted untranslated sentence.

Counted per pair (TA210, TA211, TA212, TA140 only, no back-translation):

* TA211 flags on marked lower-case words (found) and on unmarked words (false alarms);
* TA210 on planted sentences (found) and elsewhere (false alarms);
* TA212, and TA140 flags on unmarked words (false alarms: Apertium writes
  words of its dictionary, which the target Hunspell dictionary should know).

Both halves of the fixed split are printed; rules were chosen on ``tune``.

    PYTHONPATH=src python benchmarks/measure_close_pairs.py [../shared/eval] [ca pt it gl]
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from transaudit.analysis.text import sentence_spans
from transaudit.engine import Engine
from transaudit.model import Article, Segment
from transaudit.settings import Settings

EVAL = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "eval")
MODES = {"ca": "spa-cat", "pt": "es-pt", "it": "spa-ita", "gl": "es-gl"}
PAIRS = sys.argv[2:] or list(MODES)
CODES = ("TA210", "TA211", "TA212", "TA140")
_MARKED_RE = re.compile(r"\*([^\W\d_][\w'’\-]*)")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def spanish(half: str) -> list[str]:
    wmt = EVAL / "wmt24-en-es"
    which = subprocess.run([sys.executable, str(EVAL / "split.py"), "which", str(wmt / "en-es.docs")],
                           capture_output=True, text=True, check=True).stdout.split()
    docs = [line.split("\t")[0] for line in (wmt / "en-es.docs").read_text(encoding="utf-8").splitlines()]
    lines = (wmt / "en-es.refA.es").read_text(encoding="utf-8").splitlines()
    chosen = zip(lines, which, docs, strict=True)
    return [text for text, part, doc in chosen if part == half and doc != "canary"]


def apertium(mode: str, lines: list[str]) -> list[str]:
    out = subprocess.run(["apertium", "-f", "line", mode], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(lines), (mode, len(out), len(lines))
    return out


Built = tuple[list[Segment], set[tuple[str, str]], dict[str, int]]


def build(sources: list[str], marked: list[str]) -> Built:
    """Segments, the (segment, word) leftovers, and where each planted Spanish sentence starts."""
    segments: list[Segment] = []
    leftovers: set[tuple[str, str]] = set()
    planted: dict[str, int] = {}
    for index, (source, target) in enumerate(zip(sources, marked, strict=True)):
        sid = f"s{index:04d}"
        for match in _MARKED_RE.finditer(target):
            if not match.group(1)[0].isupper():
                leftovers.add((sid, match.group(1).casefold()))
        text = target.replace("*", "")
        src_spans, tgt_spans = sentence_spans(source), sentence_spans(text)
        if index % 4 == 0 and len(src_spans) >= 2 and len(src_spans) == len(tgt_spans):
            start = tgt_spans[-1][0]
            text = text[:start] + source[src_spans[-1][0]:src_spans[-1][1]]
            planted[sid] = start
        segments.append(Segment(sid, source, text))
    return segments, leftovers, planted


def measure(target_lang: str, half: str, sources: list[str]) -> Counter[str]:
    segments, leftovers, planted = build(sources, apertium(MODES[target_lang], sources))
    run = Engine(Settings.from_keys(backend="none", select=" ".join(CODES))).run(
        Article(f"wmt24-{half}", "es", target_lang, segments))
    counts: Counter[str] = Counter(segments=len(segments), leftovers=len(leftovers), planted=len(planted))
    found_leftovers: set[tuple[str, str]] = set()
    source_of = {s.id: s.source.casefold() for s in segments}
    for issue in run.issues:
        words = {w.casefold() for w in _WORD_RE.findall(issue.text)}
        in_planted = issue.segment in planted and issue.start >= planted[issue.segment]
        if issue.code in ("TA211", "TA140") and in_planted:
            counts[f"{issue.code} in planted sentences"] += 1
        elif issue.code in ("TA211", "TA140"):
            hits = {(issue.segment, w) for w in words} & leftovers
            found_leftovers |= hits
            if hits:
                counts[f"{issue.code} on leftovers"] += 1
            elif not issue.text[:1].isupper() or issue.text.casefold() not in source_of[issue.segment]:
                counts[f"{issue.code} false"] += 1
                print(f"  {target_lang}/{half} {issue.code} false: {issue.text!r}", file=sys.stderr)
        elif issue.code == "TA210":
            if in_planted:
                counts["TA210 on planted"] += 1
            else:
                counts["TA210 false"] += 1
                print(f"  {target_lang}/{half} TA210 false: {issue.text[:80]!r}", file=sys.stderr)
        elif issue.code == "TA212" and issue.segment in planted and planted[issue.segment] == 0:
            counts["TA210 on planted"] += 1  # the whole segment was one planted sentence
        else:
            counts[f"{issue.code} false"] += 1
            print(f"  {target_lang}/{half} {issue.code} false: {issue.text[:80]!r}", file=sys.stderr)
    counts["leftovers found"] = len(found_leftovers)
    for _sid, word in sorted(leftovers - found_leftovers):
        print(f"  {target_lang}/{half} leftover missed: {word!r}", file=sys.stderr)
    return counts


def main() -> None:
    for half in ("tune", "check"):
        sources = spanish(half)
        for lang in PAIRS:
            c = measure(lang, half, sources)
            print(f"es→{lang} {half}: {c['segments']} segments; leftovers found {c['leftovers found']}/"
                  f"{c['leftovers']} (TA211 {c['TA211 on leftovers']}, TA140 {c['TA140 on leftovers']}); "
                  f"planted sentences found {c['TA210 on planted']}/{c['planted']} (TA211 in them "
                  f"{c['TA211 in planted sentences']}); false alarms: "
                  f"TA211 {c['TA211 false']}, TA210 {c['TA210 false']}, TA212 {c['TA212 false']}, "
                  f"TA140 {c['TA140 false']}", flush=True)


if __name__ == "__main__":
    main()
