"""Shared runner for the check case tables in tests/checks/cases/.

Each check family keeps its fire/silent cases as data; this module loads a table, runs
only that family's codes through the Engine and compares what fired with the case, so
the test modules hold only what is particular to their checks.

Two table shapes exist, told apart by the file's suffix, and each keeps the checks it had:
- TOML tables (``[[case]]``): ``fire`` is ``[code, text]``, ``silent`` may be left out,
  a case may give several ``segments``, and every issue's span is checked against its text.
- JSON tables (``{"cases": [...]}``): ``fire`` is ``[code, side, text]`` and ``silent``
  must be present.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest

from transaudit.config import Settings
from transaudit.engine import Engine
from transaudit.model import Article, Segment

CASES_DIR = Path(__file__).parent / "cases"


def load_cases(filename: str) -> list[dict]:
    """The cases of ``cases/<filename>``: a TOML ``[[case]]`` list or a JSON ``cases`` list."""
    text = (CASES_DIR / filename).read_text(encoding="utf-8")
    if filename.endswith(".toml"):
        return tomllib.loads(text)["case"]
    return json.loads(text)["cases"]


class CaseTable:
    """One family's case table and an engine that runs only that family's checks."""

    def __init__(self, filename: str, codes: Sequence[str]) -> None:
        self.codes = tuple(codes)
        self.cases = load_cases(filename)
        self.engine = Engine(Settings(select=self.codes, backend="none"))
        toml = filename.endswith(".toml")
        #: Issue attributes compared with a case's ``fire`` entries, in order.
        self.fields = ("code", "text") if toml else ("code", "side", "text")
        self.check_spans = toml
        self.silent_required = not toml

    def parametrize(self) -> pytest.MarkDecorator:
        """``@pytest.mark.parametrize("case", ...)`` over the table, ids from the cases."""
        return pytest.mark.parametrize("case", self.cases, ids=[c["id"] for c in self.cases])

    def run(self, case: dict) -> list[tuple[str, ...]]:
        """Run one case; the issues as tuples of ``fields``. Fails on engine errors (and bad spans)."""
        source_lang, target_lang = case["pair"].split("-")
        pairs = case.get("segments") or [[case["source"], case["target"]]]
        segments = [Segment(f"s{n}", source, target) for n, (source, target) in enumerate(pairs, start=1)]
        run = self.engine.run(Article("t", source_lang, target_lang, segments))
        assert not run.errors
        if self.check_spans:
            for issue in run.issues:
                text = segments[int(issue.segment[1:]) - 1].text(issue.side)
                assert text[issue.start : issue.end] == issue.text
        return [tuple(getattr(issue, field) for field in self.fields) for issue in run.issues]

    def check(self, case: dict) -> None:
        """Every ``fire`` entry fired and no ``silent`` code fired at all."""
        got = self.run(case)
        for expected in case["fire"]:
            assert tuple(expected) in got, f"expected {tuple(expected)}; got {got}"
        silent = case["silent"] if self.silent_required else case.get("silent", [])
        for code in silent:
            assert not [g for g in got if g[0] == code], f"{code} should be silent; got {got}"

    def firing_targets(self, code: str) -> set[str]:
        """Target languages of the cases where ``code`` is expected to fire."""
        return {c["pair"].split("-")[1] for c in self.cases if any(f[0] == code for f in c["fire"])}
