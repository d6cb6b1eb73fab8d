"""Evaluation reports as a terminal table, JSON and a small HTML page.

The HTML template is ``report/templates/eval.html.j2``, beside every other
template; Jinja2 autoescapes every value, since the annotated texts are data
written by others.
"""

from __future__ import annotations

import json
from functools import cache
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




@cache
def _environment() -> jinja2.Environment:
    """The templates' environment, without the article report's whitespace trimming."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("transaudit.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def render_html(report: dict[str, Any]) -> str:
    return _environment().get_template("eval.html.j2").render(report=report)
