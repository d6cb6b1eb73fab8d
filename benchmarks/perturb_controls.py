"""Which checks fire on unperturbed translations, and on what: the controls of a DEMETR-shaped set.

``transaudit eval`` gives the control false-alarm rate but not the issues behind it.
This audits each distinct control (``source``, ``mt``) of a DEMETR-shaped JSONL
(DEMETR itself or ``benchmarks/perturb_set.py``'s output) exactly as the eval does
(one segment per article, the same settings syntax) and prints, per check, how
many controls it flags and a few examples; ``--issues FILE`` writes every issue as
JSONL for reading by hand.

    PYTHONPATH=src .venv/bin/python benchmarks/perturb_controls.py /tmp/synth.tune.jsonl \\
        --backend apertium --extend-select TA401,TA501,...,TA523 [--issues /tmp/controls.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from transaudit.cli.check import cli_settings
from transaudit.engine import Engine
from transaudit.errors import ConfigError, InputError
from transaudit.evaluation.readers import read_demetr
from transaudit.model import Article, Issue, Segment
from transaudit.pipeline import find_issues
from transaudit.settings import resolve


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="DEMETR-shaped JSONL")
    parser.add_argument("--backend", default="apertium")
    parser.add_argument("--extend-select", default="", help="checks to turn on beyond the default")
    parser.add_argument("--examples", type=int, default=4, help="examples printed per check")
    parser.add_argument("--issues", type=Path, help="write every control issue here (JSONL)")
    args = parser.parse_args(argv)
    try:
        items = read_demetr(args.data).items
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    extend = tuple(c for c in args.extend_select.replace(",", " ").split() if c)
    try:
        settings = resolve(None, *cli_settings(extend_select=extend, backend=args.backend))
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    engine = Engine(settings)
    controls = {(i.source_lang, i.target_lang, i.source, i.mt): i.id for i in items}
    flagged: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[Issue]] = defaultdict(list)
    rows = []
    for (source_lang, target_lang, source, mt), item_id in controls.items():
        article = Article(item_id, source_lang, target_lang, [Segment(item_id, source, mt)])
        issues = find_issues(article, settings, engine).issues
        for issue in issues:
            flagged[issue.code].add(item_id)
            examples[issue.code].append(issue)
            rows.append({"id": item_id, "source": source, "mt": mt, **issue.to_dict()})
    any_flag = {i for ids in flagged.values() for i in ids}
    print(f"{args.data}: {len(any_flag)}/{len(controls)} controls flagged")
    for code, ids in sorted(flagged.items(), key=lambda kv: -len(kv[1])):
        print(f"  {code}: {len(ids)} controls, {len(examples[code])} issues")
        for issue in examples[code][: args.examples]:
            print(f"    [{issue.side} {issue.text!r}] {issue.message[:160]}")
    if args.issues:
        with args.issues.open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
