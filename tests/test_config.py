"""Config files: transaudit.toml, [tool.transaudit], and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from transaudit.config import DEFAULT_WEIGHTS, Settings, load_settings
from transaudit.errors import ConfigError
from transaudit.model import Severity


def test_defaults_without_any_file(tmp_path: Path) -> None:
    settings = load_settings(None, tmp_path)
    assert settings == Settings()
    assert settings.weights == DEFAULT_WEIGHTS and settings.threshold == 90


def test_transaudit_toml(tmp_path: Path) -> None:
    (tmp_path / "transaudit.toml").write_text(
        'select = ["TA1"]\nignore = "TA105, TA106"\nfail-under = 80\nbackend = "none"\n'
        'glossary = ["terms.csv"]\n[severity]\nTA101 = "major"\n[weights]\nmajor = 10\n'
        '[options.TA101]\nmin = 2\n'
    )
    settings = load_settings(None, tmp_path)
    assert settings.select == ("TA1",) and settings.ignore == ("TA105", "TA106")
    assert settings.threshold == 80 and settings.backend == "none"
    assert settings.severity == {"TA101": Severity.MAJOR}
    assert settings.weights == {"minor": 1.0, "major": 10.0, "critical": 25.0}
    assert settings.check_options == {"TA101": {"min": 2}}
    assert settings.extra == {"glossary": ["terms.csv"]}


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.transaudit]\nfail-under = 75\n')
    assert load_settings(None, tmp_path).threshold == 75
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_settings(None, tmp_path) == Settings()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("select = 3\n", "'select' must be a list"),
        ("[severity]\nTA101 = \"fatal\"\n", "unknown severity 'fatal'"),
        ("[weights]\nhuge = 3\n", "bad entry 'huge'"),
        ("fail-under = \"high\"\n", "must be a number"),
        ("select = [\n", "invalid TOML"),
        ("fial-under = 80\n", "unknown setting 'fial-under'"),
    ],
)
def test_bad_config_is_an_input_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=problem.replace("[", r"\[").replace("(", r"\(")) as caught:
        load_settings(str(path))
    assert caught.value.path == str(path)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(str(tmp_path / "nope.toml"))


def test_extend_select_in_config(tmp_path: Path) -> None:
    (tmp_path / "transaudit.toml").write_text('extend-select = ["TA401"]\n', encoding="utf-8")
    settings = load_settings(None, start=tmp_path)
    assert settings.extend_select == ("TA401",) and settings.select == ()
    assert settings.to_dict()["extend_select"] == ["TA401"]
