"""Cases outside tester 5 found: a report folder holding several runs, the input folder as
``--out``, reports read back as articles, skipped symlinks, eval's ``--out`` on failure, a
full disk at the index, and message nits. CLI cases run the real command in a fresh process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.hardening.conftest import fill, run_cli

from transaudit import batch
from transaudit.cli import main
from transaudit.errors import InputError
from transaudit.input.readers import discover, read_articles
from transaudit.input.xmlsafe import parse_bytes
from transaudit.publish import publish, unindexed_reports
from transaudit.settings import ConfigError, resolve

ROWS = "source\ttarget\nEl alcalde inauguró el puente.\tThe mayor opened the bridge.\n"


def tsv(path: Path, rows: str = ROWS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(rows, encoding="utf-8")
    return path


# -- 1: several `check` runs into one --out -------------------------------------------------------

def test_publish_refuses_reports_that_the_index_does_not_list(tmp_path: Path) -> None:
    """The index is the last run's: publish used to put the earlier runs' reports live with it."""
    out, shared = tmp_path / "out", tmp_path / "shared"
    first = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--out", out, "--backend", "none", "-q")
    second = run_cli("check", tsv(tmp_path / "b.es-en.tsv"), "--out", out, "--backend", "none", "-q")
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert "holds 2 report files that its index does not list (from other runs: a.html, a.json)" \
        in second.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [entry["files"] for entry in summary["articles"]] == [["b.html", "b.json"]]
    refused = run_cli("publish", out, "--to", shared)
    assert refused.returncode == 2
    assert refused.stderr == (f"transaudit: {out}: 2 report files that its index does not list (from other "
                              "runs: a.html, a.json); publish would put them live unindexed: remove them, "
                              "or re-run `transaudit check` into an empty --out\n")
    assert not shared.exists()
    for name in ("a.html", "a.json"):
        (out / name).unlink()
    run = publish(out, shared)
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == ["b.html", "b.json", "index.html", "summary.csv", "summary.json"]


#: The opening of each kind of report as `check` writes it (see transaudit.report.REPORT_SIGNATURES).
OPENINGS = {
    ".html": '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta name="generator" content="transaudit 0.2">\n',
    ".json": '{\n  "format_version": 1,\n  "article": {\n    "id": "a"\n  }\n}\n',
    ".txt": "a  es→en  quality 97.5 (MQM score 97.50, threshold 90.00)  PASS\n  1 segment\n",
    ".xlf": '<xliff><file><mda:metadata><mda:metaGroup category="transaudit">\n',
    ".csv": "article,segment,code,name,category,severity,side,start,end,text,message,suggestion\n",
    ".md": "x",
    ".jsonl": "x",
}


def test_unindexed_reports_rule(tmp_path: Path) -> None:
    """An article's reports are exactly its ``files`` (an older ``b.html`` beside ``b.xlf`` is
    stale); a summary from before ``files`` covers the stem of its html/json names; a skipped
    article lists none; other files are not reports."""
    for name in ("a.html", "a.txt", "b.xlf", "b.html", "c.json", "notes.md", "waivers.jsonl", "index.html"):
        (tmp_path / name).write_text(OPENINGS[os.path.splitext(name)[1]], encoding="utf-8")
    summary = {"articles": [{"name": "a", "html": "a.html", "json": None},
                            {"name": "b", "html": None, "json": None, "files": ["b.xlf"]},
                            {"name": "c", "html": None, "json": None, "error": "unreadable"}]}
    assert unindexed_reports(tmp_path, summary) == ["b.html", "c.json"]


def test_a_stray_file_with_a_report_suffix_is_no_report(tmp_path: Path) -> None:
    """notes.txt at the top of a reports folder blocked publish (it counted as an unindexed
    report): only a file with a report's opening is one. The others are published as they are."""
    out, shared = tmp_path / "out", tmp_path / "shared"
    done = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--out", out, "--backend", "none", "-q")
    assert done.returncode == 0, done.stderr
    strays = {"notes.txt": "Call Ana about the glossary.\n", "todo.json": '{"todo": ["recheck b"]}\n',
              "terms.csv": "term,translation\npuente,bridge\n", "draft.html": "<p>draft</p>\n",
              "old.xlf": "<xliff/>\n", "empty.txt": ""}
    for name, text in strays.items():
        (out / name).write_text(text, encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert unindexed_reports(out, summary) == []
    done = run_cli("publish", out, "--to", shared)
    assert done.returncode == 0, done.stderr
    assert (shared / "latest" / "notes.txt").read_text(encoding="utf-8") == strays["notes.txt"]


@pytest.mark.parametrize("fmt", ["text", "xliff", "csv"])
def test_every_report_format_of_another_run_still_blocks_publish(tmp_path: Path, fmt: str) -> None:
    """The protection stands for each format `check` writes: an earlier run's report is refused."""
    out, shared = tmp_path / "out", tmp_path / "shared"
    first = run_cli("check", tsv(tmp_path / "a.es-en.tsv"), "--out", out, "--backend", "none", "-q",
                    "--format", fmt)
    second = run_cli("check", tsv(tmp_path / "b.es-en.tsv"), "--out", out, "--backend", "none", "-q")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    suffix = {"text": "txt", "xliff": "xlf", "csv": "csv"}[fmt]
    refused = run_cli("publish", out, "--to", shared)
    assert refused.returncode == 2 and f"(from other runs: a.{suffix})" in refused.stderr, refused.stderr
    assert not shared.exists()


# -- 2 and 3: the input folder as --out; reports inside an input folder ----------------------------

def test_the_folder_being_audited_cannot_be_the_out_folder(tmp_path: Path) -> None:
    tsv(tmp_path / "same" / "a.es-en.tsv")
    done = run_cli("check", "same", "--out", "same", "--backend", "none", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("transaudit: same: is the --out folder (or inside it): reports are written "
                           "there, so it cannot be audited; choose another --out\n")
    assert sorted(os.listdir(tmp_path / "same")) == ["a.es-en.tsv"]


def test_a_report_folder_inside_a_batch_is_not_read_as_articles(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Its annotated .xlf reports were audited as a second article ("quinoa-bad-2")."""
    corpus = tmp_path / "corpus"
    article = tsv(corpus / "a.es-en.tsv")
    reports = corpus / "reports"
    reports.mkdir()
    (reports / "a.xlf").write_text("<xliff version='1.2'/>", encoding="utf-8")
    (reports / "summary.json").write_text(json.dumps({"format_version": 1, "totals": {}, "articles": []}))
    other = corpus / "notes"  # a summary.json of another shape is no report folder
    (other / "b").mkdir(parents=True)
    (other / "summary.json").write_text("{}", encoding="utf-8")
    (other / "b.xlf").write_text("<xliff version='1.2'/>", encoding="utf-8")
    notices: list[str] = []
    assert list(discover([corpus], notice=notices.append)) == [article, other / "b.xlf"]
    assert notices == [f"skipped {reports}: a transaudit report folder (it holds a run's summary.json); "
                       "its reports are not articles"]
    monkeypatch.chdir(tmp_path)  # named by a relative path, as on the command line
    assert list(discover([Path("corpus")])) == [Path("corpus/a.es-en.tsv"), Path("corpus/notes/b.xlf")]


# -- 4: skipped symlinks ------------------------------------------------------------------------------

def test_skipped_symlinks_are_skipped_inputs_exit_2_and_indexed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    tsv(corpus / "good.es-en.tsv")
    (corpus / "evil.es-en.tsv").symlink_to("/etc/passwd")
    (corpus / "broken.es-en.tsv").symlink_to(tmp_path / "nowhere")
    done = run_cli("check", corpus, "--out", tmp_path / "out", "--backend", "none", "-q", "-j", "1")
    assert done.returncode == 2, done.stderr
    assert f"transaudit: skipped {corpus}/evil.es-en.tsv: a symlink to /etc/passwd, outside {corpus}" \
        in done.stderr
    assert "2 article(s) skipped" in done.stderr and "Traceback" not in done.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert sorted((entry["name"], entry["status"]) for entry in summary["articles"]) == [
        ("broken", "skipped"), ("evil", "skipped"), ("good", "pass")]


# -- 5: eval --out on failure -----------------------------------------------------------------------

def test_a_failed_eval_leaves_no_out_folder(tmp_path: Path) -> None:
    data = tsv(tmp_path / "weird.jsonl", '{"foo": 1}\n')
    done = run_cli("eval", data, "--out", tmp_path / "made" / "rep", "--backend", "none")
    assert done.returncode == 2 and "cannot tell the format" in done.stderr
    assert not (tmp_path / "made").exists()


# -- 6: reports and index all or none for the run --------------------------------------------------

def test_a_failed_index_puts_the_folder_back_as_it_was(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Replaced reports get their previous content back, added ones go, the old index stays."""
    corpus = tmp_path / "corpus"
    tsv(corpus / "a.es-en.tsv")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(corpus), "--out", str(out), "--backend", "none", "-j", "1",
                                 "--format", "json", "--format", "text"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    tsv(corpus / "a.es-en.tsv", ROWS.replace("bridge.", "the bridge."))  # a new report for a
    tsv(corpus / "b.es-en.tsv")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch, "write_index", full_disk)
    second = runner.invoke(main, ["check", str(corpus), "--out", str(out), "--backend", "none", "-j", "1",
                                  "--format", "json", "--format", "text", "-q"], catch_exceptions=False)
    assert second.exit_code == 2
    assert second.output.strip().splitlines()[-1] == (
        f"transaudit: {out}: cannot write the index: No space left on device; the run is undone (its 2 new "
        "report files removed, 2 replaced report files put back): the folder holds what it held before")
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # no links left either


def test_a_full_disk_at_the_index_leaves_no_reports(tmp_path: Path, small_fs: Path) -> None:
    """The outsider's case on a real tmpfs: the article's reports fit, the index does not."""
    article = tsv(tmp_path / "a.es-en.tsv")
    probe = tmp_path / "probe"
    assert run_cli("check", article, "--out", probe, "--backend", "none", "-q").returncode == 0
    reports = sum(-(-(probe / name).stat().st_size // 4096) * 4096 for name in ("a.html", "a.json"))
    fill(small_fs, leave=reports + 4096)
    (small_fs / "filler.bin").rename(small_fs / "filler.dat")  # not a report name
    done = run_cli("check", article, "--out", small_fs / "r", "--backend", "none", "-q")
    if "cannot write the report" in done.stderr:
        pytest.skip("the tmpfs left too little room for the reports themselves")
    assert done.returncode == 2, done.stderr
    assert "cannot write the index: No space left on device; the run is undone" in done.stderr
    assert not (small_fs / "r").exists()


# -- 7: nits ------------------------------------------------------------------------------------------

def test_a_broken_config_names_its_line(tmp_path: Path) -> None:
    config = tsv(tmp_path / "transaudit.toml", "# checks\nselect = [\n")
    with pytest.raises(ConfigError) as raised:
        resolve(config)
    assert raised.value.line == 2 and str(raised.value).endswith("invalid TOML: Invalid value")
    tsv(config, "[checks]\nselect = [1,,]\n")
    with pytest.raises(ConfigError) as raised:
        resolve(config)
    assert raised.value.line == 2 and "(at line" not in str(raised.value)


def test_a_doctype_is_reported_on_its_own_line() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff version="1.2"/>'
    with pytest.raises(InputError) as raised:
        parse_bytes(data, "bad3.xlf", "XLIFF")
    assert raised.value.line == 2
    with pytest.raises(InputError) as raised:
        parse_bytes(data.decode().encode("utf-16-le"), "bad3.xlf", "XLIFF")
    assert raised.value.line == 2


def test_a_po_file_with_only_its_header_says_so(tmp_path: Path) -> None:
    po = tsv(tmp_path / "hdronly.po", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: es\\n"\n')
    with pytest.raises(InputError, match=r"no segments \(no messages besides the header and obsolete ones\)"):
        read_articles(po)


def test_one_segment_is_singular(tmp_path: Path) -> None:
    done = run_cli("check", tsv(tmp_path / "one.es-en.tsv"), "--out", tmp_path / "o", "--backend", "none")
    assert "  1 segment, 5 target words; 0 issues" in done.stdout
