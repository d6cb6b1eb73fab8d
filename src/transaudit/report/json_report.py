"""The JSON report: the machine-readable record of one audit.

The shape is documented in README.md ("JSON format"); keys are emitted in a
fixed order and floats rounded so identical runs give identical bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from transaudit.model import Segment
from transaudit.result import ArticleResult

FORMAT_VERSION = 1


def segment_to_dict(segment: Segment) -> dict[str, Any]:
    data: dict[str, Any] = {"id": segment.id, "source": segment.source, "target": segment.target}
    if segment.line is not None:
        data["line"] = segment.line
    if segment.source_placeholders or segment.target_placeholders:
        data["placeholders"] = {
            side: [p.to_dict() for p in segment.placeholders(side)] for side in ("source", "target")
        }
    if segment.meta:
        data["meta"] = dict(sorted(segment.meta.items()))
    if segment.back_translation is not None or segment.bt_note:
        data["back_translation"] = segment.back_translation
        data["bt_scores"] = {k: round(v, 2) for k, v in sorted(segment.bt_scores.items())}
        data["bt_unknown"] = list(segment.bt_unknown)
        if segment.bt_note:
            data["bt_note"] = segment.bt_note
    if segment.similarity:
        data["similarity"] = {k: round(v, 3) for k, v in sorted(segment.similarity.items())}
    return data


def result_to_dict(result: ArticleResult) -> dict[str, Any]:
    article = result.article
    return {
        "format_version": FORMAT_VERSION,
        "article": {
            "id": article.id,
            "path": article.path,
            "source_lang": article.source_lang,
            "target_lang": article.target_lang,
            **({"format": article.format} if article.format else {}),
        },
        "generated_at": result.timestamp,
        "score": result.score,
        "threshold": result.threshold,
        "passed": result.passed,
        "penalty": round(result.penalty, 4),
        "target_words": result.target_words,
        "counts": {
            "segments": len(article.segments),
            "issues": len(result.issues),
            "by_severity": result.counts_by_severity(),
            "by_category": result.counts_by_category(),
            "by_check": result.counts_by_check(),
        },
        "segments": [segment_to_dict(segment) for segment in article.segments],
        "issues": [issue.to_dict() for issue in result.issues],
        "waived": [waived.to_dict() for waived in result.waived],
        "stale_waivers": [waiver.to_dict() for waiver in result.stale_waivers],
        "errors": result.errors,
        "notices": result.notices,
        "not_run": result.not_run,
        **({"comparison": result.comparison} if result.comparison is not None else {}),
        "backtranslation": result.backtranslation,
        "settings": result.settings,
        "versions": result.versions,
    }


def render_json(result: ArticleResult) -> str:
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=2) + "\n"


def json_pieces(result: ArticleResult) -> Iterator[str]:
    """:func:`render_json`'s text in pieces, made as they are read (the report is written
    as it is encoded, never held whole: see ``fsutil.write_group``). Same bytes: with an
    indent, ``json.dumps`` joins these very pieces."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(result_to_dict(result))
    yield "\n"
