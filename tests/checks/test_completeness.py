"""Completeness checks (TA220-TA226) beyond their cases in cases/completeness.toml."""

from __future__ import annotations

from transaudit.analysis.boilerplate import Boilerplate


def test_boilerplate_matches_whole_lines_only() -> None:
    residue = Boilerplate({"lines": ["Read more"], "patterns": ["we use cookies\\b.*"]})
    assert residue.matches("READ MORE »")
    assert residue.matches("We use cookies on this site.")
    assert not residue.matches("Read more about the plan in our report.")
