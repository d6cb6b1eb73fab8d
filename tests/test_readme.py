"""README.md stays true: the check catalogue, the two commands, CI's entry point."""

from __future__ import annotations

from pathlib import Path

from transaudit.cli.checks import checks_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_readme_embeds_the_current_check_catalogue() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert checks_markdown() in readme, "regenerate with: transaudit checks --markdown"


def test_readme_gives_the_two_commands_and_ci_calls_make_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make audit" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
