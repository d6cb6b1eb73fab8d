"""--compare: issues new, fixed and unchanged since a previous run, matched by code and text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from transaudit.cli import main
from transaudit.compare import compare_issues, summary_line

HEADER = "id\tsource\ttarget\n"
ONE = "p1\tEl alcalde inauguró el puente.\tThe mayor opened the the bridge.\n"
TWO = "p2\tHubo muchos problemas.\tThere were many problems and problems.\n"
TWO_FIXED = "p2\tHubo muchos problemas.\tThere were many problems.\n"
THREE = "p3\tEl acto fue breve.\tThe ceremony was was short.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def issue(code: str, text: str) -> dict:
    return {"code": code, "text": text, "segment": "p1", "start": 0, "end": len(text)}


def test_issues_match_by_code_and_text_as_a_multiset() -> None:
    previous = [issue("TA101", "the the"), issue("TA101", "the the"), issue("TA103", "a and a")]
    current = [issue("TA101", "the the"), issue("TA101", "was was")]
    result = compare_issues(current, [], previous)
    assert (result["new"], result["fixed"], result["unchanged"]) == (1, 2, 1)
    assert result["new_issues"] == [1]
    assert sorted(f["text"] for f in result["fixed_issues"]) == ["a and a", "the the"]
    # Waived since the previous run: dismissed, not fixed.
    assert compare_issues([], [issue("TA103", "a and a")], [issue("TA103", "a and a")])["fixed"] == 0


def test_summary_line() -> None:
    assert summary_line({"since": "2026-11-28T04:00:00Z", "status": "compared", "new": 1, "fixed": 3,
                         "unchanged": 5}) == "3 fixed, 1 new, 5 unchanged since 2026-11-28"
    assert summary_line({"since": "", "status": "new article", "new": 2, "fixed": 0,
                         "unchanged": 0}) == "new article"


def test_compare_with_the_previous_run_end_to_end(tmp_path: Path) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE + TWO, encoding="utf-8")
    first = tmp_path / "monday"
    assert run("check", str(article), "-o", str(first), "--backend", "none", "-q",
               "--timestamp", "2026-11-28T04:00:00Z").exit_code == 1
    # The editor fixes p2, a paragraph is inserted before p1 (offsets and ids move), one error is new.
    article.write_text(HEADER + "p0\tTítulo.\tTitle.\n" + ONE.replace("p1", "q1") + TWO_FIXED + THREE,
                       encoding="utf-8")
    second = tmp_path / "tuesday"
    result = run("check", str(article), "-o", str(second), "--backend", "none", "--compare", str(first))
    assert result.exit_code == 1, result.output
    report = json.loads((second / "story.json").read_text(encoding="utf-8"))
    comparison = report["comparison"]
    assert (comparison["new"], comparison["fixed"], comparison["unchanged"]) == (1, 1, 1)
    assert [report["issues"][i]["text"] for i in comparison["new_issues"]] == ["was was"]
    assert comparison["since"] == "2026-11-28T04:00:00Z"
    html = (second / "story.html").read_text(encoding="utf-8")
    assert "1 fixed, 1 new, 1 unchanged since 2026-11-28" in html and 'class="badge new"' in html
    index = (second / "index.html").read_text(encoding="utf-8")
    assert "New since 2026-11-28" in index and ">Fixed<" in index
    summary = json.loads((second / "summary.json").read_text(encoding="utf-8"))
    assert summary["compared_with"]["since"] == "2026-11-28T04:00:00Z"
    assert (summary["articles"][0]["new"], summary["articles"][0]["fixed"]) == (1, 1)
    assert "1 fixed, 1 new, 1 unchanged since 2026-11-28" in result.output


def test_compare_with_a_shared_folder_uses_its_latest_run(tmp_path: Path) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE, encoding="utf-8")
    run("check", str(article), "-o", str(tmp_path / "a"), "--backend", "none", "-q")
    assert run("publish", str(tmp_path / "a"), "--to", str(tmp_path / "shared")).exit_code == 0
    run("check", str(article), "-o", str(tmp_path / "b"), "--backend", "none", "-q", "--compare",
        str(tmp_path / "shared"))
    comparison = json.loads((tmp_path / "b" / "story.json").read_text(encoding="utf-8"))["comparison"]
    assert comparison["unchanged"] == 1
    assert comparison["against"].startswith(str((tmp_path / "shared").resolve()))


def test_a_new_article_and_a_folder_that_is_no_run(tmp_path: Path) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = run("check", str(article), "-o", str(tmp_path / "out"), "--backend", "none", "--compare",
                 str(tmp_path / "empty"))
    assert result.exit_code == 2 and "no summary.json" in result.output
    run("check", str(tmp_path / "empty"), "-o", str(tmp_path / "prev"), "--backend", "none", "-q")
    (tmp_path / "prev").mkdir(exist_ok=True)
    (tmp_path / "prev" / "summary.json").write_text('{"generated_at": "2026-11-28T00:00:00Z"}')
    run("check", str(article), "-o", str(tmp_path / "out"), "--backend", "none", "-q", "--compare",
        str(tmp_path / "prev"))
    comparison = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))["comparison"]
    assert comparison["status"] == "new article" and comparison["new"] == 1


def test_publishing_compares_with_the_latest_run(tmp_path: Path) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE + TWO, encoding="utf-8")
    shared = tmp_path / "shared"
    run("check", str(article), "-o", str(tmp_path / "a"), "--backend", "none", "-q")
    assert run("publish", str(tmp_path / "a"), "--to", str(shared)).exit_code == 0
    first = (shared / "latest").resolve().name
    article.write_text(HEADER + ONE + TWO_FIXED + THREE, encoding="utf-8")
    run("check", str(article), "-o", str(tmp_path / "b"), "--backend", "none", "-q")
    assert run("publish", str(tmp_path / "b"), "--to", str(shared)).exit_code == 0
    manifest = json.loads((shared / "latest" / "manifest.json").read_text(encoding="utf-8"))
    changes = manifest["compared_with"]
    assert (changes["run"], changes["new"], changes["fixed"], changes["unchanged"]) == (first, 1, 1, 1)
    assert f"1 fixed, 1 new since {first}" in (shared / "index.html").read_text(encoding="utf-8")
