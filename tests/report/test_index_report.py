"""The batch index: entries, summary.json/csv shapes, sortable table, score chart."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest
from report_samples import build_result

from transaudit.report.index_report import (
    CSV_COLUMNS,
    IndexEntry,
    render_index,
    score_histogram,
    summary_csv,
    summary_json,
)


@pytest.fixture
def entries(sample_result):
    first = IndexEntry.from_result(sample_result, "sample.html", "sample.json")
    clean = IndexEntry.from_result(build_result([], [], article_id="clean", score=100.0, passed=True),
                                   "clean.html", None)
    skipped = IndexEntry.skipped("broken.tsv", "broken.tsv:3: expected 3 columns", "in/broken.tsv")
    return [first, clean, skipped]


def test_entry_from_result(sample_result):
    entry = IndexEntry.from_result(sample_result, "sample.html", "sample.json")
    assert (entry.name, entry.score, entry.passed, entry.status) == ("sample", 87.5, False, "fail")
    assert entry.counts == {"critical": 1, "major": 2, "minor": 2}
    assert (entry.issues, entry.segments, entry.check_errors) == (5, 3, 1)
    assert (entry.html, entry.json) == ("sample.html", "sample.json")
    assert (entry.source_lang, entry.target_lang) == ("es", "en")


def test_skipped_entry():
    entry = IndexEntry.skipped("x.tsv", "bad header")
    assert (entry.status, entry.error, entry.score, entry.passed) == ("skipped", "bad header", None, None)


def test_summary_json_shape(entries):
    data = json.loads(summary_json(entries, "2026-01-02T03:04:05Z"))
    assert set(data) == {"format_version", "generated_at", "totals", "articles"}
    assert data["generated_at"] == "2026-01-02T03:04:05Z"
    assert data["totals"] == {"articles": 3, "audited": 2, "passed": 1, "failed": 1, "skipped": 1,
                              "mean_score": 93.75, "median_score": 93.75, "min_score": 87.5,
                              "issues": {"critical": 1, "major": 2, "minor": 2}}
    assert [a["status"] for a in data["articles"]] == ["fail", "pass", "skipped"]
    assert data["articles"][2]["error"] == "broken.tsv:3: expected 3 columns"
    assert data["articles"][0]["html"] == "sample.html"


def test_summary_json_of_empty_batch():
    data = json.loads(summary_json([]))
    assert data["totals"]["articles"] == 0 and data["totals"]["mean_score"] is None


def test_summary_csv_shape(entries):
    rows = list(csv.DictReader(io.StringIO(summary_csv(entries))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["article"] == "sample" and rows[0]["score"] == "87.5" and rows[0]["passed"] == "no"
    assert (rows[0]["critical"], rows[0]["major"], rows[0]["minor"]) == ("1", "2", "2")
    assert rows[1]["passed"] == "yes" and rows[1]["json"] == ""
    assert rows[2]["status"] == "skipped" and rows[2]["score"] == "" and rows[2]["error"].startswith("broken")


def test_summary_csv_neutralises_spreadsheet_formulas():
    text = summary_csv([IndexEntry.skipped('=HYPERLINK("http://x")', "@SUM(A1)")])
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["article"] == "'=HYPERLINK(\"http://x\")" and row["error"] == "'@SUM(A1)"


def test_index_rows_carry_sort_values_and_links(entries):
    html = render_index(entries, generated_at="2026-01-02T03:04:05Z")
    assert 'class="sortable"' in html and html.count('<th scope="col"') >= 10
    assert 'data-v="87.5"' in html and 'data-v="100.0"' in html
    assert 'href="sample.html"' in html and 'href="sample.json"' in html and 'href="clean.html"' in html
    assert "clean.json" not in html
    assert "broken.tsv:3: expected 3 columns" in html and "Skipped (1)" in html
    kinds = re.findall(r'data-kind="(\w+)"><button type="button">(\w+)', html)
    assert ("num", "Quality") in kinds and ("num", "MQM") in kinds and ("text", "Article") in kinds


def test_index_escapes_article_names(entries):
    hostile = "<script>window.__pwned=1</script>"
    entries = [replace(entries[0], name=hostile, html='x.html" onclick="alert(1)'),
               IndexEntry.skipped(hostile, hostile)]
    html = render_index(entries, title=hostile)
    assert hostile not in html and "&lt;script&gt;" in html
    assert 'onclick="alert(1)"' not in html


def test_score_histogram_bins_and_threshold(entries):
    more = [replace(entries[0], score=s) for s in (-20.0, 49.99, 50.0, 95.0, 100.0)]
    chart = score_histogram(more + entries)
    counts = {bar["label"]: bar["n"] for bar in chart["bars"]}
    assert counts == {"<50": 2, "50–60": 1, "60–70": 0, "70–80": 0, "80–90": 1, "90–100": 3}
    assert chart["threshold"] == 90.0
    assert {bar["label"]: bar["cls"] for bar in chart["bars"]}["90–100"] == "ok"
    assert {bar["label"]: bar["cls"] for bar in chart["bars"]}["80–90"] == "bad"
