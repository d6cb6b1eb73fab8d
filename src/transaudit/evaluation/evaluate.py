"""One evaluation run: read each data set, audit it, measure, and record how.

The report carries the settings, versions, check catalogue and the metric
definitions, so every figure in it can be traced to what produced it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from transaudit.engine import Engine
from transaudit.evaluation import metrics
from transaudit.evaluation.model import Dataset
from transaudit.evaluation.readers import read_dataset
from transaudit.evaluation.runner import AuditedItems, AuditedSegments, audit_items, audit_segments
from transaudit.pipeline import run_timestamp, versions
from transaudit.settings import Settings

REPORT_VERSION = 1


def evaluate_dataset(
    dataset: Dataset, settings: Settings, engine: Engine, grouped: bool = True, samples: int = 5
) -> dict[str, Any]:
    """Audit one data set and compare the issues with its annotations."""
    head: dict[str, Any] = {"path": dataset.path, "format": dataset.format}
    audited: AuditedItems | AuditedSegments
    if dataset.format == "demetr":
        audited = audit_items(dataset.items, settings, engine)
        figures = metrics.evaluate_items(dataset.items, audited.mt, audited.target)
        head.update(grouped=False)
    else:
        audited = audit_segments(dataset.segments, settings, engine, grouped=grouped)
        checks_run = {check.code: check.name for check in engine.checks}
        figures = metrics.evaluate_segments(dataset.segments, audited.issues, samples, checks_run)
        pairs = sorted({f"{s.source_lang}-{s.target_lang}" for s in dataset.segments})
        head.update(grouped=grouped, language_pairs=pairs)
    head.update(
        articles=audited.articles,
        seconds=round(audited.seconds, 2),
        internal_errors=len(audited.errors),
        internal_error_samples=audited.errors[:5],
    )
    return {**head, **figures}


def run_evaluation(
    paths: list[Path],
    settings: Settings,
    fmt: str | None = None,
    langs: tuple[str, str] | None = None,
    grouped: bool = True,
    samples: int = 5,
) -> dict[str, Any]:
    """Evaluate every data file with one engine; the whole report as a dict."""
    engine = Engine(settings)
    datasets = [
        evaluate_dataset(read_dataset(path, fmt, langs), settings, engine, grouped, samples) for path in paths
    ]
    return {
        "report_version": REPORT_VERSION,
        "generated_at": run_timestamp(settings),
        "datasets": datasets,
        "checks": [
            {
                "code": check.code,
                "name": check.name,
                "category": check.category,
                "default_enabled": check.default_enabled,
            }
            for check in engine.checks
        ],
        "definitions": (metrics.__doc__ or "")
        .split("Definitions (also written into every report):", 1)[-1]
        .strip(),
        "settings": settings.to_dict(),
        "versions": versions(),
    }
