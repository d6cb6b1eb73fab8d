"""Evaluation reports as a terminal table, JSON and a small HTML page.

The HTML template lives here as a string (not in ``report/templates``) so the
evaluation package is self-contained; Jinja2 autoescapes every value, since the
annotated texts are data written by others.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows, strict=True)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append(
            "  ".join(
                str(cell).rjust(w) if i else str(cell).ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return lines


def _prf_row(label: str, figures: dict[str, Any]) -> list[str]:
    return [
        label,
        _num(figures["precision"]),
        _num(figures["recall"]),
        _num(figures["f1"]),
        str(figures["predicted"]),
        str(figures["gold"]),
    ]


def render_text(report: dict[str, Any]) -> str:
    """The terminal summary: one block of tables per data set."""
    out: list[str] = []
    for data in report["datasets"]:
        out.append(
            f"== {data['path']} ({data['format']}): {data['articles']} articles audited "
            f"in {data['seconds']:.1f} s, {data['internal_errors']} internal errors"
        )
        if data["format"] == "demetr":
            out.extend(_demetr_text(data))
        else:
            out.extend(_segments_text(data))
        out.append("")
    return "\n".join(out)


def _segments_text(data: dict[str, Any]) -> list[str]:
    out = [
        f"{data['segments']} segments, {data['segments_with_errors']} with errors, "
        f"{data['annotated_errors']} annotated errors ({data['unlocated_errors']} unlocated), "
        f"{data['issues']} issues",
        "",
    ]
    headers = ["level", "precision", "recall", "F1", "predicted", "gold"]
    span = data["span_level"]["overall"]
    out += _table(
        headers,
        [
            _prf_row("segment (all)", data["segment_level"]["all"]),
            _prf_row("segment (major+)", data["segment_level"]["major"]),
            _prf_row("span", span),
        ],
    )
    out.append(f"({span['unverifiable_issues']} issues unverifiable: segment has unlocated errors)")
    out.append("")
    rows = []
    for row in data["span_level"]["by_category"]:
        hit_by = ", ".join(f"{code}×{n}" for code, n in list(row["hit_by"].items())[:4])
        rows.append([*_prf_row(row["category"], row)[:4], str(row["gold"]), str(row["gold_found"]), hit_by])
    out += _table(["annotated category", "precision", "recall", "F1", "spans", "hit", "hit by"], rows)
    out.append("")
    rows = []
    for row in data["by_check"]:
        top = ", ".join(f"{c}×{n}" for c, n in list(row["categories_hit"].items())[:3])
        rows.append(
            [
                f"{row['code']} {row['name']}",
                str(row["raised"]),
                str(row["hits"]),
                _num(row["precision"]),
                _num(row["segment_precision"]),
                str(row["segments_flagged"]),
                top,
            ]
        )
    headers = ["check", "issues", "hits", "precision", "seg. precision", "segments", "categories hit"]
    out += _table(headers, rows)
    return out


def _demetr_text(data: dict[str, Any]) -> list[str]:
    out = [
        f"{data['items']} items ({data['applied']} perturbed); detection {_num(data['detection_rate'])}, "
        f"new-issue detection {_num(data['new_detection_rate'])}, false alarms on "
        f"{data['controls']} controls {_num(data['control_false_alarm_rate'])}",
        "",
    ]
    rows = []
    for row in data["by_perturbation"]:
        top = ", ".join(f"{c}×{n}" for c, n in list(row["new_issues_by_check"].items())[:3])
        rows.append(
            [
                row["perturbation"],
                str(row["applied"]),
                _num(row["detection_rate"]),
                _num(row["new_detection_rate"]),
                _num(row["false_alarm_rate"]),
                top,
            ]
        )
    out += _table(["perturbation", "applied", "detected", "new", "false alarm (mt)", "new issues by"], rows)
    return out


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>transaudit eval</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; max-width: 80em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.low { background: #fde2e2; }
mark { background: #ffe08a; }
details { margin: 0.3em 0; }
pre { white-space: pre-wrap; }
</style>
</head>
<body>
<h1>transaudit eval</h1>
<p>Generated {{ report.generated_at }} · transaudit {{ report.versions.transaudit }} ·
backend {{ report.settings.backend }} · checks: {{ report.checks | map(attribute="code") | join(", ") }}</p>
{% macro num(v) %}{% if v is none %}—{% else %}{{ "%.3f" | format(v) }}{% endif %}{% endmacro %}
{% for data in report.datasets %}
<section>
<h2>{{ data.path }} <small>({{ data.format }})</small></h2>
<p>{{ data.articles }} articles audited in {{ data.seconds }} s;
{{ data.internal_errors }} internal errors.</p>
{% if data.format == "demetr" %}
<p>{{ data["items"] }} items, {{ data.applied }} perturbed. Detection {{ num(data.detection_rate) }},
new-issue detection {{ num(data.new_detection_rate) }}, false alarms on {{ data.controls }} controls
{{ num(data.control_false_alarm_rate) }}.</p>
<table>
<tr><th>perturbation</th><th>applied</th><th>detection rate</th><th>new-issue detection</th>
<th>false-alarm rate (mt)</th><th>new issues by check</th></tr>
{% for row in data.by_perturbation %}
<tr><td>{{ row.perturbation }}</td><td class="n">{{ row.applied }}</td>
<td class="n">{{ num(row.detection_rate) }}</td>
<td class="n">{{ num(row.new_detection_rate) }}</td><td class="n">{{ num(row.false_alarm_rate) }}</td>
<td>{% for code, n in row.new_issues_by_check.items() %}{{ code }}×{{ n }} {% endfor %}</td></tr>
{% endfor %}
</table>
{% else %}
<p>{{ data.segments }} segments ({{ data.segments_with_errors }} with errors), {{ data.annotated_errors }}
annotated errors ({{ data.unlocated_errors }} unlocated), {{ data.issues }} issues.</p>
<table>
<tr><th>level</th><th>precision</th><th>recall</th><th>F1</th><th>predicted</th><th>gold</th></tr>
{% for label, row in [("segment (all)", data.segment_level.all),
                      ("segment (major+)", data.segment_level.major),
                      ("span", data.span_level.overall)] %}
<tr><td>{{ label }}</td><td class="n">{{ num(row.precision) }}</td><td class="n">{{ num(row.recall) }}</td>
<td class="n">{{ num(row.f1) }}</td><td class="n">{{ row.predicted }}</td>
<td class="n">{{ row.gold }}</td></tr>
{% endfor %}
</table>
<h3>Span level by annotated category</h3>
<table>
<tr><th>category</th><th>precision</th><th>recall</th><th>F1</th><th>spans</th><th>hit</th>
<th>hit by</th></tr>
{% for row in data.span_level.by_category %}
<tr><td>{{ row.category }}</td><td class="n">{{ num(row.precision) }}</td>
<td class="n">{{ num(row.recall) }}</td>
<td class="n">{{ num(row.f1) }}</td><td class="n">{{ row.gold }}</td><td class="n">{{ row.gold_found }}</td>
<td>{% for code, n in row.hit_by.items() %}{{ code }}×{{ n }} {% endfor %}</td></tr>
{% endfor %}
</table>
<h3>Checks</h3>
<table>
<tr><th>check</th><th>issues</th><th>hits</th><th>precision</th><th>segment precision</th><th>segments</th>
<th>categories hit</th></tr>
{% for row in data.by_check %}
<tr{% if row.precision is not none and row.precision < 0.5 %} class="low"{% endif %}>
<td>{{ row.code }} {{ row.name }}</td><td class="n">{{ row.raised }}</td><td class="n">{{ row.hits }}</td>
<td class="n">{{ num(row.precision) }}</td><td class="n">{{ num(row.segment_precision) }}</td>
<td class="n">{{ row.segments_flagged }}</td>
<td>{% for cat, n in row.categories_hit.items() %}{{ cat }}×{{ n }} {% endfor %}</td></tr>
{% endfor %}
</table>
<h3>Issues that overlap no annotation (samples)</h3>
{% for row in data.by_check if row.false_alarm_samples %}
<details><summary>{{ row.code }} {{ row.name }} ({{ row.judged - row.hits }} unmatched)</summary>
{% for m in row.false_alarm_samples %}
{% set text = m.target if m.side == "target" else m.source %}
<p><b>{{ m.segment }}</b> ({{ m.side }}): {{ m.message }}<br>
{{ text[:m.start] }}<mark>{{ text[m.start:m.end] }}</mark>{{ text[m.end:] }}<br>
<small>annotated: {% for a in m.annotated %}{{ a.category }}/{{ a.severity }} “{{ a.text }}”;
{% else %}nothing{% endfor %}</small></p>
{% endfor %}
</details>
{% endfor %}
{% endif %}
</section>
{% endfor %}
<h2>Definitions</h2>
<pre>{{ report.definitions }}</pre>
<h2>Settings</h2>
<pre>{{ report.settings | tojson(indent=2) }}</pre>
</body>
</html>
"""


def render_html(report: dict[str, Any]) -> str:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(_HTML).render(report=report)
