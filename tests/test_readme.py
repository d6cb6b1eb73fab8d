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


def test_readme_embeds_the_current_check_options() -> None:
    from transaudit.cli.checks import options_markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert options_markdown() in readme, "regenerate with: transaudit checks --options-markdown"


def test_readme_example_config_is_valid(tmp_path: Path, monkeypatch) -> None:
    """The complete example in README "Configuration" loads without an error."""
    import re

    from transaudit.settings import load_settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration"):readme.index("## Score")]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)
    (tmp_path / "terms.csv").write_text("source,target\ncumbre,summit\n")
    (tmp_path / "house-words.txt").write_text("Zorglub  # the paper's mascot\n")  # lists must exist
    (tmp_path / "transaudit.toml").write_text(example)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(None)
    assert settings.glossary.paths == ("terms.csv",) and settings.severity["TA101"].value == "major"
