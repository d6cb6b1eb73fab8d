"""Help for editors: no internals in `checks -v`, languages named, full command descriptions, examples."""

from __future__ import annotations

import re

from click.testing import CliRunner

from transaudit.cli import main
from transaudit.cli.checks import editor_text


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_checks_verbose_is_written_for_editors() -> None:
    text = run("checks", "-v")
    for internal in ("``", ":func:", "coordination_ok", "_vanished", "data/"):
        assert internal not in text, internal
    blocks = [block for block in text.split("\n\n") if block.strip()]
    assert all("Languages: " in block for block in blocks)
    assert re.search(r"TA101 .*\n(.*\n)*      Languages: ca, de, en, es, fr, it, pt", text)
    assert "Off by default: turn it on with --extend-select TA401" in text


def test_editor_text_drops_implementation_notes() -> None:
    doc = ('Bad: "the the" — Good: "the". Reduplication listed in the data (``data/repetition/<lang>.toml``, '
           'key ``doubled_ok``) stays silent. See :func:`_vanished` for details. A doubling the source has '
           "too is silent.")
    assert editor_text(doc) == ('Bad: "the the" — Good: "the". Reduplication listed in the data stays '
                                "silent. A doubling the source has too is silent.")


def test_top_level_help_is_not_cut_off_and_check_help_has_examples() -> None:
    text = run("--help")
    commands = text.split("Commands:")[1]
    assert "..." not in commands and re.search(r"waive +Dismiss a false alarm in later runs\.", commands)
    assert re.search(r"languages +Which languages have data", commands)
    check = run("check", "--help")
    assert "Examples:" in check and "Exit codes:" in check and "130" in check
    assert "CSV, TSV or TBX" in check and "--extend-select" in check
    for help_text in (check, run("eval", "--help")):  # one selection syntax for both commands
        assert "comma or space separated, repeatable" in " ".join(help_text.split())
