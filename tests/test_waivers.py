"""Waivers: keyed by text, survive edits elsewhere, stale when their segment changes, carried by publish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from transaudit.cli import main
from transaudit.errors import InputError
from transaudit.model import Issue, Segment, Severity
from transaudit.waivers import append_waiver, apply_waivers, load_waivers, text_hash, waiver_for

HEADER = "id\tsource\ttarget\n"
ONE = "p1\tEl alcalde inauguró el puente.\tThe mayor opened the the bridge.\n"
TWO = "p2\tHubo muchos problemas.\tThere were many problems and problems.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def audit(article: Path, out: Path, *args: str) -> dict:
    result = run("check", str(article), "--out", str(out), "--backend", "none", "-q", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads((out / f"{article.name.split('.')[0]}.json").read_text(encoding="utf-8"))


def doubled(segment: Segment) -> Issue:
    start = segment.target.index("the the")
    return Issue("TA101", "doubled-word", "Fluency/Repetition", Severity.MINOR, segment.id, "target", start,
                 start + 7, "the the", "'the' is written twice")


def test_hash_ignores_rewrapping_but_not_edits() -> None:
    assert text_hash("The mayor  opened\nthe bridge.") == text_hash("The mayor opened the bridge.")
    assert text_hash("The mayor opened the bridge.") != text_hash("The mayor closed the bridge.")


def test_a_waiver_follows_its_text_not_its_segment_id_and_goes_stale_on_an_edit() -> None:
    segment = Segment("p1", "El alcalde.", "The mayor opened the the bridge.")
    waiver = waiver_for("story", segment, doubled(segment), "quoted speech", "ana", "2026-11-28T00:00:00Z")
    renumbered = Segment("p7", segment.source, segment.target)
    applied = apply_waivers("story", [renumbered], [doubled(renumbered)], [waiver])
    assert not applied.issues and [w.issue.segment for w in applied.waived] == ["p7"] and not applied.stale
    edited = Segment("p1", segment.source, "The mayor opened the the new bridge.")
    applied = apply_waivers("story", [edited], [doubled(edited)], [waiver])
    assert len(applied.issues) == 1 and applied.stale == [waiver]
    assert apply_waivers("other", [segment], [doubled(segment)], [waiver]).issues  # another article's


def test_waivers_files_in_json_lines_and_toml_round_trip(tmp_path: Path) -> None:
    segment = Segment("p1", "x", "The mayor opened the the bridge.")
    waiver = waiver_for("story", segment, doubled(segment), 'a "quoted" reason\non two lines', "ana", "t")
    for name in ("w.jsonl", "w.toml"):
        append_waiver(tmp_path / name, waiver)
        append_waiver(tmp_path / name, waiver)
        assert load_waivers(tmp_path / name) == [waiver, waiver]


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("w.jsonl", '{"article": "a"}\n', "w.jsonl:1: waiver lacks segment_hash, code, text, reason"),
    ("w.jsonl", "\n{not json\n", "w.jsonl:2: invalid JSON"),
    ("w.jsonl", '{"article": "a", "segment_hash": "h", "code": "TA101", "text": "x", "reason": "r", '
                '"colour": "red"}\n', "unknown waiver field(s) colour"),
    ("w.toml", "[[waiver]]\narticle = 1\n", "waiver lacks"),
    ("w.toml", "waiver = [\n", "invalid TOML"),
])
def test_bad_waivers_files_are_input_errors(tmp_path: Path, name: str, content: str, problem: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"waiver|TOML|JSON") as error:
        load_waivers(tmp_path / name)
    assert problem in str(error.value)


def test_waive_then_check_end_to_end(tmp_path: Path) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE + TWO, encoding="utf-8")
    out = tmp_path / "reports"
    before = audit(article, out)
    assert {(i["code"], i["segment"]) for i in before["issues"]} >= {("TA101", "p1")}

    result = run("waive", str(out / "story.json"), "p1", "TA101", "--reason", "quoted speech", "--who", "ana")
    assert result.exit_code == 0, result.output
    assert "waived TA101 “the the” in p1" in result.output
    after = audit(article, out)
    assert [(w["code"], w["text"], w["waiver"]["reason"], w["waiver"]["who"]) for w in after["waived"]] == [
        ("TA101", "the the", "quoted speech", "ana")]
    assert ("TA101", "p1") not in {(i["code"], i["segment"]) for i in after["issues"]}
    assert after["score"] > before["score"] and after["counts"]["issues"] == before["counts"]["issues"] - 1
    html = (out / "story.html").read_text(encoding="utf-8")
    assert '<details class="waived"><summary>1 waived</summary>' in html and "<s><code>TA101</code>" in html
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["waivers"]["count"] == 1 and summary["articles"][0]["waived"] == 1

    # A paragraph added before it renumbers the segments: the waiver still holds.
    article.write_text(HEADER + "p0\tTítulo nuevo.\tNew title.\n" + ONE.replace("p1", "q1") + TWO, "utf-8")
    assert len(audit(article, out)["waived"]) == 1
    # The flagged sentence itself is edited: the waiver is stale and reported.
    article.write_text(HEADER + ONE.replace("opened", "inaugurated") + TWO, encoding="utf-8")
    stale = audit(article, out)
    assert not stale["waived"] and len(stale["stale_waivers"]) == 1
    assert any("1 stale waiver(s)" in notice for notice in stale["notices"])


@pytest.mark.parametrize(("args", "message"), [
    (("p9", "TA101"), "no segment 'p9'"),
    (("p2", "TA101"), "segment p2 has no TA101 issue"),
    (("p1", "TA101", "--text", "nope"), "segment p1 has no TA101 issue on “nope”"),
])
def test_waive_refuses_what_it_cannot_find(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE + TWO, encoding="utf-8")
    audit(article, tmp_path / "out")
    result = run("waive", str(tmp_path / "out" / "story.json"), *args, "--reason", "fine")
    assert result.exit_code == 2 and message in result.output and len(result.output.splitlines()) == 1
    assert not (tmp_path / "out" / "waivers.jsonl").exists()


def test_publish_carries_a_waivers_file_kept_elsewhere(tmp_path: Path) -> None:
    article = tmp_path / "story.es-en.tsv"
    article.write_text(HEADER + ONE + TWO, encoding="utf-8")
    out = tmp_path / "out"
    audit(article, out)
    waivers = tmp_path / "team" / "waivers.toml"
    waivers.parent.mkdir()
    assert run("waive", str(out / "story.json"), "p1", "TA101", "--reason", "ok", "--file", str(waivers)
               ).exit_code == 0
    assert len(audit(article, out, "--waivers", str(waivers))["waived"]) == 1
    assert run("publish", str(out), "--to", str(tmp_path / "shared")).exit_code == 0
    carried = tmp_path / "shared" / "latest" / "waivers.toml"
    assert carried.read_text(encoding="utf-8") == waivers.read_text(encoding="utf-8")
    manifest = json.loads((tmp_path / "shared" / "latest" / "manifest.json").read_text(encoding="utf-8"))
    assert "waivers.toml" in manifest["files"]


def test_a_waiver_survives_a_fix_elsewhere_in_its_own_paragraph() -> None:
    text = ("The summit opened in Baku on Monday with a speech by Tokáyev. Later that afternoon, after a "
            "long lunch, the the ministers signed the agreement on the pipeline.")
    segment = Segment("p4", "x", text)
    start = text.index("Tokáyev")
    issue = Issue("TA320", "name-spelling", "Locale convention/Name format", Severity.MINOR, "p4", "target",
                  start, start + 7, "Tokáyev", "spelled the Spanish way")
    waiver = waiver_for("story", segment, issue, "house style", "ana", "t")
    fixed = Segment("p4", "x", text.replace("the the", "the"))
    assert fixed.target.index("Tokáyev") == start
    assert apply_waivers("story", [fixed], [issue], [waiver]).waived
    near = Segment("p4", "x", text.replace("speech by", "long speech by"))
    moved = Issue(**{**issue.__dict__, "start": start + 5, "end": start + 12})
    assert apply_waivers("story", [near], [moved], [waiver]).stale == [waiver]
