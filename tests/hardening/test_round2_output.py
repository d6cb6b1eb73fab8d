"""Round 2 (issue 11, items 1, 19, 20): symlinks out of a batch folder, crowded
segments in the HTML report, and what a warm cache changes in the JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.hardening.conftest import run_cli

from transaudit.backtranslation.apertium import installed_modes
from transaudit.model import Article, Category, Issue, Segment, Severity
from transaudit.report.html_report import MAX_SHOWN_PER_SEGMENT, IssueView, highlight, render_html
from transaudit.result import ArticleResult

SECRET = "Contraseña secreta de la redacción."
ROW = "El alcalde inauguró el puente.\tThe mayor opened the bridge.\n"


def tsv(path: Path, rows: str = ROW) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("source\ttarget\n" + rows, encoding="utf-8")
    return path


def everything_written(out: Path, stderr: str) -> str:
    return stderr + "".join(path.read_text(encoding="utf-8", errors="replace")
                            for path in out.rglob("*") if path.is_file())


# -- item 1: symlinks out of the folder given on the command line -------------------------------------

def test_symlinks_out_of_a_batch_folder_are_skipped_with_a_notice(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    tsv(outside / "secret.es-en.tsv", f"{SECRET}\tSecret password of the newsroom.\n")
    (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "story").mkdir()
    (outside / "story" / "source.es.txt").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "story" / "target.en.txt").write_text("Secret password.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    tsv(corpus / "good.es-en.tsv")
    (corpus / "x.es-en.tsv").symlink_to(outside / "secret.es-en.tsv")
    (corpus / "linked-story").symlink_to(outside / "story")
    (corpus / "alias.es-en.tsv").symlink_to(corpus / "good.es-en.tsv")  # inside: followed
    art = corpus / "art"
    art.mkdir()
    (art / "source.es.txt").symlink_to(outside / "secret.txt")
    (art / "target.en.txt").write_text("The mayor opened the bridge.\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("check", corpus, "--out", out, "--backend", "none", "--quiet", "-j", "1")
    assert "Traceback" not in done.stderr
    assert SECRET not in everything_written(out, done.stderr)
    lines = done.stderr.splitlines()
    assert any(line.startswith(f"transaudit: skipped {corpus / 'x.es-en.tsv'}: a symlink to ")
               and line.endswith(f"outside {corpus}") for line in lines), done.stderr
    assert any(f"skipped {corpus / 'linked-story'}: a symlink" in line for line in lines)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    status = {entry["name"]: entry["status"] for entry in summary["articles"]}
    assert status["good"] in ("pass", "fail")
    # a link to another article of the folder is that article: audited once, under its own name
    assert "alias" not in status
    alias, good = corpus / "alias.es-en.tsv", corpus / "good.es-en.tsv"
    assert f"skipped {alias}: the same article as {good}" in done.stderr
    assert status["art"] == "skipped"  # its source side links outside the article folder
    assert status["x"] == "skipped" and status["linked-story"] == "skipped"  # skipped inputs, indexed
    assert done.returncode == 2


def test_skipped_symlinks_alone_make_the_exit_code_2(tmp_path: Path) -> None:
    """A skipped input is a problem the exit code shows, like an unreadable file (outsider 5)."""
    corpus = tmp_path / "corpus"
    tsv(corpus / "good.es-en.tsv")
    (corpus / "x.es-en.tsv").symlink_to("/etc/passwd")
    done = run_cli("check", corpus, "--out", tmp_path / "out", "--backend", "none", "--quiet")
    assert done.returncode == 2, done.stderr
    assert "skipped" in done.stderr and "/etc/passwd" in done.stderr


def test_a_symlink_named_on_the_command_line_is_the_users_choice(tmp_path: Path) -> None:
    real = tsv(tmp_path / "elsewhere" / "story.es-en.tsv")
    link = tmp_path / "link.es-en.tsv"
    link.symlink_to(real)
    done = run_cli("check", link, "--out", tmp_path / "out", "--backend", "none", "--quiet")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "out" / "link.json").exists()


# -- item 19: linear highlighting and a cap per segment ------------------------------------------------

def _issue(segment: Segment, n: int, start: int, end: int, severity: Severity) -> Issue:
    return Issue(code="TA110", name="punctuation", category=Category.PUNCTUATION, severity=severity,
                 segment=segment.id, side="target", start=start, end=end,
                 text=segment.target[start:end], message=f"issue {n}")


def test_a_crowded_segment_shows_the_most_severe_issues_and_counts_the_rest() -> None:
    segment = Segment("p1", "Fuente.", "¡¿" * 200, line=1)
    issues = [_issue(segment, n, n, n + 2, Severity.CRITICAL if n % 50 == 0 else Severity.MINOR)
              for n in range(300)]
    result = ArticleResult(article=Article("crowded", "es", "en", [segment]), issues=issues, score=0.0,
                           passed=False, threshold=90.0, penalty=300.0, target_words=1)
    html = render_html(result)
    hidden = len(issues) - MAX_SHOWN_PER_SEGMENT
    assert f"… and {hidden} more issues in this segment (all are in the JSON report)" in html
    assert html.count('<li id="i') <= MAX_SHOWN_PER_SEGMENT
    for n in range(0, 300, 50):  # every critical one is among those shown
        assert f'id="i{n}"' in html


def _covering(text: str, views: list[IssueView], lo: int, hi: int) -> set[int]:
    return {v.index for v in views if min(max(v.issue.start, 0), len(text)) <= lo
            and hi <= min(max(v.issue.end, v.issue.start), len(text)) and v.issue.start < v.issue.end}


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 30), st.integers(0, 12), st.sampled_from(list(Severity))),
                max_size=40))
def test_the_sweep_gives_each_piece_exactly_the_spans_covering_it(spans) -> None:
    segment = Segment("p1", "x", "abcdefghijklmnopqrstuvwxyz", line=1)
    views = [IssueView(n, Issue(code="TA110", name="p", category=Category.PUNCTUATION, severity=severity,
                                segment="p1", side="target", start=start, end=start + width, text="",
                                message="m"), 0)
             for n, (start, width, severity) in enumerate(spans)]
    pieces = highlight(segment.target, views)
    assert "".join(piece.text for piece in pieces) == segment.target
    position = 0
    for piece in pieces:
        if piece.gap:
            continue
        end = position + len(piece.text)
        assert set(piece.ids) == _covering(segment.target, views, position, end)
        position = end


# -- item 20: a warm cache changes only run metadata -----------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif("spa-eng" not in installed_modes(), reason="no apertium spa-eng")
def test_cold_and_warm_cache_differ_only_in_units_from_cache(tmp_path: Path) -> None:
    source = tsv(tmp_path / "a.es-en.tsv", ROW + "La ciudad celebró la fiesta.\tThe city held the party.\n")
    args = ("check", source, "--backend", "apertium", "--cache-dir", tmp_path / "cache", "--quiet",
            "--format", "json", "--timestamp", "2026-01-01T00:00:00Z")
    for name in ("cold", "warm"):
        done = run_cli(*args, "--out", tmp_path / name)
        assert done.returncode in (0, 1), done.stderr
    cold = json.loads((tmp_path / "cold" / "a.json").read_text(encoding="utf-8"))
    warm = json.loads((tmp_path / "warm" / "a.json").read_text(encoding="utf-8"))
    assert cold["backtranslation"].pop("units_from_cache") == 0
    assert warm["backtranslation"].pop("units_from_cache") == warm["backtranslation"]["units"] > 0
    assert cold == warm
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "`backtranslation.units_from_cache`" in readme  # documented as run metadata


def test_non_utf8_symlink_target_names_are_printable(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    tsv(corpus / "good.es-en.tsv")
    outside = Path(os.fsdecode(bytes(tmp_path) + b"/s\xe9cret.es-en.tsv"))
    tsv(outside)
    (corpus / "x.es-en.tsv").symlink_to(outside)
    done = run_cli("check", corpus, "--out", tmp_path / "out", "--backend", "none", "--quiet")
    assert done.returncode == 2 and "s\\xe9cret.es-en.tsv" in done.stderr, done.stderr
