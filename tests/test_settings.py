"""Settings: one typed model, merged CLI > file > defaults, validated against the catalogue."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from transaudit.checks import all_checks
from transaudit.engine import Engine, apply_selection, select_checks
from transaudit.errors import ConfigError
from transaudit.model import Severity
from transaudit.settings import (
    DEFAULT_WEIGHTS,
    BackTranslationSettings,
    Selection,
    Settings,
    load_settings,
    resolve,
    split_patterns,
)

ARTICLE = "id\tsource\ttarget\np1\tLa cumbre se celebró.\tThe the summit was held.\n"


def codes(settings: Settings) -> list[str]:
    return [check.code for check in select_checks(settings)]


def test_defaults_without_any_file(tmp_path: Path) -> None:
    settings = load_settings(None, tmp_path)
    assert settings == Settings()
    assert settings.weights == DEFAULT_WEIGHTS and settings.threshold == 90
    assert settings.backtranslation == BackTranslationSettings() and settings.config_file is None


def test_transaudit_toml(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text("source,target\ncumbre,summit\n")
    (tmp_path / "transaudit.toml").write_text(
        'select = ["TA1"]\nignore = "TA110 TA111"\nfail-under = 80\nbackend = "none"\n'
        f'glossary = ["{tmp_path / "terms.csv"}"]\nbt-timeout = 5\n[severity]\nTA101 = "major"\n'
        '[weights]\nmajor = 10\n[options.TA104]\nmajor_words = 6\n'
    )
    settings = load_settings(None, tmp_path)
    origin = str(tmp_path / "transaudit.toml")
    assert settings.selection == (Selection(origin, ("TA1",), (), ("TA110", "TA111")),)
    assert settings.threshold == 80 and settings.backtranslation.backend == "none"
    assert settings.backtranslation.timeout == 5.0
    assert settings.severity == {"TA101": Severity.MAJOR}
    assert settings.weights == {"minor": 1.0, "major": 10.0, "critical": 25.0}
    assert settings.check_options == {"TA104": {"major_words": 6}}
    assert settings.glossary.paths == (str(tmp_path / "terms.csv"),)


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.transaudit]\nfail-under = 75\n')
    assert load_settings(None, tmp_path).threshold == 75
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_settings(None, tmp_path) == Settings()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("select = 3\n", "'select' must be check codes or names"),
        ('[severity]\nTA101 = "fatal"\n', "[severity] TA101: unknown severity 'fatal'"),
        ("[weights]\nhuge = 3\n", "[weights] bad entry 'huge'"),
        ('fail-under = "high"\n', "'fail-under' must be a number"),
        ("select = [\n", "invalid TOML"),
        ("fial-under = 80\n", "unknown setting 'fial-under'"),
        # The code review's cases: each was accepted silently before.
        ('select = ["TA1O1"]\n', "'select': no check matches 'TA1O1'"),
        ('[severity]\nTA1O1 = "major"\n', "[severity] TA1O1: no check has this code or name"),
        ("[options.TA104]\nmajor_word = 3\n", "[options.TA104] major_word: TA104 has no such option"),
        ("[options.no-such-check]\nx = 1\n", "[options.no-such-check]: no check has this code or name"),
        ('[options.TA104]\nmajor_words = "many"\n', "[options.TA104] major_words: expected a whole number"),
        ("[options.TA104]\nmajor_words = 0\n", "[options.TA104] major_words: expected a whole number ≥ 1"),
        # Issue 11 item 5 and 6: wrong types and non-finite numbers.
        ("glossary = 5\n", "'glossary' must be a file path or a list of file paths, not 5"),
        ("glossary = [1, 2]\n", "'glossary' must be a file path or a list of file paths"),
        ("fail-under = nan\n", "'fail-under' must be a finite number, not nan"),
        ("[weights]\nminor = inf\n", "[weights] minor must be a finite number, not inf"),
        ("[weights]\nminor = 1e308\n", "[weights] minor must be between 0 and 1,000,000"),
        ("[weights]\nminor = -1\n", "[weights] minor must be between 0 and 1,000,000, not -1"),
        ("bt-timeout = 0\n", "'bt-timeout' must be a number above 0"),
        ('backend = "magic"\n', "'backend' must be one of auto, apertium, transformers, none, not 'magic'"),
        ("no-cache = 1\n", "'no-cache' must be true or false"),
        ('timestamp = "yesterday"\n', "'timestamp': not an ISO 8601 date-time"),
    ],
)
def test_bad_config_is_an_input_error_naming_key_and_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_settings(str(path))
    assert problem in str(caught.value)
    assert caught.value.path == str(path)


def test_a_missing_glossary_is_reported_on_the_glossary_file(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(f'glossary = "{tmp_path / "missing.csv"}"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(str(path))
    assert str(caught.value) == f"{tmp_path / 'missing.csv'}: glossary file not found"


def test_missing_folder_and_fifo_config_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="is a folder, expected a config file"):
        load_settings(str(tmp_path))
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_settings(str(fifo))


def test_severity_and_options_accept_names_as_well_as_codes(tmp_path: Path, make_article) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[severity]\ndoubled-word = "major"\n[options.repetition-loop]\nmajor-words = 5\n')
    settings = load_settings(str(path))
    assert settings.severity == {"TA101": Severity.MAJOR}
    assert settings.check_options == {"TA104": {"major_words": 5}}
    engine = Engine(settings.with_overrides(select="TA101"))
    issues = engine.run(make_article([("en la la cumbre", "at the the summit")])).issues
    assert [(i.code, i.severity) for i in issues] == [("TA101", Severity.MAJOR)]


def test_command_line_beats_the_file_for_every_key(tmp_path: Path) -> None:
    """--no-cache, --cache-dir and --bt-timeout used to lose to the file's keys."""
    path = tmp_path / "t.toml"
    path.write_text('no-cache = false\ncache-dir = "/from/file"\nbt-timeout = 9\nbackend = "apertium"\n'
                    'fail-under = 70\nselect = "TA2"\n')
    cli = {"no-cache": True, "cache-dir": "/from/cli", "bt-timeout": "2", "backend": "none",
           "fail-under": "60", "select": ["TA101"]}
    settings = resolve(path, cli)
    bt = settings.backtranslation
    assert (bt.no_cache, bt.cache_dir, bt.timeout, bt.backend) == (True, "/from/cli", 2.0, "none")
    assert settings.threshold == 60 and codes(settings) == ["TA101"]
    assert resolve(path, {}).backtranslation.cache_dir == "/from/file"


