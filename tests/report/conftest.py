"""Fixtures for the report tests; the builders live in report_samples.py."""

from __future__ import annotations

import pytest
from report_samples import sample_result as _sample_result

from transaudit.result import ArticleResult


@pytest.fixture
def sample_result() -> ArticleResult:
    return _sample_result()
