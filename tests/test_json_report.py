"""The JSON report's shape, against a golden file."""

from __future__ import annotations

import json
from pathlib import Path

from transaudit.input.readers import Languages, read_article
from transaudit.pipeline import audit_article
from transaudit.report.json_report import render_json
from transaudit.settings import Settings

DATA = Path(__file__).parent / "data"


def render(tmp_path: Path) -> dict:
    path = tmp_path / "golden-article.tsv"
    path.write_text(
        "id\tsource\ttarget\n"
        "g1\tLa cumbre se celebró en Lisboa.\tThe summit was held in in Lisbon.\n"
        "g2\t\tSubscribe\n"
        "g3\tAdiós.\t\n",
        encoding="utf-8",
    )
    settings = Settings.from_keys(select="TA101", backend="none", timestamp="2026-01-01T00:00:00Z")
    result = audit_article(read_article(path, Languages("es", "en")), settings)
    data = json.loads(render_json(result))
    data["article"]["path"] = "golden-article.tsv"
    data.pop("versions")
    return data


def test_json_report_matches_golden_file(tmp_path: Path) -> None:
    golden = json.loads((DATA / "golden" / "article.json").read_text(encoding="utf-8"))
    assert render(tmp_path) == golden


def test_required_keys_and_span_invariant(tmp_path: Path) -> None:
    data = render(tmp_path)
    assert {"segments", "issues", "score", "passed", "threshold", "article", "settings"} <= data.keys()
    texts = {s["id"]: s for s in data["segments"]}
    for issue in data["issues"]:
        assert {"code", "name", "category", "severity", "segment", "side", "start", "end", "text",
                "message"} <= issue.keys()
        assert texts[issue["segment"]][issue["side"]][issue["start"]:issue["end"]] == issue["text"]


def test_identical_runs_give_identical_bytes(tmp_path: Path) -> None:
    assert json.dumps(render(tmp_path)) == json.dumps(render(tmp_path))


def test_the_report_records_every_option_of_the_checks_that_ran_defaults_included(tmp_path: Path) -> None:
    path = tmp_path / "options.tsv"
    path.write_text("source\ttarget\nHola.\tHello.\n", encoding="utf-8")
    settings = Settings.from_keys(select="TA104", backend="none")
    data = json.loads(render_json(audit_article(read_article(path, Languages("es", "en")), settings)))
    assert data["settings"]["check_options"] == {"TA104": {"major_words": 8}}


def test_the_pieces_written_are_the_reports_bytes(tmp_path: Path) -> None:
    """The batch streams the report (json_pieces) instead of holding it: the same text."""
    from transaudit.report.json_report import json_pieces

    path = tmp_path / "pieces.tsv"
    path.write_text("source\ttarget\nEl puente costó 20 millones.\tThe bridge cost 20 milion “euros”.\n",
                    encoding="utf-8")
    result = audit_article(read_article(path, Languages("es", "en")), Settings.from_keys(backend="none"))
    assert "".join(json_pieces(result)) == render_json(result)