def test_command_line_errors_name_the_option(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve(None, {"fail-under": "nan"}, {"fail-under": "--fail-under"}, start=tmp_path)
    assert str(caught.value) == "--fail-under: must be a finite number, not nan"


@pytest.mark.parametrize(
    "value", ["TA101 TA102", "TA101,TA102", "TA101, TA102", ["TA101", "TA102"], ["TA101 TA102"]]
)
def test_select_syntax_is_comma_and_or_space_separated(value: object) -> None:
    assert split_patterns(value) == ("TA101", "TA102")


def test_with_overrides_never_drops_a_name() -> None:
    with pytest.raises(ConfigError, match="unknown setting 'selectt'"):
        Settings().with_overrides(selectt="TA101")
    assert Settings().with_overrides(beams=2).backtranslation.beams == 2


def test_selection_layers_follow_ruff() -> None:
    catalogue = all_checks()

    def chosen(*layers: Selection) -> set[str]:
        return {check.code for check in apply_selection(catalogue, layers)}

    defaults = chosen()
    assert "TA401" not in defaults and "TA101" in defaults
    file_ignore = Selection("file", ignore=("TA104",))
    assert chosen(file_ignore, Selection("cli", select=("TA10",))) == {"TA101", "TA102", "TA103"}
    file_pair = Selection("file", select=("TA10",), ignore=("TA104",))
    assert "TA104" in chosen(file_pair, Selection("cli", select=("TA10",)))
    assert chosen(Selection("file", select=("TA101",)), Selection("cli", extend_select=("TA401",))) == {
        "TA101", "TA401"}
    # The file's ignore is carried into the next layer and wins there, as in ruff.
    assert chosen(file_ignore, Selection("cli", extend_select=("TA104",))) == defaults - {"TA104"}
    assert "TA401" not in chosen(Selection("x", select=("TA4",)))  # off by default: a prefix is not enough


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "transaudit", *args], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_report_records_every_setting_with_glossary_hashes(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("source,target\ncumbre,summit\n")
    (tmp_path / "transaudit.toml").write_text(
        'glossary = ["terms.csv"]\nbeams = 2\n[options.TA104]\nmajor_words = 6\n'
        '[severity]\ndoubled-word = "major"\n'
    )
    (tmp_path / "a.es-en.tsv").write_text(ARTICLE)
    done = run_cli(tmp_path, "check", "a.es-en.tsv", "--backend", "none", "--bt-timeout", "3",
                   "--select", "TA101 TA104", "-o", "out", "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads((tmp_path / "out" / "a.json").read_text())
    settings = report["settings"]
    assert settings["config_file"] == "transaudit.toml"
    assert settings["glossaries"] == [
        {"path": "terms.csv", "sha256": hashlib.sha256(glossary.read_bytes()).hexdigest()}]
    assert settings["backtranslation"]["beams"] == 2 and settings["backtranslation"]["timeout"] == 3.0
    assert settings["check_options"] == {"TA104": {"major_words": 6}}
    assert settings["severity"] == {"TA101": "major"}
    assert [layer["origin"] for layer in settings["selection"]] == ["command line"]
    assert settings["checks"] == ["TA101", "TA104"]
    assert report["article"]["path"] == "a.es-en.tsv"
    assert [(i["code"], i["severity"]) for i in report["issues"]] == [("TA101", "major")]


@pytest.mark.parametrize(
    ("config", "args", "line"),
    [
        ('[severity]\nTA1O1 = "major"\n', (),
         "transaudit: t.toml: [severity] TA1O1: no check has this code or name"),
        ("", ("--select", "TA1O1"), "transaudit: --select: no check matches 'TA1O1'"),
        ("", ("--fail-under", "inf"), "transaudit: --fail-under: must be a finite number, not inf"),
    ],
)
def test_check_and_eval_share_one_error_line(
    tmp_path: Path, config: str, args: tuple[str, ...], line: str
) -> None:
    (tmp_path / "t.toml").write_text(config)
    (tmp_path / "a.es-en.tsv").write_text(ARTICLE)
    done = run_cli(tmp_path, "check", "a.es-en.tsv", "--config", "t.toml", "--backend", "none", *args)
    hint = " (see `transaudit checks`)" if "TA1O1" in line else ""
    assert (done.returncode, done.stderr.strip()) == (2, line + hint)
    if "--fail-under" not in args:
        evaluation = run_cli(tmp_path, "eval", "a.es-en.tsv", "--config", "t.toml", *args)
        assert (evaluation.returncode, evaluation.stderr.strip()) == (2, done.stderr.strip())
