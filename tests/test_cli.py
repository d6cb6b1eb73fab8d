"""The command line: exit codes, files written, one-line errors (click's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit import __version__
from transaudit.cli import main

CLEAN = "id\tsource\ttarget\np1\tEl alcalde inauguró el puente.\tThe mayor opened the bridge.\n"
BAD = "id\tsource\ttarget\np1\tEl alcalde inauguró el el puente.\tThe mayor opened the the bridge.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(main, list(args), catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_version_and_checks_list(runner: CliRunner) -> None:
    assert run(runner, "--version").output.strip() == f"transaudit, version {__version__}"
    listing = run(runner, "checks")
    assert listing.exit_code == 0
    assert "TA101  doubled-word" in listing.output and "Fluency/Repetition" in listing.output


def test_passing_article_exits_0_and_writes_html_and_json(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "bridge.es-en.tsv", CLEAN)
    result = run(runner, "check", str(article), "--out", str(tmp_path / "out"), "--backend", "none")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "bridge.html", "bridge.json", "index.html", "summary.csv", "summary.json"]
    report = json.loads((tmp_path / "out" / "bridge.json").read_text())
    assert report["passed"] is True and report["article"]["id"] == "bridge"


def test_failing_article_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "bridge.es-en.tsv", BAD)
    result = run(
        runner,
        "check",
        str(article),
        "-o",
        str(tmp_path / "out"),
        "--backend",
        "none",
        "--select",
        "TA101",
        "--format",
        "json",
        "--format",
        "text",
    )
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "bridge.json", "bridge.txt", "index.html", "summary.csv", "summary.json"]
    issues = json.loads((tmp_path / "out" / "bridge.json").read_text())["issues"]
    assert [(i["code"], i["text"]) for i in issues] == [("TA101", "the the")]
    assert (
        run(
            runner,
            "check",
            str(article),
            "-o",
            str(tmp_path / "o2"),
            "--backend",
            "none",
            "--select",
            "TA101",
            "--fail-under",
            "-1000",
        ).exit_code
        == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{tmp}/missing.tsv"], "missing.tsv: no such file or folder"),
        (["check", "{tmp}/bad.tsv"], "bad.tsv:1: header lacks column(s) target"),
        (["check", "{tmp}/good.es-en.tsv", "--select", "TA000"], "no check matches 'TA000'"),
        (
            ["check", "{tmp}/good.es-en.tsv", "--config", "{tmp}/none.toml"],
            "none.toml: config file not found",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(runner: CliRunner, tmp_path: Path, args, message) -> None:
    write(tmp_path / "bad.tsv", "source\ttext\na\tb\n")
    write(tmp_path / "good.es-en.tsv", CLEAN)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args] + [
        "--out",
        str(tmp_path / "out"),
        "--backend",
        "none",
    ]
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_batch_skips_unreadable_article_and_lists_it(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.es-en.tsv", CLEAN)
    write(corpus / "b.es-en.tsv", "source\ttarget\nuno\n")
    write(corpus / "c" / "source.es.txt", "El alcalde inauguró el puente.")
    write(corpus / "c" / "target.en.txt", "The mayor opened the bridge.")
    out = tmp_path / "out"
    result = run(
        runner, "check", str(corpus), "--out", str(out), "--backend", "none", "--jobs", "2", "--quiet"
    )
    assert result.exit_code == 2
    assert "1 article(s) skipped" in result.output and "b.es-en.tsv:2" in result.output
    assert {"a.json", "a.html", "c.json", "c.html", "index.html", "summary.json", "summary.csv"} <= {
        p.name for p in out.iterdir()
    }
    summary = json.loads((out / "summary.json").read_text())
    assert [(a["name"], a["status"]) for a in summary["articles"]] == [
        ("a", "pass"),
        ("b", "skipped"),
        ("c", "pass"),
    ]


def test_same_article_names_get_distinct_report_files(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "x" / "story.es-en.tsv", CLEAN)
    write(tmp_path / "y" / "story.es-en.tsv", CLEAN)
    result = run(
        runner,
        "check",
        str(tmp_path / "x"),
        str(tmp_path / "y"),
        "--out",
        str(tmp_path / "out"),
        "--backend",
        "none",
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert {"story.json", "story-2.json"} <= {p.name for p in (tmp_path / "out").iterdir()}
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert [a["name"] for a in summary["articles"]] == ["story", "story (story-2)"]


def test_python_dash_m_entry_point() -> None:
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-m", "transaudit", "--version"], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == f"transaudit, version {__version__}"


def test_transformers_backend_without_model_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "bridge.es-en.tsv", CLEAN)
    result = run(runner, "check", str(article), "--out", str(tmp_path / "out"), "--backend", "transformers")
    assert result.exit_code == 2
    assert "--backend transformers needs --model" in result.output


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--timestamp", "yesterday"], {}, "--timestamp: not an ISO 8601 date-time: 'yesterday'"),
        ([], {"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH must be a whole number of seconds"),
    ],
)
def test_bad_timestamps_are_usage_errors(runner: CliRunner, tmp_path: Path, args, env, message) -> None:
    article = write(tmp_path / "bridge.es-en.tsv", CLEAN)
    result = runner.invoke(main, ["check", str(article), "--out", str(tmp_path / "out"), "--backend", "none",
                                  *args], env=env)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_timestamp_is_normalised_to_utc(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "bridge.es-en.tsv", CLEAN)
    out = tmp_path / "out"
    run(runner, "check", str(article), "--out", str(out), "--backend", "none", "--timestamp",
        "2026-01-02T03:04:05+01:00")
    assert json.loads((out / "bridge.json").read_text())["generated_at"] == "2026-01-02T02:04:05Z"


def test_dot_inside_an_article_folder_uses_the_folder_name(runner: CliRunner, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bridge-story"
    write(folder / "source.es.txt", "El alcalde inauguró el puente.\n")
    write(folder / "target.en.txt", "The mayor opened the bridge.\n")
    monkeypatch.chdir(folder)
    result = run(runner, "check", ".", "--out", str(tmp_path / "out"), "--backend", "none")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "bridge-story.json").read_text())
    assert report["article"]["id"] == "bridge-story"
    assert "<h1>bridge-story</h1>" in (tmp_path / "out" / "bridge-story.html").read_text()


def test_one_article_is_a_batch_of_one_and_can_be_published(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "story.es-en.tsv", CLEAN)
    out = tmp_path / "out"
    result = run(runner, "check", str(article), "--out", str(out), "--backend", "none")
    assert result.exit_code == 0, result.output
    assert {"story.html", "story.json", "index.html", "summary.json", "summary.csv"} <= {
        p.name for p in out.iterdir()}
    published = run(runner, "publish", str(out), "--to", str(tmp_path / "shared"))
    assert published.exit_code == 0, published.output
    assert (tmp_path / "shared" / "latest" / "story.html").is_file()


def test_extend_select_keeps_the_default_checks(runner: CliRunner, tmp_path: Path) -> None:
    article = write(tmp_path / "bridge.es-en.tsv", BAD)
    out = tmp_path / "out"
    result = run(runner, "check", str(article), "-o", str(out), "--backend", "none",
                 "--extend-select", "TA401")
    assert result.exit_code == 1
    report = json.loads((out / "bridge.json").read_text())
    assert "TA101" in report["counts"]["by_check"]
    # Selected, but without a back-translation (--backend none) it does not run, and the report says so.
    assert "TA401" not in report["settings"]["checks"]
    assert [n["check"] for n in report["not_run"]] == ["TA401"]
