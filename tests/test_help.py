"""Help for editors: no internals in `checks -v`, languages named, full command descriptions, examples."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


def _languages_line(text: str, code: str) -> str:
    block = next(block for block in text.split("\n\n") if block.startswith(code))
    return " ".join(block.split("Languages: ", 1)[1].split("\n      Off by default")[0].split())


def test_checks_on_machine_resources_name_the_pairs_this_machine_has() -> None:
    """TA511/TA516/TA512 read Apertium's dictionaries (and WordNet): their languages are the
    installed pairs, not "none yet" (was: only data files counted as per-pair data)."""
    text = run("checks", "-v")
    assert "none yet" not in text
    assert "en-es" in _languages_line(text, "TA511") and "es-en" in _languages_line(text, "TA511")
    assert "es-en" in _languages_line(text, "TA516") and "en-es" not in _languages_line(text, "TA516")
    assert "es-pt" in _languages_line(text, "TA512")  # any pair Apertium has both ways


def test_without_apertium_they_say_what_they_need(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # no apertium on the PATH: no installed pair
    done = subprocess.run([sys.executable, "-m", "transaudit", "checks", "-v"], capture_output=True,
                          text=True, env=env, check=True)
    line = _languages_line(done.stdout, "TA512")
    assert line == "none on this machine (it needs: Apertium bilingual dictionary)", line
