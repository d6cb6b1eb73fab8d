"""``transaudit eval`` end to end on small files, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from transaudit.cli.eval import eval_command


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(eval_command, [*args, "--backend", "none", "--select", "TA101"])
    return result.exit_code, result.output


def test_json_report_on_bio_mqm(bio_mqm_file: Path) -> None:
    code, output = _run(str(bio_mqm_file), "--json")
    assert code == 0, output
    report = json.loads(output)
    data = report["datasets"][0]
    assert (data["format"], data["segments"], data["articles"], data["grouped"]) == ("bio-mqm", 4, 1, True)
    assert [c["code"] for c in report["checks"]] == ["TA101"]
    check = data["by_check"][0]
    # "The the" hits the annotation, "data data" is a false alarm, "study study" is unverifiable.
    assert (check["raised"], check["judged"], check["hits"], check["precision"]) == (3, 2, 1, 0.5)
    assert data["span_level"]["overall"]["unverifiable_issues"] == 1
    assert report["settings"]["backend"] == "none"
    assert "overlaps" in report["definitions"]


def test_per_segment_audits_each_segment_alone(bio_mqm_file: Path) -> None:
    code, output = _run(str(bio_mqm_file), "--json", "--per-segment")
    assert code == 0, output
    assert json.loads(output)["datasets"][0]["articles"] == 4


def test_table_and_out_dir_for_every_format(
    bio_mqm_file: Path, demetr_file: Path, mqm_tsv_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = _run(str(bio_mqm_file), str(demetr_file), str(mqm_tsv_file), "--out", str(out))
    assert code == 0, output
    assert "segment (all)" in output and "minor_id1_repeat2" in output and "TA101 doubled-word" in output
    report = json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert [d["format"] for d in report["datasets"]] == ["bio-mqm", "demetr", "mqm-tsv"]
    demetr = {row["perturbation"]: row for row in report["datasets"][1]["by_perturbation"]}
    assert demetr["minor_id1_repeat2"]["detection_rate"] == 1.0
    assert demetr["critical_id8_negation"]["detection_rate"] == 0.0
    html = (out / "eval.html").read_text(encoding="utf-8")
    assert "<h1>transaudit eval</h1>" in html and "minor_id1_repeat2" in html


def test_html_escapes_annotated_text(tmp_path: Path) -> None:
    row = {
        "id": "x/1",
        "source_lang": "es",
        "target_lang": "en",
        "source": "<b>hola</b>",
        "target": "<script>alert(1)</script> table table",
        "errors": [],
    }
    path = tmp_path / "evil.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    code, output = _run(str(path), "--out", str(tmp_path / "out"))
    assert code == 0, output
    html = (tmp_path / "out" / "eval.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark>table table</mark>" in html


def test_format_override_and_input_errors(mqm_tsv_file: Path, tmp_path: Path) -> None:
    plain = tmp_path / "ratings.tsv"
    plain.write_text(mqm_tsv_file.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = _run(str(plain), "--format", "mqm-tsv")
    assert code == 2 and "--langs" in output
    code, output = _run(str(plain), "--format", "mqm-tsv", "--langs", "en-de", "--json")
    assert code == 0, output
    assert json.loads(output)["datasets"][0]["language_pairs"] == ["en-de"]
    code, output = _run(str(plain), "--langs", "english")
    assert code == 2 and "SRC-TGT" in output
