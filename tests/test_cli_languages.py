"""``transaudit languages``: the coverage matrix and the per-pair check list (CliRunner)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit.cli import main
from transaudit.cli.languages import language_families, pair_families, pair_status


def test_matrix_lists_data_families_and_resources() -> None:
    result = CliRunner().invoke(main, ["languages"])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.split()[:7] == ["ca", "de", "en", "es", "fr", "it", "pt"]
    gazetteer = next(r for r in rows if r.startswith("gazetteer "))
    langs = header.split()
    cells = dict(zip(langs, gazetteer.split()[1:], strict=True))
    assert {cells[lang] for lang in ("ca", "de", "en", "es", "fr", "it", "pt")} == {"yes"}
    assert any(r.startswith("hunspell ") for r in rows) and any(r.startswith("wordfreq ") for r in rows)
    assert "length (per pair): en-es, es-en" in result.output


def test_families_are_read_from_the_data_folders() -> None:
    families = language_families()
    assert "fr" in families["boilerplate"] and "fr" in families["gazetteer"]
    assert "world" not in families["gazetteer"] and "iso" not in set().union(*families.values())
    assert ("en", "es") in pair_families()["length"]
    assert all(s != "iso" for pairs in pair_families().values() for s, _ in pairs)


def test_pair_says_which_checks_run_and_why() -> None:
    result = CliRunner().invoke(main, ["languages", "-s", "en", "-t", "fr"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[1]: line for line in result.output.splitlines()[1:]}
    assert lines["TA225"].split()[0] == "no" and "no length data for en-fr" in lines["TA225"]
    assert lines["TA223"].split()[0] == "runs" and "boilerplate data for fr" in lines["TA223"]
    assert "works in any language" in lines["TA230"]


def test_a_check_comparing_both_sides_needs_both_languages() -> None:
    status = {s.code: s for s in pair_status("nl", "en")}
    assert not status["TA302"].runs and "no gazetteer data for nl" in status["TA302"].why
    assert status["TA301"].runs


@pytest.mark.parametrize(
    "args", [["languages", "-s", "en"], ["languages", "-t", "fr"], ["languages", "-s", "e1", "-t", "fr"],
             ["languages", "-s", "", "-t", "fr"]]
)
def test_bad_usage_is_one_line_and_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def _pair(*args: str) -> dict[str, str]:
    result = CliRunner().invoke(main, ["languages", *args])
    assert result.exit_code == 0, result.output
    return {line.split()[1]: line for line in result.output.splitlines()[1:]}


def test_checks_that_need_apertium_or_a_back_translation_do_not_run_for_german() -> None:
    lines = _pair("-s", "en", "-t", "de")
    for code in ("TA401", "TA520", "TA521"):
        assert lines[code].split()[0] == "no" and "no back-translation for de→en: " in lines[code]
    assert lines["TA522"].split()[0] == "no" and "for en-de" in lines["TA522"]
    assert lines["TA511"].split()[0] == "no"
    off = _pair("-s", "en", "-t", "de", "--backend", "none")
    assert "back-translation is off" in off["TA520"] and off["TA520"].split()[0] == "no"


def test_antonyms_need_english_on_one_side() -> None:
    lines = _pair("-s", "pt", "-t", "fr")
    assert lines["TA511"].split()[0] == "no" and "Apertium English dictionary for pt-fr" in lines["TA511"]


def test_languages_are_read_as_check_reads_them() -> None:
    """Tags and ISO 639-3 codes are the same languages as for ``check``: es-ES, en_US, spa → es, en, es."""
    plain = CliRunner().invoke(main, ["languages", "-s", "es", "-t", "en"]).output
    assert CliRunner().invoke(main, ["languages", "-s", "spa", "-t", "eng"]).output == plain
    assert CliRunner().invoke(main, ["languages", "-s", "es-ES", "-t", "en_US"]).output == plain
    assert _pair("-s", "de-DE", "-t", "en")


@pytest.mark.parametrize(("source", "target", "says"), [
    ("xx", "en", "unknown language code 'xx'"), ("en", "en", "are both en"), ("en", "en_GB", "are both en")])
def test_unknown_codes_and_one_language_on_both_sides_are_refused(
    source: str, target: str, says: str
) -> None:
    result = CliRunner().invoke(main, ["languages", "-s", source, "-t", target])
    assert result.exit_code == 2 and says in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_config_file_decides_the_backend_and_the_selection(tmp_path: Path) -> None:
    """``languages`` reads the config ``check`` would read: its backend, model and selection."""
    config = tmp_path / "transaudit.toml"
    config.write_text('backend = "none"\nextend-select = ["TA511"]\nignore = ["TA140"]\n', encoding="utf-8")
    lines = _pair("-s", "en", "-t", "es", "--config", str(config))
    assert lines["TA511"].split()[0] == "runs"
    assert lines["TA140"].split()[0] == "off" and "(not selected)" in lines["TA140"]
    assert "back-translation is off" in lines["TA520"]
    default = _pair("-s", "en", "-t", "es")
    assert default["TA511"].split()[0] == "off" and "(off by default)" in default["TA511"]
    assert default["TA140"].split()[0] == "runs"


def test_a_bad_config_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "transaudit.toml"
    config.write_text('select = ["TA999"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["languages", "-s", "en", "-t", "es", "--config", str(config)])
    assert result.exit_code == 2 and "TA999" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_matrix_also_refuses_a_bad_config_file(tmp_path: Path) -> None:
    """Session 3's outsider: without -s/-t a misspelt key was ignored (exit 0)."""
    config = tmp_path / "transaudit.toml"
    config.write_text('fial-under = 80\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["languages", "--config", str(config)])
    assert result.exit_code == 2 and "fial-under" in result.output
